/* train.h - training and evaluating the language layer's models on CoNLL data.
 *
 * lang_train_task runs greedy averaged-perceptron training for one task: epochs over the
 * documents in an order shuffled by a fixed seed (same data + seed = same model file),
 * each decision made with the model's own earlier decisions as history, as at run time.
 * The chunker and recogniser read the gold POS (and chunk) columns while training and the
 * predicted ones when tagging. With opts.ensemble > 1 a model is the sum of several trained
 * in different orders (ap_trainer_add). lang_eval tags a corpus with a model and scores it, and
 * writes each token with its gold and predicted tags to out when out is not NULL. */
#ifndef DY_LANG_TRAIN_H
#define DY_LANG_TRAIN_H
#include "conll.h"

typedef struct lang_confusion { const char *gold, *pred; size_t n; } lang_confusion;

typedef struct lang_scores {
    double pos_acc;
    lang_confusion pos_errors[10];         /* the most frequent POS confusions */
    span_counts chunk, ner, ner_type[4];   /* ner_type: PER, LOC, ORG, MISC */
    double seconds;
    size_t tokens;
} lang_scores;

typedef struct lang_train_opts {
    int epochs, prune;       /* prune: see ap_trainer_save */
    uint32_t seed;
    int ensemble;            /* > 1: the sum of this many models trained with seeds seed, seed + 1, ... */
    const char *lexicon;     /* POS lexicon ("word TAB tag tag ...", likeliest first), or NULL */
    bool two_pass;           /* POS: a second pass reading the first pass's tags around the word */
    int folds;               /* chunker: learn from the POS tags of taggers trained on all but
                                one of this many folds of the documents (< 2: gold tags) */
} lang_train_opts;

bool lang_train_task(conll_corpus *c, const dy_model *m, int task, const lang_train_opts *o, const char *out_path,
                     FILE *log);
void lang_eval(conll_corpus *c, const dy_model *m, lang_scores *s, FILE *out);
double span_f1(const span_counts *s);
#endif
