/* test_suites.c - the TABARI validation suite and PETRARCH's unit-test records, coded by
 * dyad's pattern coders (dyad validate): fails when the share of records coded exactly
 * as expected drops below 0.80 (TABARI) or 0.70 (PETRARCH). The suites are read from
 * $DYAD_SHARED or ../shared; without them the tests are skipped with a message. */
#include "harness.h"
#include "code/petrval.h"
#include "code/tabval.h"
#include <stdlib.h>
#include <unistd.h>

static char tabari[512], petrarch[512];

TEST(tabari_suite) {
    tv_summary s;
    char err[256];
    FILE *log = fopen("/dev/null", "w");
    CHECK(tv_run(tabari, log, false, NULL, &s, err, sizeof err));
    fclose(log);
    printf("tabari.records=%u tabari.exact=%u\n", s.records, s.exact);
    CHECK(s.records > 400 && s.exact >= 0.80 * s.records);
}

TEST(petrarch_suite) {
    pv_summary s;
    char err[256];
    FILE *log = fopen("/dev/null", "w");
    CHECK(pv_run(petrarch, log, false, NULL, &s, err, sizeof err));
    fclose(log);
    printf("petrarch.records=%u petrarch.exact=%u\n", s.records, s.exact);
    CHECK(s.records > 250 && s.exact >= 0.70 * s.records);
}

int main(void) {
    const char *shared = getenv("DYAD_SHARED") ? getenv("DYAD_SHARED") : "../shared";
    snprintf(tabari, sizeof tabari, "%s/data/tabari/Validate.project", shared);
    snprintf(petrarch, sizeof petrarch, "%s/data/petrarch/text/PETR.UnitTest.records.xml", shared);
    if (access(tabari, R_OK) == 0) RUN(tabari_suite);
    else printf("skipped: %s not found (the TABARI validation suite lives in shared/)\n", tabari);
    if (access(petrarch, R_OK) == 0) RUN(petrarch_suite);
    else printf("skipped: %s not found (PETRARCH's unit-test records live in shared/)\n", petrarch);
    DONE();
}
