#include "conll.h"
#include "../text/tokenize.h"
#include <stdlib.h>
#include <string.h>

typedef struct conll_word { char *w, *tag[LT_COUNT]; } conll_word;
typedef DY_VEC(conll_word) word_vec;

static const char *intern(conll_corpus *c, int task, const char *name) {
    for (int i = 0; i < c->nlabels[task]; i++)
        if (strcmp(c->labels[task][i], name) == 0) return c->labels[task][i];
    if (c->nlabels[task] == 64) return "O";
    snprintf(c->labels[task][c->nlabels[task]], 16, "%s", name);
    return c->labels[task][c->nlabels[task]++];
}

/* IOB1 -> BIO: I-X starts a span unless the previous tag is of type X. */
static const char *to_bio(conll_corpus *c, int task, const char *tag, const char *prev) {
    if (tag[0] != 'I' || tag[1] != '-') return intern(c, task, tag);
    if (prev && (prev[0] == 'I' || prev[0] == 'B') && strcmp(prev + 1, tag + 1) == 0) return intern(c, task, tag);
    char b[16];
    snprintf(b, sizeof b, "B-%s", tag + 2);
    return intern(c, task, b);
}

/* One document: its sentences (each a run of words ending at a NULL separator). */
static void build_doc(conll_corpus *c, const dy_model *m, conll_doc *cd, word_vec *words, size_t *sent_ends,
                      size_t nsents) {
    size_t len = 0;
    for (size_t i = 0; i < words->n; i++) len += strlen(words->v[i].w) + 1;
    cd->text = malloc(len + 1);
    doc_init(&cd->doc);
    dy_arena_init(&cd->doc.arena, 1 << 14);
    size_t p = 0, w = 0;
    for (size_t s = 0; s < nsents; s++) {
        for (; w < sent_ends[s]; w++) {
            size_t n = strlen(words->v[w].w);
            memcpy(cd->text + p, words->v[w].w, n);
            p += n;
            cd->text[p++] = w + 1 == sent_ends[s] ? '\n' : ' ';
        }
    }
    cd->text[p] = '\0';
    doc_reset(&cd->doc, cd->text, (uint32_t)p);
    dy_doc *d = &cd->doc;
    for (int t = 0; t < LT_COUNT; t++) cd->gold[t] = malloc((words->n + 1) * sizeof *cd->gold[t]);
    p = 0;
    w = 0;
    for (size_t s = 0; s < nsents; s++) {
        uint32_t first = (uint32_t)d->toks.n;
        for (; w < sent_ends[s]; w++) {
            size_t n = strlen(words->v[w].w);
            tok_push(d, &m->vocab, (uint32_t)p, (uint32_t)(p + n), tok_kind_of(words->v[w].w, (uint32_t)n),
                     d->toks.n == first ? (TF_NEWLINE | TF_SPACE) : TF_SPACE);
            d->toks.v[d->toks.n - 1].sent = (uint32_t)d->sents.n;
            size_t k = d->toks.n - 1;
            cd->gold[LT_POS][k] = intern(c, LT_POS, words->v[w].tag[LT_POS]);
            for (int t = LT_CHUNK; t < LT_COUNT; t++)
                cd->gold[t][k] = to_bio(c, t, words->v[w].tag[t], d->toks.n - 1 > first ? cd->gold[t][k - 1] : NULL);
            p += n + 1;
        }
        dy_sentence *se = &DY_PUSH(&d->arena, d->sents);
        se->tok_begin = first;
        se->tok_end = (uint32_t)d->toks.n;
        se->start = d->toks.v[first].start;
        se->end = d->toks.v[d->toks.n - 1].end;
        se->para = (uint32_t)d->paras.n;
        dy_para *pa = &DY_PUSH(&d->arena, d->paras);
        pa->tok_begin = first;
        pa->tok_end = se->tok_end;
        pa->start = se->start;
        pa->end = se->end;
    }
    c->ntokens += d->toks.n;
    c->nsents += nsents;
}

bool conll_read(const char *path, const dy_model *m, conll_corpus *c, char *err, size_t errlen) {
    memset(c, 0, sizeof *c);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "cannot read %s", path);
        return false;
    }
    dy_arena strings;
    dy_arena_init(&strings, 1 << 20);
    word_vec words = {0};
    DY_VEC(size_t) ends = {0};
    size_t cap_docs = 256, lineno = 0;
    c->docs = calloc(cap_docs, sizeof *c->docs);
    char line[4096];
    bool ok = true;
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        if (got) lineno++;
        size_t n = got ? strcspn(line, "\r\n") : 0;
        if (got) line[n] = '\0';
        bool docstart = got && strncmp(line, "-DOCSTART-", 10) == 0;
        if (!got || n == 0 || docstart) {
            if (words.n && (!ends.n || ends.v[ends.n - 1] != words.n)) DY_PUSH(&strings, ends) = words.n;
            if ((docstart || !got) && ends.n) {
                if (c->ndocs == cap_docs) c->docs = realloc(c->docs, (cap_docs *= 2) * sizeof *c->docs);
                build_doc(c, m, &c->docs[c->ndocs++], &words, ends.v, ends.n);
                words.n = 0;
                ends.n = 0;
            }
            if (!got) break;
            continue;
        }
        char *fields[4];
        int nf = 0;
        for (char *tok = strtok(line, " \t"); tok && nf < 4; tok = strtok(NULL, " \t")) fields[nf++] = tok;
        if (nf < 4) {
            snprintf(err, errlen, "%s:%zu: expected 4 columns (word POS chunk NER)", path, lineno);
            ok = false;
            break;
        }
        conll_word *cw = &DY_PUSH(&strings, words);
        cw->w = dy_arena_strndup(&strings, fields[0], strlen(fields[0]));
        for (int t = 0; t < LT_COUNT; t++) cw->tag[t] = dy_arena_strndup(&strings, fields[t + 1], strlen(fields[t + 1]));
    }
    fclose(f);
    dy_arena_free(&strings);
    return ok;
}

void conll_free(conll_corpus *c) {
    for (size_t i = 0; i < c->ndocs; i++) {
        doc_free(&c->docs[i].doc);
        free(c->docs[i].text);
        for (int t = 0; t < LT_COUNT; t++) free(c->docs[i].gold[t]);
    }
    free(c->docs);
    memset(c, 0, sizeof *c);
}

static bool same_type(const char *a, const char *b) { return strcmp(a + 1, b + 1) == 0; }

/* Spans [start, end) with their types from a BIO sequence; callback-free: counts matches. */
void conll_count_spans(const char **pred, const char **gold, uint32_t b, uint32_t e, span_counts *out,
                       const char *only_type) {
    /* A span starts at B-X (or I-X after something else) and runs over the I-X after it. */
    for (int side = 0; side < 2; side++) {
        const char **seq = side ? gold : pred;
        for (uint32_t i = b; i < e; i++) {
            const char *t = seq[i];
            if (t[0] != 'B' && t[0] != 'I') continue;
            if (t[0] == 'I' && i > b && (seq[i - 1][0] == 'B' || seq[i - 1][0] == 'I') && same_type(seq[i - 1], t))
                continue;   /* inside a span */
            uint32_t j = i + 1;
            while (j < e && seq[j][0] == 'I' && same_type(seq[j], t)) j++;
            if (only_type && strcmp(t + 2, only_type) != 0) continue;
            if (side) {
                out->gold++;
                continue;
            }
            out->pred++;
            /* the same span in gold: same start tag type, same end */
            const char *g = gold[i];
            bool gs = (g[0] == 'B' || g[0] == 'I') && same_type(g, t) &&
                      !(g[0] == 'I' && i > b && (gold[i - 1][0] == 'B' || gold[i - 1][0] == 'I') && same_type(gold[i - 1], g));
            uint32_t k = i + 1;
            while (k < e && gold[k][0] == 'I' && same_type(gold[k], t)) k++;
            if (gs && k == j) out->tp++;
        }
    }
}
