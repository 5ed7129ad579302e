/* bench.c - `dyad bench`: in-process throughput of each pipeline stage on a JSON Lines
 * corpus. Articles are read and parsed before the clock starts, so the figures are the
 * pipeline's own; `make bench` puts them beside an end-to-end `dyad extract` run and the
 * wink-nlp peer. */
#include "../../include/dyad.h"
#include "../util/strbuf.h"
#include "cli.h"
#include "progress.h"
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

typedef struct bench_article { char *text, *published; size_t len; } bench_article;

static void usage(FILE *f) {
    fputs("usage: dyad bench [--limit N] CORPUS.jsonl\n"
          "\n"
          "Runs the whole extraction pipeline over every article of CORPUS.jsonl (the\n"
          "--jsonl input form) and prints the time of each stage, throughput (MB/s,\n"
          "articles/s, sentences/s, tokens/s), model load time and peak memory. The last\n"
          "line is key=value pairs for scripts.\n"
          "\n"
          "options:\n"
          "  --limit N    only the first N articles\n"
          "  -h, --help   this help\n",
          f);
}

static bench_article *load_corpus(const char *path, size_t limit, size_t *count) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1024, n = 0;
    bench_article *arts = malloc(cap * sizeof *arts);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while (n < limit && (len = getline(&line, &lcap, f)) != -1) {
        cJSON *o = cJSON_ParseWithLength(line, (size_t)len);
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
        const cJSON *pub = cJSON_GetObjectItemCaseSensitive(o, "published");
        if (cJSON_IsString(text)) {
            if (n == cap) arts = realloc(arts, (cap *= 2) * sizeof *arts);
            arts[n].text = strdup(text->valuestring);
            arts[n].len = strlen(arts[n].text);
            arts[n].published = cJSON_IsString(pub) ? strdup(pub->valuestring) : NULL;
            n++;
        }
        cJSON_Delete(o);
    }
    free(line);
    fclose(f);
    *count = n;
    return arts;
}

int cli_bench(int argc, char **argv) {
    const char *path = NULL;
    size_t limit = (size_t)-1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
            limit = strtoull(argv[++i], NULL, 10);
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "dyad bench: unknown option '%s'\n", argv[i]);
            return 2;
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        usage(stderr);
        return 2;
    }
    size_t n = 0;
    bench_article *arts = load_corpus(path, limit, &n);
    if (!arts) {
        perror(path);
        return 2;
    }
    double t0 = cli_now();
    dyad_model *m = dyad_model_load();
    double load_s = cli_now() - t0;
    dyad_doc *d = dyad_doc_new();
    double stage[DYAD_STAGE_COUNT] = {0}, json_s = 0, lang_s = 0;
    size_t bytes = 0, sents = 0, toks = 0, errors = 0;
    sb out = {0};
    progress bar;
    progress_start(&bar, "dyad bench", false);
    double start = cli_now();
    for (size_t i = 0; i < n; i++) {
        dyad_article a = {.id = "bench", .text = arts[i].text, .len = arts[i].len, .published = arts[i].published};
        const char *err = dyad_process_timed(m, d, &a, stage);
        double tj = cli_now();
        sb_reset(&out);
        dyad_write_json(&out, m, d, &a, err);
        json_s += cli_now() - tj;
        if (!err) {   /* the tagger, chunker and recogniser together, timed on their own */
            double tl = cli_now();
            dyad_tag_language(m, d);
            lang_s += cli_now() - tl;
        }
        bytes += arts[i].len;
        if (err) errors++;
        else {
            sents += dyad_doc_sentences(d);
            toks += dyad_doc_tokens(d);
        }
        progress_draw(&bar, i + 1, (double)(i + 1) / (double)n, NULL, false);
    }
    double total = cli_now() - start - lang_s;
    progress_clear(&bar);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    /* Quote extraction proper: the text stages it stands on and its own; speakers are
     * resolved through the entity stages, reported beside it. */
    double quotes_s = stage[DYAD_STAGE_CHECK] + stage[DYAD_STAGE_TOKENS] + stage[DYAD_STAGE_SENTENCES] +
                      stage[DYAD_STAGE_QUOTES];
    printf("dyad bench: %zu articles, %zu sentences, %zu tokens, %.1f MB (%zu errors)\n", n, sents, toks,
           (double)bytes / 1e6, errors);
    for (int s = 0; s < DYAD_STAGE_COUNT; s++)
        printf("  %-28s %7.3f s  %8.1f MB/s\n", dyad_stage_names[s], stage[s], (double)bytes / 1e6 / stage[s]);
    printf("  %-28s %7.3f s  %8.1f MB/s\n", "JSON output", json_s, (double)bytes / 1e6 / json_s);
    printf("  %-28s %7.3f s  %8.1f MB/s  %.0f sentences/s  %.0f tokens/s\n", "all", total,
           (double)bytes / 1e6 / total, (double)sents / total, (double)toks / total);
    printf("  %-28s %7.3f s  %8.1f MB/s  (text stages + quotes, speakers aside)\n", "quote extraction", quotes_s,
           (double)bytes / 1e6 / quotes_s);
    printf("  %-28s %7.3f s  %8.0f tokens/s  (not part of extraction, which runs the recogniser only)\n",
           "POS + chunks + NER together", lang_s, (double)toks / lang_s);
    printf("  model load %.1f ms, peak memory %.1f MB\n", load_s * 1e3, (double)ru.ru_maxrss / 1024.0);
    printf("articles=%zu sentences=%zu tokens=%zu bytes=%zu seconds=%.4f mb_per_s=%.3f articles_per_s=%.1f "
           "sentences_per_s=%.1f tokens_per_s=%.0f quotes_stage_seconds=%.4f quotes_stage_mb_per_s=%.3f "
           "quote_share=%.3f lang_tokens_per_s=%.0f model_load_ms=%.2f max_rss_mb=%.1f\n",
           n, sents, toks, bytes, total, (double)bytes / 1e6 / total, (double)n / total, (double)sents / total,
           (double)toks / total, quotes_s, (double)bytes / 1e6 / quotes_s, stage[DYAD_STAGE_QUOTES] / total,
           (double)toks / lang_s, load_s * 1e3, (double)ru.ru_maxrss / 1024.0);
    sb_free(&out);
    dyad_doc_free(d);
    dyad_model_free(m);
    for (size_t i = 0; i < n; i++) {
        free(arts[i].text);
        free(arts[i].published);
    }
    free(arts);
    return 0;
}
