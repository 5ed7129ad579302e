/* conll.h - CoNLL-2003 files (word POS chunk NER per line, blank line between sentences,
 * -DOCSTART- between documents) read into dy_docs, one per document, with the gold
 * labels beside them. Chunk and entity tags are turned from the file's IOB1 into BIO
 * (every span starts with B-), which is what the models learn and predict. */
#ifndef DY_CONLL_H
#define DY_CONLL_H
#include "../know/model.h"
#include <stdio.h>

typedef struct conll_doc {
    dy_doc doc;
    char *text;                      /* words joined by spaces, sentences by newlines */
    const char **gold[LT_COUNT];     /* per token: gold POS, chunk (BIO), entity (BIO) */
} conll_doc;

typedef struct conll_corpus {
    conll_doc *docs;
    size_t ndocs, ntokens, nsents;
    char labels[LT_COUNT][64][16];   /* interned label names */
    int nlabels[LT_COUNT];
} conll_corpus;

/* False with a message (unreadable file, malformed line) in err. */
bool conll_read(const char *path, const dy_model *m, conll_corpus *c, char *err, size_t errlen);
void conll_free(conll_corpus *c);

/* Spans of a BIO sequence that agree with gold: for chunk and entity F1. */
typedef struct span_counts { size_t tp, pred, gold; } span_counts;
void conll_count_spans(const char **pred, const char **gold, uint32_t b, uint32_t e, span_counts *out,
                       const char *only_type);
#endif
