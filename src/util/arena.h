/* arena.h - bump allocator owned by one document (or one model).
 *
 * Contract: dy_arena_alloc returns zeroed, 16-byte aligned memory that lives until
 * dy_arena_reset or dy_arena_free. Allocation never fails silently: on out-of-memory
 * the process aborts with a message (a partial article is worse than a clear stop).
 * Not thread-safe: one arena per thread or per document. */
#ifndef DY_ARENA_H
#define DY_ARENA_H
#include <stddef.h>

typedef struct dy_arena_block dy_arena_block;
typedef struct dy_arena {
    dy_arena_block *head;   /* current block; older blocks chained behind it */
    size_t block_size;      /* default size of a new block */
} dy_arena;

void  dy_arena_init(dy_arena *a, size_t block_size);
void *dy_arena_alloc(dy_arena *a, size_t n);
/* The same without zeroing, for memory the caller fills at once (copies, grown arrays). */
void *dy_arena_alloc_raw(dy_arena *a, size_t n);
char *dy_arena_strndup(dy_arena *a, const char *s, size_t n);
/* Grow an array allocated from the arena: returns a new array of new_n elements holding
 * the old_n old ones (the old memory is simply abandoned until reset). */
void *dy_arena_grow(dy_arena *a, void *old, size_t old_n, size_t new_n, size_t elem);
/* Keep the first block, drop the rest: memory is reused by the next document. */
void  dy_arena_reset(dy_arena *a);
void  dy_arena_free(dy_arena *a);

/* A growable array of T in an arena: DY_VEC(T) v = {0}; DY_PUSH(arena, v) = x; */
#define DY_VEC(T) struct { T *v; size_t n, cap; }
#define DY_PUSH(arena, vec)                                                                 \
    (*((vec).n == (vec).cap                                                                 \
           ? ((vec).v = dy_arena_grow((arena), (vec).v, (vec).n,                            \
                                      (vec).cap = (vec).cap ? (vec).cap * 2 : 16,           \
                                      sizeof *(vec).v)),                                    \
             &(vec).v[(vec).n++]                                                            \
           : &(vec).v[(vec).n++]))

#endif
