/* store.h - where dyad keeps articles and everything extracted from them: a SQLite file
 * (the default: a path) or a PostgreSQL database (a postgresql:// or postgres:// URL),
 * behind one small interface that the commands and the query builder share.
 *
 * Tables: articles (one row per id, with a hash of the text and metadata, and its
 * sentence spans), entities, quotes, events; full-text indexes over article text and
 * quotes (FTS5 in SQLite, tsvector + GIN in PostgreSQL). Storing an article whose id and
 * hash are there already changes nothing; a changed article replaces its old rows. Writes
 * go in transactions of a batch of articles, so a run killed at any point leaves whole
 * batches only, and the next run stores the rest.
 *
 * An article's rows are first made into a store_record: plain values in the record's own
 * arena, so that one thread can extract while another writes (writer.h). */
#ifndef DY_STORE_H
#define DY_STORE_H
#include "../know/model.h"

typedef struct store store;   /* one connection to one database */

enum store_mode { STORE_READ, STORE_WRITE };   /* STORE_WRITE creates the schema if needed */

enum store_type { SV_NULL, SV_INT, SV_REAL, SV_TEXT };
typedef struct store_value {
    enum store_type type;
    int64_t i;
    double r;
    const char *s;        /* SV_TEXT: n bytes, not NUL-terminated */
    size_t n;
} store_value;

/* The tables an article's rows go to. Each row holds ncols values in the order of
 * columns; rows of every table but articles are preceded by the article's key (aid),
 * which the backend assigns. */
enum store_table { ST_ARTICLES, ST_ENTITIES, ST_QUOTES, ST_EVENTS, ST_COUNT };
typedef struct store_table_desc {
    const char *name, *columns;   /* "events", "idx, sentence, ..." */
    int ncols;
} store_table_desc;
extern const store_table_desc store_tables[ST_COUNT];

typedef struct store_article {
    const char *id, *title, *source, *url, *published, *text;
    size_t len;
    const char *error;    /* extraction error, or NULL */
} store_article;

typedef struct store_record {
    dy_arena arena;       /* owns everything below; reset by each store_record_fill */
    const char *id;
    char hash[33];
    store_value *rows[ST_COUNT];
    size_t nrows[ST_COUNT];
} store_record;

/* A 128-bit hash (32 hex digits) of the text and metadata that define an article's stored form. */
void store_hash(const store_article *a, char out[33]);
void store_record_init(store_record *r);
/* The article's rows (d may be NULL when a->error is set); copies what it keeps. */
void store_record_fill(store_record *r, const store_article *a, const char *hash, const dy_doc *d,
                       const dy_model *m);
void store_record_free(store_record *r);

/* Open a path or a URL; NULL with a message. */
store *store_open(const char *where, enum store_mode mode, char *err, size_t errlen);
/* The article is stored already with exactly this content: skip it. */
bool store_has(store *s, const char *id, const char *hash);
/* Store a record, replacing any older version of the article; commits every batch. */
bool store_put(store *s, const store_record *r, char *err, size_t errlen);
/* Commit what is pending. */
bool store_flush(store *s, char *err, size_t errlen);
void store_close(store *s);

/* The few places where the backends' SQL differs; query.c writes everything else once.
 * Placeholders are written "?" for both (the PostgreSQL backend numbers them). */
typedef struct store_dialect {
    const char *like;            /* ASCII-case-insensitive LIKE */
    const char *sentence;        /* an event's sentence: bytes e.start..e."end" of a.text */
    const char *article_match;   /* article a matches the full-text query "?" */
    const char *quote_match;     /* quote q matches it */
    char term_quote;             /* the query's words go between two of these, */
    const char *term_and;        /* joined by this: "w" "w" for FTS5, 'w' & 'w' for tsquery */
} store_dialect;
const store_dialect *store_dialect_of(const store *s);

/* A result row: n columns with their names and values (valid during the callback). */
typedef struct store_row {
    int n;
    const char *const *names;
    const store_value *v;
} store_row;
typedef void (*store_row_fn)(void *ctx, const store_row *row);
/* Run one SELECT with text parameters; fn gets each row. False with a message. */
bool store_query(store *s, const char *sql, const char *const *binds, int nbinds, store_row_fn fn, void *ctx,
                 char *err, size_t errlen);
#endif
