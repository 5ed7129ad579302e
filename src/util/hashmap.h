/* hashmap.h - string-keyed hash table (open addressing, linear probing, FNV-1a).
 *
 * Contract: keys are byte strings copied into the map's own arena; values are uint32
 * (an index into the caller's own array). Lookups never allocate. hm_put on an
 * existing key replaces its value. Not thread-safe for writes; concurrent reads of a
 * finished map are safe (the model is built once and then only read). */
#ifndef DY_HASHMAP_H
#define DY_HASHMAP_H
#include "arena.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hm_slot {
    const char *key;   /* NUL-terminated copy */
    uint32_t len, hash, value;
} hm_slot;

typedef struct hashmap {
    hm_slot *slots;
    uint32_t *tags;      /* per slot: its hash (never 0), or 0 when empty */
    size_t cap, count;   /* cap is a power of two */
    dy_arena arena;      /* holds key copies */
} hashmap;

void hm_init(hashmap *m);
void hm_free(hashmap *m);
uint32_t hm_hash(const char *key, size_t len);
void hm_put(hashmap *m, const char *key, size_t len, uint32_t value);
/* Returns true and sets *value when found. */
bool hm_get(const hashmap *m, const char *key, size_t len, uint32_t *value);
/* The same with the key's hm_hash already known (token keys carry theirs). */
bool hm_get_hashed(const hashmap *m, const char *key, size_t len, uint32_t hash, uint32_t *value);
static inline bool hm_gets(const hashmap *m, const char *key, uint32_t *value) {
    size_t n = 0;
    while (key[n]) n++;
    return hm_get(m, key, n, value);
}
#endif
