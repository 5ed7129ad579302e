#include "strbuf.h"
#include "die.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_grow(sb *s, size_t extra) {
    size_t need = s->len + extra + 1;
    if (need <= s->cap) return;
    size_t cap = s->cap ? s->cap : 256;
    while (cap < need) cap *= 2;
    char *p = realloc(s->buf, cap);
    if (!p) dy_die("out of memory (string of %zu bytes)", cap);
    s->buf = p;
    s->cap = cap;
}

void sb_putn(sb *s, const char *p, size_t n) {
    sb_grow(s, n);
    memcpy(s->buf + s->len, p, n);
    s->len += n;
    s->buf[s->len] = '\0';
}

void sb_puts(sb *s, const char *p) { sb_putn(s, p, strlen(p)); }

void sb_printf(sb *s, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        sb_putn(s, tmp, (size_t)n);
        return;
    }
    sb_grow(s, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(s->buf + s->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    s->len += (size_t)n;
}

void sb_reset(sb *s) {
    s->len = 0;
    if (s->buf) s->buf[0] = '\0';
}

void sb_free(sb *s) {
    free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
}
