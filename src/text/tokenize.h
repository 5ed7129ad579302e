/* tokenize.h - Penn-Treebank-style tokens with byte offsets.
 *
 * Splits contractions (did|n't, Trump|’s), keeps abbreviations and initials with their
 * period (Mr., U.S., S.A.), numbers with their separators (4.5, 1,000, 9/11), URLs and
 * e-mail addresses whole, hyphenated words whole (kid-glove), each quote mark and
 * punctuation mark on its own, "..." and "--" as one token. Every token gets a lookup
 * key (NFC, lower case, ’ → ') and flags (see doc.h). The text must be valid UTF-8. */
#ifndef DY_TOKENIZE_H
#define DY_TOKENIZE_H
#include "../core/doc.h"
#include "../util/hashmap.h"

/* abbrevs: lower-case abbreviations with their final period ("mr.", "jan."); may be NULL.
 * vocab: key -> lex bits for dy_token.lex; may be NULL (all tokens get 0). */
void tok_run(dy_doc *d, const hashmap *abbrevs, const hashmap *vocab);
/* Append one token for text[start, end) (key, hash, case flags and lex bits computed as
 * tok_run does): for text that comes already split into words, such as CoNLL files. */
void tok_push(dy_doc *d, const hashmap *vocab, uint32_t start, uint32_t end, uint16_t kind, uint16_t flags);
/* The token kind a pre-split word would get: TK_WORD, TK_NUM, TK_QUOTE or TK_PUNCT. */
uint16_t tok_kind_of(const char *s, uint32_t n);
/* Tokenize a short phrase (dictionary entry) and return its keys joined by single spaces,
 * in the arena; the phrase key of a token run in a document is built the same way. */
char *tok_phrase_key(dy_arena *a, const char *phrase, const hashmap *abbrevs, uint32_t *ntoks);
#endif
