#include "u64map.h"
#include "die.h"
#include <stdlib.h>

static size_t slot_of(const u64map *m, uint64_t key) {
    size_t mask = m->cap - 1, i = (size_t)(key ^ (key >> 29)) & mask;
    while (m->keys[i] && m->keys[i] != key) i = (i + 1) & mask;
    return i;
}

static void alloc_table(u64map *m, size_t cap) {
    m->cap = cap;
    m->keys = calloc(cap, sizeof *m->keys);
    m->values = calloc(cap, sizeof *m->values);
    if (!m->keys || !m->values) dy_die("out of memory (u64 table of %zu slots)", cap);
}

void u64map_init(u64map *m, size_t cap_hint) {
    size_t cap = 64;
    while (cap < cap_hint * 2) cap *= 2;
    m->count = 0;
    alloc_table(m, cap);
}

void u64map_free(u64map *m) {
    free(m->keys);
    free(m->values);
    m->keys = NULL;
    m->values = NULL;
    m->cap = m->count = 0;
}

bool u64map_get(const u64map *m, uint64_t key, uint32_t *value) {
    size_t i = slot_of(m, key);
    if (!m->keys[i]) return false;
    *value = m->values[i];
    return true;
}

void u64map_put(u64map *m, uint64_t key, uint32_t value) {
    if ((m->count + 1) * 2 > m->cap) {
        uint64_t *keys = m->keys;
        uint32_t *values = m->values;
        size_t old = m->cap;
        alloc_table(m, old * 2);
        for (size_t i = 0; i < old; i++)
            if (keys[i]) {
                size_t j = slot_of(m, keys[i]);
                m->keys[j] = keys[i];
                m->values[j] = values[i];
            }
        free(keys);
        free(values);
    }
    size_t i = slot_of(m, key);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->count++;
    }
    m->values[i] = value;
}
