/* progress.h - clocks and a one-line progress report for the long-running commands.
 *
 * The report goes to stderr only when stderr is a terminal (and the caller does not ask
 * for quiet), is redrawn at most five times a second, and shows the count, the rate, and
 * when the share done is known, the percentage and the time left. */
#ifndef DY_PROGRESS_H
#define DY_PROGRESS_H
#include <stdbool.h>
#include <stddef.h>

/* Seconds on a monotonic clock. */
double cli_now(void);

typedef struct progress {
    const char *what;        /* "dyad ingest" */
    bool on;
    double t0, last;
} progress;

void progress_start(progress *p, const char *what, bool quiet);
/* n items so far; done: the share of the input read, in [0, 1], or < 0 when unknown;
 * detail: words after the count ("(3 stored, 1 unchanged)"), or NULL; final: the last
 * line, drawn whatever the time and ended with a newline. */
void progress_draw(progress *p, size_t n, double done, const char *detail, bool final);
/* Clear the line before another message goes to stderr. */
void progress_clear(const progress *p);
#endif
