/* perceptron.h - the averaged perceptron shared by the tagger, chunker and recogniser.
 *
 * Features are 64-bit hashes (features.h). A trained model is one blob, used in place
 * whether it is compiled into the binary or mapped from a file:
 *   "DYADAP" 0 1 | u32 version, nlabels, cap, nweights | f32 scale | u32 ndense
 *   | char labels[nlabels][16]
 *   | ap_entry table[cap]: open addressing on the feature hash's low bits; an entry holds
 *     its high 32 bits (0 = empty) and where its weights are
 *   | ap_weight weights[nweights]: the non-zero averaged weights of sparse features, as
 *     16-bit integers (times scale), by label
 *   | int16 dense[ndense][AP_DENSE_WIDTH(nlabels)]: the weights of every label of the
 *     features that have many
 * Eight-byte entries and four-byte weights keep the three models in a few megabytes, so
 * the lookups that dominate tagging mostly hit the cache; the common features, whose
 * weights touch most labels, are dense rows that scoring adds eight labels at a time.
 * Training keeps dense per-feature rows with lazy averaging (Collins 2002; the
 * timestamp trick of Daumé's thesis) and prunes zero weights when it writes the blob. */
#ifndef DY_PERCEPTRON_H
#define DY_PERCEPTRON_H
#include "../util/u64map.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AP_MAX_LABELS 64
#define AP_LABEL_LEN 16
#define AP_VERSION 3
#define AP_DENSE_WIDTH(nlabels) (((nlabels) + 7u) & ~7u)

/* off_n: offset << 8 | count of a sparse feature's weights, or row << 8 | AP_DENSE. */
typedef struct ap_entry { uint32_t fp, off_n; } ap_entry;
#define AP_DENSE 0x80u
typedef struct ap_weight { int16_t w; uint8_t label, pad; } ap_weight;

typedef struct ap_model {
    uint32_t nlabels, cap, nweights, ndense;
    float scale;
    const char (*labels)[AP_LABEL_LEN];
    uint64_t label_hash[AP_MAX_LABELS];   /* feat_label_hash of each label */
    const ap_entry *table;
    const ap_weight *weights;
    const int16_t *dense;         /* ndense rows of AP_DENSE_WIDTH(nlabels) */
} ap_model;

/* View a blob as a model; false (with a reason in err) when it is not one. */
bool ap_open(ap_model *m, const void *blob, size_t size, char *err, size_t errlen);
/* scores[label] = sum of the (integer) weights of the features. */
void ap_score(const ap_model *m, const uint64_t *feats, size_t n, int32_t *scores);
int ap_best_int(const int32_t *scores, uint32_t nlabels);
/* The label of a feature stored with exactly one weight (a tag-dictionary entry), or -1. */
int ap_single_label(const ap_model *m, uint64_t feat);
/* The weights stored for a feature (*n of them; NULL when none or when they are a dense
 * row): for lexicon entries, which ap_trainer_fix keeps sparse. */
const ap_weight *ap_weights_of(const ap_model *m, uint64_t feat, uint32_t *n);
int ap_best(const float *scores, uint32_t nlabels);
int ap_label_id(const ap_model *m, const char *name);   /* -1 when unknown */

typedef struct ap_trainer {
    uint32_t nlabels;
    char labels[AP_MAX_LABELS][AP_LABEL_LEN];
    uint64_t label_hash[AP_MAX_LABELS];
    u64map index;                 /* feature -> row */
    u64map fixed;                 /* features stored with ap_trainer_fix: never pruned */
    float *w;                     /* rows x nlabels current weights */
    double *total;                /* accumulated weights for averaging */
    uint32_t *stamp;              /* instance count at the last change */
    size_t rows, cap_rows;
    uint32_t clock;               /* instances seen */
} ap_trainer;

void ap_trainer_init(ap_trainer *t);
void ap_trainer_free(ap_trainer *t);
int ap_trainer_label(ap_trainer *t, const char *name);   /* id, adding the label if new */
void ap_trainer_score(const ap_trainer *t, const uint64_t *feats, size_t n, float *scores);
/* Store weight w of feat for label, never updated: tag-dictionary and lexicon entries,
 * whose keys are never scored as features. */
void ap_trainer_fix(ap_trainer *t, uint64_t feat, int label, float w);
/* One instance: move weights towards truth and away from guess (no change when equal). */
void ap_trainer_update(ap_trainer *t, const uint64_t *feats, size_t n, int truth, int guess);
/* Add the averaged weights of from (same labels) to those of into, which then holds their
 * sum as its averaged weights: an ensemble of models trained in different orders. */
void ap_trainer_add(ap_trainer *into, const ap_trainer *from);
/* Average, prune and write the model blob of n trainers (with the same labels, features
 * apart: one table holds them all) to path; returns false with errno set on I/O errors.
 * Weights are stored as 16-bit integers (the largest as 32000); those smaller than prune
 * in that scale are dropped (never those stored with ap_trainer_fix), which shrinks the
 * model and speeds tagging. A feature with weights for at least a third of the labels is
 * a dense row (at most one and a half times its sparse size). */
#define AP_MAX_TRAINERS 4
bool ap_trainer_save(ap_trainer *t, int n, const char *path, int prune, size_t *nfeatures_out);
#endif
