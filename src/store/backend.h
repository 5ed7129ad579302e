/* backend.h - what a storage backend implements, private to src/store: store.c opens one
 * by the form of its address and calls it through this table of functions. A backend's
 * own struct starts with a `struct store` member pointing at its ops. */
#ifndef DY_STORE_BACKEND_H
#define DY_STORE_BACKEND_H
#include "store.h"

typedef struct store_ops {
    bool (*has)(store *s, const char *id, const char *hash);
    bool (*put)(store *s, const store_record *r, char *err, size_t errlen);
    bool (*flush)(store *s, char *err, size_t errlen);
    bool (*query)(store *s, const char *sql, const char *const *binds, int nbinds, store_row_fn fn, void *ctx,
                  char *err, size_t errlen);
    void (*close)(store *s);
    store_dialect dialect;
} store_ops;

struct store {
    const store_ops *ops;
};

#define STORE_BATCH 500   /* articles per transaction */

/* schema.sql, compiled in: SQLite's schema, then after the line STORE_PG_SCHEMA PostgreSQL's. */
extern const char dy_data_schema[];
#define STORE_PG_SCHEMA "-- == PostgreSQL ==\n"

store *store_sqlite_open(const char *path, enum store_mode mode, char *err, size_t errlen);
store *store_pg_open(const char *url, enum store_mode mode, char *err, size_t errlen);
#endif
