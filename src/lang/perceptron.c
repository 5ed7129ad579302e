#include "perceptron.h"
#include "../util/die.h"
#include "features.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char magic[8] = {'D', 'Y', 'A', 'D', 'A', 'P', 0, 1};

typedef struct ap_header {
    char magic[8];
    uint32_t version, nlabels, cap, nweights;
    float scale;
    uint32_t ndense;
} ap_header;

/* Eight 16-bit weights as loaded from a dense row (any alignment), and eight sums. */
typedef int16_t ap_v8h __attribute__((vector_size(16), aligned(2)));
typedef int32_t ap_v8i __attribute__((vector_size(32)));

static inline uint32_t fingerprint(uint64_t key) { return (uint32_t)(key >> 32) | 1u; }

static size_t slot_of(const ap_entry *table, uint32_t cap, uint64_t key) {
    size_t mask = cap - 1, i = (size_t)key & mask;
    uint32_t fp = fingerprint(key);
    while (table[i].fp && table[i].fp != fp) i = (i + 1) & mask;
    return i;
}

bool ap_open(ap_model *m, const void *blob, size_t size, char *err, size_t errlen) {
    const ap_header *h = blob;
    if (size < sizeof *h || memcmp(h->magic, magic, sizeof magic) != 0) {
        snprintf(err, errlen, "not a dyad perceptron model");
        return false;
    }
    if (h->version != AP_VERSION) {
        snprintf(err, errlen, "model version %u, this dyad reads version %u (retrain: dyad train)", h->version,
                 AP_VERSION);
        return false;
    }
    uint32_t ndense = h->ndense;
    size_t need = sizeof *h + (size_t)h->nlabels * AP_LABEL_LEN + (size_t)h->cap * sizeof(ap_entry) +
                  (size_t)h->nweights * sizeof(ap_weight) + (size_t)ndense * AP_DENSE_WIDTH(h->nlabels) * 2;
    if (h->nlabels == 0 || h->nlabels > AP_MAX_LABELS || (h->cap & (h->cap - 1)) || size < need) {
        snprintf(err, errlen, "model file truncated or corrupt");
        return false;
    }
    const char *p = (const char *)blob + sizeof *h;
    m->nlabels = h->nlabels;
    m->cap = h->cap;
    m->nweights = h->nweights;
    m->ndense = ndense;
    m->scale = h->scale;
    m->labels = (const char(*)[AP_LABEL_LEN])p;
    m->table = (const ap_entry *)(p + (size_t)h->nlabels * AP_LABEL_LEN);
    m->weights = (const ap_weight *)(m->table + h->cap);
    m->dense = (const int16_t *)(m->weights + h->nweights);
    for (uint32_t i = 0; i < m->nlabels; i++) m->label_hash[i] = feat_label_hash(m->labels[i]);
    /* Every entry must point inside the weights or the dense rows, every weight at a label. */
    for (uint32_t i = 0; i < m->cap; i++) {
        if (!m->table[i].fp) continue;
        uint32_t off = m->table[i].off_n >> 8, n = m->table[i].off_n & 0xFF;
        if (n == AP_DENSE) n = 0;
        bool ok = n ? (uint64_t)off + n <= m->nweights : off < m->ndense;
        for (uint32_t k = 0; ok && k < n; k++) ok = m->weights[off + k].label < m->nlabels;
        if (!ok) {
            snprintf(err, errlen, "model file corrupt (entry %u)", i);
            return false;
        }
    }
    return true;
}

/* Scoring is bound by cache misses (a table slot, then the weights, per feature), so it
 * runs in three passes that prefetch what the next pass reads: the misses of all the
 * token's features overlap instead of following one another. Dense rows are summed eight
 * labels at a time (vector extensions: SSE2 on any x86-64, AVX2 where the CPU has it),
 * sparse weights one by one. */
static inline __attribute__((always_inline)) void score(const ap_model *m, const uint64_t *feats, size_t n,
                                                        int32_t *scores) {
    const ap_weight *found[FEAT_MAX];
    const int16_t *rows[FEAT_MAX];
    uint32_t counts[FEAT_MAX];
    size_t mask = m->cap - 1, nfound = 0, nrows = 0, width = AP_DENSE_WIDTH(m->nlabels);
    if (n > FEAT_MAX) n = FEAT_MAX;
    for (size_t i = 0; i < n; i++) __builtin_prefetch(&m->table[feats[i] & mask]);
    for (size_t i = 0; i < n; i++) {
        const ap_entry *e = &m->table[slot_of(m->table, m->cap, feats[i])];
        if (!e->fp) continue;
        if ((e->off_n & 0xFF) == AP_DENSE) {
            rows[nrows] = m->dense + (size_t)(e->off_n >> 8) * width;
            __builtin_prefetch(rows[nrows]);
            __builtin_prefetch(rows[nrows] + width - 1);
            nrows++;
            continue;
        }
        found[nfound] = &m->weights[e->off_n >> 8];
        counts[nfound] = e->off_n & 0xFF;
        __builtin_prefetch(found[nfound]);
        nfound++;
    }
    ap_v8i sums[AP_MAX_LABELS / 8] = {0};
    for (size_t i = 0; i < nrows; i++)
        for (size_t k = 0; k < width / 8; k++) sums[k] += __builtin_convertvector(*(const ap_v8h *)(rows[i] + 8 * k), ap_v8i);
    memcpy(scores, sums, m->nlabels * sizeof *scores);
    for (size_t i = 0; i < nfound; i++) {
        const ap_weight *w = found[i];
        for (uint32_t k = 0; k < counts[i]; k++) scores[w[k].label] += w[k].w;
    }
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("avx2"))) static void score_avx2(const ap_model *m, const uint64_t *feats, size_t n,
                                                       int32_t *scores) {
    score(m, feats, n, scores);
}
#endif

void ap_score(const ap_model *m, const uint64_t *feats, size_t n, int32_t *scores) {
#if defined(__x86_64__) || defined(__i386__)
    if (__builtin_cpu_supports("avx2")) {
        score_avx2(m, feats, n, scores);
        return;
    }
#endif
    score(m, feats, n, scores);
}

const ap_weight *ap_weights_of(const ap_model *m, uint64_t feat, uint32_t *n) {
    const ap_entry *e = &m->table[slot_of(m->table, m->cap, feat)];
    bool sparse = e->fp && (e->off_n & 0xFF) != AP_DENSE;
    *n = sparse ? e->off_n & 0xFF : 0;
    return sparse ? &m->weights[e->off_n >> 8] : NULL;
}

int ap_single_label(const ap_model *m, uint64_t feat) {
    uint32_t n;
    const ap_weight *w = ap_weights_of(m, feat, &n);
    return n == 1 ? w->label : -1;
}

int ap_best_int(const int32_t *scores, uint32_t nlabels) {
    int best = 0;
    for (uint32_t i = 1; i < nlabels; i++)
        if (scores[i] > scores[best]) best = (int)i;
    return best;
}

int ap_best(const float *scores, uint32_t nlabels) {
    int best = 0;
    for (uint32_t i = 1; i < nlabels; i++)
        if (scores[i] > scores[best]) best = (int)i;
    return best;
}

int ap_label_id(const ap_model *m, const char *name) {
    for (uint32_t i = 0; i < m->nlabels; i++)
        if (strncmp(m->labels[i], name, AP_LABEL_LEN) == 0) return (int)i;
    return -1;
}

void ap_trainer_init(ap_trainer *t) {
    memset(t, 0, sizeof *t);
    u64map_init(&t->index, 1 << 16);
    u64map_init(&t->fixed, 1 << 10);
}

void ap_trainer_free(ap_trainer *t) {
    u64map_free(&t->index);
    u64map_free(&t->fixed);
    free(t->w);
    free(t->total);
    free(t->stamp);
    memset(t, 0, sizeof *t);
}

int ap_trainer_label(ap_trainer *t, const char *name) {
    for (uint32_t i = 0; i < t->nlabels; i++)
        if (strncmp(t->labels[i], name, AP_LABEL_LEN) == 0) return (int)i;
    if (t->rows) dy_die("trainer: label '%s' added after training started", name);
    if (t->nlabels == AP_MAX_LABELS) dy_die("trainer: more than %d labels", AP_MAX_LABELS);
    snprintf(t->labels[t->nlabels], AP_LABEL_LEN, "%s", name);
    t->label_hash[t->nlabels] = feat_label_hash(t->labels[t->nlabels]);
    return (int)t->nlabels++;
}

static uint32_t row_of(ap_trainer *t, uint64_t f) {
    uint32_t r;
    if (u64map_get(&t->index, f, &r)) return r;
    if (t->rows == t->cap_rows) {
        size_t cap = t->cap_rows ? t->cap_rows * 2 : 1 << 16, L = t->nlabels;
        t->w = realloc(t->w, cap * L * sizeof *t->w);
        t->total = realloc(t->total, cap * L * sizeof *t->total);
        t->stamp = realloc(t->stamp, cap * L * sizeof *t->stamp);
        if (!t->w || !t->total || !t->stamp) dy_die("trainer: out of memory (%zu features)", cap);
        t->cap_rows = cap;
    }
    r = (uint32_t)t->rows++;
    size_t L = t->nlabels;
    memset(t->w + r * L, 0, L * sizeof *t->w);
    memset(t->total + r * L, 0, L * sizeof *t->total);
    memset(t->stamp + r * L, 0, L * sizeof *t->stamp);
    u64map_put(&t->index, f, r);
    return r;
}

void ap_trainer_score(const ap_trainer *t, const uint64_t *feats, size_t n, float *scores) {
    size_t L = t->nlabels;
    memset(scores, 0, L * sizeof *scores);
    for (size_t i = 0; i < n; i++) {
        uint32_t r;
        if (!u64map_get(&t->index, feats[i], &r)) continue;
        const float *w = t->w + (size_t)r * L;
        for (size_t k = 0; k < L; k++) scores[k] += w[k];
    }
}

void ap_trainer_fix(ap_trainer *t, uint64_t feat, int label, float w) {
    size_t r = row_of(t, feat);
    u64map_put(&t->fixed, feat, 1);
    t->w[r * t->nlabels + (size_t)label] = w;   /* averages to w as long as no update touches it */
}

static void bump(ap_trainer *t, size_t at, float v) {
    t->total[at] += (double)(t->clock - t->stamp[at]) * t->w[at];
    t->stamp[at] = t->clock;
    t->w[at] += v;
}

void ap_trainer_update(ap_trainer *t, const uint64_t *feats, size_t n, int truth, int guess) {
    t->clock++;
    if (truth == guess) return;
    size_t L = t->nlabels;
    for (size_t i = 0; i < n; i++) {
        size_t r = row_of(t, feats[i]);
        bump(t, r * L + (size_t)truth, 1.0f);
        bump(t, r * L + (size_t)guess, -1.0f);
    }
}

/* The averaged weight at index i of t. */
static float averaged(const ap_trainer *t, size_t i) {
    double total = t->total[i] + (double)(t->clock - t->stamp[i]) * t->w[i];
    return t->clock ? (float)(total / t->clock) : 0.0f;
}

void ap_trainer_add(ap_trainer *into, const ap_trainer *from) {
    size_t L = into->nlabels;
    for (size_t i = 0; i < into->rows * L; i++) {   /* into's averages become its weights */
        into->w[i] = averaged(into, i);
        into->total[i] = (double)into->w[i] * into->clock;
        into->stamp[i] = into->clock;
    }
    for (size_t s = 0; s < from->index.cap; s++) {
        uint32_t fixed;
        if (!from->index.keys[s] || u64map_get(&from->fixed, from->index.keys[s], &fixed)) continue;
        size_t fr = from->index.values[s], r = row_of(into, from->index.keys[s]);
        for (size_t k = 0; k < L; k++) {
            float a = averaged(from, fr * L + k);
            into->w[r * L + k] += a;
            into->total[r * L + k] += (double)a * into->clock;
            into->stamp[r * L + k] = into->clock;
        }
    }
}

bool ap_trainer_save(ap_trainer *ts, int ntrainers, const char *path, int prune, size_t *nfeatures_out) {
    size_t L = ts[0].nlabels, nweights = 0, nfeat = 0;
    float *avg[AP_MAX_TRAINERS] = {0}, maxw = 0.0f;
    int16_t *q[AP_MAX_TRAINERS] = {0};
    for (int n = 0; n < ntrainers; n++) {
        const ap_trainer *t = &ts[n];
        avg[n] = malloc((t->rows * L + 1) * sizeof *avg[n]);
        q[n] = malloc((t->rows * L + 1) * sizeof *q[n]);
        if (!avg[n] || !q[n]) dy_die("trainer: out of memory (averaging)");
        for (size_t i = 0; i < t->rows * L; i++) {
            avg[n][i] = averaged(t, i);
            if (fabsf(avg[n][i]) > maxw) maxw = fabsf(avg[n][i]);
        }
    }
    /* 16-bit weights, one scale for all: a weight that rounds to 0 is dropped. */
    float scale = maxw > 0 ? maxw / 32000.0f : 1.0f;
    for (int n = 0; n < ntrainers; n++) {
        const ap_trainer *t = &ts[n];
        for (size_t s = 0; s < t->index.cap; s++) {
            if (!t->index.keys[s]) continue;
            size_t r = t->index.values[s], nz = 0;
            uint32_t fixed;
            bool keep_all = u64map_get(&t->fixed, t->index.keys[s], &fixed);
            for (size_t k = 0; k < L; k++) {
                int16_t *w = &q[n][r * L + k];
                *w = (int16_t)lrintf(avg[n][r * L + k] / scale);
                if (abs(*w) < prune && !keep_all) *w = 0;
                nz += *w != 0;
            }
            nweights += nz;
            nfeat += nz > 0;
        }
    }
    uint32_t cap = 64;
    while (cap < nfeat * 2) cap *= 2;
    size_t width = AP_DENSE_WIDTH(L);
    ap_entry *table = calloc(cap, sizeof *table);
    ap_weight *weights = malloc((nweights ? nweights : 1) * sizeof *weights);
    int16_t *dense = malloc((nfeat ? nfeat : 1) * width * sizeof *dense);
    if (!table || !weights || !dense) dy_die("trainer: out of memory (model table)");
    /* Rows are written in the order of their slots in the trainers' indexes, which depends
     * only on the features seen: the same data and seed give the same file. */
    size_t off = 0, ndense = 0;
    for (int n = 0; n < ntrainers; n++) {
        const ap_trainer *t = &ts[n];
        for (size_t s = 0; s < t->index.cap; s++) {
            uint64_t key = t->index.keys[s];
            if (!key) continue;
            size_t r = t->index.values[s], nz = 0;
            for (size_t k = 0; k < L; k++) nz += q[n][r * L + k] != 0;
            if (!nz) continue;
            size_t slot = slot_of(table, cap, key);
            if (table[slot].fp) continue;   /* two features with one fingerprint: keep the first */
            uint32_t fixed;
            if (6 * nz >= width && !u64map_get(&t->fixed, key, &fixed)) {
                int16_t *row = dense + ndense * width;
                memset(row, 0, width * sizeof *row);
                memcpy(row, &q[n][r * L], L * sizeof *row);
                table[slot] = (ap_entry){fingerprint(key), (uint32_t)(ndense++ << 8 | AP_DENSE)};
                continue;
            }
            for (size_t k = 0, i = 0; k < L; k++)
                if (q[n][r * L + k]) weights[off + i++] = (ap_weight){q[n][r * L + k], (uint8_t)k, 0};
            table[slot] = (ap_entry){fingerprint(key), (uint32_t)(off << 8 | nz)};
            off += nz;
        }
    }
    ap_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, magic, sizeof magic);
    h.version = AP_VERSION;
    h.nlabels = (uint32_t)L;
    h.cap = cap;
    h.nweights = (uint32_t)off;
    h.scale = scale;
    h.ndense = (uint32_t)ndense;
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(&h, sizeof h, 1, f) == 1 && fwrite(ts[0].labels, AP_LABEL_LEN, L, f) == L &&
              fwrite(table, sizeof *table, cap, f) == cap && fwrite(weights, sizeof *weights, off, f) == off &&
              fwrite(dense, width * sizeof *dense, ndense, f) == ndense;
    if (f && fclose(f) != 0) ok = false;
    for (int n = 0; n < ntrainers; n++) {
        free(avg[n]);
        free(q[n]);
    }
    free(table);
    free(weights);
    free(dense);
    if (nfeatures_out) *nfeatures_out = nfeat;
    return ok;
}
