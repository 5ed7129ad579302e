/* strbuf.h - growable byte buffer for building output (JSON, TSV, messages).
 *
 * Contract: the buffer is always NUL-terminated; sb_reset keeps the capacity;
 * out-of-memory aborts via dy_die. */
#ifndef DY_STRBUF_H
#define DY_STRBUF_H
#include <stddef.h>

typedef struct sb {
    char *buf;
    size_t len, cap;
} sb;

void sb_grow(sb *s, size_t extra);
void sb_putn(sb *s, const char *p, size_t n);
void sb_puts(sb *s, const char *p);
void sb_printf(sb *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_reset(sb *s);
void sb_free(sb *s);
static inline void sb_putc(sb *s, char c) {
    if (s->len + 2 > s->cap) sb_grow(s, 1);
    s->buf[s->len++] = c;
    s->buf[s->len] = '\0';
}
#endif
