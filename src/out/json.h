/* json.h - minimal JSON writing onto a string builder: escaped strings, keys, numbers.
 * The caller writes the structure ({ [ , }) itself; these helpers only make values safe.
 * Input strings must be valid UTF-8 (the pipeline validates articles first). */
#ifndef DY_JSON_H
#define DY_JSON_H
#include "../util/strbuf.h"

void jw_str(sb *s, const char *p, size_t n);      /* "..." with escapes */
void jw_cstr(sb *s, const char *p);               /* string, or null when p is NULL */
void jw_key(sb *s, const char *key);              /* "key": */
void jw_next(sb *s, const char *key);             /* ,"key": (every field after the first) */
void jw_uint(sb *s, unsigned long v);
#endif
