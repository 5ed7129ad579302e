/* ingest.c - `dyad ingest`: extract articles and store them in a SQLite or PostgreSQL
 * database. Already-stored articles (same id, same content) are skipped without
 * extraction, so a re-run, or a run after a crash or Ctrl-C, stores exactly what is
 * missing. This thread reads, asks a read-only connection whether an article is stored,
 * extracts, and turns the document into a record; a writer thread (writer.h) does the
 * writes on a connection of its own, so extraction and writing overlap. */
#include "../../include/dyad.h"
#include "../store/writer.h"
#include "cli.h"
#include "input.h"
#include "progress.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ingest_run {
    store *reader, *db;
    writer *w;
    dyad_model *model;
    dyad_doc *doc;
    size_t stored, skipped, errors, seen;
    bool failed;
    progress bar;
    char err[256];
} ingest_run;

static volatile sig_atomic_t interrupted;

static void on_signal(int sig) {
    (void)sig;
    interrupted = 1;
}

static void usage(FILE *f) {
    fputs("usage: dyad ingest --db FILE|URL [--jsonl] [--date YYYY-MM-DD] [FILE...]\n"
          "\n"
          "Extracts articles (as dyad extract reads them) and stores articles, sentences,\n"
          "entities, quotes and events in the SQLite database FILE (created if missing; WAL;\n"
          "full-text indexes over sentences and quotes), or in the PostgreSQL database of a\n"
          "postgresql://user@host:port/dbname URL (tables created if missing; COPY loads;\n"
          "tsvector indexes). Re-ingesting an article changes nothing; a changed article\n"
          "replaces its old records; an interrupted run stores the rest when started again.\n"
          "A progress line shows on a terminal.\n"
          "\n"
          "options:\n"
          "  --db FILE|URL      the database (required)\n"
          "  --jsonl            JSON Lines input, as for dyad extract\n"
          "  --date YYYY-MM-DD  publication date of plain-text input\n"
          "  --quiet            no progress line\n",
          f);
}

static void draw(ingest_run *r, double done, bool final) {
    char detail[96];
    snprintf(detail, sizeof detail, "(%zu stored, %zu unchanged, %zu errors)", r->stored, r->skipped, r->errors);
    progress_draw(&r->bar, r->seen, done, detail, final);
}

static void take(void *ctx, const input_article *in) {
    ingest_run *r = ctx;
    if (r->failed || interrupted) return;
    r->seen++;
    store_article sa = {in->id, in->title, in->source, in->url, in->published, in->text, in->len, in->error};
    char hash[33];
    store_hash(&sa, hash);
    if (store_has(r->reader, in->id, hash)) {
        r->skipped++;
    } else {
        dyad_article a = {.id = in->id, .text = in->text, .len = in->len, .published = in->published, .url = in->url};
        const char *err = in->error ? in->error : dyad_process(r->model, r->doc, &a);
        sa.error = err;
        if (err) {
            r->errors++;
            progress_clear(&r->bar);
            fprintf(stderr, "dyad ingest: %s: %s\n", in->id, err);
        }
        store_record *rec = writer_slot(r->w);
        if (!rec) {
            r->failed = true;
            return;
        }
        store_record_fill(rec, &sa, hash, err ? NULL : r->doc, r->model);
        writer_send(r->w);
        r->stored++;
    }
    draw(r, in->done, false);
}

int cli_ingest(int argc, char **argv) {
    const char *db = NULL;
    input_opts io = {false, NULL};
    bool quiet = false;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            free(files);
            return 0;
        } else if (!strcmp(a, "--jsonl")) io.jsonl = true;
        else if (!strcmp(a, "--quiet")) quiet = true;
        else if ((!strcmp(a, "--db") || !strcmp(a, "--date")) && i + 1 < argc) {
            if (a[2] == 'd' && a[3] == 'b') db = argv[++i];
            else io.date = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad ingest: unknown option '%s' (see dyad ingest --help)\n", a);
            free(files);
            return 2;
        } else files[nfiles++] = argv[i];
    }
    if (!db) {
        fprintf(stderr, "dyad ingest: --db FILE|URL is required (see dyad ingest --help)\n");
        free(files);
        return 2;
    }
    ingest_run *r = calloc(1, sizeof *r);
    /* The writer's connection first: it makes the schema that the reader's expects. */
    if (!(r->db = store_open(db, STORE_WRITE, r->err, sizeof r->err)) ||
        !(r->reader = store_open(db, STORE_READ, r->err, sizeof r->err))) {
        fprintf(stderr, "dyad ingest: %s\n", r->err);
        store_close(r->db);
        free(r);
        free(files);
        return 2;
    }
    r->w = writer_start(r->db);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    r->model = dyad_model_load();
    r->doc = dyad_doc_new();
    progress_start(&r->bar, "dyad ingest", quiet);
    int status = input_each(files, nfiles, &io, take, r, "dyad ingest");
    if (!writer_finish(r->w, r->err, sizeof r->err)) r->failed = true;
    draw(r, 1, true);
    if (r->failed) {
        fprintf(stderr, "dyad ingest: %s\n", r->err);
        status = 2;
    } else if (interrupted) {
        fprintf(stderr, "dyad ingest: interrupted; what was read so far is stored, run again to go on\n");
        status = 130;
    }
    fprintf(stderr, "dyad ingest: %zu stored, %zu unchanged, %zu with errors, in %.1f s\n", r->stored, r->skipped,
            r->errors, cli_now() - r->bar.t0);
    if (status == 0 && r->errors) status = 1;
    store_close(r->reader);
    store_close(r->db);
    dyad_doc_free(r->doc);
    dyad_model_free(r->model);
    free(r);
    free(files);
    return status;
}
