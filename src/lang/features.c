/* features.c - templates after the greedy taggers of Ratinov & Roth (2009) and
 * Honnibal's averaged perceptron tagger: word, affixes, shape, a window of words and
 * tags, previous decisions, dictionary matches, and for names what the document said
 * about the same word elsewhere. */
#include "features.h"
#include <string.h>

#define FNV64_OFFSET 14695981039346656037ull
#define FNV64_PRIME 1099511628211ull
#define GOLDEN 0x9E3779B97F4A7C15ull

static uint64_t fnv(const char *s, size_t n) {
    uint64_t h = FNV64_OFFSET;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * FNV64_PRIME;
    return h;
}

/* MurmurHash3's 64-bit finaliser: every input bit reaches every output bit. */
static inline uint64_t fmix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

static inline uint64_t f1(int id, uint64_t a) { return fmix(a + (uint64_t)id * GOLDEN); }
static inline uint64_t f2(int id, uint64_t a, uint64_t b) { return fmix(a + (uint64_t)id * GOLDEN + fmix(b ^ GOLDEN)); }

uint64_t feat_label_hash(const char *label) { return fnv(label, strlen(label)); }

#define H_BOS 0x5bd1e9955bd1e995ull   /* before the sentence */
#define H_EOS 0xc6a4a7935bd1e995ull   /* after it */
#define H_UNK 0x27d4eb2f165667c5ull   /* no tag */


/* Word shape: Xxxx, XX, dd-dd, x.x. — runs longer than two collapsed. */
static size_t shape(const dy_token *t, const char *text, char *buf, size_t cap) {
    size_t n = 0;
    char last = 0;
    int run = 0;
    for (uint32_t k = t->start; k < t->end && n + 1 < cap; k++) {
        unsigned char ch = (unsigned char)text[k];
        if ((ch & 0xC0) == 0x80) continue;   /* continuation bytes */
        char s = ch >= 'A' && ch <= 'Z' ? 'X' : ch >= 'a' && ch <= 'z' ? 'x' : ch >= '0' && ch <= '9' ? 'd'
                 : ch >= 0x80 ? 'u' : (char)ch;
        run = s == last ? run + 1 : 1;
        last = s;
        if (run <= 2) buf[n++] = s;
    }
    buf[n] = '\0';
    return n;
}

void feat_hash_tokens(const dy_doc *d, const hashmap *classes, tok_hashes *out) {
    feat_hash_range(d, classes, 0, (uint32_t)d->toks.n, out);
}

void feat_hash_range(const dy_doc *d, const hashmap *classes, uint32_t b, uint32_t e, tok_hashes *out) {
    char sh[64];
    for (uint32_t i = b; i < e; i++) {
        const dy_token *t = &d->toks.v[i];
        tok_hashes *h = &out[i - b];
        h->key = fnv(t->key, t->key_len);
        h->text = fnv(d->text + t->start, t->end - t->start);
        h->shape = fnv(sh, shape(t, d->text, sh, sizeof sh));
        for (uint32_t k = 1; k <= 4; k++) {
            uint32_t n = k < t->key_len ? k : t->key_len;
            h->suf[k - 1] = fnv(t->key + t->key_len - n, n) + k;
            h->pre[k - 1] = fnv(t->key, n) + k;
        }
        uint32_t cls = 0;
        if (classes) hm_get_hashed(classes, t->key, t->key_len, t->key_hash, &cls);
        h->coarse = cls ? fmix((cls >> 16) + 1) : H_UNK;
        h->fine = cls ? fmix(cls) : H_UNK;
    }
}

bool feat_headline(const dy_doc *d, uint32_t sb, uint32_t se) {
    uint32_t caps = 0;
    for (uint32_t i = sb; i < se; i++) {
        const dy_token *t = &d->toks.v[i];
        if (t->kind != TK_WORD) continue;
        if (!(t->flags & TF_ALLCAP) && !(t->flags & TF_CAP && t->end - t->start == 1)) return false;
        caps++;
    }
    return caps >= 2;
}

typedef struct fbuf { uint64_t *out; size_t n; } fbuf;

static inline void add(fbuf *b, uint64_t h) {
    if (b->n < FEAT_MAX) b->out[b->n++] = h ? h : 1;
}

static inline uint64_t word(const feat_ctx *c, long i) {
    return i < (long)c->sb ? H_BOS : i >= (long)c->se ? H_EOS : c->th[i].key;
}

static inline uint64_t tag(const uint64_t *tags, const feat_ctx *c, long i) {
    return i < (long)c->sb ? H_BOS : i >= (long)c->se ? H_EOS : tags ? tags[i] : H_UNK;
}

static inline uint64_t shape_at(const feat_ctx *c, long i) {
    return i < (long)c->sb ? H_BOS : i >= (long)c->se ? H_EOS : c->th[i].shape;
}

uint64_t feat_sure_key(const feat_ctx *c, uint32_t i) { return f1(99, c->th[i].text); }

uint64_t feat_text_hash(const char *s, size_t n) { return fnv(s, n); }

uint64_t feat_lex_key(uint64_t text_hash) { return f1(98, text_hash); }

uint64_t feat_lex_class(uint64_t label_mask, int first) {
    return first < 0 ? H_UNK : fmix(label_mask ^ (uint64_t)(first + 1) * GOLDEN);
}

uint64_t feat_second_pass_key(void) { return f1(97, 1); }

/* POS templates, chosen by leaving each out in turn on CoNLL testa: those whose loss did
 * not cost accuracy are gone (the bare word, shape and previous tag among them: their
 * pairs say it), which makes tagging a third faster; the word's lexical class with the
 * next one's (and the previous tag, or the word) added 0.1 point. Template numbers are
 * hash salts. */
static size_t pos_first_pass(const feat_ctx *c, uint32_t i, uint64_t *out) {
    fbuf b = {out, 0};
    const tok_hashes *h = &c->th[i];
    uint64_t p1 = tag(c->hist, c, (long)i - 1), p2 = tag(c->hist, c, (long)i - 2);
    uint64_t a0 = c->lex[i], a1 = i + 1 < c->se ? c->lex[i + 1] : H_EOS;
    add(&b, f1(1, 0));
    add(&b, f1(3, h->suf[0]));
    add(&b, f1(5, h->suf[2]));
    add(&b, f1(13, h->pre[0]));
    add(&b, f2(32, p1, p2));
    add(&b, f2(33, p1, h->key));
    add(&b, f2(38, word(c, (long)i - 1), h->key));
    add(&b, f2(39, h->key, word(c, (long)i + 1)));
    if (i == c->sb) add(&b, f1(42, (c->d->toks.v[i].flags & TF_CAP) ? 1 : 2));
    add(&b, f2(43, p1, h->shape));
    add(&b, f2(44, p1, word(c, (long)i + 1)));
    add(&b, f2(45, h->shape, word(c, (long)i - 1)));
    if (i + 1 < c->se) add(&b, f2(46, h->key, c->th[i + 1].suf[2]));
    if (c->headline) add(&b, f1(47, h->key));
    add(&b, f1(61, h->fine));
    if (i + 1 < c->se) add(&b, f1(63, c->th[i + 1].coarse));
    add(&b, f1(70, a0));
    add(&b, f2(71, a0, p1));
    add(&b, f1(72, a1));
    add(&b, f2(74, a0, h->shape));
    add(&b, f2(83, h->pre[0], h->suf[2]));
    add(&b, f2(80, f2(0, p1, a0), a1));
    add(&b, f2(87, h->key, a1));
    return b.n;
}

/* The second pass: the first pass's tags of the word, the one before and the two after,
 * with nine of the first pass's templates (all of them: the same accuracy on testa, 96.48%,
 * with 32 features a word instead of 18), told apart from the first pass's by a mix. */
static size_t pos_second_pass(const feat_ctx *c, uint32_t i, uint64_t *out) {
    fbuf b = {out, 0};
    const tok_hashes *h = &c->th[i];
    uint64_t p1 = tag(c->hist, c, (long)i - 1);
    uint64_t a0 = c->lex[i], a1 = i + 1 < c->se ? c->lex[i + 1] : H_EOS;
    uint64_t r0 = c->first[i], r1 = tag(c->first, c, (long)i + 1), r2 = tag(c->first, c, (long)i + 2),
             rm1 = tag(c->first, c, (long)i - 1);
    add(&b, f1(1, 0));
    add(&b, f1(5, h->suf[2]));
    add(&b, f2(33, p1, h->key));
    add(&b, f2(38, word(c, (long)i - 1), h->key));
    add(&b, f2(39, h->key, word(c, (long)i + 1)));
    add(&b, f1(70, a0));
    add(&b, f2(71, a0, p1));
    add(&b, f2(80, f2(0, p1, a0), a1));
    add(&b, f2(87, h->key, a1));
    add(&b, f1(90, r0));
    add(&b, f1(91, r1));
    add(&b, f2(92, r1, r2));
    add(&b, f2(93, p1, r1));
    add(&b, f2(94, h->key, r1));
    add(&b, f2(95, r0, r1));
    add(&b, f2(96, a0, r1));
    add(&b, f2(114, rm1, r0));
    add(&b, f2(115, f2(0, rm1, r0), r1));
    for (size_t k = 0; k < b.n; k++) b.out[k] = fmix(b.out[k] ^ 0x2545F4914F6CDD1Dull);
    return b.n;
}

size_t feat_pos(const feat_ctx *c, uint32_t i, uint64_t *out) {
    return c->first ? pos_second_pass(c, i, out) : pos_first_pass(c, i, out);
}

/* Chunk templates: tags, words and the chunk history around the word, and the lexical
 * classes; eleven templates whose loss cost at most 0.05 F1 each on testa (0.10 together)
 * are gone, which shrank the model from 6.0 to 3.4 MB and keeps POS + chunks + NER as
 * fast as before the lexicon. The tag trigrams before and after the word, and the
 * previous chunk with the two tags, added 0.07 F1 over three seeds (templates 36-38). */
size_t feat_chunk(const feat_ctx *c, uint32_t i, uint64_t *out) {
    fbuf b = {out, 0};
    const tok_hashes *h = &c->th[i];
    uint64_t t0 = tag(c->pos, c, i), tm1 = tag(c->pos, c, (long)i - 1), tm2 = tag(c->pos, c, (long)i - 2),
             tp1 = tag(c->pos, c, (long)i + 1), tp2 = tag(c->pos, c, (long)i + 2);
    uint64_t c1 = tag(c->hist, c, (long)i - 1);
    add(&b, f1(1, 0));
    add(&b, f1(2, h->key));
    add(&b, f1(3, t0));
    add(&b, f1(4, tm1));
    add(&b, f1(6, tp1));
    add(&b, f2(8, tm1, t0));
    add(&b, f2(9, t0, tp1));
    add(&b, f2(10, tm2, tm1));
    add(&b, f2(11, tp1, tp2));
    add(&b, f1(12, c1));
    add(&b, f2(14, c1, t0));
    add(&b, f1(15, word(c, (long)i - 1)));
    add(&b, f2(17, h->key, t0));
    add(&b, f2(18, word(c, (long)i - 1), t0));
    add(&b, f2(19, t0, word(c, (long)i + 1)));
    add(&b, f1(20, h->suf[2]));
    add(&b, f2(21, h->coarse, t0));
    add(&b, f2(22, f2(0, tm1, t0), tp1));
    add(&b, f2(24, h->key, word(c, (long)i + 1)));
    add(&b, f2(25, c1, h->key));
    add(&b, f1(28, word(c, (long)i - 2)));
    add(&b, f2(31, tm1, word(c, (long)i - 1)));
    add(&b, f2(36, f2(0, tm2, tm1), t0));
    add(&b, f2(37, f2(0, t0, tp1), tp2));
    add(&b, f2(38, f2(0, c1, tm1), t0));
    if (c->lex) {
        uint64_t a0 = c->lex[i], am1 = i > c->sb ? c->lex[i - 1] : H_BOS;
        add(&b, f2(34, c1, a0));
        add(&b, f2(35, am1, a0));
    }
    return b.n;
}

/* NER templates: the word, its three- and four-letter affixes (shorter ones cost 0.3 F1 on
 * testa over three seeds), shape, neighbours, history, dictionary matches, word classes. */
size_t feat_ner(const feat_ctx *c, uint32_t i, uint64_t *out) {
    fbuf b = {out, 0};
    const tok_hashes *h = &c->th[i];
    uint64_t h1 = tag(c->hist, c, (long)i - 1), h2 = tag(c->hist, c, (long)i - 2);
    add(&b, f1(1, 0));
    add(&b, f1(2, h->key));
    add(&b, f1(3, h->text));
    for (int k = 2; k < 4; k++) {
        add(&b, f1(4 + k, h->suf[k]));
        add(&b, f1(14 + k, h->pre[k]));
    }
    add(&b, f1(30, h->shape));
    add(&b, f1(35, word(c, (long)i - 1)));
    add(&b, f1(36, word(c, (long)i + 1)));
    add(&b, f1(37, word(c, (long)i - 2)));
    add(&b, f1(38, word(c, (long)i + 2)));
    add(&b, f1(39, h1));
    add(&b, f2(40, h1, h2));
    add(&b, f2(41, h1, h->shape));
    add(&b, f2(42, h1, h->key));
    add(&b, f2(43, shape_at(c, (long)i - 1), h->shape));
    add(&b, f2(44, h->shape, shape_at(c, (long)i + 1)));
    if (c->gaz) {
        uint8_t g = c->gaz[i], gp = i > c->sb ? c->gaz[i - 1] : 255, gn = i + 1 < c->se ? c->gaz[i + 1] : 254;
        add(&b, f1(45, g));
        add(&b, f1(46, gp));
        add(&b, f1(47, gn));
        add(&b, f2(48, g, h->shape));
    }
    if (i == c->sb) add(&b, f1(49, 1));
    if (c->headline) add(&b, f2(54, h->key, 1));
    if (c->remembered) add(&b, f1(50, c->remembered));
    if (c->cap_elsewhere) add(&b, f1(51, 1));
    add(&b, f2(52, word(c, (long)i - 1), h->key));
    add(&b, f2(53, h->key, word(c, (long)i + 1)));
    add(&b, f1(60, h->coarse));
    add(&b, f1(61, h->fine));
    add(&b, f2(62, h->fine, h->shape));
    if (i > c->sb) add(&b, f1(63, c->th[i - 1].fine));
    if (i + 1 < c->se) add(&b, f1(64, c->th[i + 1].fine));
    return b.n;
}
