/* harness.h - a zero-dependency test harness. Each test file defines tests with TEST(name)
 * and lists them in main via RUN(name); CHECK failures print file:line and the failing
 * expression, and the binary ends with "N passed, N failed" (exit 1 on any failure). */
#ifndef DY_HARNESS_H
#define DY_HARNESS_H
#include <stdio.h>
#include <string.h>

static int th_passed, th_failed, th_current_failed;

#define TEST(name) static void name(void)
#define CHECK(expr)                                                                 \
    do {                                                                            \
        if (!(expr)) {                                                              \
            fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__,     \
                    __func__, #expr);                                               \
            th_current_failed = 1;                                                  \
        }                                                                           \
    } while (0)
#define CHECK_STR(got, want)                                                        \
    do {                                                                            \
        const char *g_ = (got), *w_ = (want);                                       \
        if (!g_ || strcmp(g_, w_) != 0) {                                           \
            fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__,        \
                    __LINE__, __func__, g_ ? g_ : "(null)", w_);                    \
            th_current_failed = 1;                                                  \
        }                                                                           \
    } while (0)
#define RUN(name)                                                                   \
    do {                                                                            \
        th_current_failed = 0;                                                      \
        name();                                                                     \
        if (th_current_failed) th_failed++;                                         \
        else th_passed++;                                                           \
    } while (0)
#define DONE()                                                                      \
    do {                                                                            \
        printf("%d passed, %d failed\n", th_passed, th_failed);                     \
        return th_failed ? 1 : 0;                                                   \
    } while (0)
#endif
