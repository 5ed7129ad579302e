/* tsv.h - reading the project's text dictionaries: tab-separated lines, '#' comments and
 * blank lines skipped. Fields are (pointer, length) views into the buffer, not copies. */
#ifndef DY_TSV_H
#define DY_TSV_H
#include <stddef.h>

typedef struct tsv_field { const char *p; size_t n; } tsv_field;
typedef struct tsv_reader { const char *p, *end; int line; } tsv_reader;

void tsv_open(tsv_reader *r, const char *buf, size_t len);
/* Next data line: fills up to max fields, returns how many the line has (0 at the end). */
int tsv_next(tsv_reader *r, tsv_field *f, int max);
/* Split a field on a separator character (e.g. '|'): returns the count, fills up to max. */
int tsv_split(tsv_field f, char sep, tsv_field *out, int max);
/* Copy a field into a NUL-terminated buffer of size cap (truncating). */
void tsv_copy(tsv_field f, char *buf, size_t cap);
#endif
