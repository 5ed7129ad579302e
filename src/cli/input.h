/* input.h - the articles a command reads: plain-text files (one article each, id = file
 * name without extension), standard input, or JSON Lines (--jsonl: text, id, title,
 * source, url, published). Each article, or each input problem (malformed JSON line,
 * missing text, escaped NUL), reaches the callback once, in input order; an article with
 * no id gets "sha256:" + the digest of its text. */
#ifndef DY_INPUT_H
#define DY_INPUT_H
#include <stdbool.h>
#include <stddef.h>

typedef struct input_article {
    const char *id, *text, *title, *source, *url, *published;
    size_t len;
    const char *error;    /* the input itself is unusable: this message, not the text */
    double done;          /* share of the input read so far (0..1), or -1 when unknown */
} input_article;

typedef void (*input_fn)(void *ctx, const input_article *a);

typedef struct input_opts {
    bool jsonl;
    const char *date;     /* published date for plain-text input */
} input_opts;

/* Read every file ("-" = standard input); returns 0, or 2 when a file could not be read
 * (a message is printed for it and the other files are still read). */
int input_each(char *const *files, int nfiles, const input_opts *o, input_fn fn, void *ctx, const char *prog);
#endif
