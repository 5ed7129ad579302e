/* sqlite.c - the SQLite backend: the schema (schema.sql up to its PostgreSQL part),
 * statements prepared once and reused for every row, and a transaction per batch (WAL).
 * The FTS5 indexes have external content and are filled a batch at a time at commit: a
 * trigger per row would make every insert pay for FTS5's savepoints. */
#include "backend.h"
#include "../util/strbuf.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lite {
    store base;
    sqlite3 *db;
    sqlite3_stmt *find, *del[ST_COUNT], *ins[ST_COUNT], *unindex[2], *index[2];
    int pending;                            /* articles in the open transaction */
    sqlite3_int64 first_aid, first_quote;   /* the batch's first new rows, to index at commit */
} lite;

static bool fail(lite *s, char *err, size_t errlen, const char *what) {
    snprintf(err, errlen, "%s: %s", what, sqlite3_errmsg(s->db));
    return false;
}

static bool prepare(lite *s, sqlite3_stmt **st, const char *sql, char *err, size_t errlen) {
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
        return fail(s, err, errlen, "not a dyad database");
    return true;
}

static bool run(lite *s, sqlite3_stmt *st, char *err, size_t errlen) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE || fail(s, err, errlen, "write");
}

static void bind(sqlite3_stmt *st, int i, const store_value *v) {
    switch (v->type) {
    case SV_INT: sqlite3_bind_int64(st, i, v->i); break;
    case SV_REAL: sqlite3_bind_double(st, i, v->r); break;
    case SV_TEXT: sqlite3_bind_text(st, i, v->s, (int)v->n, SQLITE_STATIC); break;
    default: sqlite3_bind_null(st, i);
    }
}

/* The stored article's key (0 when absent) and whether its hash is this one. */
static sqlite3_int64 find(lite *s, const char *id, const char *hash, bool *same) {
    sqlite3_bind_text(s->find, 1, id, -1, SQLITE_STATIC);
    sqlite3_int64 aid = 0;
    *same = false;
    if (sqlite3_step(s->find) == SQLITE_ROW) {
        *same = !strcmp((const char *)sqlite3_column_text(s->find, 0), hash);
        aid = sqlite3_column_int64(s->find, 1);
    }
    sqlite3_reset(s->find);
    return aid;
}

static bool lite_has(store *st, const char *id, const char *hash) {
    bool same;
    find((lite *)st, id, hash, &same);
    return same;
}

static bool lite_flush(store *st, char *err, size_t errlen) {
    lite *s = (lite *)st;
    if (!s->pending) return true;
    sqlite3_int64 first[2] = {s->first_aid, s->first_quote};
    for (int i = 0; i < 2; i++) {
        if (!first[i]) continue;
        sqlite3_bind_int64(s->index[i], 1, first[i]);
        if (!run(s, s->index[i], err, errlen)) return false;
    }
    s->pending = 0;
    s->first_aid = s->first_quote = 0;
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) return fail(s, err, errlen, "commit");
    return true;
}

static bool lite_put(store *st, const store_record *r, char *err, size_t errlen) {
    lite *s = (lite *)st;
    if (!s->pending && sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return fail(s, err, errlen, "begin");
    bool same;
    sqlite3_int64 old = find(s, r->id, r->hash, &same);
    /* A changed article: out of the indexes (unless it came in this batch, not indexed
     * yet), then its old rows go. */
    for (int i = 0; old && (!s->first_aid || old < s->first_aid) && i < 2; i++) {
        sqlite3_bind_int64(s->unindex[i], 1, old);
        if (!run(s, s->unindex[i], err, errlen)) return false;
    }
    for (int t = ST_COUNT - 1; old && t >= 0; t--) {
        sqlite3_bind_int64(s->del[t], 1, old);
        if (!run(s, s->del[t], err, errlen)) return false;
    }
    for (int i = 0; i < store_tables[ST_ARTICLES].ncols; i++) bind(s->ins[ST_ARTICLES], i + 1, &r->rows[ST_ARTICLES][i]);
    if (!run(s, s->ins[ST_ARTICLES], err, errlen)) return false;
    sqlite3_int64 aid = sqlite3_last_insert_rowid(s->db);
    if (!s->first_aid) s->first_aid = aid;
    for (int t = ST_ENTITIES; t < ST_COUNT; t++) {
        int nc = store_tables[t].ncols;
        for (size_t k = 0; k < r->nrows[t]; k++) {
            sqlite3_bind_int64(s->ins[t], 1, aid);
            for (int i = 0; i < nc; i++) bind(s->ins[t], i + 2, &r->rows[t][k * (size_t)nc + (size_t)i]);
            if (!run(s, s->ins[t], err, errlen)) return false;
            if (t == ST_QUOTES && !s->first_quote) s->first_quote = sqlite3_last_insert_rowid(s->db);
        }
    }
    if (++s->pending >= STORE_BATCH) return lite_flush(st, err, errlen);
    return true;
}

/* A result column as a value (a blob reads as text: substr of a blob cuts the sentences). */
static void column(sqlite3_stmt *st, int i, store_value *v) {
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: v->type = SV_INT, v->i = sqlite3_column_int64(st, i); break;
    case SQLITE_FLOAT: v->type = SV_REAL, v->r = sqlite3_column_double(st, i); break;
    case SQLITE_NULL: v->type = SV_NULL; break;
    default:
        v->type = SV_TEXT;
        v->s = (const char *)sqlite3_column_blob(st, i);
        v->n = (size_t)sqlite3_column_bytes(st, i);
        if (!v->s) v->s = "";
    }
}

static bool lite_query(store *sto, const char *sql, const char *const *binds, int nbinds, store_row_fn fn,
                       void *ctx, char *err, size_t errlen) {
    lite *s = (lite *)sto;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return fail(s, err, errlen, "query failed");
    for (int i = 0; i < nbinds; i++) sqlite3_bind_text(st, i + 1, binds[i], -1, SQLITE_STATIC);
    int n = sqlite3_column_count(st);
    const char **names = calloc((size_t)n + 1, sizeof *names);
    store_value *vals = calloc((size_t)n + 1, sizeof *vals);
    for (int i = 0; i < n; i++) names[i] = sqlite3_column_name(st, i);
    store_row row = {n, names, vals};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < n; i++) column(st, i, &vals[i]);
        fn(ctx, &row);
    }
    bool ok = rc == SQLITE_DONE || fail(s, err, errlen, "query failed");
    free(names);
    free(vals);
    sqlite3_finalize(st);
    return ok;
}

static void lite_close(store *st) {
    lite *s = (lite *)st;
    sqlite3_stmt *all[] = {s->find, s->unindex[0], s->unindex[1], s->index[0], s->index[1]};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sqlite3_finalize(all[i]);
    for (int t = 0; t < ST_COUNT; t++) {
        sqlite3_finalize(s->del[t]);
        sqlite3_finalize(s->ins[t]);
    }
    sqlite3_close(s->db);
    free(s);
}

static const store_ops lite_ops = {
    lite_has, lite_put, lite_flush, lite_query, lite_close,
    {.like = "LIKE",
     .sentence = "substr(CAST(a.text AS BLOB), e.start + 1, e.\"end\" - e.start)",
     .article_match = "a.aid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
     .quote_match = "q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
     .term_quote = '"',
     .term_and = " "},
};

/* The writer's statements: inserts of every table's columns, deletes by key, and the
 * full-text index upkeep. */
static bool prepare_writes(lite *s, char *err, size_t errlen) {
    sb sql = {0};
    bool ok = true;
    for (int t = 0; ok && t < ST_COUNT; t++) {
        const store_table_desc *d = &store_tables[t];
        bool child = t != ST_ARTICLES;
        sb_reset(&sql);
        sb_printf(&sql, "INSERT INTO %s (%s%s) VALUES (", d->name, child ? "aid, " : "", d->columns);
        for (int i = 1; i <= d->ncols + child; i++) sb_printf(&sql, "%s?%d", i > 1 ? ", " : "", i);
        sb_putc(&sql, ')');
        ok = prepare(s, &s->ins[t], sql.buf, err, errlen);
        sb_reset(&sql);
        sb_printf(&sql, "DELETE FROM %s WHERE aid = ?1", d->name);
        ok = ok && prepare(s, &s->del[t], sql.buf, err, errlen);
    }
    sb_free(&sql);
    return ok &&
           prepare(s, &s->unindex[0], "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
                                       "SELECT 'delete', aid, title, text FROM articles WHERE aid = ?1", err, errlen) &&
           prepare(s, &s->unindex[1], "INSERT INTO quotes_fts (quotes_fts, rowid, text) "
                                       "SELECT 'delete', rowid, text FROM quotes WHERE aid = ?1", err, errlen) &&
           prepare(s, &s->index[0], "INSERT INTO articles_fts (rowid, title, text) "
                                     "SELECT aid, title, text FROM articles WHERE aid >= ?1", err, errlen) &&
           prepare(s, &s->index[1], "INSERT INTO quotes_fts (rowid, text) SELECT rowid, text FROM quotes WHERE rowid >= ?1",
                   err, errlen);
}

store *store_sqlite_open(const char *path, enum store_mode mode, char *err, size_t errlen) {
    lite *s = calloc(1, sizeof *s);
    s->base.ops = &lite_ops;
    /* The writing connection is one thread's at a time (writer.h): no mutex around each call. */
    int flags = mode == STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
                                    : SQLITE_OPEN_READONLY;
    bool ok = sqlite3_open_v2(path, &s->db, flags, NULL) == SQLITE_OK;
    if (!ok) snprintf(err, errlen, "cannot open %s: %s", path, s->db ? sqlite3_errmsg(s->db) : "out of memory");
    if (ok) sqlite3_busy_timeout(s->db, 5000);
    if (ok && mode == STORE_WRITE) {
        const char *end = strstr(dy_data_schema, STORE_PG_SCHEMA);
        char *schema = strndup(dy_data_schema, end ? (size_t)(end - dy_data_schema) : strlen(dy_data_schema));
        char *msg = NULL;
        ok = sqlite3_exec(s->db, schema, NULL, NULL, &msg) == SQLITE_OK;
        if (!ok) snprintf(err, errlen, "%s: not a dyad database, or unwritable: %s", path, msg ? msg : "?");
        sqlite3_free(msg);
        free(schema);
        ok = ok && prepare_writes(s, err, errlen);
    }
    ok = ok && prepare(s, &s->find, "SELECT hash, aid FROM articles WHERE id = ?1", err, errlen);
    if (!ok) {
        lite_close(&s->base);
        return NULL;
    }
    return &s->base;
}
