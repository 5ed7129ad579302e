/* words.h - the words of a text for full-text search: runs of letters and numbers
 * (Unicode categories L, N and Co, as SQLite FTS5's unicode61 tokenizer keeps them
 * together), lowercased. The PostgreSQL backend indexes an article's words with them and
 * the query builder splits a search into the same words, so both sides of a search agree
 * whatever the server's locale. Invalid UTF-8 separates words. */
#ifndef DY_WORDS_H
#define DY_WORDS_H
#include <stdbool.h>
#include <stddef.h>

/* fn gets each word, lowercased (n bytes, valid only during the call); it returns false
 * to stop. */
typedef bool (*words_fn)(void *ctx, const char *w, size_t n);
void words_each(const char *s, size_t n, words_fn fn, void *ctx);
#endif
