/* dicts.c - `dyad dicts`: load TABARI/PETRARCH dictionaries as extraction would, and say
 * how many entries they gave, how long loading took and the memory it needed; with
 * --lookup, the code a phrase gets on a date. */
#include "../../include/dyad.h"
#include "../know/dictfmt.h"
#include "../text/tokenize.h"
#include "cli.h"
#include "progress.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static void usage(FILE *f) {
    fputs("usage: dyad dicts [--actors FILE]... [--agents FILE]... [--lookup PHRASE --date YYYY-MM-DD]\n"
          "\n"
          "Loads TABARI (.actors, .agents) and PETRARCH (Phoenix.*.actors.txt, Phoenix.agents.txt)\n"
          "dictionaries on top of dyad's own, as `dyad extract --actors/--agents` does, and\n"
          "prints the entries, load time and peak memory. --lookup prints the actor code the\n"
          "phrase gets on the date (dated codes switch at their dates).\n",
          f);
}

int cli_dicts(int argc, char **argv) {
    const char *lookup = NULL, *date = NULL;
    double t0 = cli_now();
    dy_model *m = dyad_model_load();
    double base = cli_now() - t0, dict_s = 0;
    size_t total = 0;
    char err[256];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            dyad_model_free(m);
            return 0;
        }
        if (i + 1 >= argc) {
            usage(stderr);
            dyad_model_free(m);
            return 2;
        }
        const char *v = argv[++i];
        if (!strcmp(a, "--lookup")) lookup = v;
        else if (!strcmp(a, "--date")) date = v;
        else if (!strcmp(a, "--actors") || !strcmp(a, "--agents")) {
            size_t n = 0;
            double t = cli_now();
            bool ok = a[3] == 'c' ? dict_load_actors(m, v, &n, err, sizeof err) : dict_load_agents(m, v, &n, err, sizeof err);
            dict_s += cli_now() - t;
            if (!ok) {
                fprintf(stderr, "dyad dicts: %s\n", err);
                dyad_model_free(m);
                return 2;
            }
            printf("%-60s %8zu phrases\n", v, n);
            total += n;
        } else {
            fprintf(stderr, "dyad dicts: unknown option '%s'\n", a);
            dyad_model_free(m);
            return 2;
        }
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("dicts: %zu phrases in %.3f s (built-in model %.3f s), peak memory %.1f MB\n", total, dict_s, base,
           (double)ru.ru_maxrss / 1024.0);
    if (lookup) {
        dy_doc *d = dyad_doc_new();
        doc_reset(d, lookup, (uint32_t)strlen(lookup));
        tok_run(d, &m->abbrevs, &m->vocab);
        dy_date when = {0, 0, 0};
        if (date) date_parse(date, strlen(date), &when);
        uint32_t v;
        if (pt_exact(&m->actor_pt, d, 0, (uint32_t)d->toks.n, &v)) {
            const kb_actor *a = model_actor_on(m, v, when);
            printf("%s on %s: %s %s%s (%s)\n", lookup, date ? date : "(no date)", a->name, a->code.country,
                   a->code.sector, a->type == ET_PERSON ? "person" : "organisation or place");
        } else {
            printf("%s: not in the dictionaries\n", lookup);
        }
        dyad_doc_free(d);
    }
    dyad_model_free(m);
    return 0;
}
