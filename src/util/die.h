/* die.h - fatal errors: print "dyad: message" to stderr and exit(2). For conditions the
 * program cannot continue from (out of memory, corrupt built-in data), never for bad
 * articles, which get an error object instead (see SPEC.md). */
#ifndef DY_DIE_H
#define DY_DIE_H
_Noreturn void dy_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
