/* lemma.h - lemmas from WordNet 3.0 (Debian's wordnet-base): the words of its index
 * files and its exception lists in memory, and the suffix rules of WordNet's morphy
 * ("invited" -> invite, "said" -> say, "met" -> meet, "countries" -> country).
 *
 * lemma_load reads /usr/share/wordnet (or $DYAD_WORDNET) once, about 150,000 words; when
 * it is absent the rules alone apply and a form is its own lemma when no rule fits. The
 * table is read-only after loading and safe to share between threads. */
#ifndef DY_LEMMA_H
#define DY_LEMMA_H
#include "../util/hashmap.h"

enum lemma_pos { LP_NOUN, LP_VERB, LP_ADJ, LP_ADV, LP_COUNT };

typedef struct lemmatizer {
    hashmap words[LP_COUNT];        /* base forms in WordNet's index, by part of speech */
    hashmap exceptions[LP_COUNT];   /* irregular form -> index into exc_lemmas */
    DY_VEC(const char *) exc_lemmas;
    dy_arena arena;
    bool loaded;                    /* WordNet files were found */
} lemmatizer;

void lemma_load(lemmatizer *lz);
void lemma_free(lemmatizer *lz);
/* The lemma of a lower-case word as the given part of speech, written into buf (cap
 * bytes); returns buf. */
const char *lemma_of(const lemmatizer *lz, const char *word, size_t len, enum lemma_pos pos, char *buf, size_t cap);
/* Part of speech of a Penn Treebank tag (VBD -> verb), or -1 for other tags. */
int lemma_pos_of_tag(const char *tag);
#endif
