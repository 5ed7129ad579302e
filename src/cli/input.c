/* input.c - reading articles for extract and ingest (see input.h). */
#include "input.h"
#include "../util/sha256.h"
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *id_of_text(const char *text, size_t len, char buf[72]) {
    memcpy(buf, "sha256:", 7);
    sha256_hex(text, len, buf + 7);
    return buf;
}

static bool read_all(FILE *f, char **data, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) return false;
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); return false; }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    if (ferror(f)) { free(buf); return false; }
    *data = buf;
    *len = n;
    return true;
}

/* The id of a plain file: its name without directories and extension. */
static char *id_of_path(const char *path) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char *id = strdup(base);
    char *dot = strrchr(id, '.');
    if (dot && dot != id) *dot = '\0';
    return id;
}

/* The id of a line that is not valid JSON, when a plain "id": "..." can still be read, so
 * that the error object names the article; else NULL. */
static const char *salvage_id(const char *line, size_t len, char *buf, size_t cap) {
    const char *p = memmem(line, len, "\"id\"", 4), *end = line + len;
    if (!p) return NULL;
    p += 4;
    while (p < end && (*p == ' ' || *p == '\t' || *p == ':')) p++;
    if (p >= end || *p != '"') return NULL;
    const char *q = ++p;
    while (q < end && *q != '"' && *q != '\\') q++;
    if (q >= end || *q != '"' || (size_t)(q - p) >= cap) return NULL;
    memcpy(buf, p, (size_t)(q - p));
    buf[q - p] = '\0';
    return buf;
}

typedef struct reader {
    const input_opts *o;
    input_fn fn;
    void *ctx;
    double done;
} reader;

static void emit(reader *r, const char *id, const char *text, size_t len, const char *published, const char *url,
                 const char *title, const char *source, const char *error) {
    input_article a = {id, text, title, source, url, published, len, error, r->done};
    r->fn(r->ctx, &a);
}

static const char *str_field(const cJSON *o, const char *name) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void process_jsonl_line(reader *r, char *line, size_t len, size_t lineno) {
    char fallback[72];
    snprintf(fallback, sizeof fallback, "line:%zu", lineno);
    cJSON *o = cJSON_ParseWithLength(line, len);
    if (!o || !cJSON_IsObject(o)) {
        char idbuf[256];
        const char *id = salvage_id(line, len, idbuf, sizeof idbuf);
        char msg[96];
        snprintf(msg, sizeof msg, "malformed JSON on input line %zu", lineno);
        emit(r, id ? id : fallback, "", 0, NULL, NULL, NULL, NULL, msg);
        cJSON_Delete(o);
        return;
    }
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
    char idbuf[72];
    const char *idstr = fallback;
    if (cJSON_IsString(id)) idstr = id->valuestring;
    else if (cJSON_IsNumber(id)) { snprintf(idbuf, sizeof idbuf, "%.17g", id->valuedouble); idstr = idbuf; }
    if (!cJSON_IsString(text)) {
        emit(r, idstr, "", 0, NULL, NULL, NULL, NULL, "missing \"text\" string field");
    } else {
        /* cJSON stops strings at an escaped NUL (\u0000); the rest of the article would be
         * lost silently, so such text is refused as a NUL byte. */
        size_t tlen = strlen(text->valuestring);
        const char *raw = strstr(line, "\\u0000");
        if (idstr == fallback) idstr = id_of_text(text->valuestring, tlen, idbuf);
        emit(r, idstr, text->valuestring, tlen, str_field(o, "published"), str_field(o, "url"), str_field(o, "title"),
             str_field(o, "source"), raw ? "NUL byte (\\u0000) in text" : NULL);
    }
    cJSON_Delete(o);
}

static int run_jsonl(reader *r, FILE *f, double size) {
    char *line = NULL;
    size_t cap = 0, lineno = 0, bytes = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) != -1) {
        lineno++;
        bytes += (size_t)n;
        r->done = size > 0 ? (double)bytes / size : -1;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
        size_t ws = 0;
        while (ws < len && (line[ws] == ' ' || line[ws] == '\t')) ws++;
        if (ws == len) continue;
        process_jsonl_line(r, line, len, lineno);
    }
    free(line);
    return ferror(f) ? -1 : 0;
}

static int run_plain(reader *r, FILE *f, const char *id_hint) {
    char *data;
    size_t len;
    if (!read_all(f, &data, &len)) return -1;
    char idbuf[72];
    char *id = id_hint ? id_of_path(id_hint) : NULL;
    emit(r, id ? id : id_of_text(data, len, idbuf), data, len, r->o->date, NULL, NULL, NULL, NULL);
    free(id);
    free(data);
    return 0;
}


int input_each(char *const *files, int nfiles, const input_opts *o, input_fn fn, void *ctx, const char *prog) {
    reader r = {o, fn, ctx, -1};
    int status = 0;
    char *dash = "-";
    if (nfiles == 0) {
        files = &dash;
        nfiles = 1;
    }
    for (int i = 0; i < nfiles; i++) {
        bool is_stdin = strcmp(files[i], "-") == 0;
        FILE *f = is_stdin ? stdin : fopen(files[i], "rb");
        if (!f) {
            fprintf(stderr, "%s: cannot read %s: %s\n", prog, files[i], strerror(errno));
            status = 2;
            continue;
        }
        struct stat st;
        double size = !is_stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) ? (double)st.st_size : -1;
        r.done = nfiles > 1 ? (double)i / nfiles : -1;
        int rc = o->jsonl ? run_jsonl(&r, f, nfiles == 1 ? size : -1) : run_plain(&r, f, is_stdin ? NULL : files[i]);
        if (rc < 0) {
            fprintf(stderr, "%s: error reading %s: %s\n", prog, is_stdin ? "standard input" : files[i], strerror(errno));
            status = 2;
        }
        if (!is_stdin) fclose(f);
    }
    return status;
}
