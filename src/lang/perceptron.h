/* perceptron.h - the averaged perceptron shared by the tagger, chunker and recogniser.
 *
 * Features are 64-bit hashes (features.h). A trained model is one blob, used in place
 * whether it is compiled into the binary or mapped from a file:
 *   "DYADAP" 0 1 | u32 version, nlabels, cap, nweights | char labels[nlabels][16]
 *   | ap_entry table[cap] (open addressing on the feature hash; key 0 = empty)
 *   | ap_weight weights[nweights] (each entry's non-zero averaged weights, by label)
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
#define AP_VERSION 1

typedef struct ap_entry { uint64_t key; uint32_t off, n; } ap_entry;
typedef struct ap_weight { float w; uint32_t label; } ap_weight;

typedef struct ap_model {
    uint32_t nlabels, cap, nweights;
    const char (*labels)[AP_LABEL_LEN];
    const ap_entry *table;
    const ap_weight *weights;
} ap_model;

/* View a blob as a model; false (with a reason in err) when it is not one. */
bool ap_open(ap_model *m, const void *blob, size_t size, char *err, size_t errlen);
/* scores[label] = sum of the weights of the features. */
void ap_score(const ap_model *m, const uint64_t *feats, size_t n, float *scores);
int ap_best(const float *scores, uint32_t nlabels);
int ap_label_id(const ap_model *m, const char *name);   /* -1 when unknown */

typedef struct ap_trainer {
    uint32_t nlabels;
    char labels[AP_MAX_LABELS][AP_LABEL_LEN];
    u64map index;                 /* feature -> row */
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
/* One instance: move weights towards truth and away from guess (no change when equal). */
void ap_trainer_update(ap_trainer *t, const uint64_t *feats, size_t n, int truth, int guess);
/* Average, prune and write the model blob to path; returns false with errno set on I/O errors. */
bool ap_trainer_save(ap_trainer *t, const char *path, size_t *nfeatures_out);
#endif
