/* query.c - SQL for each kind of question, with filters appended as "AND ..." clauses
 * and their values bound in order; nothing from a user is ever spliced into the SQL. The
 * SQL is what SQLite and PostgreSQL both read (TRUE, CASE, CAST AS NUMERIC, NULLS LAST),
 * but for the store_dialect's few pieces. */
#include "query.h"
#include "words.h"
#include "../out/json.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const query_kind_names[Q_KIND_COUNT] = {"events", "quotes",  "articles", "entities",
                                                    "text",   "dyads",   "per-day",  "quoted"};

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
        return bad(err, errlen, name, v, "one of events, quotes, articles, entities, text, dyads, per-day, quoted");
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

typedef struct sqlq {
    sb sql;
    const char *binds[16];
    int nbinds;
    const store_dialect *d;
} sqlq;

static void clause(sqlq *q, const char *sql, const char *v1, const char *v2) {
    sb_puts(&q->sql, sql);
    if (v1) q->binds[q->nbinds++] = v1;
    if (v2) q->binds[q->nbinds++] = v2;
}

/* col contains v, ignoring ASCII case. */
static void contains(sqlq *q, const char *col, const char *v) {
    sb_printf(&q->sql, "%s %s '%%' || ? || '%%'", col, q->d->like);
    q->binds[q->nbinds++] = v;
}

/* Full-text query text from a search box: its words (words.h) as an AND of quoted terms,
 * so that nothing a user types can break the query syntax, and each term is one token
 * (the indexes keep no positions for phrases). NULL when there are no words. */
typedef struct terms { sb b; const store_dialect *d; } terms;

static bool add_term(void *ctx, const char *w, size_t n) {
    terms *t = ctx;
    if (t->b.len) sb_puts(&t->b, t->d->term_and);
    sb_putc(&t->b, t->d->term_quote);
    sb_putn(&t->b, w, n);
    sb_putc(&t->b, t->d->term_quote);
    return true;
}

static char *fts_terms(const store_dialect *d, const char *s) {
    terms t = {{0}, d};
    words_each(s, strlen(s), add_term, &t);
    return t.b.buf;
}

/* " AND" the match clause with the search's words, or " AND FALSE" when it has none. */
static void match(sqlq *q, const char *clause_sql, const char *search, char **fts) {
    *fts = fts_terms(q->d, search);
    sb_printf(&q->sql, " AND %s", *fts ? clause_sql : "FALSE");
    if (*fts) q->binds[q->nbinds++] = *fts;
}

static void event_filters(sqlq *q, const query_params *p) {
    if (p->actor) {
        clause(q, " AND (", NULL, NULL);
        contains(q, "e.src_name", p->actor);
        clause(q, " OR ", NULL, NULL);
        contains(q, "e.tgt_name", p->actor);
        clause(q, ")", NULL, NULL);
    }
    if (p->country) clause(q, " AND (e.src_country = ? OR e.tgt_country = ?)", p->country, p->country);
    if (p->source) clause(q, " AND e.src_country = ?", p->source, NULL);
    if (p->target) clause(q, " AND e.tgt_country = ?", p->target, NULL);
    if (p->cameo) clause(q, " AND e.cameo LIKE ? || '%'", p->cameo, NULL);
    if (p->plover) clause(q, " AND e.plover = ?", p->plover, NULL);
}

static void quote_filters(sqlq *q, const query_params *p) {
    if (p->speaker || p->actor) clause(q, " AND ", NULL, NULL), contains(q, "q.speaker_name", p->speaker ? p->speaker : p->actor);
}

static void entity_filters(sqlq *q, const query_params *p) {
    if (p->actor) clause(q, " AND ", NULL, NULL), contains(q, "n.name", p->actor);
    if (p->country) clause(q, " AND n.country = ?", p->country, NULL);
}

/* Each kind: its SELECT up to WHERE (SENTENCE stands for the dialect's sentence
 * expression), the column that from/to filter, where q searches, its own filters, and
 * its grouping and order. */
#define SENTENCE "\x01"
static const struct kind_sql {
    const char *head, *date;
    bool quotes_match;
    void (*filters)(sqlq *q, const query_params *p);
    const char *tail;
} kinds[Q_KIND_COUNT] = {
    [Q_EVENTS] = {"SELECT a.id AS article, e.idx AS event, e.date, e.src_name AS source, e.src_country AS "
                  "source_country, e.src_sector AS source_sector, e.cameo, e.plover, e.tgt_name AS target, "
                  "e.tgt_country AS target_country, e.tgt_sector AS target_sector, e.cue, e.place, e.goldstein, "
                  SENTENCE " AS sentence, e.start, e.\"end\", e.cue_start, e.cue_end FROM events e JOIN articles a "
                  "ON a.aid = e.aid WHERE TRUE",
                  "e.date", false, event_filters, " ORDER BY e.date DESC NULLS LAST, a.aid, e.idx"},
    [Q_DYADS] = {"SELECT e.src_country AS source_country, e.tgt_country AS target_country, count(*) AS events, "
                 "round(CAST(avg(e.goldstein) AS NUMERIC), 2) AS goldstein FROM events e JOIN articles a ON "
                 "a.aid = e.aid WHERE e.src_country IS NOT NULL AND e.tgt_country IS NOT NULL",
                 "e.date", false, event_filters, " GROUP BY 1, 2 ORDER BY events DESC, 1, 2"},
    [Q_PER_DAY] = {"SELECT e.date, count(*) AS events, sum(CASE WHEN e.quad <= 2 THEN 1 ELSE 0 END) AS "
                   "cooperation, sum(CASE WHEN e.quad >= 3 THEN 1 ELSE 0 END) AS conflict FROM events e JOIN "
                   "articles a ON a.aid = e.aid WHERE e.date IS NOT NULL",
                   "e.date", false, event_filters, " GROUP BY 1 ORDER BY 1"},
    [Q_QUOTES] = {"SELECT a.id AS article, q.idx AS quote, a.published, q.speaker_name AS speaker, q.kind, q.cue, "
                  "q.source, q.text, q.start, q.\"end\" FROM quotes q JOIN articles a ON a.aid = q.aid WHERE TRUE",
                  "a.published", true, quote_filters, " ORDER BY a.published DESC NULLS LAST, a.aid, q.idx"},
    [Q_QUOTED] = {"SELECT q.speaker_name AS speaker, count(*) AS quotes, count(DISTINCT q.aid) AS articles FROM "
                  "quotes q JOIN articles a ON a.aid = q.aid WHERE q.speaker_name IS NOT NULL",
                  "a.published", true, quote_filters, " GROUP BY 1 ORDER BY quotes DESC, 1"},
    [Q_ARTICLES] = {"SELECT a.id AS article, a.published, a.title, a.source, a.url, a.error, (SELECT count(*) "
                    "FROM events e WHERE e.aid = a.aid) AS events, (SELECT count(*) FROM quotes q WHERE "
                    "q.aid = a.aid) AS quotes FROM articles a WHERE TRUE",
                    "a.published", false, NULL, " ORDER BY a.published DESC NULLS LAST, a.aid"},
    [Q_ENTITIES] = {"SELECT a.id AS article, n.eid, n.name, n.type, n.country, n.sector, n.code, n.mentions FROM "
                    "entities n JOIN articles a ON a.aid = n.aid WHERE TRUE",
                    "a.published", false, entity_filters,
                    " ORDER BY a.published DESC NULLS LAST, a.aid, n.mentions DESC, n.eid"},
    [Q_TEXT] = {"SELECT a.id, a.title, a.source, a.url, a.published, a.text, a.sentences, a.error FROM articles a "
                "WHERE TRUE",
                "a.published", false, NULL, " ORDER BY a.published DESC NULLS LAST, a.aid"},
};

bool query_run(store *s, const query_params *p, store_row_fn fn, void *ctx, char *err, size_t errlen) {
    const struct kind_sql *k = &kinds[p->kind];
    sqlq q = {.d = store_dialect_of(s)};
    char *fts = NULL;
    const char *mark = strstr(k->head, SENTENCE);
    if (mark) sb_putn(&q.sql, k->head, (size_t)(mark - k->head)), sb_puts(&q.sql, q.d->sentence), mark++;
    sb_puts(&q.sql, mark ? mark : k->head);
    if (p->from) sb_printf(&q.sql, " AND %s >= ?", k->date), clause(&q, "", p->from, NULL);
    if (p->to) sb_printf(&q.sql, " AND %s <= ?", k->date), clause(&q, "", p->to, NULL);
    if (p->article) clause(&q, " AND a.id = ?", p->article, NULL);
    if (p->q) match(&q, k->quotes_match ? q.d->quote_match : q.d->article_match, p->q, &fts);
    if (k->filters) k->filters(&q, p);
    sb_puts(&q.sql, k->tail);
    sb_printf(&q.sql, " LIMIT %ld OFFSET %ld", p->limit > 0 ? p->limit : QUERY_DEFAULT_LIMIT, p->offset);
    bool ok = store_query(s, q.sql.buf, q.binds, q.nbinds, fn, ctx, err, errlen);
    sb_free(&q.sql);
    free(fts);
    return ok;
}

void query_row_json(sb *out, const store_row *row) {
    sb_putc(out, '{');
    for (int i = 0; i < row->n; i++) {
        const store_value *v = &row->v[i];
        if (i) sb_putc(out, ',');
        jw_key(out, row->names[i]);
        switch (v->type) {
        case SV_INT: sb_printf(out, "%lld", (long long)v->i); break;
        case SV_REAL: sb_printf(out, "%.4g", v->r); break;
        case SV_TEXT: jw_str(out, v->s, v->n); break;
        default: sb_puts(out, "null");
        }
    }
    sb_putc(out, '}');
}
