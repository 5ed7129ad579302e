/* clusters.h - word classes learnt from unlabeled news, as features of the taggers.
 *
 * Each frequent word is described by the words seen just before and after it, and
 * k-means groups the descriptions twice: 256 coarse classes, each split into 8 fine
 * ones. Words used alike ("Monday", "Tuesday"; "said", "added") share a class, which
 * carries what the labelled data taught about one of them to the others.
 * models/clusters.tsv holds "word <TAB> coarse <TAB> fine" (made by `dyad clusters`). */
#ifndef DY_CLUSTERS_H
#define DY_CLUSTERS_H
#include "../util/hashmap.h"
#include <stdio.h>

#define CLUSTER_COARSE 256
#define CLUSTER_FINE 8

/* Learn classes from JSON Lines articles read from in; write the table to out. */
bool clusters_learn(FILE *in, FILE *out, size_t vocab, FILE *progress);
/* Load a table (the built-in one, or any in that format) into map: key -> coarse << 16 | fine + 1. */
void clusters_load(hashmap *map, const char *buf, size_t len);
#endif
