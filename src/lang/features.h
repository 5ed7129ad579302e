/* features.h - feature templates of the three sequence labellers, as 64-bit hashes.
 *
 * A feature is a template number and one or more strings (the word, its suffix, the tag
 * before it...), hashed with FNV-1a 64. Training (on CoNLL tokens put into a dy_doc) and
 * tagging (on dyad's own tokens) call the same functions, so they see the same features.
 * Tags are strings (the label names), so a chunker trained on gold POS tags reads the
 * tagger's predicted ones at run time. */
#ifndef DY_FEATURES_H
#define DY_FEATURES_H
#include "../core/doc.h"

#define FEAT_MAX 64

typedef struct feat_ctx {
    const dy_doc *d;
    uint32_t sb, se;             /* the sentence: tokens [sb, se) */
    const char *const *pos;      /* per token of the doc: POS tag (NULL before tagging) */
    const char *const *chunk;    /* per token: chunk tag */
    const char *const *hist;     /* per token: this task's labels, valid before i */
    const uint8_t *gaz;          /* per token: dictionary match code (lang.c), or NULL */
    const char *remembered;      /* NER: label this word got earlier in the document, or NULL */
    bool cap_elsewhere;          /* NER: the word is capitalised mid-sentence elsewhere in the doc */
} feat_ctx;

size_t feat_pos(const feat_ctx *c, uint32_t i, uint64_t *out);
size_t feat_chunk(const feat_ctx *c, uint32_t i, uint64_t *out);
size_t feat_ner(const feat_ctx *c, uint32_t i, uint64_t *out);
#endif
