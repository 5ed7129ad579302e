/* lang.h - the language layer: part-of-speech tags, chunks and named entities for every
 * sentence of a document, by greedy left-to-right decoding with the averaged-perceptron
 * models of the dy_model (none loaded: the layer leaves doc->pos/chunk/ner NULL).
 *
 * lang_tag_doc is also what training and evaluation run, on CoNLL sentences put into a
 * dy_doc, so the features at run time are the features the models were trained on. */
#ifndef DY_LANG_H
#define DY_LANG_H
#include "../know/model.h"

void lang_run(dy_doc *d, const dy_model *m);

/* Dictionary match code of every token (feature of the recogniser); arena memory. */
uint8_t *lang_gazetteer(dy_doc *d, const dy_model *m);

/* Per-document memory of the recogniser: the label each word last received, and which
 * words are capitalised mid-sentence somewhere in the document. */
typedef struct lang_memory {
    uint64_t *keys;
    const char **labels;
    uint8_t *cap_mid;
    size_t cap;
} lang_memory;
void lang_memory_init(lang_memory *mem, dy_doc *d);
const char *lang_memory_label(const lang_memory *mem, const dy_token *t);
void lang_memory_set(lang_memory *mem, const dy_token *t, const char *label);
bool lang_memory_cap_mid(const lang_memory *mem, const dy_token *t);
#endif
