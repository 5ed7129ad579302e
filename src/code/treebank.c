/* treebank.c - a recursive reader; a node's children are collected on the C stack and
 * copied to kids when the node closes, so each child list is contiguous. */
#include "treebank.h"
#include <stdio.h>
#include <string.h>

#define MAX_KIDS 128

void tk_init(tk_tree *t) {
    memset(t, 0, sizeof *t);
    dy_arena_init(&t->arena, 1 << 14);
}

void tk_free(tk_tree *t) { dy_arena_free(&t->arena); }

typedef struct reader { tk_tree *t; const char *base, *p, *end; char *err; size_t errlen; int depth; } reader;

static void skip(reader *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) r->p++;
}

static bool fail(reader *r, const char *msg) {
    snprintf(r->err, r->errlen, "%s at byte %zu", msg, (size_t)(r->p - r->base));
    return false;
}

static const char *token(reader *r) {
    const char *b = r->p;
    while (r->p < r->end && *r->p != ' ' && *r->p != '\t' && *r->p != '\n' && *r->p != '\r' && *r->p != '(' &&
           *r->p != ')')
        r->p++;
    return r->p > b ? dy_arena_strndup(&r->t->arena, b, (size_t)(r->p - b)) : NULL;
}

/* '(' already consumed. */
static bool node(reader *r, uint32_t parent, uint32_t *out) {
    if (++r->depth > 200) return fail(r, "tree too deep");
    tk_tree *t = r->t;
    skip(r);
    const char *label = token(r);
    uint32_t idx = (uint32_t)t->nodes.n;
    tk_node *nd = &DY_PUSH(&t->arena, t->nodes);
    *nd = (tk_node){label ? label : "", NULL, parent, 0, 0, UINT32_MAX, (uint32_t)t->leaves.n, 0};
    uint32_t kids[MAX_KIDS], n = 0;
    skip(r);
    if (r->p < r->end && *r->p != '(' && *r->p != ')') {   /* a pre-terminal: (TAG word) */
        const char *w = token(r);
        t->nodes.v[idx].word = w;
        t->nodes.v[idx].leaf = (uint32_t)t->leaves.n;
        DY_PUSH(&t->arena, t->leaves) = idx;
        skip(r);
    }
    while (r->p < r->end && *r->p == '(') {
        r->p++;
        if (n == MAX_KIDS) return fail(r, "too many children");
        if (!node(r, idx, &kids[n++])) return false;
        skip(r);
    }
    if (r->p >= r->end || *r->p != ')') return fail(r, "unbalanced brackets");
    r->p++;
    tk_node *me = &t->nodes.v[idx];
    me->first = (uint32_t)t->kids.n;
    me->n = n;
    me->hi = (uint32_t)t->leaves.n;
    for (uint32_t i = 0; i < n; i++) DY_PUSH(&t->arena, t->kids) = kids[i];
    *out = idx;
    r->depth--;
    return true;
}

bool tk_parse(tk_tree *t, const char *s, size_t n, char *err, size_t errlen) {
    t->nodes.n = t->kids.n = t->leaves.n = 0;
    reader r = {t, s, s, s + n, err, errlen, 0};
    skip(&r);
    if (r.p >= r.end || *r.p != '(') return fail(&r, "no tree");
    r.p++;
    uint32_t root;
    if (!node(&r, UINT32_MAX, &root)) return false;
    skip(&r);
    if (r.p < r.end) return fail(&r, "text after the tree");
    return true;
}
