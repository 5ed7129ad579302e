/* store.c - the SQLite side: the schema (schema.sql, compiled in), prepared statements
 * reused for every row, and batched transactions. */
#include "store.h"
#include "../util/strbuf.h"
#include <stdio.h>
#include <string.h>

extern const char dy_data_schema[];

static const char *const type_names[] = {"MISC", "PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"};
static const char *const quote_kinds[] = {"direct", "direct", "partial", "indirect"};

static bool fail(store *s, char *err, size_t errlen, const char *what) {
    snprintf(err, errlen, "%s: %s", what, sqlite3_errmsg(s->db));
    return false;
}

static bool prepare(store *s, sqlite3_stmt **st, const char *sql, char *err, size_t errlen) {
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
        return fail(s, err, errlen, "prepare");
    return true;
}

bool store_open(store *s, const char *path, char *err, size_t errlen) {
    memset(s, 0, sizeof *s);
    s->batch = 500;
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "cannot open %s: %s", path, s->db ? sqlite3_errmsg(s->db) : "out of memory");
        return false;
    }
    sqlite3_busy_timeout(s->db, 5000);
    char *msg = NULL;
    if (sqlite3_exec(s->db, dy_data_schema, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, errlen, "%s: not a dyad database, or unwritable: %s", path, msg ? msg : "?");
        sqlite3_free(msg);
        return false;
    }
    static const char *const tables[4] = {"entities", "quotes", "events", "articles"};
    for (int i = 0; i < 4; i++) {
        char sql[96];
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE aid = ?1", tables[i]);
        if (!prepare(s, &s->del[i], sql, err, errlen)) return false;
    }
    return prepare(s, &s->unindex[0], "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
                                       "SELECT 'delete', aid, title, text FROM articles WHERE aid = ?1", err, errlen) &&
           prepare(s, &s->unindex[1], "INSERT INTO quotes_fts (quotes_fts, rowid, text) "
                                       "SELECT 'delete', rowid, text FROM quotes WHERE aid = ?1", err, errlen) &&
           prepare(s, &s->index[0], "INSERT INTO articles_fts (rowid, title, text) "
                                     "SELECT aid, title, text FROM articles WHERE aid >= ?1", err, errlen) &&
           prepare(s, &s->index[1], "INSERT INTO quotes_fts (rowid, text) SELECT rowid, text FROM quotes WHERE rowid >= ?1",
                   err, errlen) &&
           prepare(s, &s->find, "SELECT hash, aid FROM articles WHERE id = ?1", err, errlen) &&
           prepare(s, &s->art, "INSERT INTO articles (id, hash, title, source, url, published, text, error, sentences) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", err, errlen) &&
           prepare(s, &s->ent, "INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err, errlen) &&
           prepare(s, &s->quote, "INSERT INTO quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                   err, errlen) &&
           prepare(s, &s->event, "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                  "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)", err, errlen);
}

/* Two FNV-1a 64-bit hashes with different seeds: enough to tell a changed article from
 * an unchanged one, and a fraction of SHA-256's cost on a large ingest. */
static void fnv2(uint64_t h[2], const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        h[0] = (h[0] ^ (unsigned char)s[i]) * 1099511628211ull;
        h[1] = (h[1] ^ (unsigned char)s[i]) * 1099511628211ull;
    }
}

void store_hash(const store_article *a, char out[33]) {
    uint64_t h[2] = {14695981039346656037ull, 0x9E3779B97F4A7C15ull};
    const char *parts[] = {a->id, a->title, a->source, a->url, a->published};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (parts[i]) fnv2(h, parts[i], strlen(parts[i]));
        fnv2(h, "\x1f", 1);
    }
    fnv2(h, a->text, a->len);
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h[0], (unsigned long long)h[1]);
}

/* The stored article's key (0 when absent) and whether its hash is this one. */
static sqlite3_int64 find(store *s, const char *id, const char *hash, bool *same) {
    sqlite3_reset(s->find);
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

bool store_has(store *s, const store_article *a, const char *hash) {
    bool same;
    find(s, a->id, hash, &same);
    return same;
}

/* Bind helpers: text that may be NULL, a span of the article's text, a code that may be "". */
static void bind_str(sqlite3_stmt *st, int i, const char *v) {
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, i);
}
static void bind_code(sqlite3_stmt *st, int i, const char *v) { bind_str(st, i, v && v[0] ? v : NULL); }
static void bind_span(sqlite3_stmt *st, int i, const dy_doc *d, dy_span sp) {
    if (span_empty(sp)) sqlite3_bind_null(st, i);
    else sqlite3_bind_text(st, i, d->text + sp.start, (int)(sp.end - sp.start), SQLITE_TRANSIENT);
}

static bool run(store *s, sqlite3_stmt *st, char *err, size_t errlen) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE || fail(s, err, errlen, "write");
}

static void eid(char *buf, size_t cap, uint32_t e) {
    if (e == DY_NONE) buf[0] = '\0';
    else snprintf(buf, cap, "E%u", e + 1);
}

static bool put_events(store *s, sqlite3_int64 aid, const dy_doc *d, const dy_model *m, char *err, size_t errlen) {
    for (size_t i = 0; i < d->events.n; i++) {
        const dy_event *ev = &d->events.v[i];
        const dy_sentence *se = &d->sents.v[ev->sent];
        const kb_cameo *c = model_cameo(m, ev->cameo);
        sqlite3_stmt *st = s->event;
        char buf[40], root[3] = {ev->cameo[0], ev->cameo[1], 0};
        sqlite3_bind_int64(st, 1, aid);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, ev->sent);
        sqlite3_bind_int64(st, 4, se->start);
        sqlite3_bind_int64(st, 5, se->end);
        const dy_event_arg *args[2] = {&ev->source, &ev->target};
        for (int k = 0; k < 2; k++) {
            int col = 6 + k * 5;
            if (args[k]->mention == DY_NONE) continue;
            uint32_t ent = d->mentions.v[args[k]->mention].entity;
            const dy_entity *e = &d->entities.v[ent];
            eid(buf, sizeof buf, ent);
            bind_str(st, col, buf);
            bind_str(st, col + 1, e->name);
            bind_span(st, col + 2, d, args[k]->span);
            bind_code(st, col + 3, e->actor.country);
            bind_code(st, col + 4, e->actor.sector);
        }
        bind_str(st, 16, ev->cameo);
        bind_str(st, 17, root);
        bind_code(st, 18, c ? c->plover : NULL);
        if (c) {
            sqlite3_bind_double(st, 19, (double)(int)(c->goldstein * 10 + (c->goldstein < 0 ? -0.5f : 0.5f)) / 10);
            sqlite3_bind_int(st, 20, c->quad);
        }
        bind_span(st, 21, d, ev->cue);
        sqlite3_bind_int64(st, 22, ev->cue.start);
        sqlite3_bind_int64(st, 23, ev->cue.end);
        if (ev->date.y) {
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", ev->date.y, ev->date.m, ev->date.d);
            bind_str(st, 24, buf);
        } else if (d->published.y) {   /* the day it was reported, for timelines */
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->published.y, d->published.m, d->published.d);
            bind_str(st, 24, buf);
        }
        bind_span(st, 25, d, ev->place_span);
        if (ev->place_country[0]) bind_str(st, 26, ev->place_country);
        if (ev->place != DY_NONE && m->places.v[ev->place].kind == PK_CITY) {
            sqlite3_bind_double(st, 27, m->places.v[ev->place].lat);
            sqlite3_bind_double(st, 28, m->places.v[ev->place].lon);
        }
        if (!run(s, st, err, errlen)) return false;
    }
    return true;
}

static bool run(store *s, sqlite3_stmt *st, char *err, size_t errlen);

static bool put_doc(store *s, sqlite3_int64 aid, const dy_doc *d, const dy_model *m, char *err, size_t errlen) {
    char buf[16];
    for (size_t i = 0; i < d->entities.n; i++) {
        const dy_entity *e = &d->entities.v[i];
        char code[8];
        snprintf(code, sizeof code, "%.3s%.3s", e->actor.country, e->actor.sector);
        eid(buf, sizeof buf, (uint32_t)i);
        sqlite3_bind_int64(s->ent, 1, aid);
        bind_str(s->ent, 2, buf);
        bind_str(s->ent, 3, e->name);
        bind_str(s->ent, 4, type_names[e->type]);
        bind_code(s->ent, 5, e->actor.country);
        bind_code(s->ent, 6, e->actor.sector);
        bind_code(s->ent, 7, code);
        sqlite3_bind_int(s->ent, 8, (int)e->nmentions);
        if (!run(s, s->ent, err, errlen)) return false;
    }
    for (size_t i = 0; i < d->quotes.n; i++) {
        const dy_quote *q = &d->quotes.v[i];
        sqlite3_stmt *st = s->quote;
        sqlite3_bind_int64(st, 1, aid);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, q->span.start);
        sqlite3_bind_int64(st, 4, q->span.end);
        bind_span(st, 5, d, q->span);
        bind_str(st, 6, quote_kinds[q->kind]);
        bind_span(st, 7, d, q->cue);
        sqlite3_bind_int64(st, 8, q->cue.start);
        sqlite3_bind_int64(st, 9, q->cue.end);
        bind_span(st, 10, d, q->source);
        sqlite3_bind_int64(st, 11, q->source.start);
        sqlite3_bind_int64(st, 12, q->source.end);
        if (q->entity != DY_NONE) {
            eid(buf, sizeof buf, q->entity);
            bind_str(st, 13, buf);
            bind_str(st, 14, d->entities.v[q->entity].name);
        }
        if (!run(s, st, err, errlen)) return false;
        if (!s->first_quote) s->first_quote = sqlite3_last_insert_rowid(s->db);
    }
    return put_events(s, aid, d, m, err, errlen);
}

bool store_put(store *s, const store_article *a, const char *hash, const dy_doc *d, const dy_model *m, char *err,
               size_t errlen) {
    if (!s->pending && sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return fail(s, err, errlen, "begin");
    bool same;
    sqlite3_int64 old = find(s, a->id, hash, &same);
    for (int i = 0; old && i < 2; i++) {   /* a changed article: out of the indexes, then its old rows go */
        sqlite3_bind_int64(s->unindex[i], 1, old);
        if (!run(s, s->unindex[i], err, errlen)) return false;
    }
    for (int i = 0; old && i < 4; i++) {
        sqlite3_bind_int64(s->del[i], 1, old);
        if (!run(s, s->del[i], err, errlen)) return false;
    }
    sqlite3_bind_text(s->art, 1, a->id, -1, SQLITE_STATIC);
    bind_str(s->art, 2, hash);
    bind_str(s->art, 3, a->title);
    bind_str(s->art, 4, a->source);
    bind_str(s->art, 5, a->url);
    bind_str(s->art, 6, a->published);
    sqlite3_bind_text(s->art, 7, a->text, (int)a->len, SQLITE_STATIC);
    bind_str(s->art, 8, a->error);
    sb spans = {0};
    for (size_t i = 0; d && !a->error && i < d->sents.n; i++)
        sb_printf(&spans, "%s%u-%u", i ? " " : "", d->sents.v[i].start, d->sents.v[i].end);
    if (spans.len) sqlite3_bind_text(s->art, 9, spans.buf, (int)spans.len, SQLITE_TRANSIENT);
    sb_free(&spans);
    if (!run(s, s->art, err, errlen)) return false;
    sqlite3_int64 aid = sqlite3_last_insert_rowid(s->db);
    if (!s->first_aid) s->first_aid = aid;
    if (d && !a->error && !put_doc(s, aid, d, m, err, errlen)) return false;
    if (++s->pending >= s->batch) return store_flush(s, err, errlen);
    return true;
}

bool store_flush(store *s, char *err, size_t errlen) {
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

void store_close(store *s) {
    sqlite3_stmt *all[] = {s->find,  s->del[0],   s->del[1],   s->del[2],     s->del[3],    s->art, s->ent,
                           s->quote, s->event,    s->index[0], s->index[1], s->unindex[0], s->unindex[1]};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sqlite3_finalize(all[i]);
    if (s->db) sqlite3_close(s->db);
    memset(s, 0, sizeof *s);
}
