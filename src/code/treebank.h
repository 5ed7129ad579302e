/* treebank.h - Penn Treebank trees as CoreNLP writes them: "(ROOT (S (NP (NNP Arnor))
 * (VP (VBZ is) ...)) (. .)))". Nodes live in one array, children as index runs; leaves
 * are the pre-terminals (a tag and its word), numbered in text order. */
#ifndef DY_TREEBANK_H
#define DY_TREEBANK_H
#include "../util/arena.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tk_node {
    const char *label;       /* "NP", "VBD" ... */
    const char *word;        /* pre-terminals: the word; else NULL */
    uint32_t parent;         /* UINT32_MAX for the root */
    uint32_t first, n;       /* children: kids[first .. first + n) */
    uint32_t leaf;           /* pre-terminals: word index */
    uint32_t lo, hi;         /* the words it covers: [lo, hi) */
} tk_node;

typedef struct tk_tree {
    dy_arena arena;
    DY_VEC(tk_node) nodes;
    DY_VEC(uint32_t) kids;
    DY_VEC(uint32_t) leaves;     /* word index -> its pre-terminal node */
} tk_tree;

void tk_init(tk_tree *t);
void tk_free(tk_tree *t);
/* Read one tree; false with a message for unbalanced brackets or junk. */
bool tk_parse(tk_tree *t, const char *s, size_t n, char *err, size_t errlen);
static inline const tk_node *tk_child(const tk_tree *t, const tk_node *n, uint32_t i) {
    return &t->nodes.v[t->kids.v[n->first + i]];
}
#endif
