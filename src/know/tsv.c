#include "tsv.h"
#include <string.h>

void tsv_open(tsv_reader *r, const char *buf, size_t len) {
    r->p = buf;
    r->end = buf + len;
    r->line = 0;
}

int tsv_next(tsv_reader *r, tsv_field *f, int max) {
    while (r->p < r->end) {
        const char *line = r->p;
        const char *nl = memchr(line, '\n', (size_t)(r->end - line));
        const char *eol = nl ? nl : r->end;
        r->p = nl ? nl + 1 : r->end;
        r->line++;
        if (eol > line && eol[-1] == '\r') eol--;
        if (eol == line || line[0] == '#') continue;
        int n = 0;
        const char *q = line;
        for (;;) {
            const char *tab = memchr(q, '\t', (size_t)(eol - q));
            const char *fe = tab ? tab : eol;
            if (n < max) f[n] = (tsv_field){q, (size_t)(fe - q)};
            n++;
            if (!tab) break;
            q = tab + 1;
        }
        return n;
    }
    return 0;
}

int tsv_split(tsv_field f, char sep, tsv_field *out, int max) {
    int n = 0;
    const char *q = f.p, *e = f.p + f.n;
    while (q <= e) {
        const char *s = memchr(q, sep, (size_t)(e - q));
        const char *fe = s ? s : e;
        if (fe > q) {
            if (n < max) out[n] = (tsv_field){q, (size_t)(fe - q)};
            n++;
        }
        if (!s) break;
        q = s + 1;
    }
    return n;
}

void tsv_copy(tsv_field f, char *buf, size_t cap) {
    size_t n = f.n < cap - 1 ? f.n : cap - 1;
    memcpy(buf, f.p, n);
    buf[n] = '\0';
}
