/* u64map.h - hash table from 64-bit keys (already hashes) to 32-bit values, for the
 * trainer's feature index. Key 0 is reserved (empty slot). Grows at half full. */
#ifndef DY_U64MAP_H
#define DY_U64MAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct u64map {
    uint64_t *keys;
    uint32_t *values;
    size_t cap, count;
} u64map;

void u64map_init(u64map *m, size_t cap_hint);
void u64map_free(u64map *m);
bool u64map_get(const u64map *m, uint64_t key, uint32_t *value);
void u64map_put(u64map *m, uint64_t key, uint32_t value);
#endif
