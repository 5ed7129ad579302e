/* query.h - what people ask of a dyad database: events, quotes, articles or entities
 * filtered by actor, country, CAMEO root, PLOVER type, date range, speaker and text; an
 * article's text; and summaries (top dyads, events per day, who is quoted most). One
 * place builds the SQL (with bound parameters only) for the command line and the HTTP
 * API alike, and for SQLite and PostgreSQL alike (store_dialect has their differences). */
#ifndef DY_QUERY_H
#define DY_QUERY_H
#include "../util/strbuf.h"
#include "store.h"
#include <stdbool.h>

enum query_kind { Q_EVENTS, Q_QUOTES, Q_ARTICLES, Q_ENTITIES, Q_TEXT, Q_DYADS, Q_PER_DAY, Q_QUOTED, Q_KIND_COUNT };
extern const char *const query_kind_names[Q_KIND_COUNT];   /* "events", "quotes", ... "quoted" */

typedef struct query_params {
    enum query_kind kind;
    const char *actor;      /* in the source's or target's name (events), the speaker's (quotes), the name (entities) */
    const char *country;    /* source or target country (events), the entity's country */
    const char *source, *target;   /* source / target country */
    const char *cameo;      /* code prefix: "04" root, "036" code */
    const char *plover;
    const char *from, *to;  /* YYYY-MM-DD, inclusive */
    const char *speaker;    /* quotes: speaker name contains */
    const char *q;          /* full-text query over article text (events, articles) or quotes */
    const char *article;    /* one article's id */
    long limit, offset;
} query_params;

#define QUERY_DEFAULT_LIMIT 100
#define QUERY_MAX_LIMIT 10000

/* Set one parameter by its name (as in ?name=value or --name value); false with a message
 * when the name is unknown or the value malformed ("from=notadate"). */
bool query_set(query_params *p, const char *name, const char *value, char *err, size_t errlen);
/* Run the query; fn gets each result row. False with a message. */
bool query_run(store *s, const query_params *p, store_row_fn fn, void *ctx, char *err, size_t errlen);

/* A result row as a JSON object (column names as keys). */
void query_row_json(sb *out, const store_row *row);
#endif
