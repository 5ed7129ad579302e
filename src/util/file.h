/* file.h - a whole file read into memory, NUL-terminated (malloc'ed; the caller frees). */
#ifndef DY_FILE_H
#define DY_FILE_H
#include <stddef.h>

/* NULL when the file cannot be read; *len receives its size. */
char *dy_read_file(const char *path, size_t *len);
#endif
