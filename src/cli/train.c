/* train.c - `dyad train` and `dyad eval`: build the language layer's models from a
 * CoNLL-2003 file, and score models on one (POS accuracy, chunk F1, entity F1). */
#include "../../include/dyad.h"
#include "../lang/clusters.h"
#include "../lang/train.h"
#include "cli.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void train_usage(FILE *f) {
    fputs("usage: dyad train [OPTIONS] TRAIN.conll\n"
          "\n"
          "Trains the part-of-speech tagger, the chunker and the named-entity recogniser\n"
          "(averaged perceptrons, greedy decoding) on a CoNLL-2003 file (word POS chunk NER)\n"
          "and writes OUT/pos.ap, OUT/chunk.ap, OUT/ner.ap. The same file and seed give the\n"
          "same models. Rebuild (make) to compile new models in, or pass --models OUT.\n"
          "\n"
          "options:\n"
          "  --out DIR       where to write the models (default: models)\n"
          "  --task T        pos, chunk, ner or all (default: all)\n"
          "  --epochs N      passes over the data (default: 10)\n"
          "  --seed N        shuffling seed (default: 1)\n"
          "  --prune N       drop weights below N/32000 of the largest (default: 0)\n"
          "  --lexicon FILE  POS lexicon, lines 'word TAB tag tag ...' (likeliest first),\n"
          "                  stored in pos.ap as features of the tagger\n"
          "  --folds N       train the chunker on POS tags predicted by taggers trained on\n"
          "                  N-1 of N folds of the documents (default: 10; 1: gold tags)\n"
          "  --two-pass      POS: a second pass that reads the first pass's tags around the\n"
          "                  word; it rescores only the words the first pass was unsure of\n"
          "  --ensemble N    train N models with seeds seed .. seed+N-1 and store the sum\n"
          "                  of their weights (default: 1; N times the training time)\n"
          "  -h, --help      this help\n",
          f);
}

static void eval_usage(FILE *f) {
    fputs("usage: dyad eval [--models DIR] [--output FILE] FILE.conll\n"
          "\n"
          "Tags a CoNLL-2003 file with the models (built in, or DIR/pos.ap, chunk.ap, ner.ap)\n"
          "and prints POS accuracy, chunk F1 and named-entity F1 (overall and per type),\n"
          "with tokens per second for the three labellers together.\n"
          "\n"
          "options:\n"
          "  --models DIR    models to score instead of the built-in ones\n"
          "  --output FILE   write every token with its gold and predicted tags, for error\n"
          "                  analysis, a line each: word, then gold and predicted POS, chunk\n"
          "                  and entity tags (the speed then includes the writing)\n",
          f);
}

static int task_of(const char *s) {
    for (int t = 0; t < LT_COUNT; t++)
        if (strcmp(s, lang_task_names[t]) == 0) return t;
    return strcmp(s, "all") == 0 ? LT_COUNT : -1;
}

int cli_train(int argc, char **argv) {
    const char *out = "models", *path = NULL;
    int task = LT_COUNT;
    lang_train_opts o = {.epochs = 10, .seed = 1, .folds = 10, .ensemble = 1};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            train_usage(stdout);
            return 0;
        }
        bool has_value = i + 1 < argc;
        if (!strcmp(a, "--out") && has_value) out = argv[++i];
        else if (!strcmp(a, "--task") && has_value) {
            task = task_of(argv[++i]);
            if (task < 0) {
                fprintf(stderr, "dyad train: --task wants pos, chunk, ner or all\n");
                return 2;
            }
        } else if (!strcmp(a, "--epochs") && has_value) o.epochs = atoi(argv[++i]);
        else if (!strcmp(a, "--seed") && has_value) o.seed = (uint32_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(a, "--prune") && has_value) o.prune = atoi(argv[++i]);
        else if (!strcmp(a, "--lexicon") && has_value) o.lexicon = argv[++i];
        else if (!strcmp(a, "--folds") && has_value) o.folds = atoi(argv[++i]);
        else if (!strcmp(a, "--two-pass")) o.two_pass = true;
        else if (!strcmp(a, "--ensemble") && has_value) o.ensemble = atoi(argv[++i]);
        else if (a[0] == '-') {
            fprintf(stderr, "dyad train: unknown option '%s' (see dyad train --help)\n", a);
            return 2;
        } else path = a;
    }
    if (o.epochs < 1 || o.ensemble < 1) {
        fprintf(stderr, "dyad train: --epochs and --ensemble want a number of at least 1\n");
        return 2;
    }
    if (!path) {
        train_usage(stderr);
        return 2;
    }
    if (mkdir(out, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "dyad train: cannot create %s: %s\n", out, strerror(errno));
        return 2;
    }
    dy_model *m = dyad_model_load();
    conll_corpus c;
    char err[256];
    if (!conll_read(path, m, &c, err, sizeof err)) {
        fprintf(stderr, "dyad train: %s\n", err);
        dyad_model_free(m);
        return 2;
    }
    fprintf(stderr, "dyad train: %zu documents, %zu sentences, %zu tokens from %s; %d epochs, seed %u, %d model%s\n",
            c.ndocs, c.nsents, c.ntokens, path, o.epochs, o.seed, o.ensemble, o.ensemble > 1 ? "s" : "");
    int status = 0;
    for (int t = 0; t < LT_COUNT && !status; t++) {
        if (task != LT_COUNT && task != t) continue;
        char file[4096];
        snprintf(file, sizeof file, "%s/%s.ap", out, lang_task_names[t]);
        if (!lang_train_task(&c, m, t, &o, file, stderr)) {
            fprintf(stderr, "dyad train: cannot write %s: %s\n", file, strerror(errno));
            status = 2;
        }
    }
    conll_free(&c);
    dyad_model_free(m);
    return status;
}

int cli_clusters(int argc, char **argv) {
    const char *out_path = NULL;
    size_t vocab = 50000;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs("usage: dyad clusters [--vocab N] --out FILE < articles.jsonl\n"
                  "\n"
                  "Learns word classes from unlabeled articles (JSON Lines with a \"text\" field on\n"
                  "standard input): the N most frequent words (default 50000), described by their\n"
                  "neighbours, grouped by k-means into 256 classes of 8. The taggers use them as\n"
                  "features (models/clusters.tsv). Deterministic for the same input.\n",
                  stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--out") && i + 1 < argc) out_path = argv[++i];
        else if (!strcmp(argv[i], "--vocab") && i + 1 < argc) vocab = strtoul(argv[++i], NULL, 10);
        else {
            fprintf(stderr, "dyad clusters: unknown argument '%s' (see --help)\n", argv[i]);
            return 2;
        }
    }
    if (!out_path || vocab == 0) {
        fprintf(stderr, "dyad clusters: --out FILE is required (see --help)\n");
        return 2;
    }
    FILE *out = fopen(out_path, "w");
    if (!out) {
        fprintf(stderr, "dyad clusters: cannot write %s: %s\n", out_path, strerror(errno));
        return 2;
    }
    bool ok = clusters_learn(stdin, out, vocab, stderr);
    if (fclose(out) != 0) ok = false;
    return ok ? 0 : 2;
}

int cli_eval(int argc, char **argv) {
    const char *models = NULL, *path = NULL, *out_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            eval_usage(stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--models") && i + 1 < argc) models = argv[++i];
        else if (!strcmp(argv[i], "--output") && i + 1 < argc) out_path = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "dyad eval: unknown option '%s'\n", argv[i]);
            return 2;
        } else path = argv[i];
    }
    if (!path) {
        eval_usage(stderr);
        return 2;
    }
    dy_model *m = dyad_model_load();
    char err[256];
    if (models && !model_load_taggers(m, models, err, sizeof err)) {
        fprintf(stderr, "dyad eval: %s\n", err);
        dyad_model_free(m);
        return 2;
    }
    if (!m->has_tagger[LT_POS]) {
        fprintf(stderr, "dyad eval: no models (run dyad train first, or pass --models DIR)\n");
        dyad_model_free(m);
        return 2;
    }
    conll_corpus c;
    if (!conll_read(path, m, &c, err, sizeof err)) {
        fprintf(stderr, "dyad eval: %s\n", err);
        dyad_model_free(m);
        return 2;
    }
    FILE *out = out_path ? fopen(out_path, "w") : NULL;
    if (out_path && !out) {
        fprintf(stderr, "dyad eval: cannot write %s: %s\n", out_path, strerror(errno));
        conll_free(&c);
        dyad_model_free(m);
        return 2;
    }
    lang_scores s;
    lang_eval(&c, m, &s, out);
    if (out && fclose(out) != 0) {
        fprintf(stderr, "dyad eval: cannot write %s: %s\n", out_path, strerror(errno));
        conll_free(&c);
        dyad_model_free(m);
        return 2;
    }
    printf("dyad eval: %s, %zu documents, %zu tokens\n", path, c.ndocs, s.tokens);
    printf("  POS accuracy  %.2f%%\n", 100 * s.pos_acc);
    printf("  POS errors   ");
    for (int i = 0; i < 10 && s.pos_errors[i].n; i++)
        printf(" %s>%s %zu", s.pos_errors[i].gold, s.pos_errors[i].pred, s.pos_errors[i].n);
    printf("\n");
    printf("  chunk F1      %.2f   (gold %zu, predicted %zu, right %zu)\n", 100 * span_f1(&s.chunk), s.chunk.gold,
           s.chunk.pred, s.chunk.tp);
    printf("  NER F1        %.2f   (gold %zu, predicted %zu, right %zu)\n", 100 * span_f1(&s.ner), s.ner.gold,
           s.ner.pred, s.ner.tp);
    static const char *const types[] = {"PER", "LOC", "ORG", "MISC"};
    for (int t = 0; t < 4; t++) printf("    %-4s        %.2f\n", types[t], 100 * span_f1(&s.ner_type[t]));
    printf("  speed         %.0f tokens/s (tagging + chunking + NER, one core)\n", (double)s.tokens / s.seconds);
    printf("pos_acc=%.4f chunk_f1=%.4f ner_f1=%.4f tokens_per_s=%.0f\n", s.pos_acc, span_f1(&s.chunk),
           span_f1(&s.ner), (double)s.tokens / s.seconds);
    conll_free(&c);
    dyad_model_free(m);
    return 0;
}
