#include "train.h"
#include "features.h"
#include "lang.h"
#include "../util/file.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* xorshift32: a small generator whose sequence is the same on every machine. */
static uint32_t next_rand(uint32_t *s) {
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

#define SURE_MIN_COUNT 20      /* a word seen this often ... */
#define SURE_MIN_SHARE 0.999   /* ... with the same label this often goes in the tag dictionary */

/* The tag dictionary of a task: words as written that the training data (nearly) always
 * labels alike. They get their label at run time without scoring (and so here too). */
/* The documents one model learns from: all of them, or all but one fold (jack-knifing),
 * and the POS tags the chunker reads: gold, or predicted. */
typedef struct train_set {
    int folds, held_out;     /* document i is in fold i % folds; held_out < 0: none */
    uint64_t **pos;          /* per document and token: hash of a predicted POS tag, or NULL */
} train_set;

static bool in_set(const train_set *ts, size_t doc) {
    return ts->held_out < 0 || (int)(doc % (size_t)ts->folds) != ts->held_out;
}

static void build_tag_dictionary(conll_corpus *c, const train_set *ts, int task, ap_trainer *tr, u64map *sure) {
    u64map rows;
    u64map_init(&rows, 1 << 16);
    DY_VEC(uint32_t) counts = {0};
    dy_arena tmp;
    dy_arena_init(&tmp, 1 << 20);
    size_t L = tr->nlabels, nrows = 0;
    for (size_t di = 0; di < c->ndocs; di++) {
        if (!in_set(ts, di)) continue;
        dy_doc *d = &c->docs[di].doc;
        tok_hashes *th = malloc((d->toks.n + 1) * sizeof *th);
        feat_hash_tokens(d, NULL, th);
        feat_ctx fc = {.d = d, .th = th};
        for (uint32_t k = 0; k < d->toks.n; k++) {
            uint64_t key = feat_sure_key(&fc, k);
            uint32_t r;
            if (!u64map_get(&rows, key, &r)) {
                r = (uint32_t)nrows++;
                u64map_put(&rows, key, r);
                for (size_t l = 0; l < L + 1; l++) DY_PUSH(&tmp, counts) = 0;
            }
            counts.v[r * (L + 1) + (size_t)ap_trainer_label(tr, c->docs[di].gold[task][k])]++;
            counts.v[r * (L + 1) + L]++;   /* total */
        }
        free(th);
    }
    for (size_t s = 0; s < rows.cap; s++) {
        if (!rows.keys[s]) continue;
        const uint32_t *row = &counts.v[(size_t)rows.values[s] * (L + 1)];
        if (row[L] < SURE_MIN_COUNT) continue;
        for (size_t l = 0; l < L; l++)
            if (row[l] >= SURE_MIN_SHARE * row[L]) {
                ap_trainer_fix(tr, rows.keys[s], (int)l, 1.0f);
                u64map_put(sure, rows.keys[s], (uint32_t)l);
            }
    }
    u64map_free(&rows);
    dy_arena_free(&tmp);
}

/* The POS lexicon (train.h): each word's tags are stored in the model (the likeliest with
 * weight 2, the others 1) and its class kept in lex, word key -> class. Tags the corpus
 * does not use are left out. */
typedef DY_VEC(uint64_t) u64_vec;

static bool load_lexicon(const char *path, ap_trainer *tr, u64map *lex, u64_vec *classes, dy_arena *a, FILE *log) {
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf) return false;
    size_t words = 0;
    for (char *line = buf, *next; line < buf + len; line = next) {
        char *eol = memchr(line, '\n', (size_t)(buf + len - line));
        next = eol ? eol + 1 : buf + len;
        if (eol) *eol = '\0';
        char *tab = strchr(line, '\t');
        if (!tab || tab == line) continue;
        uint64_t key = feat_lex_key(feat_text_hash(line, (size_t)(tab - line))), mask = 0;
        int first = -1;
        for (char *tag = strtok(tab + 1, " "); tag; tag = strtok(NULL, " ")) {
            int l = -1;
            for (uint32_t k = 0; k < tr->nlabels && l < 0; k++)
                if (strcmp(tr->labels[k], tag) == 0) l = (int)k;
            if (l < 0 || (mask >> l & 1)) continue;
            ap_trainer_fix(tr, key, l, first < 0 ? 2.0f : 1.0f);
            mask |= 1ull << l;
            if (first < 0) first = l;
        }
        if (first < 0) continue;
        u64map_put(lex, key, (uint32_t)classes->n);
        DY_PUSH(a, *classes) = feat_lex_class(mask, first);
        words++;
    }
    free(buf);
    if (log) fprintf(log, "  lexicon %s: %zu words\n", path, words);
    return true;
}

static bool train(conll_corpus *c, const dy_model *m, int task, const lang_train_opts *o, const train_set *ts,
                  const char *out_path, FILE *log) {
    ap_trainer tr;
    ap_trainer_init(&tr);
    for (int i = 0; i < c->nlabels[task]; i++) ap_trainer_label(&tr, c->labels[task][i]);
    u64map sure, lex;
    u64map_init(&sure, 1024);
    u64map_init(&lex, 1024);
    u64_vec classes = {0};
    dy_arena arena;
    dy_arena_init(&arena, 1 << 16);
    if (task != LT_CHUNK) build_tag_dictionary(c, ts, task, &tr, &sure);
    bool ok = task != LT_POS || !o->lexicon || load_lexicon(o->lexicon, &tr, &lex, &classes, &arena, log);
    size_t *order = malloc(c->ndocs * sizeof *order), ndocs = 0;
    uint8_t **gaz = calloc(c->ndocs, sizeof *gaz);
    uint64_t *hist = NULL, *gold_pos = NULL, *gold_chunk = NULL, *lexc = NULL;
    tok_hashes *th = NULL;
    size_t hist_cap = 0;
    for (size_t i = 0; i < c->ndocs; i++)
        if (in_set(ts, i)) order[ndocs++] = i;
    uint32_t rng = o->seed ? o->seed : 1;
    uint64_t feats[FEAT_MAX];
    float scores[AP_MAX_LABELS];
    for (int epoch = 1; ok && epoch <= o->epochs; epoch++) {
        double t0 = now();
        for (size_t i = ndocs; i > 1; i--) {   /* Fisher-Yates */
            size_t j = next_rand(&rng) % i;
            size_t x = order[i - 1];
            order[i - 1] = order[j];
            order[j] = x;
        }
        size_t right = 0, total = 0;
        for (size_t oi = 0; oi < ndocs; oi++) {
            conll_doc *cd = &c->docs[order[oi]];
            dy_doc *d = &cd->doc;
            if (hist_cap < d->toks.n + 1) {
                hist_cap = d->toks.n + 1;
                hist = realloc(hist, hist_cap * sizeof *hist);
                gold_pos = realloc(gold_pos, hist_cap * sizeof *gold_pos);
                gold_chunk = realloc(gold_chunk, hist_cap * sizeof *gold_chunk);
                th = realloc(th, hist_cap * sizeof *th);
                lexc = realloc(lexc, hist_cap * sizeof *lexc);
            }
            feat_hash_tokens(d, &m->word_classes, th);
            for (size_t k = 0; k < d->toks.n; k++) {
                gold_pos[k] = ts->pos ? ts->pos[order[oi]][k] : feat_label_hash(cd->gold[LT_POS][k]);
                gold_chunk[k] = feat_label_hash(cd->gold[LT_CHUNK][k]);
                uint32_t ci;
                lexc[k] = u64map_get(&lex, feat_lex_key(th[k].text), &ci) ? classes.v[ci] : feat_lex_class(0, -1);
            }
            lang_memory mem = {0};
            if (task == LT_NER) {
                if (!gaz[order[oi]]) gaz[order[oi]] = lang_gazetteer(d, m);
                lang_memory_init(&mem, d);
            }
            feat_ctx fc = {d, 0, 0, th, gold_pos, gold_chunk, hist, gaz[order[oi]], lexc, 0, false, false};
            for (size_t si = 0; si < d->sents.n; si++) {
                fc.sb = d->sents.v[si].tok_begin;
                fc.se = d->sents.v[si].tok_end;
                fc.headline = feat_headline(d, fc.sb, fc.se);
                for (uint32_t k = fc.sb; k < fc.se; k++) {
                    const dy_token *t = &d->toks.v[k];
                    uint32_t sure_label;
                    if (task != LT_CHUNK && u64map_get(&sure, feat_sure_key(&fc, k), &sure_label)) {
                        hist[k] = tr.label_hash[sure_label];
                        right += strcmp(tr.labels[sure_label], cd->gold[task][k]) == 0;
                        total++;
                        continue;
                    }
                    size_t n;
                    if (task == LT_POS) n = feat_pos(&fc, k, feats);
                    else if (task == LT_CHUNK) n = feat_chunk(&fc, k, feats);
                    else {
                        fc.remembered = t->kind == TK_WORD ? lang_memory_label(&mem, t) : 0;
                        fc.cap_elsewhere = t->kind == TK_WORD && lang_memory_cap_mid(&mem, t);
                        n = feat_ner(&fc, k, feats);
                    }
                    ap_trainer_score(&tr, feats, n, scores);
                    int guess = ap_best(scores, tr.nlabels);
                    int truth = ap_trainer_label(&tr, cd->gold[task][k]);
                    ap_trainer_update(&tr, feats, n, truth, guess);
                    hist[k] = tr.label_hash[guess];
                    if (task == LT_NER && t->kind == TK_WORD && (t->flags & TF_CAP)) lang_memory_set(&mem, t, hist[k]);
                    right += guess == truth;
                    total++;
                }
            }
        }
        if (log && ts->held_out < 0)
            fprintf(log, "  %s epoch %d: %.2f%% of training tokens right, %zu features, %.1f s\n",
                    lang_task_names[task], epoch, 100.0 * (double)right / (double)(total ? total : 1), tr.rows,
                    now() - t0);
    }
    size_t nfeat = 0;
    ok = ok && ap_trainer_save(&tr, out_path, o->prune, &nfeat);
    if (log && ok && ts->held_out < 0)
        fprintf(log, "  %s: wrote %s (%zu features)\n", lang_task_names[task], out_path, nfeat);
    u64map_free(&sure);
    u64map_free(&lex);
    dy_arena_free(&arena);
    free(lexc);
    free(order);
    free(gaz);
    free(hist);
    free(gold_pos);
    free(gold_chunk);
    free(th);
    ap_trainer_free(&tr);
    return ok;
}

/* Jack-knifing: each document's POS tags from a tagger trained on the other folds, so
 * the chunker learns from tags as wrong as the ones it will read. */
static bool jackknife_pos(conll_corpus *c, const dy_model *m, const lang_train_opts *o, const char *tmp_path,
                          uint64_t **pos, FILE *log) {
    dy_model *fm = malloc(sizeof *fm);
    memcpy(fm, m, sizeof *fm);   /* a shallow copy whose POS model is the fold's */
    bool ok = true;
    for (int f = 0; ok && f < o->folds; f++) {
        train_set ts = {o->folds, f, NULL};
        size_t size = 0;
        char *blob = NULL, err[128];
        ok = train(c, m, LT_POS, o, &ts, tmp_path, log) && (blob = dy_read_file(tmp_path, &size)) &&
             ap_open(&fm->taggers[LT_POS], blob, size, err, sizeof err);
        fm->has_tagger[LT_POS] = true;
        size_t right = 0, total = 0;
        for (size_t di = 0; ok && di < c->ndocs; di++) {
            if (in_set(&ts, di)) continue;
            dy_doc *d = &c->docs[di].doc;
            lang_run(d, fm, LANG_POS);
            for (size_t k = 0; k < d->toks.n; k++) {
                pos[di][k] = feat_label_hash(d->pos[k]);
                right += strcmp(d->pos[k], c->docs[di].gold[LT_POS][k]) == 0;
            }
            total += d->toks.n;
            d->pos = NULL;
        }
        if (log && ok)
            fprintf(log, "  chunk: POS tags of fold %d/%d from a tagger trained on the others, %.2f%% right\n", f + 1,
                    o->folds, 100.0 * (double)right / (double)(total ? total : 1));
        free(blob);
    }
    remove(tmp_path);
    free(fm);
    return ok;
}

bool lang_train_task(conll_corpus *c, const dy_model *m, int task, const lang_train_opts *o, const char *out_path,
                     FILE *log) {
    train_set ts = {1, -1, NULL};
    if (task != LT_CHUNK || o->folds < 2) return train(c, m, task, o, &ts, out_path, log);
    ts.pos = calloc(c->ndocs, sizeof *ts.pos);
    for (size_t di = 0; di < c->ndocs; di++) ts.pos[di] = malloc((c->docs[di].doc.toks.n + 1) * sizeof **ts.pos);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.fold", out_path);
    bool ok = jackknife_pos(c, m, o, tmp, ts.pos, log) && train(c, m, task, o, &ts, out_path, log);
    for (size_t di = 0; di < c->ndocs; di++) free(ts.pos[di]);
    free(ts.pos);
    return ok;
}

static int ner_type_index(const char *type) {
    static const char *const types[] = {"PER", "LOC", "ORG", "MISC"};
    for (int i = 0; i < 4; i++)
        if (strcmp(types[i], type) == 0) return i;
    return -1;
}

/* Count a POS confusion in a small table of (gold, predicted) pairs. */
static void confuse(lang_confusion *tab, size_t cap, size_t *n, const char *gold, const char *pred) {
    for (size_t i = 0; i < *n; i++)
        if (tab[i].gold == gold && tab[i].pred == pred) {
            tab[i].n++;
            return;
        }
    if (*n < cap) tab[(*n)++] = (lang_confusion){gold, pred, 1};
}

static int by_count(const void *a, const void *b) {
    size_t x = ((const lang_confusion *)a)->n, y = ((const lang_confusion *)b)->n;
    return x < y ? 1 : x > y ? -1 : 0;
}

void lang_eval(conll_corpus *c, const dy_model *m, lang_scores *s) {
    memset(s, 0, sizeof *s);
    size_t right = 0, nconf = 0;
    lang_confusion *conf = calloc(4096, sizeof *conf);
    double t0 = now();
    for (size_t di = 0; di < c->ndocs; di++) {
        conll_doc *cd = &c->docs[di];
        dy_doc *d = &cd->doc;
        lang_run(d, m, LANG_ALL);
        s->tokens += d->toks.n;
        for (size_t si = 0; si < d->sents.n; si++) {
            uint32_t b = d->sents.v[si].tok_begin, e = d->sents.v[si].tok_end;
            for (uint32_t k = b; d->pos && k < e; k++) {
                bool ok = strcmp(d->pos[k], cd->gold[LT_POS][k]) == 0;
                right += ok;
                if (!ok) confuse(conf, 4096, &nconf, cd->gold[LT_POS][k], d->pos[k]);
            }
            if (d->chunk) conll_count_spans(d->chunk, cd->gold[LT_CHUNK], b, e, &s->chunk, NULL);
            if (d->ner) {
                conll_count_spans(d->ner, cd->gold[LT_NER], b, e, &s->ner, NULL);
                static const char *const types[] = {"PER", "LOC", "ORG", "MISC"};
                for (int t = 0; t < 4; t++)
                    conll_count_spans(d->ner, cd->gold[LT_NER], b, e, &s->ner_type[ner_type_index(types[t])], types[t]);
            }
        }
    }
    s->seconds = now() - t0;
    s->pos_acc = s->tokens ? (double)right / (double)s->tokens : 0.0;
    qsort(conf, nconf, sizeof *conf, by_count);
    for (size_t i = 0; i < 10 && i < nconf; i++) s->pos_errors[i] = conf[i];
    free(conf);
}

double span_f1(const span_counts *s) {
    double p = s->pred ? (double)s->tp / (double)s->pred : 0.0, r = s->gold ? (double)s->tp / (double)s->gold : 0.0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
