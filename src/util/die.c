#include "die.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void dy_die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("dyad: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}
