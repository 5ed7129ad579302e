/* extract.c - `dyad extract`: plain-text files, standard input, or JSON Lines in; one
 * JSON object per article out, in input order. A bad article gets an error object and a
 * line on stderr, and the run goes on (SPEC.md "Bad input"). */
#include "../../include/dyad.h"
#include "../know/dictfmt.h"
#include "../know/verbdict.h"
#include "input.h"
#include "progress.h"
#include "../util/strbuf.h"
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_DICTS 16

enum out_format { OUT_JSON, OUT_TEXT, OUT_GDELT, OUT_CONLL };

typedef struct extract_opts {
    bool jsonl, indirect, whole_attributions;
    enum out_format format;
    const char *date;
    size_t max_bytes;
    const char *actors[MAX_DICTS], *agents[MAX_DICTS];   /* TABARI/PETRARCH dictionaries */
    const char *verbs[MAX_DICTS];
    int nactors, nagents, nverbs;
} extract_opts;

typedef struct extract_run {
    const extract_opts *opts;
    dyad_model *model;
    dyad_doc *doc;
    sb out;
    size_t articles, errors;
    progress bar;   /* on a terminal's stderr while the output goes elsewhere */
} extract_run;

static void usage(FILE *f) {
    fputs("usage: dyad extract [OPTIONS] [FILE...]\n"
          "\n"
          "Reads news articles and writes one JSON object per article, one per line, to\n"
          "standard output, in input order (schema 1: entities, quotes, events).\n"
          "A FILE is one plain-text UTF-8 article; no FILE or '-' reads standard input.\n"
          "\n"
          "options:\n"
          "  --jsonl            each input line is a JSON object: text (required), id, title,\n"
          "                     source, url, published (YYYY-MM-DD or ISO 8601), authors\n"
          "  --date YYYY-MM-DD  publication date of plain-text input (relative dates resolve\n"
          "                     against it)\n"
          "  --max-bytes N      refuse articles larger than N bytes (default 10000000)\n"
          "  --indirect         also reported speech (\"X said that ...\", \"according to X\") and\n"
          "                     views (\"a poll shows that ...\") as indirect quotes\n"
          "  --whole-attributions\n"
          "                     quotes as PolNeAR and PARC annotate attributions: a quote\n"
          "                     interrupted by its attribution is one quote, a partial quote\n"
          "                     spans its clause; implies --indirect\n"
          "  --format F         json (default: JSON Lines, SPEC schema 1), text (a readable\n"
          "                     summary per article), gdelt (events as GDELT 2.0 TSV rows) or\n"
          "                     conll (every token with its part of speech, chunk and entity\n"
          "                     tags: CoNLL-2003 columns, as dyad train and dyad eval read)\n"
          "  --actors FILE      a TABARI .actors or PETRARCH Phoenix actors dictionary, on top\n"
          "                     of dyad's own (its phrases win); repeatable\n"
          "  --agents FILE      a TABARI .agents or PETRARCH agents dictionary; repeatable\n"
          "  --verbs FILE       a TABARI .verbs or PETRARCH verb pattern file (CAMEO.2.0.txt):\n"
          "                     its patterns code the verbs it covers; repeatable (one format)\n"
          "  -h, --help         this help\n"
          "\n"
          "While the output goes to a file or pipe, a progress line shows on a terminal.\n"
          "\n"
          "Bad input (invalid UTF-8, NUL bytes, empty or binary text, malformed JSON, too\n"
          "large) gives that article {\"id\":...,\"error\":...} and a line on stderr.\n"
          "Exit status: 0 all articles processed, 1 some had errors, 2 usage error or\n"
          "unreadable file.\n",
          f);
}

static void emit(void *ctx, const input_article *in) {
    extract_run *r = ctx;
    const char *id = in->id;
    dyad_article a = {id, in->text, in->len, in->published, r->opts->max_bytes, in->url, r->opts->indirect,
                      r->opts->whole_attributions};
    const char *err = in->error ? in->error : dyad_process(r->model, r->doc, &a);
    sb_reset(&r->out);
    if (r->opts->format == OUT_TEXT) {
        dyad_write_text(&r->out, r->model, r->doc, &a, err);
    } else if (r->opts->format == OUT_GDELT) {
        dyad_write_gdelt(&r->out, r->model, r->doc, &a, err);
    } else if (r->opts->format == OUT_CONLL) {
        if (!err) dyad_tag_language(r->model, r->doc);
        dyad_write_conll(&r->out, r->doc, err);
    } else {
        dyad_write_json(&r->out, r->model, r->doc, &a, err);
        sb_putc(&r->out, '\n');
    }
    fwrite(r->out.buf, 1, r->out.len, stdout);
    r->articles++;
    if (err) {
        r->errors++;
        progress_clear(&r->bar);
        fprintf(stderr, "dyad: %s: %s\n", id, err);
    }
    progress_draw(&r->bar, r->articles, in->done, NULL, false);
}

int cli_extract(int argc, char **argv) {
    extract_opts opts = {.max_bytes = DYAD_DEFAULT_MAX_BYTES};
    int nfiles = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            free(files);
            return 0;
        } else if (strcmp(a, "--jsonl") == 0) {
            opts.jsonl = true;
        } else if (strcmp(a, "--indirect") == 0) {
            opts.indirect = true;
        } else if (strcmp(a, "--whole-attributions") == 0) {
            opts.whole_attributions = true;
        } else if (strcmp(a, "--actors") == 0 || strcmp(a, "--agents") == 0 || strcmp(a, "--verbs") == 0) {
            int *n = a[3] == 'c' ? &opts.nactors : a[3] == 'g' ? &opts.nagents : &opts.nverbs;
            if (i + 1 >= argc || *n == MAX_DICTS) {
                fprintf(stderr, "dyad extract: %s needs a file (at most %d)\n", a, MAX_DICTS);
                free(files);
                return 2;
            }
            (a[3] == 'c' ? opts.actors : a[3] == 'g' ? opts.agents : opts.verbs)[(*n)++] = argv[++i];
        } else if (strcmp(a, "--format") == 0) {
            const char *v = i + 1 < argc ? argv[++i] : "";
            if (!strcmp(v, "json")) opts.format = OUT_JSON;
            else if (!strcmp(v, "text")) opts.format = OUT_TEXT;
            else if (!strcmp(v, "gdelt")) opts.format = OUT_GDELT;
            else if (!strcmp(v, "conll")) opts.format = OUT_CONLL;
            else {
                fprintf(stderr, "dyad extract: --format wants json, text, gdelt or conll, got '%s'\n", v);
                free(files);
                return 2;
            }
        } else if (strcmp(a, "--date") == 0 || strcmp(a, "--max-bytes") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "dyad extract: %s needs a value\n", a);
                free(files);
                return 2;
            }
            const char *v = argv[++i];
            if (a[2] == 'd') {
                size_t vl = strlen(v);
                bool ok = vl == 10;
                for (size_t k = 0; ok && k < 10; k++) ok = (k == 4 || k == 7) ? v[k] == '-' : (v[k] >= '0' && v[k] <= '9');
                if (!ok) {
                    fprintf(stderr, "dyad extract: --date wants YYYY-MM-DD, got '%s'\n", v);
                    free(files);
                    return 2;
                }
                opts.date = v;
            } else {
                char *end;
                errno = 0;
                unsigned long long mb = strtoull(v, &end, 10);
                if (errno || *end || mb == 0) {
                    fprintf(stderr, "dyad extract: --max-bytes wants a positive number, got '%s'\n", v);
                    free(files);
                    return 2;
                }
                opts.max_bytes = (size_t)mb;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad extract: unknown option '%s' (see dyad extract --help)\n", a);
            free(files);
            return 2;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    extract_run r = {&opts, dyad_model_load(), dyad_doc_new(), {0}, 0, 0, {0}};
    int status = 0;
    char err[256];
    for (int i = 0; i < opts.nactors + opts.nagents && status == 0; i++) {
        bool actors = i < opts.nactors;
        const char *path = actors ? opts.actors[i] : opts.agents[i - opts.nactors];
        if (!(actors ? dict_load_actors : dict_load_agents)(r.model, path, NULL, err, sizeof err)) {
            fprintf(stderr, "dyad extract: %s\n", err);
            status = 2;
        }
    }
    vd_dict *vd = NULL;
    for (int i = 0; i < opts.nverbs && status == 0; i++) {
        enum vd_format f;
        if (!vd_detect(opts.verbs[i], &f, err, sizeof err)) {
            fprintf(stderr, "dyad extract: %s\n", err);
            status = 2;
            break;
        }
        if (!vd) vd_init(vd = malloc(sizeof *vd), f);
        if ((f == VF_TABARI) != vd->wp.stems) {
            fprintf(stderr, "dyad extract: %s: TABARI and PETRARCH verb files cannot be mixed\n", opts.verbs[i]);
            status = 2;
        } else if (!vd_load(vd, opts.verbs[i], f, err, sizeof err)) {
            fprintf(stderr, "dyad extract: %s\n", err);
            status = 2;
        } else if (vd->wp.skipped) {
            fprintf(stderr, "dyad extract: %s: %u malformed lines left out, the first: %s\n", opts.verbs[i],
                    vd->wp.skipped, vd->wp.first_error);
            vd->wp.skipped = 0;
        }
    }
    r.model->verb_patterns = vd;
    if (opts.format == OUT_GDELT && !status) {
        dyad_write_gdelt_header(&r.out);
        fwrite(r.out.buf, 1, r.out.len, stdout);
    }
    input_opts io = {opts.jsonl, opts.date};
    progress_start(&r.bar, "dyad extract", isatty(1));
    if (!status) status = input_each(files, nfiles, &io, emit, &r, "dyad extract");
    progress_clear(&r.bar);
    fflush(stdout);
    if (status == 0 && r.errors) status = 1;
    sb_free(&r.out);
    dyad_doc_free(r.doc);
    dyad_model_free(r.model);
    if (vd) vd_free(vd);
    free(vd);
    free(files);
    return status;
}
