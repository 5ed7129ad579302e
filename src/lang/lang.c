#include "lang.h"
#include "features.h"
#include <string.h>

enum gaz_code { GZ_NONE, GZ_COUNTRY, GZ_DEMONYM = 3, GZ_PERSON = 5, GZ_ORG = 7, GZ_ROLE = 9, GZ_CAPITAL = 11 };

static void mark(uint8_t *g, uint32_t b, uint32_t n, uint8_t code) {
    g[b] = code;
    for (uint32_t k = 1; k < n; k++) g[b + k] = (uint8_t)(code + 1);
}

uint8_t *lang_gazetteer(dy_doc *d, const dy_model *m) {
    uint8_t *g = dy_arena_alloc(&d->arena, d->toks.n + 1);
    for (size_t si = 0; si < d->sents.n; si++) {
        uint32_t k = d->sents.v[si].tok_begin, end = d->sents.v[si].tok_end;
        while (k < end) {
            const dy_token *t = &d->toks.v[k];
            uint32_t n, v;
            if ((t->flags & TF_CAP) && pt_longest(&m->actor_pt, d, k, end, &n, &v)) {
                uint8_t type = m->actors.v[v].type;
                mark(g, k, n, type == ET_PERSON ? GZ_PERSON : GZ_ORG);
                k += n;
            } else if ((t->flags & TF_CAP) && pt_longest(&m->country_pt, d, k, end, &n, &v)) {
                int cm = (int)(v & 3);
                mark(g, k, n, cm == CM_DEMONYM ? GZ_DEMONYM : cm == CM_CAPITAL ? GZ_CAPITAL : GZ_COUNTRY);
                k += n;
            } else if (pt_longest(&m->role_pt, d, k, end, &n, &v)) {
                mark(g, k, n, GZ_ROLE);
                k += n;
            } else {
                k++;
            }
        }
    }
    return g;
}

void lang_memory_init(lang_memory *mem, dy_doc *d) {
    size_t cap = 64;
    while (cap < d->toks.n * 2) cap *= 2;
    mem->cap = cap;
    mem->keys = dy_arena_alloc(&d->arena, cap * sizeof *mem->keys);
    mem->labels = dy_arena_alloc(&d->arena, cap * sizeof *mem->labels);
    mem->cap_mid = dy_arena_alloc(&d->arena, cap);
    /* Capitalised words not at a sentence start: names, whatever their position elsewhere. */
    for (size_t si = 0; si < d->sents.n; si++)
        for (uint32_t k = d->sents.v[si].tok_begin + 1; k < d->sents.v[si].tok_end; k++) {
            const dy_token *t = &d->toks.v[k];
            if (t->kind != TK_WORD || !(t->flags & TF_CAP) || (t->flags & TF_ALLCAP)) continue;
            uint64_t key = (uint64_t)t->key_hash << 1 | 1;
            size_t i = key & (cap - 1);
            while (mem->keys[i] && mem->keys[i] != key) i = (i + 1) & (cap - 1);
            mem->keys[i] = key;
            mem->cap_mid[i] = 1;
        }
}

static size_t mem_slot(const lang_memory *mem, const dy_token *t) {
    uint64_t key = (uint64_t)t->key_hash << 1 | 1;
    size_t i = key & (mem->cap - 1);
    while (mem->keys[i] && mem->keys[i] != key) i = (i + 1) & (mem->cap - 1);
    return i;
}

uint64_t lang_memory_label(const lang_memory *mem, const dy_token *t) { return mem->labels[mem_slot(mem, t)]; }

bool lang_memory_cap_mid(const lang_memory *mem, const dy_token *t) { return mem->cap_mid[mem_slot(mem, t)] != 0; }

void lang_memory_set(lang_memory *mem, const dy_token *t, uint64_t label) {
    size_t i = mem_slot(mem, t);
    mem->keys[i] = (uint64_t)t->key_hash << 1 | 1;
    mem->labels[i] = label;
}

/* The lexical class of every word of the sentence, from the lexicon in the POS model. */
static void lex_classes(const ap_model *am, const feat_ctx *c, uint64_t *lex) {
    enum { AHEAD = 4 };   /* the table slots of words a few ahead are fetched meanwhile */
    for (uint32_t i = c->sb; i < c->se && i < c->sb + AHEAD; i++)
        __builtin_prefetch(&am->table[feat_lex_key(c->th[i].text) & (am->cap - 1)]);
    for (uint32_t i = c->sb; i < c->se; i++) {
        if (i + AHEAD < c->se) __builtin_prefetch(&am->table[feat_lex_key(c->th[i + AHEAD].text) & (am->cap - 1)]);
        uint32_t n;
        const ap_weight *w = ap_weights_of(am, feat_lex_key(c->th[i].text), &n);
        uint64_t mask = 0;
        int first = -1;
        for (uint32_t k = 0; k < n; k++) {
            mask |= 1ull << w[k].label;
            if (first < 0 || w[k].w > w[first].w) first = (int)k;
        }
        lex[i] = feat_lex_class(mask, first < 0 ? -1 : w[first].label);
    }
}

/* How far the best label's score is ahead of the runner-up's. */
static int32_t lead(const int32_t *scores, uint32_t nlabels, int best) {
    int32_t second = INT32_MIN;
    for (uint32_t k = 0; k < nlabels; k++)
        if ((int)k != best && scores[k] > second) second = scores[k];
    return scores[best] - second;
}

/* A chunk tag I-X continues a chunk of type X: after anything else the best label that
 * is not such an I-X (B-X, as a rule). */
static int continuing(const ap_model *am, int32_t *scores, int best, const char *prev) {
    while (am->labels[best][0] == 'I' && strcmp(am->labels[best] + 1, prev + 1) != 0) {
        scores[best] = INT32_MIN;
        best = ap_best_int(scores, am->nlabels);
    }
    return best;
}

/* POS passes: margin, when not NULL, gets each token's lead of the best label over the
 * runner-up (INT32_MAX for tag-dictionary words) in a first pass; a second pass (keep
 * >= 0) leaves the tokens whose lead was at least keep as the first pass tagged them. */
typedef struct pass_margins { int32_t *margin; int32_t keep; } pass_margins;

#define NO_MARGINS ((pass_margins){NULL, -1})

/* Greedy decoding of one task over one sentence: out gets the label names, hist their
 * hashes (the history features read). */
static void tag_sentence(const ap_model *am, int task, feat_ctx *c, const char **out, uint64_t *hist,
                         lang_memory *mem, pass_margins pm) {
    uint64_t feats[FEAT_MAX];
    int32_t scores[AP_MAX_LABELS];
    c->hist = hist;
    for (uint32_t i = c->sb; i < c->se; i++) {
        const dy_token *t = &c->d->toks.v[i];
        if (pm.keep >= 0 && pm.margin[i] >= pm.keep) {
            hist[i] = c->first[i];
            continue;
        }
        int best = task == LT_CHUNK ? -1 : ap_single_label(am, feat_sure_key(c, i));
        if (best >= 0) {
            out[i] = am->labels[best];
            hist[i] = am->label_hash[best];
            if (pm.margin) pm.margin[i] = INT32_MAX;
            continue;
        }
        size_t n;
        if (task == LT_POS) n = feat_pos(c, i, feats);
        else if (task == LT_CHUNK) n = feat_chunk(c, i, feats);
        else {
            c->remembered = t->kind == TK_WORD ? lang_memory_label(mem, t) : 0;
            c->cap_elsewhere = t->kind == TK_WORD && lang_memory_cap_mid(mem, t);
            n = feat_ner(c, i, feats);
        }
        ap_score(am, feats, n, scores);
        best = ap_best_int(scores, am->nlabels);
        if (pm.margin && pm.keep < 0) pm.margin[i] = lead(scores, am->nlabels, best);
        if (task == LT_CHUNK) best = continuing(am, scores, best, i > c->sb ? out[i - 1] : "O");
        out[i] = am->labels[best];
        hist[i] = am->label_hash[best];
        if (task == LT_NER && t->kind == TK_WORD && (t->flags & TF_CAP)) lang_memory_set(mem, t, hist[i]);
    }
}

/* A first-pass tag ahead of the runner-up by half the largest weight (weights are scaled
 * to at most 32000, perceptron.h) stays: the second pass then scores 4% of the words of
 * eng.testa and 7% of news text, with the accuracy of scoring them all (testa 96.48%; with
 * 8000, 96.45%). Two passes then cost under 10% of the speed of POS + chunks + NER (a
 * lead of 32000: 14% of news words rescored, 14% slower, no more accurate). */
#define POS_SURE_LEAD 16000

/* POS tags of one sentence: the lexical classes, then one greedy pass, or two when the
 * model has a second pass (features.h), which reads the first one's tags (into first). */
static void pos_sentence(const ap_model *am, feat_ctx *c, uint64_t *first, int32_t *margin, const char **out,
                         uint64_t *hist) {
    uint32_t n;
    if (!ap_weights_of(am, feat_second_pass_key(), &n)) {
        tag_sentence(am, LT_POS, c, out, hist, NULL, NO_MARGINS);
        return;
    }
    tag_sentence(am, LT_POS, c, out, first, NULL, (pass_margins){margin, -1});
    c->first = first;
    tag_sentence(am, LT_POS, c, out, hist, NULL, (pass_margins){margin, POS_SURE_LEAD});
    c->first = NULL;
}

typedef struct lang_scratch { tok_hashes *th; uint64_t *hist, *lex, *first; int32_t *margin; } lang_scratch;

void lang_tag_sentence(dy_doc *d, const dy_model *m, uint32_t sent) {
    if (!m->has_tagger[LT_POS]) return;
    const dy_sentence *s = &d->sents.v[sent];
    if (d->pos && d->pos[s->tok_begin]) return;   /* tagged already */
    size_t n = d->toks.n + 1;
    if (!d->pos) d->pos = dy_arena_alloc(&d->arena, n * sizeof *d->pos);
    lang_scratch *sc = d->lang_scratch;
    if (!sc) {   /* per document, indexed like its tokens, filled a sentence at a time */
        sc = d->lang_scratch = dy_arena_alloc(&d->arena, sizeof *sc);
        sc->th = dy_arena_alloc_raw(&d->arena, n * sizeof *sc->th);
        sc->hist = dy_arena_alloc(&d->arena, n * sizeof *sc->hist);
        sc->lex = dy_arena_alloc_raw(&d->arena, n * sizeof *sc->lex);
        sc->first = dy_arena_alloc_raw(&d->arena, n * sizeof *sc->first);
        sc->margin = dy_arena_alloc_raw(&d->arena, n * sizeof *sc->margin);
    }
    feat_hash_range(d, &m->word_classes, s->tok_begin, s->tok_end, sc->th + s->tok_begin);
    feat_ctx c = {d, s->tok_begin, s->tok_end, sc->th, NULL, NULL, NULL, NULL, sc->lex, NULL, 0, false, false};
    c.headline = feat_headline(d, c.sb, c.se);
    lex_classes(&m->taggers[LT_POS], &c, sc->lex);
    pos_sentence(&m->taggers[LT_POS], &c, sc->first, sc->margin, d->pos, sc->hist);
}

void lang_run(dy_doc *d, const dy_model *m, unsigned tasks) {
    if (!m->has_tagger[LT_POS]) tasks &= ~(unsigned)(LANG_POS | LANG_CHUNK);
    if (!m->has_tagger[LT_CHUNK]) tasks &= ~(unsigned)LANG_CHUNK;
    if (!m->has_tagger[LT_NER]) tasks &= ~(unsigned)LANG_NER;
    if (!tasks) return;
    size_t n = d->toks.n + 1;
    tok_hashes *th = dy_arena_alloc_raw(&d->arena, n * sizeof *th);
    feat_hash_tokens(d, &m->word_classes, th);
    uint64_t *hashes[LT_COUNT] = {0};
    const char ***outs[LT_COUNT] = {&d->pos, &d->chunk, &d->ner};
    for (int t = 0; t < LT_COUNT; t++) {
        if (!(tasks & (1u << t))) continue;
        *outs[t] = dy_arena_alloc(&d->arena, n * sizeof **outs[t]);
        hashes[t] = dy_arena_alloc(&d->arena, n * sizeof(uint64_t));
    }
    uint64_t *lex = d->pos ? dy_arena_alloc_raw(&d->arena, n * sizeof *lex) : NULL;
    uint64_t *first = d->pos ? dy_arena_alloc_raw(&d->arena, n * sizeof *first) : NULL;
    int32_t *margin = d->pos ? dy_arena_alloc_raw(&d->arena, n * sizeof *margin) : NULL;
    feat_ctx c = {d, 0, 0, th, hashes[LT_POS], hashes[LT_CHUNK], NULL, NULL, lex, NULL, 0, false, false};
    lang_memory mem = {0};
    if (d->ner) {
        c.gaz = lang_gazetteer(d, m);
        lang_memory_init(&mem, d);
    }
    for (size_t si = 0; si < d->sents.n; si++) {
        c.sb = d->sents.v[si].tok_begin;
        c.se = d->sents.v[si].tok_end;
        c.headline = feat_headline(d, c.sb, c.se);
        if (lex) lex_classes(&m->taggers[LT_POS], &c, lex);
        if (d->pos) pos_sentence(&m->taggers[LT_POS], &c, first, margin, d->pos, hashes[LT_POS]);
        if (d->chunk) tag_sentence(&m->taggers[LT_CHUNK], LT_CHUNK, &c, d->chunk, hashes[LT_CHUNK], NULL, NO_MARGINS);
        if (d->ner) tag_sentence(&m->taggers[LT_NER], LT_NER, &c, d->ner, hashes[LT_NER], &mem, NO_MARGINS);
    }
}

void lang_pos_tags(dy_doc *d, const dy_model *m, uint64_t *tags) {
    size_t n = d->toks.n + 1;
    tok_hashes *th = dy_arena_alloc_raw(&d->arena, n * sizeof *th);
    uint64_t *lex = dy_arena_alloc_raw(&d->arena, n * sizeof *lex);
    uint64_t *first = dy_arena_alloc_raw(&d->arena, n * sizeof *first);
    int32_t *margin = dy_arena_alloc_raw(&d->arena, n * sizeof *margin);
    const char **names = dy_arena_alloc(&d->arena, n * sizeof *names);
    feat_hash_tokens(d, &m->word_classes, th);
    feat_ctx c = {d, 0, 0, th, NULL, NULL, NULL, NULL, lex, NULL, 0, false, false};
    for (size_t si = 0; si < d->sents.n; si++) {
        c.sb = d->sents.v[si].tok_begin;
        c.se = d->sents.v[si].tok_end;
        c.headline = feat_headline(d, c.sb, c.se);
        lex_classes(&m->taggers[LT_POS], &c, lex);
        pos_sentence(&m->taggers[LT_POS], &c, first, margin, names, tags);
    }
}
