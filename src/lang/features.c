/* features.c - templates after the greedy taggers of Ratinov & Roth (2009) and
 * Honnibal's averaged perceptron tagger: word, affixes, shape, a window of words and
 * tags, previous decisions, dictionary matches, and for names what the document said
 * about the same word elsewhere. */
#include "features.h"
#include <string.h>

#define FNV64_OFFSET 14695981039346656037ull
#define FNV64_PRIME 1099511628211ull

typedef struct fbuf { uint64_t *out; size_t n; } fbuf;

static uint64_t mix(uint64_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * FNV64_PRIME;
    return (h ^ 0x1f) * FNV64_PRIME;
}

static uint64_t start(int template_id) { return ((uint64_t)FNV64_OFFSET ^ (uint64_t)template_id) * FNV64_PRIME; }

static void add(fbuf *b, uint64_t h) {
    if (b->n < FEAT_MAX) b->out[b->n++] = h ? h : 1;
}

static void add1(fbuf *b, int id, const char *s, size_t n) { add(b, mix(start(id), s, n)); }
static void adds(fbuf *b, int id, const char *s) { add1(b, id, s, strlen(s)); }
static void add2(fbuf *b, int id, const char *s, const char *t) { add(b, mix(mix(start(id), s, strlen(s)), t, strlen(t))); }

static const char *BOS = "<s>", *EOS = "</s>";

static const char *word(const feat_ctx *c, long i) {
    if (i < (long)c->sb) return BOS;
    if (i >= (long)c->se) return EOS;
    return c->d->toks.v[i].key;
}

static const char *tag(const char *const *tags, const feat_ctx *c, long i) {
    if (i < (long)c->sb) return BOS;
    if (i >= (long)c->se) return EOS;
    return tags && tags[i] ? tags[i] : "?";
}

/* Word shape: Xxxx, XX, dd-dd, x.x. — runs longer than two collapsed. */
static size_t shape(const dy_token *t, const char *text, char *buf, size_t cap) {
    size_t n = 0;
    char last = 0;
    int run = 0;
    for (uint32_t k = t->start; k < t->end && n + 1 < cap; k++) {
        unsigned char ch = (unsigned char)text[k];
        char s = ch >= 'A' && ch <= 'Z' ? 'X' : ch >= 'a' && ch <= 'z' ? 'x' : ch >= '0' && ch <= '9' ? 'd'
                 : ch >= 0x80 ? 'u' : (char)ch;
        if ((ch & 0xC0) == 0x80) continue;   /* continuation bytes */
        run = s == last ? run + 1 : 1;
        last = s;
        if (run <= 2) buf[n++] = s;
    }
    buf[n] = '\0';
    return n;
}

static void affixes(fbuf *b, int id, const dy_token *t, int from, int to) {
    for (int k = from; k <= to; k++) {
        if ((uint32_t)k > t->key_len) break;
        add1(b, id + k, t->key + t->key_len - k, (size_t)k);        /* suffix */
        add1(b, id + 10 + k, t->key, (size_t)k);                     /* prefix */
    }
}

size_t feat_pos(const feat_ctx *c, uint32_t i, uint64_t *out) {
    fbuf b = {out, 0};
    const dy_token *t = &c->d->toks.v[i];
    char sh[64];
    add(&b, start(1));
    adds(&b, 2, t->key);
    affixes(&b, 3, t, 1, 4);
    add1(&b, 30, sh, shape(t, c->d->text, sh, sizeof sh));
    adds(&b, 31, tag(c->hist, c, (long)i - 1));
    add2(&b, 32, tag(c->hist, c, (long)i - 1), tag(c->hist, c, (long)i - 2));
    add2(&b, 33, tag(c->hist, c, (long)i - 1), t->key);
    adds(&b, 34, word(c, (long)i - 1));
    adds(&b, 35, word(c, (long)i - 2));
    adds(&b, 36, word(c, (long)i + 1));
    adds(&b, 37, word(c, (long)i + 2));
    add2(&b, 38, word(c, (long)i - 1), t->key);
    add2(&b, 39, t->key, word(c, (long)i + 1));
    if (i + 1 < c->se) {
        const dy_token *n = &c->d->toks.v[i + 1];
        if (n->key_len >= 3) add1(&b, 40, n->key + n->key_len - 3, 3);
    }
    if (i > c->sb) {
        const dy_token *p = &c->d->toks.v[i - 1];
        if (p->key_len >= 3) add1(&b, 41, p->key + p->key_len - 3, 3);
    }
    if (i == c->sb) adds(&b, 42, (t->flags & TF_CAP) ? "first-cap" : "first");
    return b.n;
}

size_t feat_chunk(const feat_ctx *c, uint32_t i, uint64_t *out) {
    fbuf b = {out, 0};
    const dy_token *t = &c->d->toks.v[i];
    add(&b, start(1));
    adds(&b, 2, t->key);
    adds(&b, 3, tag(c->pos, c, i));
    adds(&b, 4, tag(c->pos, c, (long)i - 1));
    adds(&b, 5, tag(c->pos, c, (long)i - 2));
    adds(&b, 6, tag(c->pos, c, (long)i + 1));
    adds(&b, 7, tag(c->pos, c, (long)i + 2));
    add2(&b, 8, tag(c->pos, c, (long)i - 1), tag(c->pos, c, i));
    add2(&b, 9, tag(c->pos, c, i), tag(c->pos, c, (long)i + 1));
    add2(&b, 10, tag(c->pos, c, (long)i - 2), tag(c->pos, c, (long)i - 1));
    add2(&b, 11, tag(c->pos, c, (long)i + 1), tag(c->pos, c, (long)i + 2));
    adds(&b, 12, tag(c->hist, c, (long)i - 1));
    add2(&b, 13, tag(c->hist, c, (long)i - 1), tag(c->hist, c, (long)i - 2));
    add2(&b, 14, tag(c->hist, c, (long)i - 1), tag(c->pos, c, i));
    adds(&b, 15, word(c, (long)i - 1));
    adds(&b, 16, word(c, (long)i + 1));
    add2(&b, 17, t->key, tag(c->pos, c, i));
    add2(&b, 18, word(c, (long)i - 1), tag(c->pos, c, i));
    add2(&b, 19, tag(c->pos, c, i), word(c, (long)i + 1));
    if (t->key_len >= 3) add1(&b, 20, t->key + t->key_len - 3, 3);
    return b.n;
}

static const char *gaz_name(uint8_t g) {
    static const char *const names[] = {"-", "B-country", "I-country", "B-demonym", "I-demonym", "B-person",
                                        "I-person", "B-org", "I-org", "B-role", "I-role", "B-capital", "I-capital"};
    return g < sizeof names / sizeof *names ? names[g] : "-";
}

size_t feat_ner(const feat_ctx *c, uint32_t i, uint64_t *out) {
    fbuf b = {out, 0};
    const dy_token *t = &c->d->toks.v[i];
    const char *text = c->d->text;
    char sh[64], shp[64], shn[64];
    add(&b, start(1));
    adds(&b, 2, t->key);
    add1(&b, 3, text + t->start, t->end - t->start);             /* the word as written */
    affixes(&b, 4, t, 1, 4);
    size_t shl = shape(t, text, sh, sizeof sh);
    add1(&b, 30, sh, shl);
    adds(&b, 31, tag(c->pos, c, i));
    adds(&b, 32, tag(c->chunk, c, i));
    adds(&b, 33, tag(c->pos, c, (long)i - 1));
    adds(&b, 34, tag(c->pos, c, (long)i + 1));
    adds(&b, 35, word(c, (long)i - 1));
    adds(&b, 36, word(c, (long)i + 1));
    adds(&b, 37, word(c, (long)i - 2));
    adds(&b, 38, word(c, (long)i + 2));
    const char *h1 = tag(c->hist, c, (long)i - 1), *h2 = tag(c->hist, c, (long)i - 2);
    adds(&b, 39, h1);
    add2(&b, 40, h1, h2);
    add2(&b, 41, h1, sh);
    add2(&b, 42, h1, t->key);
    if (i > c->sb) {
        shape(&c->d->toks.v[i - 1], text, shp, sizeof shp);
        add2(&b, 43, shp, sh);
    }
    if (i + 1 < c->se) {
        shape(&c->d->toks.v[i + 1], text, shn, sizeof shn);
        add2(&b, 44, sh, shn);
    }
    if (c->gaz) {
        adds(&b, 45, gaz_name(c->gaz[i]));
        adds(&b, 46, i > c->sb ? gaz_name(c->gaz[i - 1]) : BOS);
        adds(&b, 47, i + 1 < c->se ? gaz_name(c->gaz[i + 1]) : EOS);
        add2(&b, 48, gaz_name(c->gaz[i]), sh);
    }
    if (i == c->sb) adds(&b, 49, "first");
    if (c->remembered) adds(&b, 50, c->remembered);
    if (c->cap_elsewhere) adds(&b, 51, "cap-elsewhere");
    add2(&b, 52, word(c, (long)i - 1), t->key);
    add2(&b, 53, t->key, word(c, (long)i + 1));
    return b.n;
}
