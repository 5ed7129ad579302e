/* clusters.c - two-level k-means over context vectors. A word's vector counts the 200 most
 * frequent words on its left and, separately, on its right (PPMI-weighted, unit length);
 * spherical k-means (cosine similarity) with a fixed initialisation (the most frequent
 * words as first centres) makes the result the same for the same corpus. */
#include "clusters.h"
#include "../core/doc.h"
#include "../know/tsv.h"
#include "../text/tokenize.h"
#include "../util/die.h"
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CONTEXT_WORDS 200
#define DIMS (2 * CONTEXT_WORDS)
#define ITERATIONS 12

typedef struct word_count { const char *key; uint32_t n; } word_count;

static int by_count(const void *a, const void *b) {
    const word_count *x = a, *y = b;
    if (x->n != y->n) return x->n < y->n ? 1 : -1;
    return strcmp(x->key, y->key);
}

/* Tokenize every article and hand each sentence-free stream of token keys to fn. */
static size_t each_text(FILE *in, void (*fn)(void *, const dy_doc *), void *ctx) {
    char *line = NULL;
    size_t cap = 0, n = 0;
    ssize_t len;
    dy_doc d;
    doc_init(&d);
    while ((len = getline(&line, &cap, in)) != -1) {
        cJSON *o = cJSON_ParseWithLength(line, (size_t)len);
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
        if (cJSON_IsString(text)) {
            doc_reset(&d, text->valuestring, (uint32_t)strlen(text->valuestring));
            tok_run(&d, NULL, NULL);
            fn(ctx, &d);
            n++;
        }
        cJSON_Delete(o);
    }
    free(line);
    doc_free(&d);
    return n;
}

typedef struct counting { hashmap words; DY_VEC(uint32_t) counts; dy_arena arena; } counting;

static void count_words(void *p, const dy_doc *d) {
    counting *c = p;
    for (size_t i = 0; i < d->toks.n; i++) {
        uint32_t id;
        const dy_token *t = &d->toks.v[i];
        if (!hm_get_hashed(&c->words, t->key, t->key_len, t->key_hash, &id)) {
            id = (uint32_t)c->counts.n;
            hm_put(&c->words, t->key, t->key_len, id);
            DY_PUSH(&c->arena, c->counts) = 0;
        }
        c->counts.v[id]++;
    }
}

typedef struct contexts {
    hashmap vocab, context;   /* word -> row; context word -> column */
    float *vec;               /* rows x DIMS */
} contexts;

static void count_contexts(void *p, const dy_doc *d) {
    contexts *c = p;
    for (size_t i = 0; i < d->toks.n; i++) {
        uint32_t row, col;
        const dy_token *t = &d->toks.v[i];
        if (!hm_get_hashed(&c->vocab, t->key, t->key_len, t->key_hash, &row)) continue;
        if (i > 0) {
            const dy_token *l = &d->toks.v[i - 1];
            if (hm_get_hashed(&c->context, l->key, l->key_len, l->key_hash, &col)) c->vec[(size_t)row * DIMS + col] += 1;
        }
        if (i + 1 < d->toks.n) {
            const dy_token *r = &d->toks.v[i + 1];
            if (hm_get_hashed(&c->context, r->key, r->key_len, r->key_hash, &col))
                c->vec[(size_t)row * DIMS + CONTEXT_WORDS + col] += 1;
        }
    }
}

static void normalise(float *v) {
    double s = 0;
    for (int k = 0; k < DIMS; k++) s += (double)v[k] * v[k];
    float inv = s > 0 ? (float)(1.0 / sqrt(s)) : 0.0f;
    for (int k = 0; k < DIMS; k++) v[k] *= inv;
}

/* Spherical k-means over rows[0..n) of vec; centres start at k rows spread evenly over the
 * (frequency-ordered) rows, so frequent and rare words both seed classes. */
static void kmeans(const float *vec, const uint32_t *rows, size_t n, size_t k, uint16_t *assign) {
    if (k > n) k = n;
    float *centre = malloc(k * DIMS * sizeof *centre);
    for (size_t c = 0; c < k; c++) memcpy(centre + c * DIMS, vec + (size_t)rows[c * n / k] * DIMS, DIMS * sizeof *centre);
    for (int it = 0; it < ITERATIONS; it++) {
        for (size_t i = 0; i < n; i++) {
            const float *v = vec + (size_t)rows[i] * DIMS;
            float best = -2;
            for (size_t c = 0; c < k; c++) {
                const float *m = centre + c * DIMS;
                float dot = 0;
                for (int d = 0; d < DIMS; d++) dot += v[d] * m[d];
                if (dot > best) {
                    best = dot;
                    assign[i] = (uint16_t)c;
                }
            }
        }
        memset(centre, 0, k * DIMS * sizeof *centre);
        for (size_t i = 0; i < n; i++) {
            const float *v = vec + (size_t)rows[i] * DIMS;
            float *m = centre + (size_t)assign[i] * DIMS;
            for (int d = 0; d < DIMS; d++) m[d] += v[d];
        }
        for (size_t c = 0; c < k; c++) normalise(centre + c * DIMS);
    }
    free(centre);
}

bool clusters_learn(FILE *in, FILE *out, size_t vocab, FILE *progress) {
    /* Read the corpus once into memory: two passes over it follow. */
    char *all = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&all, &len);
    char buf[1 << 16];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, got, mem);
    fclose(mem);

    counting cnt;
    memset(&cnt, 0, sizeof cnt);
    hm_init(&cnt.words);
    dy_arena_init(&cnt.arena, 1 << 20);
    FILE *f = fmemopen(all, len, "r");
    size_t articles = each_text(f, count_words, &cnt);
    fclose(f);
    size_t nw = cnt.words.count;
    word_count *wc = malloc(nw * sizeof *wc);
    size_t j = 0;
    for (size_t s = 0; s < cnt.words.cap; s++)
        if (cnt.words.tags[s]) wc[j++] = (word_count){cnt.words.slots[s].key, cnt.counts.v[cnt.words.slots[s].value]};
    qsort(wc, nw, sizeof *wc, by_count);
    if (vocab > nw) vocab = nw;
    if (progress) fprintf(progress, "dyad clusters: %zu articles, %zu distinct words; clustering the %zu most frequent\n",
                     articles, nw, vocab);

    contexts ctx;
    hm_init(&ctx.vocab);
    hm_init(&ctx.context);
    for (size_t i = 0; i < vocab; i++) hm_put(&ctx.vocab, wc[i].key, strlen(wc[i].key), (uint32_t)i);
    for (size_t i = 0; i < CONTEXT_WORDS && i < nw; i++) hm_put(&ctx.context, wc[i].key, strlen(wc[i].key), (uint32_t)i);
    ctx.vec = calloc(vocab * DIMS, sizeof *ctx.vec);
    if (!ctx.vec) dy_die("clusters: out of memory");
    f = fmemopen(all, len, "r");
    each_text(f, count_contexts, &ctx);
    fclose(f);
    free(all);
    /* Positive pointwise mutual information: how much more often than chance a context
     * word stands next to the word (frequent contexts like "the" weigh little). */
    double total = 0, *col = calloc(DIMS, sizeof *col);
    for (size_t i = 0; i < vocab; i++)
        for (int d = 0; d < DIMS; d++) {
            col[d] += ctx.vec[i * DIMS + d];
            total += ctx.vec[i * DIMS + d];
        }
    for (size_t i = 0; i < vocab; i++) {
        float *v = ctx.vec + i * DIMS;
        double row = 0;
        for (int d = 0; d < DIMS; d++) row += v[d];
        for (int d = 0; d < DIMS; d++) {
            double pmi = v[d] > 0 && row > 0 && col[d] > 0 ? log((double)v[d] * total / (row * col[d])) : 0;
            v[d] = pmi > 0 ? (float)pmi : 0.0f;
        }
        normalise(v);
    }
    free(col);

    uint32_t *rows = malloc(vocab * sizeof *rows);
    uint16_t *coarse = malloc(vocab * sizeof *coarse), *fine = malloc(vocab * sizeof *fine);
    for (size_t i = 0; i < vocab; i++) rows[i] = (uint32_t)i;
    kmeans(ctx.vec, rows, vocab, CLUSTER_COARSE, coarse);
    if (progress) fprintf(progress, "dyad clusters: %d coarse classes done\n", CLUSTER_COARSE);
    uint32_t *members = malloc(vocab * sizeof *members);
    uint16_t *sub = malloc(vocab * sizeof *sub);
    for (int c = 0; c < CLUSTER_COARSE; c++) {
        size_t m = 0;
        for (size_t i = 0; i < vocab; i++)   /* in frequency order */
            if (coarse[i] == c) members[m++] = (uint32_t)i;
        if (!m) continue;
        kmeans(ctx.vec, members, m, CLUSTER_FINE, sub);
        for (size_t i = 0; i < m; i++) fine[members[i]] = sub[i];
    }
    fprintf(out, "# dyad word classes: word <TAB> coarse class (0-%d) <TAB> fine class within it (0-%d)\n",
            CLUSTER_COARSE - 1, CLUSTER_FINE - 1);
    fprintf(out, "# made by `dyad clusters` (see models/README.md)\n");
    for (size_t i = 0; i < vocab; i++) fprintf(out, "%s\t%u\t%u\n", wc[i].key, coarse[i], fine[i]);
    free(rows);
    free(coarse);
    free(fine);
    free(members);
    free(sub);
    free(ctx.vec);
    free(wc);
    hm_free(&ctx.vocab);
    hm_free(&ctx.context);
    hm_free(&cnt.words);
    dy_arena_free(&cnt.arena);
    return !ferror(out);
}

void clusters_load(hashmap *map, const char *buf, size_t len) {
    tsv_reader r;
    tsv_field f[3];
    tsv_open(&r, buf, len);
    while (tsv_next(&r, f, 3) >= 3)
        hm_put(map, f[0].p, f[0].n, (uint32_t)(atoi(f[1].p) << 16 | (atoi(f[2].p) + 1)));
}
