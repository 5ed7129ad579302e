/* features.h - feature templates of the three sequence labellers, as 64-bit hashes.
 *
 * The strings a feature is made of (the word, its affixes, its shape, a tag) are hashed
 * once per token or label; a feature is then a template number mixed with one or two of
 * those hashes, a few multiplications. Training (on CoNLL tokens put into a dy_doc) and
 * tagging (on dyad's own tokens) call the same functions, so they see the same features.
 * Tags enter as the hashes of their names, so a chunker trained on gold POS tags reads
 * the tagger's predicted ones at run time. */
#ifndef DY_FEATURES_H
#define DY_FEATURES_H
#include "../core/doc.h"
#include "../util/hashmap.h"

#define FEAT_MAX 64

/* Per token: hashes of the strings the templates use. */
typedef struct tok_hashes {
    uint64_t key, text, shape, suf[4], pre[4];
    uint64_t coarse, fine;       /* word class (clusters.h), or a constant for unknown words */
} tok_hashes;

typedef struct feat_ctx {
    const dy_doc *d;
    uint32_t sb, se;             /* the sentence: tokens [sb, se) */
    const tok_hashes *th;        /* per token of the doc */
    const uint64_t *pos;         /* per token: hash of its POS tag (NULL: none) */
    const uint64_t *chunk;       /* per token: hash of its chunk tag */
    const uint64_t *hist;        /* per token: hash of this task's label, valid before i */
    const uint8_t *gaz;          /* per token: dictionary match code (lang.c), or NULL */
    const uint64_t *lex;         /* POS: per token, its lexical class (feat_lex_class) */
    const uint64_t *first;       /* POS second pass: per token, hash of the first pass's tag */
    uint64_t remembered;         /* NER: hash of the label this word got earlier in the document, or 0 */
    bool cap_elsewhere;          /* NER: the word is capitalised mid-sentence elsewhere in the doc */
    bool headline;               /* the sentence is written in capitals ("SOCCER - JAPAN GET LUCKY WIN") */
} feat_ctx;

/* classes: word -> class (clusters_load), or NULL. */
void feat_hash_tokens(const dy_doc *d, const hashmap *classes, tok_hashes *out);
/* The same for tokens [b, e) only, into out[0 .. e-b). */
void feat_hash_range(const dy_doc *d, const hashmap *classes, uint32_t b, uint32_t e, tok_hashes *out);
/* Is the sentence [sb, se) in capitals (at least two words, no lower-case word)? */
bool feat_headline(const dy_doc *d, uint32_t sb, uint32_t se);
uint64_t feat_label_hash(const char *label);

/* The tag-dictionary key of token i: a word as written that the training data labels
 * (nearly) always the same way ("the", ",", "said") gets its label without scoring. */
uint64_t feat_sure_key(const feat_ctx *c, uint32_t i);

/* The POS lexicon: words as written with the tags a tagged corpus gave them, stored in the
 * POS model under feat_lex_key(hash of the word); a word's lexical class hashes the set
 * of those tags (a mask of label ids) and the likeliest one (first < 0: not in it). */
uint64_t feat_text_hash(const char *s, size_t n);
uint64_t feat_lex_key(uint64_t text_hash);
uint64_t feat_lex_class(uint64_t label_mask, int first);

/* Stored in a POS model that has a second pass (feat_pos with c->first set): its features
 * are the first pass's tags around the word and some of the first pass's templates, told apart. */
uint64_t feat_second_pass_key(void);

size_t feat_pos(const feat_ctx *c, uint32_t i, uint64_t *out);
size_t feat_chunk(const feat_ctx *c, uint32_t i, uint64_t *out);
size_t feat_ner(const feat_ctx *c, uint32_t i, uint64_t *out);
#endif
