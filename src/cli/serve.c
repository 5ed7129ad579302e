/* serve.c - `dyad serve`: the HTTP JSON API over a dyad database and the explorer page,
 * from one binary (libmicrohttpd, one polling thread, one read-only connection to a SQLite
 * file or a PostgreSQL database).
 *
 *   GET /                       the explorer (web/index.html, app.js, style.css, compiled in)
 *   GET /api/events?...         rows of events (filters as dyad query: actor, country,
 *   GET /api/quotes?...         source, target, cameo, plover, from, to, speaker, q,
 *   GET /api/articles?...       article, limit, offset); also /api/entities, /api/text
 *   GET /api/dyads, /api/per-day, /api/quoted    summaries
 *   GET /api/article?id=ID      one article: text, entities, quotes, events (for highlighting)
 * A malformed parameter gets 400 and {"error": "..."}; other paths 404; methods other than
 * GET/HEAD 405. Bound to 127.0.0.1 unless --host says otherwise. */
#include "../store/query.h"
#include "../out/json.h"
#include "cli.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DATA(name)                          \
    extern const char dy_data_##name[];     \
    extern const unsigned long long dy_data_##name##_size;
DATA(web_index)
DATA(web_app)
DATA(web_style)

typedef struct server { store *db; } server;

static volatile sig_atomic_t stopping;
static void on_signal(int sig) {
    (void)sig;
    stopping = 1;
}

static enum MHD_Result reply(struct MHD_Connection *c, unsigned status, const char *type, const char *body, size_t n,
                             enum MHD_ResponseMemoryMode mode) {
    struct MHD_Response *r = MHD_create_response_from_buffer(n, (void *)body, mode);
    if (!r) return MHD_NO;
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    enum MHD_Result ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result reply_sb(struct MHD_Connection *c, unsigned status, sb *b) {
    enum MHD_Result r = reply(c, status, "application/json; charset=utf-8", b->buf, b->len, MHD_RESPMEM_MUST_COPY);
    sb_free(b);
    return r;
}

static enum MHD_Result reply_error(struct MHD_Connection *c, unsigned status, const char *msg) {
    sb b = {0};
    sb_putc(&b, '{');
    jw_key(&b, "error");
    jw_cstr(&b, msg);
    sb_puts(&b, "}\n");
    return reply_sb(c, status, &b);
}

typedef struct args { query_params p; char err[256]; bool bad; } args;

static enum MHD_Result take_arg(void *ctx, enum MHD_ValueKind kind, const char *key, const char *value) {
    (void)kind;
    args *a = ctx;
    if (a->bad) return MHD_YES;
    if (!value) value = "";
    if (!strcmp(key, "id") && !a->p.article) key = "article";
    if (!query_set(&a->p, key, value, a->err, sizeof a->err)) a->bad = true;
    return MHD_YES;
}

typedef struct rows { sb out; size_t n; } rows;

static void add_row(void *ctx, const store_row *row) {
    rows *r = ctx;
    if (r->n++) sb_putc(&r->out, ',');
    query_row_json(&r->out, row);
}

/* "key": [rows...], "key_count": n for one kind of query. */
static bool run_rows(server *s, query_params *p, sb *out, const char *key, char *err, size_t errlen) {
    rows r = {{0}, 0};
    jw_key(out, key);
    sb_putc(out, '[');
    bool ok = query_run(s->db, p, add_row, &r, err, errlen);
    if (r.out.len) sb_putn(out, r.out.buf, r.out.len);
    sb_free(&r.out);
    sb_printf(out, "],\"%s_count\":%zu", key, r.n);
    return ok;
}

static enum MHD_Result api_article(server *s, struct MHD_Connection *c, args *a) {
    if (!a->p.article) return reply_error(c, 400, "id: the article's id is required");
    query_params p = {.kind = Q_TEXT, .article = a->p.article, .limit = 1};
    rows art = {{0}, 0};
    char err[256];
    bool ok = query_run(s->db, &p, add_row, &art, err, sizeof err);
    if (!ok || !art.n) {
        sb_free(&art.out);
        return ok ? reply_error(c, 404, "no article with that id") : reply_error(c, 500, err);
    }
    sb b = {0};
    sb_puts(&b, "{\"article\":");
    sb_putn(&b, art.out.buf, art.out.len);
    sb_free(&art.out);
    p.limit = QUERY_MAX_LIMIT;
    static const struct { enum query_kind kind; const char *key; } parts[] = {
        {Q_QUOTES, "quotes"}, {Q_EVENTS, "events"}, {Q_ENTITIES, "entities"}};
    for (size_t i = 0; ok && i < sizeof parts / sizeof *parts; i++) {
        p.kind = parts[i].kind;
        sb_putc(&b, ',');
        ok = run_rows(s, &p, &b, parts[i].key, err, sizeof err);
    }
    sb_puts(&b, "}\n");
    if (!ok) {
        sb_free(&b);
        return reply_error(c, 500, err);
    }
    return reply_sb(c, 200, &b);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state) {
    (void)version;
    (void)upload;
    server *s = cls;
    /* The first call only announces the request; answering on the second keeps the
     * connection alive (answering at once makes libmicrohttpd close it). */
    static int first;
    if (!*state) {
        *state = &first;
        return MHD_YES;
    }
    if (*upload_size) return reply_error(c, 413, "no request bodies here");
    if (strcmp(method, "GET") && strcmp(method, "HEAD")) return reply_error(c, 405, "only GET");
    if (!strcmp(url, "/") || !strcmp(url, "/index.html"))
        return reply(c, 200, "text/html; charset=utf-8", dy_data_web_index, (size_t)dy_data_web_index_size,
                     MHD_RESPMEM_PERSISTENT);
    if (!strcmp(url, "/app.js"))
        return reply(c, 200, "text/javascript; charset=utf-8", dy_data_web_app, (size_t)dy_data_web_app_size,
                     MHD_RESPMEM_PERSISTENT);
    if (!strcmp(url, "/style.css"))
        return reply(c, 200, "text/css; charset=utf-8", dy_data_web_style, (size_t)dy_data_web_style_size,
                     MHD_RESPMEM_PERSISTENT);
    if (strncmp(url, "/api/", 5) != 0) return reply_error(c, 404, "not found");
    args a = {0};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, take_arg, &a);
    if (a.bad) return reply_error(c, 400, a.err);
    const char *what = url + 5;
    if (!strcmp(what, "article")) return api_article(s, c, &a);
    bool known = false;
    for (int k = 0; k < Q_KIND_COUNT; k++)
        if (!strcmp(what, query_kind_names[k])) {
            a.p.kind = (enum query_kind)k;
            known = true;
        }
    if (!known) return reply_error(c, 404, "no such API: try /api/events, /api/quotes, /api/articles, /api/dyads, "
                                           "/api/per-day, /api/quoted, /api/article?id=");
    sb b = {0};
    char err[256];
    sb_putc(&b, '{');
    if (!run_rows(s, &a.p, &b, "rows", err, sizeof err)) {
        sb_free(&b);
        return reply_error(c, 500, err);
    }
    sb_puts(&b, "}\n");
    return reply_sb(c, 200, &b);
}

static void usage(FILE *f) {
    fputs("usage: dyad serve --db FILE|URL [--port N] [--host ADDRESS]\n"
          "\n"
          "Serves the explorer page at / and a JSON API at /api/ (events, quotes, articles,\n"
          "entities, text, dyads, per-day, quoted, article?id=) over a database made by\n"
          "dyad ingest: a SQLite file or a postgresql://user@host:port/dbname URL.\n"
          "Listens on 127.0.0.1 (--host to change) port 8080 (--port). Ctrl-C stops it.\n",
          f);
}

int cli_serve(int argc, char **argv) {
    const char *db = NULL, *host = "127.0.0.1";
    int port = 8080;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage(stdout);
            return 0;
        }
        if (i + 1 >= argc) {
            usage(stderr);
            return 2;
        }
        const char *v = argv[++i];
        if (!strcmp(argv[i - 1], "--db")) db = v;
        else if (!strcmp(argv[i - 1], "--host")) host = v;
        else if (!strcmp(argv[i - 1], "--port")) {
            port = atoi(v);
            if (port < 1 || port > 65535) {
                fprintf(stderr, "dyad serve: --port wants 1..65535\n");
                return 2;
            }
        } else {
            fprintf(stderr, "dyad serve: unknown option '%s'\n", argv[i - 1]);
            return 2;
        }
    }
    if (!db) {
        fprintf(stderr, "dyad serve: --db FILE|URL is required (see dyad serve --help)\n");
        return 2;
    }
    char err[256];
    server s = {store_open(db, STORE_READ, err, sizeof err)};
    if (!s.db) {
        fprintf(stderr, "dyad serve: %s (make it with dyad ingest)\n", err);
        return 2;
    }
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        fprintf(stderr, "dyad serve: --host wants an IPv4 address, got '%s'\n", host);
        store_close(s.db);
        return 2;
    }
    struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, (uint16_t)port, NULL,
                                            NULL, handle, &s, MHD_OPTION_SOCK_ADDR, &addr,
                                            MHD_OPTION_CONNECTION_LIMIT, 256u, MHD_OPTION_CONNECTION_TIMEOUT, 30u,
                                            MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "dyad serve: cannot listen on %s:%d (in use?)\n", host, port);
        store_close(s.db);
        return 2;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    fprintf(stderr, "dyad serve: explorer at http://%s:%d/  (API at /api/events; Ctrl-C stops)\n", host, port);
    while (!stopping) pause();
    MHD_stop_daemon(d);
    store_close(s.db);
    return 0;
}
