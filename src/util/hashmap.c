/* hashmap.c - open addressing with linear probing, kept at most half full. Probes walk a
 * dense array of 32-bit hashes (16 per cache line) and touch a slot only when its hash
 * matches: a miss, the common case for a token looked up in a dictionary, costs one or two
 * cache lines instead of one per probe. */
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

/* Stored hashes are never 0: 0 marks an empty slot. */
static inline uint32_t tag_of(uint32_t h) { return h ? h : 1; }

static void alloc_table(hashmap *m, size_t cap) {
    m->cap = cap;
    m->slots = calloc(cap, sizeof *m->slots);
    m->tags = calloc(cap, sizeof *m->tags);
    if (!m->slots || !m->tags) dy_die("out of memory (hash table of %zu slots)", cap);
}

void hm_init(hashmap *m) {
    m->count = 0;
    alloc_table(m, 64);
    dy_arena_init(&m->arena, 1 << 14);
}

void hm_free(hashmap *m) {
    free(m->slots);
    free(m->tags);
    m->slots = NULL;
    m->tags = NULL;
    m->cap = m->count = 0;
    dy_arena_free(&m->arena);
}

/* Index of key's slot, or of the empty slot where it would go. */
static size_t find_index(const hashmap *m, const char *key, size_t len, uint32_t h) {
    uint32_t tag = tag_of(h);
    size_t mask = m->cap - 1, i = h & mask;
    for (;;) {
        uint32_t t = m->tags[i];
        if (t == 0) return i;
        if (t == tag) {
            const hm_slot *s = &m->slots[i];
            if (s->len == len && memcmp(s->key, key, len) == 0) return i;
        }
        i = (i + 1) & mask;
    }
}

static void rehash(hashmap *m) {
    hm_slot *old_slots = m->slots;
    uint32_t *old_tags = m->tags;
    size_t old_cap = m->cap;
    alloc_table(m, old_cap * 2);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old_tags[i]) continue;
        size_t j = find_index(m, old_slots[i].key, old_slots[i].len, old_slots[i].hash);
        m->slots[j] = old_slots[i];
        m->tags[j] = old_tags[i];
    }
    free(old_slots);
    free(old_tags);
}

void hm_put(hashmap *m, const char *key, size_t len, uint32_t value) {
    if ((m->count + 1) * 2 > m->cap) rehash(m);
    uint32_t h = hm_hash(key, len);
    size_t i = find_index(m, key, len, h);
    hm_slot *s = &m->slots[i];
    if (!m->tags[i]) {
        s->key = dy_arena_strndup(&m->arena, key, len);
        s->len = (uint32_t)len;
        s->hash = h;
        m->tags[i] = tag_of(h);
        m->count++;
    }
    s->value = value;
}

bool hm_get(const hashmap *m, const char *key, size_t len, uint32_t *value) {
    return hm_get_hashed(m, key, len, hm_hash(key, len), value);
}

bool hm_get_hashed(const hashmap *m, const char *key, size_t len, uint32_t hash, uint32_t *value) {
    if (!m->tags) return false;
    size_t i = find_index(m, key, len, hash);
    if (!m->tags[i]) return false;
    if (value) *value = m->slots[i].value;
    return true;
}
