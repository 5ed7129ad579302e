/* lemma.c - morphy's algorithm: an exception list first, then suffix rules whose result
 * must be a WordNet base form; the word itself when it already is one. */
#include "lemma.h"
#include "../know/tsv.h"
#include "../util/file.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const pos_names[LP_COUNT] = {"noun", "verb", "adj", "adv"};

typedef struct rule { const char *suffix, *ending; } rule;
/* WordNet morphy's detachment rules (wnintro(7WN), "morphy"). */
static const rule noun_rules[] = {{"s", ""},    {"ses", "s"},   {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
                                  {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
static const rule verb_rules[] = {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""},
                                  {"ed", "e"}, {"ed", ""},  {"ing", "e"}, {"ing", ""}};
static const rule adj_rules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

/* WordNet's files are lines of space-separated fields; lines that start with a space are
 * its licence. Calls take(first field, second field) for every other line. */
static bool each_line(const char *path, lemmatizer *lz, int pos,
                      void (*take)(lemmatizer *, int, tsv_field, tsv_field)) {
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf) return false;
    tsv_reader r;
    tsv_field line, f[2];
    tsv_open(&r, buf, len);
    while (tsv_next(&r, &line, 1))
        if (line.p[0] != ' ' && tsv_split(line, ' ', f, 2) >= 2) take(lz, pos, f[0], f[1]);
    free(buf);
    return true;
}

/* index.POS: the first field is a base form, with '_' between the words of a phrase. */
static void take_index(lemmatizer *lz, int pos, tsv_field word, tsv_field unused) {
    (void)unused;
    char buf[128];
    if (word.n >= sizeof buf) return;
    for (size_t i = 0; i < word.n; i++) buf[i] = word.p[i] == '_' ? ' ' : word.p[i];
    hm_put(&lz->words[pos], buf, word.n, 1);
}

/* POS.exc: "form lemma [lemma...]"; the first lemma is kept. */
static void take_exception(lemmatizer *lz, int pos, tsv_field form, tsv_field lemma) {
    DY_PUSH(&lz->arena, lz->exc_lemmas) = dy_arena_strndup(&lz->arena, lemma.p, lemma.n);
    hm_put(&lz->exceptions[pos], form.p, form.n, (uint32_t)lz->exc_lemmas.n - 1);
}

void lemma_load(lemmatizer *lz) {
    memset(lz, 0, sizeof *lz);
    dy_arena_init(&lz->arena, 1 << 16);
    for (int p = 0; p < LP_COUNT; p++) {
        hm_init(&lz->words[p]);
        hm_init(&lz->exceptions[p]);
    }
    const char *dir = getenv("DYAD_WORDNET");
    if (!dir || !*dir) dir = "/usr/share/wordnet";
    for (int p = 0; p < LP_COUNT; p++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/index.%s", dir, pos_names[p]);
        if (each_line(path, lz, p, take_index)) lz->loaded = true;
        snprintf(path, sizeof path, "%s/%s.exc", dir, pos_names[p]);
        each_line(path, lz, p, take_exception);
    }
}

void lemma_free(lemmatizer *lz) {
    for (int p = 0; p < LP_COUNT; p++) {
        hm_free(&lz->words[p]);
        hm_free(&lz->exceptions[p]);
    }
    dy_arena_free(&lz->arena);
}

static const char *copy_out(const char *s, size_t n, char *buf, size_t cap) {
    if (n >= cap) n = cap - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

const char *lemma_of(const lemmatizer *lz, const char *word, size_t len, enum lemma_pos pos, char *buf, size_t cap) {
    uint32_t v;
    if (hm_get(&lz->exceptions[pos], word, len, &v)) {
        const char *l = lz->exc_lemmas.v[v];
        return copy_out(l, strlen(l), buf, cap);
    }
    if (lz->loaded && hm_get(&lz->words[pos], word, len, NULL)) return copy_out(word, len, buf, cap);
    const rule *rules = pos == LP_NOUN ? noun_rules : pos == LP_VERB ? verb_rules : pos == LP_ADJ ? adj_rules : NULL;
    size_t nrules = pos == LP_NOUN ? sizeof noun_rules / sizeof *noun_rules
                    : pos == LP_VERB ? sizeof verb_rules / sizeof *verb_rules
                    : pos == LP_ADJ ? sizeof adj_rules / sizeof *adj_rules
                                    : 0;
    char tmp[128];
    long fallback = -1;   /* without WordNet: the first rule that applies */
    for (size_t r = 0; r < nrules; r++) {
        size_t sl = strlen(rules[r].suffix), el = strlen(rules[r].ending);
        if (len <= sl || len - sl + el >= sizeof tmp || memcmp(word + len - sl, rules[r].suffix, sl) != 0) continue;
        size_t n = len - sl;
        memcpy(tmp, word, n);
        memcpy(tmp + n, rules[r].ending, el);
        n += el;
        if (lz->loaded && hm_get(&lz->words[pos], tmp, n, NULL)) return copy_out(tmp, n, buf, cap);
        if (fallback < 0) fallback = (long)r;
    }
    if (!lz->loaded && fallback >= 0) {
        const rule *r = &rules[fallback];
        size_t sl = strlen(r->suffix), el = strlen(r->ending), n = len - sl;
        memcpy(tmp, word, n);
        memcpy(tmp + n, r->ending, el);
        return copy_out(tmp, n + el, buf, cap);
    }
    return copy_out(word, len, buf, cap);
}

int lemma_pos_of_tag(const char *tag) {
    if (tag[0] == 'N') return LP_NOUN;
    if (tag[0] == 'V') return LP_VERB;
    if (tag[0] == 'J') return LP_ADJ;
    if (tag[0] == 'R' && tag[1] == 'B') return LP_ADV;
    return -1;
}
