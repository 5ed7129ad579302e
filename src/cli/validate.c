/* validate.c - `dyad validate tabari PROJECT` and `dyad validate petrarch RECORDS.xml`:
 * run the validation suites of TABARI and PETRARCH with dyad's pattern coders and print
 * the share of records coded exactly as expected. */
#include "cli.h"
#include "../code/petrval.h"
#include "../code/tabval.h"
#include <stdio.h>
#include <string.h>

static void usage(FILE *f) {
    fputs("usage: dyad validate tabari PROJECT [-v] [-x ID]\n"
          "       dyad validate petrarch RECORDS.xml [-v]\n"
          "\n"
          "Codes the records of a validation suite with dyad's pattern coders and compares\n"
          "the events with the expected ones (the exact set of source, target and code).\n"
          "  tabari    a TABARI .project (Validate.project): its actors, agents, verbs,\n"
          "            options and text files; records up to FINAL-01, where TABARI's own\n"
          "            validation stops; OPTION records change options and are not counted,\n"
          "            nor are records whose expectations are all behind -{ (unchecked)\n"
          "  petrarch  PETRARCH unit-test records (PETR.UnitTest.records.xml); the\n"
          "            dictionaries named in its <Environment> are read from ../dictionaries\n"
          "            beside the file's folder, or from the file's own folder; records\n"
          "            marked valid=\"false\" are left out, as its <Include>valid</Include> asks\n"
          "  -v        print each failing record with its expected and coded events\n"
          "  -x ID     tabari: print how record ID was parsed (words, classes, actors, clauses)\n"
          "\n"
          "Prints failing record ids, then a last line such as\n"
          "tabari.records=N tabari.exact=K tabari.share=0.xx\n",
          f);
}

int cli_validate(int argc, char **argv) {
    const char *suite = NULL, *path = NULL;
    bool verbose = false;
    const char *explain = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(argv[i], "-v")) verbose = true;
        else if (!strcmp(argv[i], "-x") && i + 1 < argc) explain = argv[++i];
        else if (!suite) suite = argv[i];
        else if (!path) path = argv[i];
        else {
            usage(stderr);
            return 2;
        }
    }
    if (!suite || !path || (strcmp(suite, "tabari") && strcmp(suite, "petrarch"))) {
        usage(stderr);
        return 2;
    }
    char err[512];
    unsigned records, exact;
    if (!strcmp(suite, "tabari")) {
        tv_summary s;
        if (!tv_run(path, stdout, verbose, explain, &s, err, sizeof err)) goto fail;
        printf("tabari.options=%u tabari.unchecked=%u\n", s.options, s.unchecked);
        records = s.records, exact = s.exact;
    } else {
        pv_summary s;
        if (!pv_run(path, stdout, verbose, explain, &s, err, sizeof err)) goto fail;
        printf("petrarch.skipped=%u\n", s.skipped);
        records = s.records, exact = s.exact;
    }
    printf("%s.records=%u %s.exact=%u %s.share=%.2f\n", suite, records, suite, exact, suite,
           records ? (double)exact / records : 0.0);
    return 0;
fail:
    fprintf(stderr, "dyad validate: %s\n", err);
    return 2;
}
