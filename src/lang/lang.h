/* lang.h - the language layer: part-of-speech tags, chunks and named entities for every
 * sentence of a document, by greedy left-to-right decoding with the averaged-perceptron
 * models of the dy_model (a task without a model leaves doc->pos/chunk/ner NULL). The
 * recogniser reads words, shapes and dictionaries, not tags, so extraction runs it alone;
 * the tagger and chunker run when a caller asks for them. A POS model with a second pass
 * rescores, with the first pass's tags around it, each word the first pass was unsure of.
 *
 * lang_tag_doc is also what training and evaluation run, on CoNLL sentences put into a
 * dy_doc, so the features at run time are the features the models were trained on. */
#ifndef DY_LANG_H
#define DY_LANG_H
#include "../know/model.h"

/* tasks: a mask of LANG_POS, LANG_CHUNK (needs POS), LANG_NER. */
enum { LANG_POS = 1 << LT_POS, LANG_CHUNK = 1 << LT_CHUNK, LANG_NER = 1 << LT_NER, LANG_ALL = 7 };
void lang_run(dy_doc *d, const dy_model *m, unsigned tasks);

/* Part-of-speech tags for one sentence only (doc->pos allocated on first use, NULL tags
 * elsewhere): for stages that need tags in a few sentences, such as the event coder. */
void lang_tag_sentence(dy_doc *d, const dy_model *m, uint32_t sent);

/* POS tags of the whole document as label hashes (feat_label_hash), indexed like its
 * tokens, into tags: what training reads from a tagger (jack-knifing). */
void lang_pos_tags(dy_doc *d, const dy_model *m, uint64_t *tags);

/* Dictionary match code of every token (feature of the recogniser); arena memory. */
uint8_t *lang_gazetteer(dy_doc *d, const dy_model *m);

/* Per-document memory of the recogniser: the label each word last received, and which
 * words are capitalised mid-sentence somewhere in the document. */
typedef struct lang_memory {
    uint64_t *keys;
    uint64_t *labels;     /* hash of the label, 0 when none */
    uint8_t *cap_mid;
    size_t cap;
} lang_memory;
void lang_memory_init(lang_memory *mem, dy_doc *d);
uint64_t lang_memory_label(const lang_memory *mem, const dy_token *t);
void lang_memory_set(lang_memory *mem, const dy_token *t, uint64_t label);
bool lang_memory_cap_mid(const lang_memory *mem, const dy_token *t);
#endif
