#include "progress.h"
#include <stdio.h>
#include <time.h>
#include <unistd.h>

double cli_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void progress_start(progress *p, const char *what, bool quiet) {
    p->what = what;
    p->on = !quiet && isatty(2);
    p->t0 = cli_now();
    p->last = 0;
}

void progress_draw(progress *p, size_t n, double done, const char *detail, bool final) {
    double t = cli_now();
    if (!p->on || (!final && t - p->last < 0.2)) return;
    p->last = t;
    double el = t - p->t0;
    fprintf(stderr, "\r\033[K%s: %zu articles%s%s, %.0f/s", p->what, n, detail ? " " : "", detail ? detail : "",
            el > 0 ? (double)n / el : 0.0);
    if (!final && done > 0 && done < 1) fprintf(stderr, " [%3.0f%%], ETA %.0f s", done * 100, el / done - el);
    if (final) fputc('\n', stderr);
}

void progress_clear(const progress *p) {
    if (p->on) fputs("\r\033[K", stderr);
}
