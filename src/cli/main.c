/* main.c - dispatches `dyad COMMAND ...` to the subcommands. */
#include "../../include/dyad.h"
#include "cli.h"
#include <stdio.h>
#include <string.h>

static void usage(FILE *f) {
    fputs("usage: dyad COMMAND [OPTIONS]\n"
          "\n"
          "Turns news articles into evidence-linked records: entities with actor codes,\n"
          "attributed quotations, and CAMEO/PLOVER-coded events.\n"
          "\n"
          "commands:\n"
          "  extract    read articles, write one JSON object per article (JSON Lines)\n"
          "  ingest     extract articles into a SQLite database\n"
          "  query      events, quotes, articles and summaries from a database\n"
          "  serve      the explorer page and JSON API over a database\n"
          "  bench      time each pipeline stage on a JSON Lines corpus\n"
          "  train      train the tagger, chunker and entity recogniser on CoNLL-2003 data\n"
          "  eval       POS accuracy, chunk F1 and entity F1 of the models on a CoNLL file\n"
          "  clusters   learn word classes from unlabeled articles (features of the taggers)\n"
          "  dicts      load TABARI/PETRARCH dictionaries: counts, time, memory, lookups\n"
          "  validate   run the TABARI or PETRARCH validation suite with the pattern coders\n"
          "\n"
          "  dyad COMMAND --help   options of a command\n"
          "  dyad --version        print the version\n",
          f);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("dyad %s\n", DYAD_VERSION);
        return 0;
    }
    if (strcmp(cmd, "extract") == 0) return cli_extract(argc - 1, argv + 1);
    if (strcmp(cmd, "bench") == 0) return cli_bench(argc - 1, argv + 1);
    if (strcmp(cmd, "train") == 0) return cli_train(argc - 1, argv + 1);
    if (strcmp(cmd, "eval") == 0) return cli_eval(argc - 1, argv + 1);
    if (strcmp(cmd, "clusters") == 0) return cli_clusters(argc - 1, argv + 1);
    if (strcmp(cmd, "dicts") == 0) return cli_dicts(argc - 1, argv + 1);
    if (strcmp(cmd, "ingest") == 0) return cli_ingest(argc - 1, argv + 1);
    if (strcmp(cmd, "query") == 0) return cli_query(argc - 1, argv + 1);
    if (strcmp(cmd, "serve") == 0) return cli_serve(argc - 1, argv + 1);
    if (strcmp(cmd, "validate") == 0) return cli_validate(argc - 1, argv + 1);
    fprintf(stderr, "dyad: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
