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
