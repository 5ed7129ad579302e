/* arena.c - chained blocks; a reset keeps the largest (first) block so a steady stream
 * of similar documents allocates nothing after the first few. */
#include "arena.h"
#include "die.h"
#include <stdlib.h>
#include <string.h>

struct dy_arena_block {
    dy_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

static dy_arena_block *block_new(size_t size) {
    dy_arena_block *b = malloc(sizeof *b + size);
    if (!b) dy_die("out of memory (arena block of %zu bytes)", size);
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void dy_arena_init(dy_arena *a, size_t block_size) {
    a->head = NULL;
    a->block_size = block_size ? block_size : 1 << 16;
}

void *dy_arena_alloc(dy_arena *a, size_t n) {
    void *p = dy_arena_alloc_raw(a, n);
    memset(p, 0, n);
    return p;
}

void *dy_arena_alloc_raw(dy_arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    dy_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > a->block_size ? n : a->block_size;
        dy_arena_block *nb = block_new(size);
        if (b && n > a->block_size && b->size - b->used >= a->block_size / 4) {
            /* A huge request: put it behind the current block so small requests keep
             * filling the current one. */
            nb->next = b->next;
            b->next = nb;
            nb->used = n;
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

char *dy_arena_strndup(dy_arena *a, const char *s, size_t n) {
    char *p = dy_arena_alloc_raw(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void *dy_arena_grow(dy_arena *a, void *old, size_t old_n, size_t new_n, size_t elem) {
    void *p = dy_arena_alloc_raw(a, new_n * elem);
    if (old_n) memcpy(p, old, old_n * elem);
    memset((char *)p + old_n * elem, 0, (new_n - old_n) * elem);
    return p;
}

void dy_arena_reset(dy_arena *a) {
    dy_arena_block *b = a->head, *keep = NULL;
    while (b) {
        dy_arena_block *next = b->next;
        if (!keep || b->size > keep->size) {
            if (keep) free(keep);
            keep = b;
        } else {
            free(b);
        }
        b = next;
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
    a->head = keep;
}

void dy_arena_free(dy_arena *a) {
    dy_arena_block *b = a->head;
    while (b) {
        dy_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
