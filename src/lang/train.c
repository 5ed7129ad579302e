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

/* The documents one model learns from, all of them or all but one fold (jack-knifing),
 * and the tags it reads besides the words: the POS tags the chunker reads (gold or
 * predicted), and the first pass's tags the POS tagger's second pass reads. */
typedef struct train_set {
    int folds, held_out;     /* document i is in fold i % folds; held_out < 0: none */
    uint64_t **pos;          /* per document and token: hash of a predicted POS tag, or NULL */
    uint64_t **first;        /* the same from the tagger's first pass: train the second */
} train_set;

static bool in_set(const train_set *ts, size_t doc) {
    return ts->held_out < 0 || (int)(doc % (size_t)ts->folds) != ts->held_out;
}

/* What training decides with besides the weights: the tag dictionary (word -> label)
 * and the POS lexicon (word -> index of its class). */
typedef DY_VEC(uint64_t) u64_vec;
typedef struct train_aids {
    u64map sure, lex;
    u64_vec classes;
    dy_arena arena;
} train_aids;

/* The tag dictionary of a task: words as written that the training data (nearly) always
 * labels alike. They get their label at run time without scoring (and so here too). */
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

/* The POS lexicon (train.h): each word's class kept in lex, word key -> class, and its tags
 * stored in the POS model tr (the likeliest with weight 2, the others 1; NULL: training
 * another task, which reads the classes too). Tags the corpus does not use are left out. */
static bool load_lexicon(const char *path, const conll_corpus *c, ap_trainer *tr, train_aids *aids, FILE *log) {
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
            for (int k = 0; k < c->nlabels[LT_POS] && l < 0; k++)
                if (strcmp(c->labels[LT_POS][k], tag) == 0) l = k;
            if (l < 0 || (mask >> l & 1)) continue;
            if (tr) ap_trainer_fix(tr, key, l, first < 0 ? 2.0f : 1.0f);
            mask |= 1ull << l;
            if (first < 0) first = l;
        }
        if (first < 0) continue;
        u64map_put(&aids->lex, key, (uint32_t)aids->classes.n);
        DY_PUSH(&aids->arena, aids->classes) = feat_lex_class(mask, first);
        words++;
    }
    free(buf);
    if (log) fprintf(log, "  lexicon %s: %zu words\n", path, words);
    return true;
}

/* A trainer with the task's labels, its dictionary and lexicon entries stored in it. */
static bool aids_init(train_aids *aids, ap_trainer *tr, conll_corpus *c, const train_set *ts, int task,
                      const lang_train_opts *o, FILE *log) {
    memset(aids, 0, sizeof *aids);
    u64map_init(&aids->sure, 1024);
    u64map_init(&aids->lex, 1024);
    dy_arena_init(&aids->arena, 1 << 16);
    ap_trainer_init(tr);
    for (int i = 0; i < c->nlabels[task]; i++) ap_trainer_label(tr, c->labels[task][i]);
    if (task != LT_CHUNK) build_tag_dictionary(c, ts, task, tr, &aids->sure);
    return task == LT_NER || !o->lexicon ||
           load_lexicon(o->lexicon, c, task == LT_POS ? tr : NULL, aids, ts->held_out < 0 ? log : NULL);
}

static void aids_free(train_aids *aids) {
    u64map_free(&aids->sure);
    u64map_free(&aids->lex);
    dy_arena_free(&aids->arena);
}

/* Epochs of greedy training of tr on the documents of ts. */
static void train(conll_corpus *c, const dy_model *m, int task, const lang_train_opts *o, const train_set *ts,
                  const train_aids *aids, ap_trainer *tr, FILE *log) {
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
    for (int epoch = 1; epoch <= o->epochs; epoch++) {
        double t0 = now();
        for (size_t i = ndocs; i > 1; i--) {   /* Fisher-Yates */
            size_t j = next_rand(&rng) % i;
            size_t x = order[i - 1];
            order[i - 1] = order[j];
            order[j] = x;
        }
        /* The chunker reads predicted POS tags in odd epochs and gold ones in even ones:
         * it learns both what the tags mean and how far to trust them. */
        bool predicted = ts->pos && epoch % 2;
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
                gold_pos[k] = predicted ? ts->pos[order[oi]][k] : feat_label_hash(cd->gold[LT_POS][k]);
                gold_chunk[k] = feat_label_hash(cd->gold[LT_CHUNK][k]);
                uint32_t ci;
                lexc[k] = u64map_get(&aids->lex, feat_lex_key(th[k].text), &ci) ? aids->classes.v[ci]
                                                                               : feat_lex_class(0, -1);
            }
            lang_memory mem = {0};
            if (task == LT_NER) {
                if (!gaz[order[oi]]) gaz[order[oi]] = lang_gazetteer(d, m);
                lang_memory_init(&mem, d);
            }
            feat_ctx fc = {d, 0, 0, th, gold_pos, gold_chunk, hist, gaz[order[oi]], lexc, NULL, 0, false, false};
            if (ts->first) fc.first = ts->first[order[oi]];
            for (size_t si = 0; si < d->sents.n; si++) {
                fc.sb = d->sents.v[si].tok_begin;
                fc.se = d->sents.v[si].tok_end;
                fc.headline = feat_headline(d, fc.sb, fc.se);
                for (uint32_t k = fc.sb; k < fc.se; k++) {
                    const dy_token *t = &d->toks.v[k];
                    uint32_t sure_label;
                    if (task != LT_CHUNK && u64map_get(&aids->sure, feat_sure_key(&fc, k), &sure_label)) {
                        hist[k] = tr->label_hash[sure_label];
                        right += strcmp(tr->labels[sure_label], cd->gold[task][k]) == 0;
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
                    ap_trainer_score(tr, feats, n, scores);
                    int guess = ap_best(scores, tr->nlabels);
                    int truth = ap_trainer_label(tr, cd->gold[task][k]);
                    ap_trainer_update(tr, feats, n, truth, guess);
                    hist[k] = tr->label_hash[guess];
                    if (task == LT_NER && t->kind == TK_WORD && (t->flags & TF_CAP)) lang_memory_set(&mem, t, hist[k]);
                    right += guess == truth;
                    total++;
                }
            }
        }
        if (log && ts->held_out < 0)
            fprintf(log, "  %s%s epoch %d: %.2f%% of training tokens right, %zu features, %.1f s\n",
                    lang_task_names[task], ts->first ? " (second pass)" : "", epoch,
                    100.0 * (double)right / (double)(total ? total : 1), tr->rows, now() - t0);
    }
    free(order);
    free(gaz);
    free(hist);
    free(gold_pos);
    free(gold_chunk);
    free(th);
    free(lexc);
}

/* Training of tr as above, then o->ensemble - 1 more models with the next seeds, whose
 * averaged weights are added to tr's. */
static void train_ensemble(conll_corpus *c, const dy_model *m, int task, const lang_train_opts *o,
                           const train_set *ts, const train_aids *aids, ap_trainer *tr, FILE *log) {
    train(c, m, task, o, ts, aids, tr, log);
    for (int k = 1; k < o->ensemble; k++) {
        lang_train_opts ko = *o;
        ko.seed = o->seed + (uint32_t)k;
        if (log && ts->held_out < 0) fprintf(log, "  model %d of %d (seed %u)\n", k + 1, o->ensemble, ko.seed);
        ap_trainer more;
        ap_trainer_init(&more);
        for (uint32_t l = 0; l < tr->nlabels; l++) ap_trainer_label(&more, tr->labels[l]);
        train(c, m, task, &ko, ts, aids, &more, log);
        ap_trainer_add(tr, &more);
        ap_trainer_free(&more);
    }
}

/* A POS model for the documents of ts: one pass, or with o->two_pass a second one that
 * reads the first pass's tags around the word (jack-knifed ones in training). */
static bool train_pos(conll_corpus *c, const dy_model *m, const lang_train_opts *o, const train_set *ts,
                      const char *out_path, FILE *log);

/* Jack-knifing: each document's POS tags from a one-pass tagger trained on the other
 * folds, into pos. */
static bool jackknife_pos(conll_corpus *c, const dy_model *m, const lang_train_opts *o, const char *tmp_path,
                          uint64_t **pos, FILE *log) {
    dy_model *fm = malloc(sizeof *fm);
    memcpy(fm, m, sizeof *fm);   /* a shallow copy whose POS model is the fold's */
    lang_train_opts fo = *o;
    fo.two_pass = false;
    bool ok = true;
    for (int f = 0; ok && f < o->folds; f++) {
        train_set ts = {o->folds, f, NULL, NULL};
        size_t size = 0;
        char *blob = NULL, err[128];
        ok = train_pos(c, m, &fo, &ts, tmp_path, NULL) && (blob = dy_read_file(tmp_path, &size)) &&
             ap_open(&fm->taggers[LT_POS], blob, size, err, sizeof err);
        fm->has_tagger[LT_POS] = true;
        size_t right = 0, total = 0;
        for (size_t di = 0; ok && di < c->ndocs; di++) {
            if (in_set(&ts, di)) continue;
            dy_doc *d = &c->docs[di].doc;
            lang_pos_tags(d, fm, pos[di]);
            for (size_t k = 0; k < d->toks.n; k++) right += pos[di][k] == feat_label_hash(c->docs[di].gold[LT_POS][k]);
            total += d->toks.n;
        }
        if (log && ok)
            fprintf(log, "  POS tags of fold %d/%d from a tagger trained on the others: %.2f%% right\n", f + 1,
                    o->folds, 100.0 * (double)right / (double)(total ? total : 1));
        free(blob);
    }
    remove(tmp_path);
    free(fm);
    return ok;
}

static uint64_t **tag_arrays(conll_corpus *c) {
    uint64_t **a = calloc(c->ndocs, sizeof *a);
    for (size_t di = 0; di < c->ndocs; di++) a[di] = malloc((c->docs[di].doc.toks.n + 1) * sizeof **a);
    return a;
}

static void free_tag_arrays(conll_corpus *c, uint64_t **a) {
    for (size_t di = 0; a && di < c->ndocs; di++) free(a[di]);
    free(a);
}

static bool train_pos(conll_corpus *c, const dy_model *m, const lang_train_opts *o, const train_set *ts,
                      const char *out_path, FILE *log) {
    ap_trainer tr[2];
    train_aids aids;
    bool ok = aids_init(&aids, &tr[0], c, ts, LT_POS, o, log);
    if (ok) train_ensemble(c, m, LT_POS, o, ts, &aids, &tr[0], log);
    int passes = 1;
    if (ok && o->two_pass) {
        train_set second = *ts;
        second.first = tag_arrays(c);
        char tmp[4096];
        snprintf(tmp, sizeof tmp, "%s.first", out_path);
        ok = jackknife_pos(c, m, o, tmp, second.first, log);
        ap_trainer_init(&tr[1]);
        for (int i = 0; i < c->nlabels[LT_POS]; i++) ap_trainer_label(&tr[1], c->labels[LT_POS][i]);
        ap_trainer_fix(&tr[1], feat_second_pass_key(), 0, 1.0f);
        if (ok) train_ensemble(c, m, LT_POS, o, &second, &aids, &tr[1], log);
        free_tag_arrays(c, second.first);
        passes = 2;
    }
    size_t nfeat = 0;
    ok = ok && ap_trainer_save(tr, passes, out_path, o->prune, &nfeat);
    if (log && ok) fprintf(log, "  pos: wrote %s (%zu features)\n", out_path, nfeat);
    for (int p = 0; p < passes; p++) ap_trainer_free(&tr[p]);
    aids_free(&aids);
    return ok;
}

bool lang_train_task(conll_corpus *c, const dy_model *m, int task, const lang_train_opts *o, const char *out_path,
                     FILE *log) {
    train_set ts = {1, -1, NULL, NULL};
    if (task == LT_POS) return train_pos(c, m, o, &ts, out_path, log);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.fold", out_path);
    if (task == LT_CHUNK && o->folds > 1) ts.pos = tag_arrays(c);
    ap_trainer tr;
    train_aids aids;
    bool ok = aids_init(&aids, &tr, c, &ts, task, o, log) && (!ts.pos || jackknife_pos(c, m, o, tmp, ts.pos, log));
    if (ok) train_ensemble(c, m, task, o, &ts, &aids, &tr, log);
    size_t nfeat = 0;
    ok = ok && ap_trainer_save(&tr, 1, out_path, o->prune, &nfeat);
    if (log && ok) fprintf(log, "  %s: wrote %s (%zu features)\n", lang_task_names[task], out_path, nfeat);
    ap_trainer_free(&tr);
    aids_free(&aids);
    free_tag_arrays(c, ts.pos);
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

void lang_eval(conll_corpus *c, const dy_model *m, lang_scores *s, FILE *out) {
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
            for (uint32_t k = b; out && k < e; k++) {
                const dy_token *t = &d->toks.v[k];
                fprintf(out, "%.*s %s %s %s %s %s %s\n", (int)(t->end - t->start), d->text + t->start,
                        cd->gold[LT_POS][k], d->pos ? d->pos[k] : "-", cd->gold[LT_CHUNK][k],
                        d->chunk ? d->chunk[k] : "-", cd->gold[LT_NER][k], d->ner ? d->ner[k] : "-");
            }
            if (out) fputc('\n', out);
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
