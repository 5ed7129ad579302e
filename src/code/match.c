/* match.c - a backtracking matcher. A pattern is a stack of frames (the pattern itself,
 * and the alternative or synset member being tried inside it); m_step matches the next
 * element of the top frame at every admissible position and recurses on the rest. */
#include "match.h"
#include <string.h>

#define MAX_DEPTH 8

typedef struct frame {
    const wp_elem *e;
    int32_t n, k;            /* elements, next one (in matching order) */
    const wp_elem *group;    /* the ALT/SYN element this frame stands for (NULL: top) */
} frame;

typedef struct matcher {
    const wp_store *wp;
    const pm_word *words;
    const uint32_t *seq;
    uint32_t nseq;
    bool reverse;            /* upper sequence: elements are taken last to first */
    pm_result r;             /* assignments on the path being tried */
} matcher;

static bool m_step(matcher *m, frame *st, int depth, uint32_t pos, bool adj, pm_result acc);

/* The element to match next in frame f (k counts in matching order). */
static const wp_elem *next_elem(const matcher *m, const frame *f) {
    return f->e + (m->reverse ? f->n - 1 - f->k : f->k);
}

static bool m_tok(matcher *m, frame *st, int depth, uint32_t pos, bool adj, pm_result acc, const wp_elem *e,
                  bool link) {
    for (uint32_t p = pos; p < m->nseq; p++) {
        const pm_word *w = &m->words[m->seq[p]];
        if (w->actor >= 0 && (e->kind != WP_CMP || w->group >= 0)) {
            pm_ref ref = {w->actor, w->group};
            uint32_t q = p;   /* consume the actor, or the whole compound */
            while (q < m->nseq) {
                const pm_word *x = &m->words[m->seq[q]];
                if (x->actor != w->actor && !(w->group >= 0 && x->group == w->group)) break;
                q++;
            }
            if (e->kind == WP_SRC) acc.src = ref, acc.tokens = true;
            else if (e->kind == WP_TGT) acc.tgt = ref, acc.tokens = true;
            else if (e->kind == WP_CMP) acc.cmp = ref, acc.tokens = true;
            return m_step(m, st, depth, q, link, acc);
        }
        if (adj) return false;
    }
    return false;
}

static bool m_step(matcher *m, frame *st, int depth, uint32_t pos, bool adj, pm_result acc) {
    frame *f = &st[depth];
    if (f->k == f->n) {   /* frame done: back to the enclosing one */
        if (depth == 0) {
            m->r = acc;
            return true;
        }
        frame saved = st[depth - 1];
        st[depth - 1].k++;
        bool ok = m_step(m, st, depth - 1, pos, f->group->linked, acc);   /* reverse: m_step recomputes */
        st[depth - 1] = saved;
        return ok;
    }
    const wp_elem *e = next_elem(m, f);
    /* Must e follow the word matched before at once? Forward, the previous element says so
     * (passed in as adj); backwards e's own '_' does, but the first element tried inside a
     * group inherits the group's. link is what the next element forward needs. */
    if (m->reverse && !(depth > 0 && f->k == 0)) adj = e->linked;
    bool link = e->linked;
    frame saved = *f;
    bool ok = false;
    switch (e->kind) {
    case WP_WORD:
        for (uint32_t p = pos; p < m->nseq && !ok; p++) {
            const pm_word *w = &m->words[m->seq[p]];
            if (wp_word_matches(e, w->w, w->n)) {
                f->k++;
                ok = m_step(m, st, depth, p + 1, link, acc);
                *f = saved;
            }
            if (adj) break;
        }
        return ok;
    case WP_ALT:
    case WP_SYN: {
        if (depth + 1 >= MAX_DEPTH) return false;
        const wp_seq *alts = e->kind == WP_ALT ? &m->wp->alts.v[e->ref] : &m->wp->alts.v[m->wp->syns.v[e->ref].first];
        uint32_t nalt = e->kind == WP_ALT ? e->n : m->wp->syns.v[e->ref].n;
        for (uint32_t i = 0; i < nalt && !ok; i++) {
            st[depth + 1] = (frame){&m->wp->elems.v[alts[i].first], (int32_t)alts[i].n, 0, e};
            pm_result a = acc;
            if (e->kind == WP_ALT) a.len += wp_length(m->wp, alts[i]);
            ok = m_step(m, st, depth + 1, pos, adj, a);
            *f = saved;
        }
        return ok;
    }
    case WP_SRC: case WP_TGT: case WP_CMP: case WP_SKIP: case WP_ATTR:
        f->k++;
        ok = m_tok(m, st, depth, pos, adj, acc, e, link);
        *f = saved;
        return ok;
    default:
        return false;
    }
}

static bool match_part(matcher *m, const wp_elem *e, int32_t n, bool adj, pm_result *acc) {
    frame st[MAX_DEPTH];
    st[0] = (frame){e, n, 0, NULL};
    if (!n) return true;
    if (!m_step(m, st, 0, 0, adj, *acc)) return false;
    *acc = m->r;
    return true;
}

bool pm_match(const wp_store *wp, wp_seq seq, const pm_word *words, const uint32_t *upper, uint32_t nu,
              const uint32_t *lower, uint32_t nl, pm_result *out) {
    const wp_elem *e = &wp->elems.v[seq.first];
    int32_t star = -1;
    for (uint32_t i = 0; i < seq.n; i++)
        if (e[i].kind == WP_VERB) star = (int32_t)i;
    if (star < 0) return false;
    /* the matched length: the pattern's length with each group counted at the alternative taken */
    uint32_t fixed = wp_length(wp, seq);
    for (uint32_t i = 0; i < seq.n; i++)
        if (e[i].kind == WP_ALT) {
            uint32_t most = 0;
            for (uint32_t k = 0; k < e[i].n; k++) {
                uint32_t l = wp_length(wp, wp->alts.v[e[i].ref + k]);
                if (l > most) most = l;
            }
            fixed -= most;
        }
    pm_result acc = {{-1, -1}, {-1, -1}, {-1, -1}, fixed, false};
    matcher up = {wp, words, upper, nu, true, acc};
    if (!match_part(&up, e, star, false, &acc)) return false;
    matcher low = {wp, words, lower, nl, false, acc};
    if (!match_part(&low, e + star + 1, (int32_t)seq.n - star - 1, e[star].linked, &acc)) return false;
    *out = acc;
    return true;
}

static uint32_t phrase_from(const wp_store *wp, const wp_elem *e, uint32_t k, uint32_t n, const pm_word *words,
                            uint32_t at, uint32_t limit, uint32_t *pos, uint32_t cap) {
    if (k == n) return n;
    bool adj = e[k - 1].linked;
    for (uint32_t p = at; p < limit; p++) {
        if (wp_word_matches(&e[k], words[p].w, words[p].n)) {
            if (k < cap) pos[k] = p;
            if (phrase_from(wp, e, k + 1, n, words, p + 1, limit, pos, cap)) return n;
        }
        if (adj) break;
    }
    return 0;
}

uint32_t pm_phrase_at(const wp_seq seq, const wp_store *wp, const pm_word *words, uint32_t at, uint32_t limit,
                      uint32_t *pos, uint32_t cap) {
    const wp_elem *e = &wp->elems.v[seq.first];
    for (uint32_t i = 0; i < seq.n; i++)
        if (e[i].kind != WP_WORD) return 0;
    if (at >= limit || !wp_word_matches(&e[0], words[at].w, words[at].n)) return 0;
    if (cap) pos[0] = at;
    return phrase_from(wp, e, 1, seq.n, words, at + 1, limit, pos, cap) ? (seq.n < cap ? seq.n : cap) : 0;
}

#define MAX_POS 32

uint32_t pm_best_entry(const ad_dict *d, const pm_word *words, uint32_t at, uint32_t limit, int type,
                       uint32_t *pos, uint32_t *npos) {
    const pm_word *w = &words[at];
    uint32_t best = UINT32_MAX, blen = 0, tmp[MAX_POS];
    *npos = 0;
    for (uint32_t l = w->n < d->max_first ? w->n : d->max_first; l > 0; l--)
        for (uint32_t e = ad_first(d, w->w, l); e != UINT32_MAX; e = d->entries.v[e].next) {
            const ad_entry *en = &d->entries.v[e];
            if (best != UINT32_MAX && en->len <= blen) break;
            if (type >= 0 && en->type != type) continue;
            uint32_t k = pm_phrase_at(en->words, &d->wp, words, at, limit, tmp, MAX_POS);
            if (k) {
                best = e, blen = en->len, *npos = k;
                memcpy(pos, tmp, k * sizeof *tmp);
            }
        }
    return best;
}

uint32_t pm_best_root(const vd_dict *d, const pm_word *words, uint32_t at, uint32_t limit, uint32_t *pos,
                      uint32_t *npos) {
    const pm_word *w = &words[at];
    uint32_t best = UINT32_MAX, blen = 0, tmp[MAX_POS];
    char key[80];
    *npos = 0;
    for (uint32_t l = w->n < d->max_first ? w->n : d->max_first; l > 0; l--)
        for (uint32_t e = 0; e < 2; e++) {
            if (e && (l + 1 >= sizeof key || l + 1 > d->max_first)) continue;
            memcpy(key, w->w, l);
            key[l] = 'E';
            for (uint32_t r = vd_root_at(d, key, l + e); r != UINT32_MAX; r = d->roots.v[r].next) {
                const vd_root *rt = &d->roots.v[r];
                if (best != UINT32_MAX && rt->len <= blen) break;
                uint32_t k = pm_phrase_at(rt->words, &d->wp, words, at, limit, tmp, MAX_POS);
                if (k) {
                    best = r, blen = rt->len, *npos = k;
                    memcpy(pos, tmp, k * sizeof *tmp);
                }
            }
        }
    return best;
}

const vd_pattern *pm_best_pattern(const vd_dict *d, const vd_verb *verb, const pm_word *words, const uint32_t *upper,
                                  uint32_t nu, const uint32_t *lower, uint32_t nl, pm_result *best) {
    const vd_pattern *bp = NULL;
    pm_result res;
    for (uint32_t i = 0; i < verb->npat; i++) {
        const vd_pattern *pat = &d->pats.v[verb->first_pat + i];
        if (bp && pat->len <= best->len) break;
        if (pm_match(&d->wp, pat->seq, words, upper, nu, lower, nl, &res) && (!bp || res.len > best->len)) {
            *best = res;
            bp = pat;
        }
    }
    if (!bp) *best = (pm_result){{-1, -1}, {-1, -1}, {-1, -1}, 0, false};
    return bp;
}
