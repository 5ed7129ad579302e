/* store.h - articles and everything extracted from them, kept in a SQLite database.
 *
 * Tables: articles (one row per id, with a hash of the text and metadata, and its
 * sentence spans), entities, quotes, events; FTS5 indexes over article text (so over its
 * sentences) and quotes. Storing an article
 * whose id and hash are already there changes nothing; a changed article replaces its
 * old rows. Writes go in transactions of a batch of articles (WAL journal), so a run
 * killed at any point leaves whole articles only, and the next run stores the rest. */
#ifndef DY_STORE_H
#define DY_STORE_H
#include "../know/model.h"
#include <sqlite3.h>

typedef struct store {
    sqlite3 *db;
    sqlite3_stmt *find, *del[4], *art, *ent, *quote, *event, *unindex[2], *index[2];
    int pending;          /* articles in the open transaction */
    sqlite3_int64 first_aid, first_quote;   /* the batch's first new rows, to index at commit */
    int batch;            /* articles per transaction */
} store;

typedef struct store_article {
    const char *id, *title, *source, *url, *published, *text;
    size_t len;
    const char *error;    /* extraction error, or NULL */
} store_article;

/* Open (creating the schema if needed). False with a message. */
bool store_open(store *s, const char *path, char *err, size_t errlen);
/* The article is stored already with exactly this content: skip it. */
bool store_has(store *s, const store_article *a, const char *hash);
/* Store an article and its extraction (d may be NULL when a->error is set). */
bool store_put(store *s, const store_article *a, const char *hash, const dy_doc *d, const dy_model *m, char *err,
               size_t errlen);
/* Commit what is pending. */
bool store_flush(store *s, char *err, size_t errlen);
void store_close(store *s);
/* A 128-bit hash (32 hex digits) of the text and metadata that define an article's stored form. */
void store_hash(const store_article *a, char out[33]);
#endif
