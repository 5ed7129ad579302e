/* words.c - a scanner with an ASCII fast path: ASCII letters are lowercased as they come;
 * a word with other characters is case-folded and stripped of its diacritics by utf8proc
 * (as FTS5's unicode61 does by default: "Müller" finds "Muller"). */
#include "words.h"
#include "../util/strbuf.h"
#include <stdint.h>
#include <stdlib.h>
#include <utf8proc.h>

static bool word_char(int32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
    utf8proc_category_t k = utf8proc_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
           (k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO) || k == UTF8PROC_CATEGORY_CO;
}

void words_each(const char *s, size_t n, words_fn fn, void *ctx) {
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    sb w = {0};
    bool go = true, ascii = true;
    for (size_t i = 0; go && i <= n;) {
        int32_t c = -1;
        utf8proc_ssize_t len = 1;
        if (i < n && p[i] < 0x80) c = p[i];
        else if (i < n) len = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
        if (len > 0 && c >= 0 && word_char(c)) {
            if (c < 0x80) sb_putc(&w, (char)(c | (c >= 'A' && c <= 'Z' ? 32 : 0)));
            else sb_putn(&w, s + i, (size_t)len), ascii = false;
        } else if (w.len && ascii) {
            go = fn(ctx, w.buf, w.len);
            sb_reset(&w);
        } else if (w.len) {
            utf8proc_uint8_t *folded = NULL;
            utf8proc_ssize_t folded_len = utf8proc_map((const utf8proc_uint8_t *)w.buf, (utf8proc_ssize_t)w.len, &folded,
                                                   UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
            if (folded_len > 0) go = fn(ctx, (const char *)folded, (size_t)folded_len);
            free(folded);
            sb_reset(&w);
            ascii = true;
        }
        i += len > 0 ? (size_t)len : 1;
    }
    sb_free(&w);
}
