/* query.c - SQL for each kind of question, with filters appended as "AND ..." clauses
 * and their values bound in order; nothing from a user is ever spliced into the SQL. */
#include "query.h"
#include "../out/json.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const query_kind_names[Q_KIND_COUNT] = {"events", "quotes", "articles", "dyads", "per-day", "quoted"};

static const char *const plover_types[] = {"AGREE",   "CONSULT",  "SUPPORT", "CONCEDE",  "COOPERATE", "AID",
                                           "RETREAT", "REQUEST",  "ACCUSE",  "REJECT",   "THREATEN",  "PROTEST",
                                           "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "INVESTIGATE"};

static bool is_date(const char *v) {
    if (strlen(v) != 10) return false;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? v[i] != '-' : (v[i] < '0' || v[i] > '9')) return false;
    int m = (v[5] - '0') * 10 + (v[6] - '0'), d = (v[8] - '0') * 10 + (v[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static bool bad(char *err, size_t errlen, const char *name, const char *value, const char *want) {
    snprintf(err, errlen, "%s=%.60s: %s", name, value, want);
    return false;
}

bool query_set(query_params *p, const char *name, const char *v, char *err, size_t errlen) {
    if (strlen(v) > 200) return bad(err, errlen, name, v, "too long");
    if (!strcmp(name, "kind")) {
        for (int k = 0; k < Q_KIND_COUNT; k++)
            if (!strcmp(v, query_kind_names[k])) {
                p->kind = (enum query_kind)k;
                return true;
            }
        return bad(err, errlen, name, v, "one of events, quotes, articles, dyads, per-day, quoted");
    }
    if (!strcmp(name, "from") || !strcmp(name, "to")) {
        if (!is_date(v)) return bad(err, errlen, name, v, "a date YYYY-MM-DD");
        *(name[0] == 'f' ? &p->from : &p->to) = v;
        return true;
    }
    if (!strcmp(name, "limit") || !strcmp(name, "offset")) {
        char *end;
        errno = 0;
        long n = strtol(v, &end, 10);
        bool limit = name[0] == 'l';
        if (errno || *end || !*v || n < (limit ? 1 : 0) || (limit && n > QUERY_MAX_LIMIT))
            return bad(err, errlen, name, v, limit ? "a number from 1 to 10000" : "a number >= 0");
        *(limit ? &p->limit : &p->offset) = n;
        return true;
    }
    if (!strcmp(name, "cameo")) {
        size_t n = strlen(v);
        for (size_t i = 0; i < n; i++)
            if (v[i] < '0' || v[i] > '9') n = 0;
        if (n < 2 || n > 4) return bad(err, errlen, name, v, "a CAMEO code of 2 to 4 digits (04, 036, 1712)");
        p->cameo = v;
        return true;
    }
    if (!strcmp(name, "plover")) {
        for (size_t i = 0; i < sizeof plover_types / sizeof *plover_types; i++)
            if (!strcasecmp(v, plover_types[i])) {
                p->plover = plover_types[i];
                return true;
            }
        return bad(err, errlen, name, v, "a PLOVER type (AGREE, CONSULT, ... INVESTIGATE)");
    }
    if (!strcmp(name, "country") || !strcmp(name, "source") || !strcmp(name, "target")) {
        if (strlen(v) != 3 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' || v[1] > 'Z' || v[2] < 'A' || v[2] > 'Z')
            return bad(err, errlen, name, v, "a three-letter code (USA, RUS, IGO)");
        *(name[0] == 'c' ? &p->country : name[0] == 's' ? &p->source : &p->target) = v;
        return true;
    }
    const char **slot = !strcmp(name, "actor")     ? &p->actor
                        : !strcmp(name, "speaker") ? &p->speaker
                        : !strcmp(name, "q")       ? &p->q
                        : !strcmp(name, "article") ? &p->article
                                                   : NULL;
    if (!slot) {
        snprintf(err, errlen, "unknown parameter '%.40s'", name);
        return false;
    }
    if (!*v) return bad(err, errlen, name, v, "must not be empty");
    *slot = v;
    return true;
}

typedef struct sqlq { sb sql; const char *binds[16]; int nbinds; } sqlq;

static void clause(sqlq *q, const char *sql, const char *v1, const char *v2) {
    sb_puts(&q->sql, sql);
    if (v1) q->binds[q->nbinds++] = v1;
    if (v2) q->binds[q->nbinds++] = v2;
}

/* FTS5 query text from a search box: words as a phrase-free AND of quoted terms, so that
 * punctuation a user types cannot break the query syntax. */
static char *fts_terms(const char *s) {
    sb b = {0};
    const char *p = s;
    while (*p) {
        while (*p && !((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z'))) p++;
        const char *w = p;
        while (*p && ((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z'))) p++;
        if (p > w) {
            if (b.len) sb_putc(&b, ' ');
            sb_putc(&b, '"');
            sb_putn(&b, w, (size_t)(p - w));
            sb_putc(&b, '"');
        }
    }
    if (!b.len) sb_puts(&b, "\"\"");
    return b.buf;
}

static void common_filters(sqlq *q, const query_params *p, const char *date_col, char **fts) {
    if (p->from) clause(q, " AND ", NULL, NULL), sb_puts(&q->sql, date_col), clause(q, " >= ?", p->from, NULL);
    if (p->to) clause(q, " AND ", NULL, NULL), sb_puts(&q->sql, date_col), clause(q, " <= ?", p->to, NULL);
    if (p->article) clause(q, " AND a.id = ?", p->article, NULL);
    if (p->q && p->kind != Q_QUOTES && p->kind != Q_QUOTED) {
        *fts = fts_terms(p->q);
        clause(q, " AND a.aid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", *fts, NULL);
    }
}

static void event_filters(sqlq *q, const query_params *p) {
    if (p->actor) clause(q, " AND (e.src_name LIKE '%' || ? || '%' OR e.tgt_name LIKE '%' || ? || '%')", p->actor, p->actor);
    if (p->country) clause(q, " AND (e.src_country = ? OR e.tgt_country = ?)", p->country, p->country);
    if (p->source) clause(q, " AND e.src_country = ?", p->source, NULL);
    if (p->target) clause(q, " AND e.tgt_country = ?", p->target, NULL);
    if (p->cameo) clause(q, " AND e.cameo LIKE ? || '%'", p->cameo, NULL);
    if (p->plover) clause(q, " AND e.plover = ?", p->plover, NULL);
}

bool query_run(sqlite3 *db, const query_params *p, query_row_fn fn, void *ctx, char *err, size_t errlen) {
    sqlq q = {0};
    char *fts = NULL;
    switch (p->kind) {
    case Q_EVENTS:
    case Q_DYADS:
    case Q_PER_DAY:
        if (p->kind == Q_EVENTS)
            sb_puts(&q.sql, "SELECT a.id AS article, e.idx AS event, e.date, e.src_name AS source, e.src_country AS "
                            "source_country, e.src_sector AS source_sector, e.cameo, e.plover, e.tgt_name AS target, "
                            "e.tgt_country AS target_country, e.tgt_sector AS target_sector, e.cue, e.place, "
                            "e.goldstein, substr(CAST(a.text AS BLOB), e.start + 1, e.\"end\" - e.start) AS sentence, "
                            "e.start, e.\"end\", e.cue_start, e.cue_end FROM events e JOIN articles a ON a.aid = e.aid "
                            "WHERE 1");
        else if (p->kind == Q_DYADS)
            sb_puts(&q.sql, "SELECT e.src_country AS source_country, e.tgt_country AS target_country, count(*) AS events, "
                            "round(avg(e.goldstein), 2) AS goldstein FROM events e JOIN articles a ON a.aid = e.aid "
                            "WHERE e.src_country IS NOT NULL AND e.tgt_country IS NOT NULL");
        else
            sb_puts(&q.sql, "SELECT e.date, count(*) AS events, sum(e.quad <= 2) AS cooperation, sum(e.quad >= 3) AS "
                            "conflict FROM events e JOIN articles a ON a.aid = e.aid WHERE e.date IS NOT NULL");
        common_filters(&q, p, "e.date", &fts);
        event_filters(&q, p);
        if (p->kind == Q_DYADS) sb_puts(&q.sql, " GROUP BY 1, 2 ORDER BY events DESC");
        else if (p->kind == Q_PER_DAY) sb_puts(&q.sql, " GROUP BY 1 ORDER BY 1");
        else sb_puts(&q.sql, " ORDER BY e.date DESC, a.aid, e.idx");
        break;
    case Q_QUOTES:
    case Q_QUOTED:
        if (p->kind == Q_QUOTES)
            sb_puts(&q.sql, "SELECT a.id AS article, q.idx AS quote, a.published, q.speaker_name AS speaker, q.kind, "
                            "q.cue, q.source, q.text, q.start, q.\"end\" FROM quotes q JOIN articles a ON a.aid = q.aid "
                            "WHERE 1");
        else
            sb_puts(&q.sql, "SELECT q.speaker_name AS speaker, count(*) AS quotes, count(DISTINCT q.aid) AS articles "
                            "FROM quotes q JOIN articles a ON a.aid = q.aid WHERE q.speaker_name IS NOT NULL");
        common_filters(&q, p, "a.published", &fts);
        if (p->speaker || p->actor) clause(&q, " AND q.speaker_name LIKE '%' || ? || '%'", p->speaker ? p->speaker : p->actor, NULL);
        if (p->q) {
            fts = fts_terms(p->q);
            clause(&q, " AND q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", fts, NULL);
        }
        sb_puts(&q.sql, p->kind == Q_QUOTED ? " GROUP BY 1 ORDER BY quotes DESC" : " ORDER BY a.published DESC, a.aid, q.idx");
        break;
    case Q_ARTICLES:
    default:
        sb_puts(&q.sql, "SELECT a.id AS article, a.published, a.title, a.source, a.url, a.error, "
                        "(SELECT count(*) FROM events e WHERE e.aid = a.aid) AS events, "
                        "(SELECT count(*) FROM quotes q WHERE q.aid = a.aid) AS quotes FROM articles a WHERE 1");
        common_filters(&q, p, "a.published", &fts);
        sb_puts(&q.sql, " ORDER BY a.published DESC, a.aid");
        break;
    }
    sb_printf(&q.sql, " LIMIT %ld OFFSET %ld", p->limit > 0 ? p->limit : QUERY_DEFAULT_LIMIT, p->offset);
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_prepare_v2(db, q.sql.buf, -1, &st, NULL) == SQLITE_OK;
    for (int i = 0; ok && i < q.nbinds; i++) sqlite3_bind_text(st, i + 1, q.binds[i], -1, SQLITE_STATIC);
    int rc = SQLITE_ROW;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) fn(ctx, st);
    if (ok && rc != SQLITE_DONE) ok = false;
    if (!ok) snprintf(err, errlen, "query failed: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    sb_free(&q.sql);
    free(fts);
    return ok;
}

void query_row_json(sb *out, sqlite3_stmt *row) {
    sb_putc(out, '{');
    int n = sqlite3_column_count(row);
    for (int i = 0; i < n; i++) {
        if (i) sb_putc(out, ',');
        jw_key(out, sqlite3_column_name(row, i));
        switch (sqlite3_column_type(row, i)) {
        case SQLITE_INTEGER: sb_printf(out, "%lld", (long long)sqlite3_column_int64(row, i)); break;
        case SQLITE_FLOAT: sb_printf(out, "%.4g", sqlite3_column_double(row, i)); break;
        case SQLITE_NULL: sb_puts(out, "null"); break;
        default: {
            const char *s = (const char *)sqlite3_column_text(row, i);
            jw_str(out, s, (size_t)sqlite3_column_bytes(row, i));
        }
        }
    }
    sb_putc(out, '}');
}
