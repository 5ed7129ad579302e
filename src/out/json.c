/* json.c - the escaper copies runs of safe bytes at once; only quotes, backslashes and
 * control characters are rewritten. */
#include "json.h"
#include <string.h>

void jw_str(sb *s, const char *p, size_t n) {
    static const char hex[] = "0123456789abcdef";
    sb_grow(s, n + 2);
    sb_putc(s, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        sb_putn(s, p + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': sb_putn(s, "\\\"", 2); break;
        case '\\': sb_putn(s, "\\\\", 2); break;
        case '\n': sb_putn(s, "\\n", 2); break;
        case '\r': sb_putn(s, "\\r", 2); break;
        case '\t': sb_putn(s, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            sb_putn(s, u, 6);
        }
        }
    }
    sb_putn(s, p + run, n - run);
    sb_putc(s, '"');
}

void jw_cstr(sb *s, const char *p) {
    if (p) jw_str(s, p, strlen(p));
    else sb_putn(s, "null", 4);
}

void jw_key(sb *s, const char *key) {
    jw_str(s, key, strlen(key));
    sb_putc(s, ':');
}

void jw_next(sb *s, const char *key) {
    sb_putc(s, ',');
    jw_key(s, key);
}

void jw_uint(sb *s, unsigned long v) {
    char buf[24];
    int i = 23;
    buf[i] = '\0';
    do buf[--i] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    sb_putn(s, buf + i, (size_t)(23 - i));
}
