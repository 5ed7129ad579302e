#include "phrases.h"
#include "../text/tokenize.h"
#include <string.h>

#define PT_MAX_KEY 256

void pt_init(phrase_table *t, uint32_t bit) {
    hm_init(&t->map);
    hm_init(&t->first);
    t->bit = bit;
}

void pt_free(phrase_table *t) {
    hm_free(&t->map);
    hm_free(&t->first);
}

static bool add_or_set(phrase_table *t, hashmap *vocab, const char *phrase, size_t len, const hashmap *abbrevs,
                       uint32_t value, uint32_t *existing, bool replace);

bool pt_add(phrase_table *t, hashmap *vocab, const char *phrase, size_t len, const hashmap *abbrevs,
            uint32_t value, uint32_t *existing) {
    return add_or_set(t, vocab, phrase, len, abbrevs, value, existing, false);
}

void pt_set(phrase_table *t, hashmap *vocab, const char *phrase, size_t len, const hashmap *abbrevs, uint32_t value) {
    add_or_set(t, vocab, phrase, len, abbrevs, value, NULL, true);
}

static bool add_or_set(phrase_table *t, hashmap *vocab, const char *phrase, size_t len, const hashmap *abbrevs,
                       uint32_t value, uint32_t *existing, bool replace) {
    dy_arena tmp;
    dy_arena_init(&tmp, 1024);
    char *copy = dy_arena_strndup(&tmp, phrase, len);
    uint32_t ntoks;
    char *key = tok_phrase_key(&tmp, copy, abbrevs, &ntoks);
    bool added = false;
    size_t klen = strlen(key);
    if (ntoks && klen < PT_MAX_KEY) {
        uint32_t old;
        if (hm_get(&t->map, key, klen, &old) && !replace) {
            if (existing) *existing = old;
        } else {
            hm_put(&t->map, key, klen, value);
            size_t flen = strcspn(key, " ");
            uint32_t maxn = 0;
            hm_get(&t->first, key, flen, &maxn);
            if (ntoks > maxn) hm_put(&t->first, key, flen, ntoks);
            uint32_t bits = 0;
            hm_get(vocab, key, flen, &bits);
            hm_put(vocab, key, flen, bits | t->bit);
            added = true;
        }
    }
    dy_arena_free(&tmp);
    return added;
}

/* Join the keys of tokens [begin, begin+n) into buf; false if too long. */
static bool join_keys(const dy_doc *d, uint32_t begin, uint32_t n, char *buf, size_t *len) {
    size_t p = 0;
    for (uint32_t k = 0; k < n; k++) {
        const char *key = d->toks.v[begin + k].key;
        size_t kl = d->toks.v[begin + k].key_len;
        if (p + kl + 2 > PT_MAX_KEY) return false;
        if (k) buf[p++] = ' ';
        memcpy(buf + p, key, kl);
        p += kl;
    }
    *len = p;
    return true;
}

bool pt_longest(const phrase_table *t, const dy_doc *d, uint32_t tok, uint32_t limit,
                uint32_t *ntoks, uint32_t *value) {
    uint32_t maxn;
    const dy_token *first = &d->toks.v[tok];
    if (!(first->lex & t->bit) || !hm_get_hashed(&t->first, first->key, first->key_len, first->key_hash, &maxn))
        return false;
    if (tok + maxn > limit) maxn = limit - tok;
    /* The joined key of n tokens is a prefix of the joined key of maxn tokens, and FNV-1a
     * runs left to right: one pass gives every prefix's hash. */
    char buf[PT_MAX_KEY];
    size_t ends[PT_MAX_KEY / 2];
    uint32_t hashes[PT_MAX_KEY / 2];
    size_t p = 0;
    uint32_t h = 2166136261u, n = 0;
    for (; n < maxn; n++) {
        const dy_token *tk = &d->toks.v[tok + n];
        if (p + tk->key_len + 2 > PT_MAX_KEY) break;
        if (n) {
            buf[p++] = ' ';
            h = (h ^ (unsigned char)' ') * 16777619u;
        }
        for (uint32_t i = 0; i < tk->key_len; i++) {
            buf[p++] = tk->key[i];
            h = (h ^ (unsigned char)tk->key[i]) * 16777619u;
        }
        ends[n] = p;
        hashes[n] = h;
    }
    while (n-- > 0) {
        if (hm_get_hashed(&t->map, buf, ends[n], hashes[n], value)) {
            *ntoks = n + 1;
            return true;
        }
    }
    return false;
}

bool pt_get_word(const phrase_table *t, const char *key, size_t len, uint32_t *value) {
    return hm_get(&t->map, key, len, value);
}

bool pt_exact(const phrase_table *t, const dy_doc *d, uint32_t begin, uint32_t end, uint32_t *value) {
    char buf[PT_MAX_KEY];
    size_t len;
    if (end <= begin || !(d->toks.v[begin].lex & t->bit) || !join_keys(d, begin, end - begin, buf, &len))
        return false;
    return hm_get(&t->map, buf, len, value);
}
