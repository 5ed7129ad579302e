/* sha256.h - SHA-256 (FIPS 180-4), for article ids of input that has none. */
#ifndef DY_SHA256_H
#define DY_SHA256_H
#include <stddef.h>

/* Writes 64 lower-case hex digits and a NUL into hex[65]. */
void sha256_hex(const void *data, size_t len, char hex[65]);
#endif
