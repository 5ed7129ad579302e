/* query.c - `dyad query`: ask a dyad database (SQLite or PostgreSQL) for events, quotes,
 * articles, entities, article texts or summaries; a table on a terminal, or CSV, JSON
 * Lines or TSV for other programs. */
#include "../store/query.h"
#include "cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum qformat { QF_TABLE, QF_CSV, QF_JSONL, QF_TSV };

typedef struct qout {
    enum qformat format;
    bool header_done;
    sb line;
    size_t rows;
} qout;

static void usage(FILE *f) {
    fputs("usage: dyad query --db FILE|URL [KIND] [FILTERS] [--format table|csv|jsonl|tsv]\n"
          "\n"
          "The database is a SQLite file or a postgresql://user@host:port/dbname URL.\n"
          "KIND: events (default), quotes, articles, entities, text (articles with their\n"
          "text), or a summary: dyads (top source-target country pairs), per-day (events\n"
          "per day), quoted (who is quoted most).\n"
          "\n"
          "filters:\n"
          "  --actor NAME       source or target name contains NAME (quotes: the speaker;\n"
          "                     entities: the name)\n"
          "  --country CODE     source or target country (USA, RUS, IGO; entities: theirs)\n"
          "  --source CODE      source country      --target CODE   target country\n"
          "  --cameo CODE       CAMEO code or prefix (04 = all consultations)\n"
          "  --plover TYPE      PLOVER type (CONSULT, ACCUSE, ...)\n"
          "  --from DATE        --to DATE        YYYY-MM-DD, inclusive\n"
          "  --speaker NAME     quotes by a speaker whose name contains NAME\n"
          "  --q TEXT           full-text search (article text; quotes: the quote)\n"
          "  --article ID       one article\n"
          "  --limit N          at most N rows (default 100, at most 10000)\n"
          "  --offset N         skip N rows\n"
          "  --format F         table (default on a terminal), csv, jsonl (default otherwise), tsv\n",
          f);
}

static void cell(sb *b, const store_value *v, enum qformat f) {
    char num[32] = "";
    const char *s = v->type == SV_TEXT ? v->s : num;
    size_t n = v->type == SV_TEXT ? v->n : 0;
    if (v->type == SV_INT) n = (size_t)snprintf(num, sizeof num, "%lld", (long long)v->i);
    else if (v->type == SV_REAL) n = (size_t)snprintf(num, sizeof num, "%.4g", v->r);
    if (f == QF_CSV && (memchr(s, ',', n) || memchr(s, '"', n) || memchr(s, '\n', n) || memchr(s, '\r', n))) {
        sb_putc(b, '"');
        for (size_t k = 0; k < n; k++) {
            if (s[k] == '"') sb_putc(b, '"');
            sb_putc(b, s[k]);
        }
        sb_putc(b, '"');
        return;
    }
    size_t max = f == QF_TABLE ? 40 : n;
    while (max < n && max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) max--;   /* whole characters */
    for (size_t k = 0; k < n && k < max; k++) sb_putc(b, (s[k] == '\t' || s[k] == '\n') ? ' ' : s[k]);
    if (n > max) sb_puts(b, "…");
}

static void row_out(void *ctx, const store_row *row) {
    qout *o = ctx;
    int n = row->n;
    sb_reset(&o->line);
    if (o->format == QF_JSONL) {
        query_row_json(&o->line, row);
        sb_putc(&o->line, '\n');
    } else {
        char sep = o->format == QF_CSV ? ',' : o->format == QF_TSV ? '\t' : ' ';
        if (!o->header_done) {
            for (int i = 0; i < n; i++) {
                if (i) sb_puts(&o->line, o->format == QF_TABLE ? " | " : (char[2]){sep, 0});
                sb_puts(&o->line, row->names[i]);
            }
            sb_putc(&o->line, '\n');
            o->header_done = true;
        }
        for (int i = 0; i < n; i++) {
            if (i) sb_puts(&o->line, o->format == QF_TABLE ? " | " : (char[2]){sep, 0});
            cell(&o->line, &row->v[i], o->format);
        }
        sb_putc(&o->line, '\n');
    }
    fwrite(o->line.buf, 1, o->line.len, stdout);
    o->rows++;
}

int cli_query(int argc, char **argv) {
    query_params p = {0};
    const char *db = NULL;
    qout o = {isatty(1) ? QF_TABLE : QF_JSONL, false, {0}, 0};
    char err[256];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (a[0] != '-') {
            if (!query_set(&p, "kind", a, err, sizeof err)) {
                fprintf(stderr, "dyad query: %s\n", err);
                return 2;
            }
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "dyad query: %s needs a value (see dyad query --help)\n", a);
            return 2;
        }
        const char *v = argv[++i];
        if (!strcmp(a, "--db")) db = v;
        else if (!strcmp(a, "--format")) {
            if (!strcmp(v, "table")) o.format = QF_TABLE;
            else if (!strcmp(v, "csv")) o.format = QF_CSV;
            else if (!strcmp(v, "jsonl")) o.format = QF_JSONL;
            else if (!strcmp(v, "tsv")) o.format = QF_TSV;
            else {
                fprintf(stderr, "dyad query: --format wants table, csv, jsonl or tsv\n");
                return 2;
            }
        } else if (!query_set(&p, a + 2, v, err, sizeof err)) {
            fprintf(stderr, "dyad query: %s\n", err);
            return 2;
        }
    }
    if (!db) {
        fprintf(stderr, "dyad query: --db FILE|URL is required (see dyad query --help)\n");
        return 2;
    }
    store *h = store_open(db, STORE_READ, err, sizeof err);
    if (!h) {
        fprintf(stderr, "dyad query: %s\n", err);
        return 2;
    }
    bool ok = query_run(h, &p, row_out, &o, err, sizeof err);
    if (!ok) fprintf(stderr, "dyad query: %s\n", err);
    else if (o.format == QF_TABLE) fprintf(stderr, "(%zu rows)\n", o.rows);
    sb_free(&o.line);
    store_close(h);
    return ok ? 0 : 2;
}
