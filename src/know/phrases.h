/* phrases.h - multi-word dictionary lookup over document tokens.
 *
 * A phrase ("Sarah Huckabee Sanders", "U.S. Senate", "according to") is tokenized
 * exactly like article text and stored under its joined token keys, so matching a
 * document needs no string work beyond joining keys. pt_longest finds the longest
 * entry starting at a token. Values are uint32 indices into the caller's own table. */
#ifndef DY_PHRASES_H
#define DY_PHRASES_H
#include "../core/doc.h"
#include "../util/hashmap.h"

typedef struct phrase_table {
    hashmap map;       /* joined keys -> value */
    hashmap first;     /* first token key -> longest phrase length in tokens */
    uint32_t bit;      /* set in the vocabulary for every first key, and so in dy_token.lex */
} phrase_table;

/* bit: this table's vocabulary bit; tokens without it are skipped without hashing. */
void pt_init(phrase_table *t, uint32_t bit);
void pt_free(phrase_table *t);
/* Add phrase with value; when the phrase is already present, keep the old value and
 * return false with *existing set to it. The first word's key gets the table's bit in
 * vocab, the map that gives each token its lex bits. */
bool pt_add(phrase_table *t, hashmap *vocab, const char *phrase, size_t len, const hashmap *abbrevs,
            uint32_t value, uint32_t *existing);
/* Add or replace: phrase gets value whether or not it was present (user dictionaries
 * loaded over the built-in ones). */
void pt_set(phrase_table *t, hashmap *vocab, const char *phrase, size_t len, const hashmap *abbrevs, uint32_t value);
/* Longest phrase starting at token tok and ending before token limit. */
bool pt_longest(const phrase_table *t, const dy_doc *d, uint32_t tok, uint32_t limit,
                uint32_t *ntoks, uint32_t *value);
/* Lookup of a one-word phrase by its key (a lemma, say). */
bool pt_get_word(const phrase_table *t, const char *key, size_t len, uint32_t *value);
/* Exact lookup of the tokens [begin, end). */
bool pt_exact(const phrase_table *t, const dy_doc *d, uint32_t begin, uint32_t end, uint32_t *value);
#endif
