/* utf8.h - UTF-8 decoding and validation (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF).
 *
 * u8_validate returns the byte offset of the first invalid sequence, or SIZE_MAX when the
 * whole buffer is valid. u8_decode reads one code point at s[i] of a buffer already known
 * to be valid and advances *i. */
#ifndef DY_UTF8_H
#define DY_UTF8_H
#include <stddef.h>
#include <stdint.h>

size_t u8_validate(const char *s, size_t len);
int32_t u8_decode(const char *s, size_t len, size_t *i);
/* Decode the code point that ends just before byte i (i > 0) and return its start. */
size_t u8_prev(const char *s, size_t i);
#endif
