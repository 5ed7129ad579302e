/* postgres.c - the PostgreSQL backend (libpq). A batch of articles is written as COPY
 * streams in one transaction: the batch's ids into a temporary table, one statement that
 * deletes every older version of those articles from all tables, then one COPY per table
 * (COPY loads ~60x faster than row INSERTs here). Article keys are reserved from the
 * sequence ahead, so child rows can carry them before their article is written. An id
 * seen twice in one batch commits the batch first. Text goes out as valid UTF-8 without
 * NULs (PostgreSQL's text holds neither bad bytes nor NUL): each bad byte becomes U+FFFD.
 *
 * Full-text search: articles and quotes carry a tsvector of their distinct words
 * (words.h) that this writer makes and sends as text, for PostgreSQL's own parser
 * (to_tsvector) reads news at ~6 MB/s, which would cost the server as much CPU as the
 * whole extraction; searches are tsqueries of the same words, so both agree under any
 * server locale. */
#include "backend.h"
#include "words.h"
#include "../text/utf8.h"
#include "../util/hashmap.h"
#include "../util/strbuf.h"
#include <libpq-fe.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pgs {
    store base;
    PGconn *c;
    sb rows[ST_COUNT];    /* the batch's rows in COPY's text format */
    sb ids;               /* the batch's ids, one a line, for batch_ids */
    sb id;                /* the record's id as stored */
    hashmap batch;        /* the batch's ids */
    hashmap words;        /* one text's words, for its tsvector */
    int pending;
    int64_t aids[STORE_BATCH];
    size_t naids, next_aid;
    bool has_ready;       /* the has() statement is prepared */
    sb scratch;           /* a COPY command, a parameter made clean */
} pgs;

#define COPY_CHUNK (1 << 20)            /* bytes per PQputCopyData */
#define BATCH_BYTES ((size_t)64 << 20)  /* a batch of long articles commits early */

/* Type oids of pg_type.dat, for result values. */
enum { OID_BOOL = 16, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_FLOAT4 = 700, OID_FLOAT8 = 701,
       OID_NUMERIC = 1700 };

static bool fail(pgs *s, char *err, size_t errlen, const char *what) {
    const char *m = PQerrorMessage(s->c);
    size_t n = strlen(m);
    while (n && m[n - 1] == '\n') n--;
    snprintf(err, errlen, "%s: %.*s", what, (int)n, m);
    return false;
}

/* Run statements without parameters; false with "what: message" unless the last gave want. */
static bool exec(pgs *s, const char *sql, ExecStatusType want, const char *what, char *err, size_t errlen) {
    PGresult *r = PQexec(s->c, sql);
    bool ok = PQresultStatus(r) == want;
    PQclear(r);
    return ok || fail(s, err, errlen, what);
}

/* s[0..n) as valid UTF-8 without NULs, each bad byte (and NUL) made U+FFFD; for COPY
 * (copy = true) with backslash, tab, newline and carriage return escaped. */
static void put_clean(sb *b, const char *s, size_t n, bool copy) {
    while (n) {
        size_t bad = u8_validate(s, n), good = bad == SIZE_MAX ? n : bad;
        size_t i = 0;
        while (i < good) {
            size_t j = i;
            while (j < good && s[j] && !(copy && (s[j] == '\\' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))) j++;
            sb_putn(b, s + i, j - i);
            if (j == good) break;
            sb_puts(b, s[j] == '\\' ? "\\\\" : s[j] == '\t' ? "\\t" : s[j] == '\n' ? "\\n" : s[j] == '\r' ? "\\r" : "\xEF\xBF\xBD");
            i = j + 1;
        }
        if (bad == SIZE_MAX) break;
        sb_puts(b, "\xEF\xBF\xBD");
        s += bad + 1;
        n -= bad + 1;
    }
}

static void put_int(sb *b, int64_t v) {
    char buf[24], *p = buf + sizeof buf;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0) *--p = '-';
    sb_putn(b, p, (size_t)(buf + sizeof buf - p));
}

static void put_value(sb *b, const store_value *v) {
    switch (v->type) {
    case SV_INT: put_int(b, v->i); break;
    case SV_REAL: sb_printf(b, "%.17g", v->r); break;
    case SV_TEXT: put_clean(b, v->s, v->n, true); break;
    default: sb_puts(b, "\\N");
    }
}

/* A tsvector of the distinct words of the texts, in its text form ('w' 'w' ...), within
 * its limits: a lexeme under 2 KB, all of them under 1 MB. */
typedef struct lexemes { sb *b; hashmap *seen; size_t bytes; } lexemes;

static bool add_lexeme(void *ctx, const char *w, size_t n) {
    lexemes *l = ctx;
    uint32_t seen;
    if (n >= 2000 || hm_get(l->seen, w, n, &seen)) return true;
    if (l->bytes + n > 1000000) return false;
    hm_put(l->seen, w, n, 1);
    if (l->bytes) sb_putc(l->b, ' ');
    sb_putc(l->b, '\'');
    sb_putn(l->b, w, n);
    sb_putc(l->b, '\'');
    l->bytes += n;
    return true;
}

static void put_tsvector(pgs *s, sb *b, const store_value *texts, int ntexts) {
    lexemes l = {b, &s->words, 0};
    for (int i = 0; i < ntexts; i++)
        if (texts[i].type == SV_TEXT) words_each(texts[i].s, texts[i].n, add_lexeme, &l);
    hm_free(&s->words);
    hm_init(&s->words);
}

/* COPY table (aid, columns[, tsv]) FROM STDIN, or (id) for batch_ids, with the rows in b. */
static bool copy_in(pgs *s, const char *table, const char *columns, bool tsv, const sb *b, char *err, size_t errlen) {
    sb_reset(&s->scratch);
    sb_printf(&s->scratch, "COPY %s (%s%s%s) FROM STDIN", table, columns ? "aid, " : "id", columns ? columns : "",
              tsv ? ", tsv" : "");
    if (!exec(s, s->scratch.buf, PGRES_COPY_IN, table, err, errlen)) return false;
    bool ok = true;
    for (size_t at = 0; ok && at < b->len; at += COPY_CHUNK)
        ok = PQputCopyData(s->c, b->buf + at, (int)(b->len - at < COPY_CHUNK ? b->len - at : COPY_CHUNK)) == 1;
    if (PQputCopyEnd(s->c, ok ? NULL : "cannot send") != 1) ok = false;
    PGresult *r;
    while ((r = PQgetResult(s->c))) {
        ok = ok && PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
    }
    return ok || fail(s, err, errlen, table);
}

static bool pg_flush(store *st, char *err, size_t errlen) {
    pgs *s = (pgs *)st;
    if (!s->pending) return true;
    bool ok = exec(s, "BEGIN", PGRES_COMMAND_OK, "begin", err, errlen) &&
              copy_in(s, "batch_ids", NULL, false, &s->ids, err, errlen) &&
              exec(s, "WITH old AS (DELETE FROM articles WHERE id IN (SELECT id FROM batch_ids) RETURNING aid), "
                      "e AS (DELETE FROM entities WHERE aid IN (SELECT aid FROM old)), "
                      "q AS (DELETE FROM quotes WHERE aid IN (SELECT aid FROM old)), "
                      "v AS (DELETE FROM events WHERE aid IN (SELECT aid FROM old)) SELECT count(*) FROM old",
                   PGRES_TUPLES_OK, "replacing changed articles", err, errlen);
    for (int t = 0; ok && t < ST_COUNT; t++)
        ok = copy_in(s, store_tables[t].name, store_tables[t].columns, t == ST_ARTICLES || t == ST_QUOTES, &s->rows[t],
                     err, errlen);
    ok = ok && exec(s, "COMMIT", PGRES_COMMAND_OK, "commit", err, errlen);
    if (!ok) PQclear(PQexec(s->c, "ROLLBACK"));
    for (int t = 0; t < ST_COUNT; t++) sb_reset(&s->rows[t]);
    sb_reset(&s->ids);
    hm_free(&s->batch);
    hm_init(&s->batch);
    s->pending = 0;
    return ok;
}

/* Keys for the next articles, a batch's worth in one round trip. */
static bool reserve(pgs *s, char *err, size_t errlen) {
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT nextval(pg_get_serial_sequence('articles', 'aid')) FROM generate_series(1, %d)",
             STORE_BATCH);
    PGresult *r = PQexec(s->c, sql);
    bool ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == STORE_BATCH;
    for (int i = 0; ok && i < STORE_BATCH; i++) s->aids[i] = strtoll(PQgetvalue(r, i, 0), NULL, 10);
    PQclear(r);
    s->naids = ok ? STORE_BATCH : 0;
    s->next_aid = 0;
    return ok || fail(s, err, errlen, "reserving keys");
}

static bool pg_put(store *st, const store_record *r, char *err, size_t errlen) {
    pgs *s = (pgs *)st;
    uint32_t seen;
    sb_reset(&s->id);
    put_clean(&s->id, r->id, strlen(r->id), true);
    if (hm_get(&s->batch, s->id.buf, s->id.len, &seen) && !pg_flush(st, err, errlen)) return false;
    if (s->next_aid == s->naids && !reserve(s, err, errlen)) return false;
    int64_t aid = s->aids[s->next_aid++];
    hm_put(&s->batch, s->id.buf, s->id.len, 1);
    sb_putn(&s->ids, s->id.buf, s->id.len);
    sb_putc(&s->ids, '\n');
    for (int t = 0; t < ST_COUNT; t++) {
        int nc = store_tables[t].ncols;
        sb *b = &s->rows[t];
        for (size_t k = 0; k < r->nrows[t]; k++) {
            const store_value *v = &r->rows[t][k * (size_t)nc];
            put_int(b, aid);
            for (int i = 0; i < nc; i++) {
                sb_putc(b, '\t');
                put_value(b, &v[i]);
            }
            if (t == ST_ARTICLES || t == ST_QUOTES) {   /* title and text; the quote */
                const store_value texts[2] = {t == ST_ARTICLES ? v[2] : v[3], t == ST_ARTICLES ? v[6] : (store_value){0}};
                sb_putc(b, '\t');
                put_tsvector(s, b, texts, 2);
            }
            sb_putc(b, '\n');
        }
    }
    if (++s->pending >= STORE_BATCH || s->rows[ST_ARTICLES].len > BATCH_BYTES) return pg_flush(st, err, errlen);
    return true;
}

static bool pg_has(store *st, const char *id, const char *hash) {
    pgs *s = (pgs *)st;
    if (!s->has_ready) {
        PGresult *r = PQprepare(s->c, "has", "SELECT hash FROM articles WHERE id = $1", 1, NULL);
        s->has_ready = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
    }
    sb_reset(&s->scratch);
    put_clean(&s->scratch, id, strlen(id), false);
    const char *params[1] = {s->scratch.buf};
    PGresult *r = PQexecPrepared(s->c, "has", 1, params, NULL, NULL, 0);
    bool same = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 && !strcmp(PQgetvalue(r, 0, 0), hash);
    PQclear(r);
    return same;
}

static void column(const PGresult *r, int row, int i, store_value *v) {
    if (PQgetisnull(r, row, i)) {
        v->type = SV_NULL;
        return;
    }
    const char *s = PQgetvalue(r, row, i);
    switch (PQftype(r, i)) {
    case OID_BOOL: v->type = SV_INT, v->i = s[0] == 't'; break;
    case OID_INT2:
    case OID_INT4:
    case OID_INT8: v->type = SV_INT, v->i = strtoll(s, NULL, 10); break;
    case OID_FLOAT4:
    case OID_FLOAT8:
    case OID_NUMERIC: v->type = SV_REAL, v->r = strtod(s, NULL); break;
    default: v->type = SV_TEXT, v->s = s, v->n = (size_t)PQgetlength(r, row, i);
    }
}

/* query.c writes "?" for each parameter; PostgreSQL wants $1, $2, ... (quoted text and
 * names are left alone). */
static void number_params(sb *out, const char *sql) {
    int n = 0;
    char quote = 0;
    for (const char *p = sql; *p; p++) {
        if (quote) quote = *p == quote ? 0 : quote;
        else if (*p == '\'' || *p == '"') quote = *p;
        else if (*p == '?') {
            sb_printf(out, "$%d", ++n);
            continue;
        }
        sb_putc(out, *p);
    }
}

static bool pg_query(store *st, const char *sql, const char *const *binds, int nbinds, store_row_fn fn, void *ctx,
                     char *err, size_t errlen) {
    pgs *s = (pgs *)st;
    if (PQstatus(s->c) != CONNECTION_OK) PQreset(s->c);   /* a server restart since the last query */
    sb text = {0}, *clean = calloc((size_t)nbinds + 1, sizeof *clean);
    const char **params = calloc((size_t)nbinds + 1, sizeof *params);
    number_params(&text, sql);
    for (int i = 0; i < nbinds; i++) {
        put_clean(&clean[i], binds[i], strlen(binds[i]), false);
        params[i] = clean[i].buf ? clean[i].buf : "";
    }
    PGresult *r = PQexecParams(s->c, text.buf, nbinds, NULL, params, NULL, NULL, 0);
    bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
    if (ok) {
        int n = PQnfields(r);
        const char **names = calloc((size_t)n + 1, sizeof *names);
        store_value *vals = calloc((size_t)n + 1, sizeof *vals);
        for (int i = 0; i < n; i++) names[i] = PQfname(r, i);
        store_row row = {n, names, vals};
        for (int k = 0; k < PQntuples(r); k++) {
            for (int i = 0; i < n; i++) column(r, k, i, &vals[i]);
            fn(ctx, &row);
        }
        free(names);
        free(vals);
    } else {
        fail(s, err, errlen, "query failed");
    }
    PQclear(r);
    for (int i = 0; i < nbinds; i++) sb_free(&clean[i]);
    free(clean);
    free(params);
    sb_free(&text);
    return ok;
}

static void pg_close(store *st) {
    pgs *s = (pgs *)st;
    PQfinish(s->c);
    for (int t = 0; t < ST_COUNT; t++) sb_free(&s->rows[t]);
    sb_free(&s->ids);
    sb_free(&s->scratch);
    sb_free(&s->id);
    hm_free(&s->batch);
    hm_free(&s->words);
    free(s);
}

static const store_ops pg_ops = {
    pg_has, pg_put, pg_flush, pg_query, pg_close,
    {.like = "ILIKE",
     .sentence = "convert_from(substring(convert_to(a.text, 'UTF8') FROM e.start + 1 FOR e.\"end\" - e.start), 'UTF8')",
     .article_match = "a.tsv @@ CAST(? AS tsquery)",
     .quote_match = "q.tsv @@ CAST(? AS tsquery)",
     .term_quote = '\'',
     .term_and = " & "},
};

/* Notices ("relation exists, skipping", "query contains no lexemes") are no news here. */
static void ignore_notice(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

store *store_pg_open(const char *url, enum store_mode mode, char *err, size_t errlen) {
    pgs *s = calloc(1, sizeof *s);
    s->base.ops = &pg_ops;
    hm_init(&s->batch);
    hm_init(&s->words);
    const char *keys[] = {"dbname", "client_encoding", "application_name", NULL};
    const char *vals[] = {url, "UTF8", "dyad", NULL};
    s->c = PQconnectdbParams(keys, vals, 1);
    bool ok = PQstatus(s->c) == CONNECTION_OK || fail(s, err, errlen, "cannot connect");
    PQsetNoticeProcessor(s->c, ignore_notice, NULL);
    if (ok && mode == STORE_WRITE) {
        const char *schema = strstr(dy_data_schema, STORE_PG_SCHEMA);
        /* lz4 compresses the texts in a third of pglz's time, where the server has it. */
        PQclear(PQexec(s->c, "SET default_toast_compression = lz4"));
        ok = schema && exec(s, schema, PGRES_COMMAND_OK, "schema", err, errlen) &&
             exec(s, "CREATE TEMPORARY TABLE batch_ids (id TEXT) ON COMMIT DELETE ROWS", PGRES_COMMAND_OK,
                  "batch table", err, errlen);
    }
    if (!ok) {
        pg_close(&s->base);
        return NULL;
    }
    return &s->base;
}
