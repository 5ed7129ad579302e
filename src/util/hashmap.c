#include "hashmap.h"
#include "die.h"
#include <stdlib.h>
#include <string.h>

uint32_t hm_hash(const char *key, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 16777619u;
    }
    return h;
}

void hm_init(hashmap *m) {
    m->cap = 64;
    m->count = 0;
    m->slots = calloc(m->cap, sizeof *m->slots);
    if (!m->slots) dy_die("out of memory (hash table)");
    dy_arena_init(&m->arena, 1 << 14);
}

void hm_free(hashmap *m) {
    free(m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
    dy_arena_free(&m->arena);
}

static hm_slot *find_slot(hm_slot *slots, size_t cap, const char *key, size_t len, uint32_t h) {
    size_t i = h & (cap - 1);
    for (;;) {
        hm_slot *s = &slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
        i = (i + 1) & (cap - 1);
    }
}

static void rehash(hashmap *m) {
    size_t cap = m->cap * 2;
    hm_slot *slots = calloc(cap, sizeof *slots);
    if (!slots) dy_die("out of memory (hash table of %zu slots)", cap);
    for (size_t i = 0; i < m->cap; i++) {
        hm_slot *s = &m->slots[i];
        if (s->key) *find_slot(slots, cap, s->key, s->len, s->hash) = *s;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

void hm_put(hashmap *m, const char *key, size_t len, uint32_t value) {
    if ((m->count + 1) * 4 > m->cap * 3) rehash(m);
    uint32_t h = hm_hash(key, len);
    hm_slot *s = find_slot(m->slots, m->cap, key, len, h);
    if (!s->key) {
        s->key = dy_arena_strndup(&m->arena, key, len);
        s->len = (uint32_t)len;
        s->hash = h;
        m->count++;
    }
    s->value = value;
}

bool hm_get(const hashmap *m, const char *key, size_t len, uint32_t *value) {
    return hm_get_hashed(m, key, len, hm_hash(key, len), value);
}

bool hm_get_hashed(const hashmap *m, const char *key, size_t len, uint32_t hash, uint32_t *value) {
    if (!m->slots) return false;
    hm_slot *s = find_slot(m->slots, m->cap, key, len, hash);
    if (!s->key) return false;
    if (value) *value = s->value;
    return true;
}
