#include "doc.h"
#include <string.h>

void doc_init(dy_doc *d) {
    memset(d, 0, sizeof *d);
    dy_arena_init(&d->arena, 1 << 18);
}

void doc_reset(dy_doc *d, const char *text, uint32_t len) {
    dy_arena arena = d->arena;
    dy_arena_reset(&arena);
    memset(d, 0, sizeof *d);
    d->arena = arena;
    d->text = text;
    d->len = len;
}

void doc_free(dy_doc *d) { dy_arena_free(&d->arena); }

uint32_t doc_token_at(const dy_doc *d, uint32_t byte) {
    uint32_t lo = 0, hi = (uint32_t)d->toks.n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->toks.v[mid].start < byte) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}
