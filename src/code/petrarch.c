/* petrarch.c - NEs from the tree, comma clauses, the verb loop and the event rules. */
#include "petrarch.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NE 128
#define NE_WORDS 48

typedef struct pt_ne {
    uint32_t w[NE_WORDS];    /* its words (a shared prefix may stand apart from the rest) */
    uint32_t n;
    char code[64];
    int32_t group;
    bool dead;
} pt_ne;

typedef struct pt_group { uint32_t lo, hi, first, n; } pt_group;   /* members: nes [first, first+n) */

struct pt_state {
    tk_tree tree;
    char *words[PT_MAX_WORDS];
    const char *tags[PT_MAX_WORDS];
    uint32_t n;
    bool deleted[PT_MAX_WORDS];
    pt_ne nes[MAX_NE];
    uint32_t nne;
    pt_group groups[MAX_NE];
    uint32_t ngroups;
    pm_word pm[PT_MAX_WORDS];
    bool coded_vp[PT_MAX_WORDS];   /* words inside a verb phrase that was coded */
};

void pt_defaults(pt_options *o) { *o = (pt_options){2, 8, 0, 0, 2, 8, true, 0}; }

pt_state *pt_new(void) {
    pt_state *s = calloc(1, sizeof *s);
    tk_init(&s->tree);
    return s;
}

void pt_delete(pt_state *s) {
    if (!s) return;
    tk_free(&s->tree);
    free(s);
}

void pt_option(pt_options *o, const char *name, const char *value) {
    int v = atoi(value);
    bool yes = !(value[0] == 'f' || value[0] == 'F');
    if (!strcmp(name, "require_dyad")) o->require_dyad = yes;
    else if (!strcmp(name, "new_actor_length")) o->new_actor_length = v;
    else if (!strcmp(name, "comma_min")) o->comma_min = v;
    else if (!strcmp(name, "comma_max")) o->comma_max = v;
    else if (!strcmp(name, "comma_bmin")) o->comma_bmin = v;
    else if (!strcmp(name, "comma_bmax")) o->comma_bmax = v;
    else if (!strcmp(name, "comma_emin")) o->comma_emin = v;
    else if (!strcmp(name, "comma_emax")) o->comma_emax = v;
}

typedef struct discard_ctx { pt_discard *v; size_t n, cap; } discard_ctx;

static bool discard_line(void *ctx, const char *s, size_t n, bool indented, uint32_t line) {
    (void)indented, (void)line;
    discard_ctx *c = ctx;
    if (c->n == c->cap) c->v = realloc(c->v, (c->cap = c->cap ? c->cap * 2 : 64) * sizeof *c->v);
    pt_discard *d = &c->v[c->n++];
    memset(d, 0, sizeof *d);
    d->story = s[0] == '+';
    if (d->story) s++, n--;
    d->whole = n > 1 && s[n - 1] == '_';
    if (d->whole) n--;
    if (n >= sizeof d->text) n = sizeof d->text - 1;
    wp_upper(d->text, s, n);
    d->text[n] = '\0';
    return true;
}

bool pt_load_discards(pt_discard **out, size_t *n, const char *path, char *err, size_t errlen) {
    discard_ctx c = {0};
    bool ok = wp_each_line(path, true, discard_line, &c, err, errlen);
    *out = c.v;
    *n = c.n;
    return ok;
}

/* ---- noun phrases ------------------------------------------------------------- */

static bool is_label(const tk_node *nd, const char *l) { return !strcmp(nd->label, l); }
static bool starts(const tk_node *nd, const char *l) { return !strncmp(nd->label, l, strlen(l)); }

/* Does a node below nd (not nd itself) have label l (prefix when pre)? */
static bool has_below(const tk_tree *t, const tk_node *nd, const char *l, bool pre) {
    for (uint32_t i = 0; i < nd->n; i++) {
        const tk_node *c = tk_child(t, nd, i);
        if (pre ? starts(c, l) : is_label(c, l)) return true;
        if (has_below(t, c, l, pre)) return true;
    }
    return false;
}

static uint32_t count_below(const tk_tree *t, const tk_node *nd, const char *l, bool pre) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < nd->n; i++) {
        const tk_node *c = tk_child(t, nd, i);
        k += pre ? starts(c, l) : is_label(c, l);
        k += count_below(t, c, l, pre);
    }
    return k;
}

/* A compound noun phrase: one CC, three or more noun tags, no clause inside. */
static bool compound(const tk_tree *t, const tk_node *nd) {
    if (!is_label(nd, "NP")) return false;
    bool cc = false;
    for (uint32_t i = 0; i < nd->n; i++) cc = cc || is_label(tk_child(t, nd, i), "CC");
    if (!cc || count_below(t, nd, "CC", false) > 1) return false;
    if (has_below(t, nd, "VP", false) || has_below(t, nd, "S", true)) return false;
    return 1 + count_below(t, nd, "N", true) >= 3;
}

static uint32_t new_ne(pt_state *s, const uint32_t *prefix, uint32_t np, const tk_node *nd, int32_t group) {
    if (s->nne == MAX_NE) return UINT32_MAX;
    pt_ne *ne = &s->nes[s->nne];
    memset(ne, 0, sizeof *ne);
    ne->group = group;
    for (uint32_t i = 0; i < np && ne->n < NE_WORDS; i++) ne->w[ne->n++] = prefix[i];
    if (nd)
        for (uint32_t w = nd->lo; w < nd->hi && ne->n < NE_WORDS; w++)
            if (strcmp(s->tags[w], "POS")) ne->w[ne->n++] = w;
    return s->nne++;
}

static void make_compound(pt_state *s, const tk_node *nd, const uint32_t *prefix, uint32_t np) {
    const tk_tree *t = &s->tree;
    if (s->ngroups == MAX_NE) return;
    int32_t g = (int32_t)s->ngroups++;
    pt_group *gr = &s->groups[g];
    gr->lo = np ? prefix[0] : nd->lo;
    gr->hi = nd->hi;
    gr->first = s->nne;
    uint32_t adj[8], nadj = 0, pre[NE_WORDS];
    for (uint32_t i = 0; i < nd->n; i++) {
        const tk_node *c = tk_child(t, nd, i);
        if (starts(c, "JJ") && c->word && nadj < 8) adj[nadj++] = c->leaf;
        if (starts(c, "N")) break;
    }
    for (uint32_t i = 0; i < nd->n; i++) {
        const tk_node *c = tk_child(t, nd, i);
        if (is_label(c, "NP")) {
            new_ne(s, prefix, np, c, g);
        } else if (starts(c, "NN")) {
            uint32_t k = 0;
            for (uint32_t j = 0; j < np && k < NE_WORDS; j++) pre[k++] = prefix[j];
            for (uint32_t j = 0; j < nadj && k < NE_WORDS; j++) pre[k++] = adj[j];
            new_ne(s, pre, k, c, g);
        }
    }
    gr->n = s->nne - gr->first;
}

static void find_nes(pt_state *s, const tk_node *nd) {
    const tk_tree *t = &s->tree;
    if (nd->word) return;
    if (is_label(nd, "NP")) {
        if (compound(t, nd)) {
            make_compound(s, nd, NULL, 0);
            return;
        }
        if (!has_below(t, nd, "NP", false)) {
            new_ne(s, NULL, 0, nd, -1);
            return;
        }
        bool clause = false, pp = false;
        for (uint32_t i = 0; i < nd->n; i++) {
            const tk_node *c = tk_child(t, nd, i);
            clause = clause || is_label(c, "VP") || starts(c, "S");
            pp = pp || is_label(c, "PP");
        }
        if (has_below(t, nd, "POS", false) && !clause && !pp) {   /* "Gondor 's government" */
            new_ne(s, NULL, 0, nd, -1);
            return;
        }
        if (nd->n == 2 && is_label(tk_child(t, nd, 0), "NP") && is_label(tk_child(t, nd, 1), "PP")) {
            const tk_node *a = tk_child(t, nd, 0), *pp1 = tk_child(t, nd, 1);
            const tk_node *b = pp1->n == 2 ? tk_child(t, pp1, 1) : NULL;
            const tk_node *prep = tk_child(t, pp1, 0);
            bool simple = b && is_label(b, "NP") && !has_below(t, b, "PP", false) && !has_below(t, a, "NP", false);
            if (simple && prep->word) {
                uint32_t pre[NE_WORDS], k = 0;
                for (uint32_t w = a->lo; w < a->hi && k + 1 < NE_WORDS; w++)
                    if (strcmp(s->tags[w], "POS")) pre[k++] = w;
                pre[k++] = prep->leaf;
                if (compound(t, b)) make_compound(s, b, pre, k);
                else new_ne(s, pre, k, b, -1);
                return;
            }
        }
    }
    for (uint32_t i = 0; i < nd->n; i++) find_nes(s, tk_child(t, nd, i));
}

/* ---- NE codes ------------------------------------------------------------------ */

/* PETRARCH's agent join: skip codes already present (on 3-character steps); the first
 * such duplicate ends the agents. */
static bool add_agent(char *code, size_t cap, const char *agent) {
    bool suffix = agent[0] == '~';
    const char *ac = suffix ? agent + 1 : agent;
    size_t acn = strlen(ac) - !suffix, cn = strlen(code);
    for (size_t k = 0; k + acn <= cn; k += 3)
        if (!memcmp(code + k, ac, acn)) return false;
    char out[96];
    if (suffix) snprintf(out, sizeof out, "%s%.*s", code, (int)acn, ac);
    else snprintf(out, sizeof out, "%.*s%s", (int)acn, ac, code);
    snprintf(code, cap, "%.63s", out);
    return true;
}

static void code_ne(pt_state *s, const ad_dict *ad, pt_ne *ne, dy_date when, const pt_options *o) {
    pm_word w[NE_WORDS];
    for (uint32_t i = 0; i < ne->n; i++)
        w[i] = (pm_word){s->words[ne->w[i]], (uint16_t)strlen(s->words[ne->w[i]]), -1, -1};
    uint32_t pos[32], npos;
    char actor[64] = "";
    for (uint32_t i = 0; i < ne->n && !actor[0]; i++) {
        uint32_t e = pm_best_entry(ad, w, i, ne->n, AT_ACTOR, pos, &npos);
        if (e != UINT32_MAX) snprintf(actor, sizeof actor, "%s", ad_code_on(ad, ad->entries.v[e].group, when));
    }
    char agents[8][32];
    uint32_t nag = 0;
    for (uint32_t i = 0; i < ne->n && nag < 8; i++) {
        uint32_t e = pm_best_entry(ad, w, i, ne->n, AT_AGENT, pos, &npos);
        if (e != UINT32_MAX) snprintf(agents[nag++], 32, "%s", ad_code_on(ad, ad->entries.v[e].group, when));
    }
    snprintf(ne->code, sizeof ne->code, "%s", actor[0] || nag ? (actor[0] ? actor : "---") : "---");
    for (uint32_t i = 0; i < nag; i++)
        if (!add_agent(ne->code, sizeof ne->code, agents[i])) break;
    if (!strcmp(ne->code, "---") && o->new_actor_length > 0 && ne->n <= (uint32_t)o->new_actor_length) {
        char phrase[64] = "\"";
        for (uint32_t i = 0; i < ne->n; i++) {
            size_t l = strlen(phrase);
            snprintf(phrase + l, sizeof phrase - l, "%s%s", i ? " " : "", s->words[ne->w[i]]);
        }
        size_t l = strlen(phrase);
        snprintf(phrase + l, sizeof phrase - l, "\"");
        snprintf(ne->code, sizeof ne->code, "%s", phrase);
    }
}

/* ---- comma clauses ------------------------------------------------------------- */

static bool in_ne(const pt_state *s, uint32_t w) { return s->pm[w].actor >= 0 || s->pm[w].group >= 0; }

static uint32_t count_alpha(const pt_state *s, uint32_t from, uint32_t to) {
    uint32_t k = 0;
    for (uint32_t i = from; i < to; i++) k += !s->deleted[i] && s->words[i][0] >= 'A' && s->words[i][0] <= 'Z';
    return k;
}

static void delete_commas(pt_state *s, const pt_options *o) {
    uint32_t c[PT_MAX_WORDS], m = 0, end = s->n;
    while (end > 0 && !strcmp(s->tags[end - 1], ".")) end--;
    for (uint32_t i = 0; i < end; i++)
        if (!strcmp(s->words[i], ",") && !in_ne(s, i)) c[m++] = i;
    if (!m) return;
    uint32_t k;
    if (o->comma_bmax) {
        k = count_alpha(s, 0, c[0]);
        if (k >= (uint32_t)o->comma_bmin && k <= (uint32_t)o->comma_bmax)
            for (uint32_t i = 0; i < c[0]; i++) s->deleted[i] = true;
    }
    if (o->comma_emax) {
        k = count_alpha(s, c[m - 1] + 1, end);
        if (k >= (uint32_t)o->comma_emin && k <= (uint32_t)o->comma_emax)
            for (uint32_t i = c[m - 1] + 1; i < end; i++) s->deleted[i] = true;
    }
    if (o->comma_max)
        for (uint32_t j = 0; j + 1 < m; j++) {
            k = count_alpha(s, c[j] + 1, c[j + 1]);
            if (k >= (uint32_t)o->comma_min && k <= (uint32_t)o->comma_max)
                for (uint32_t i = c[j]; i < c[j + 1]; i++) s->deleted[i] = true;
        }
    for (uint32_t i = 0; i < s->nne; i++) {
        bool all = true;
        for (uint32_t k2 = 0; k2 < s->nes[i].n; k2++) all = all && s->deleted[s->nes[i].w[k2]];
        s->nes[i].dead = all;
    }
}

/* ---- verbs ------------------------------------------------------------------------ */

static bool word_in(const char *w, const char *const *list) {
    for (; *list; list++)
        if (!strcmp(w, *list)) return true;
    return false;
}

/* The verb a VP codes: its head, or the VBN of a passive inside it ("was opposed by"). */
static uint32_t verb_of(const pt_state *s, const tk_node *vp, bool *passive) {
    const tk_tree *t = &s->tree;
    uint32_t head = tk_child(t, vp, 0)->leaf;
    *passive = false;
    static const char *const aux[] = {"WAS", "IS", "BEEN", "WERE", NULL};
    for (uint32_t w = head + 1; w < vp->hi; w++) {
        if (strcmp(s->tags[w], "VBN")) continue;
        bool by = false, be = false;
        for (uint32_t k = w + 1; k < vp->hi && !by; k++) by = !strcmp(s->words[k], "BY");
        for (uint32_t k = head; k < w && !be; k++) be = !strncmp(s->tags[k], "VB", 2) && word_in(s->words[k], aux);
        if (by && be) {
            *passive = true;
            return w;
        }
        break;
    }
    return head;
}

/* The longest verb form around word v: "+CORDON_OFF" (v first), "WIRE_+TAP" (v second). */
static uint32_t root_at(const pt_state *s, const vd_dict *vd, uint32_t v) {
    uint32_t best = UINT32_MAX, blen = 0, pos[32], npos;
    for (uint32_t back = 0; back <= 2 && back <= v; back++) {
        uint32_t at = v - back;
        for (uint32_t r = vd_root_at(vd, s->pm[at].w, s->pm[at].n); r != UINT32_MAX; r = vd->roots.v[r].next) {
            const vd_root *rt = &vd->roots.v[r];
            if (rt->head != back || (best != UINT32_MAX && rt->len <= blen)) continue;
            npos = pm_phrase_at(rt->words, &vd->wp, s->pm, at, s->n, pos, 32);
            bool consecutive = npos == rt->words.n;
            for (uint32_t i = 1; i < npos && consecutive; i++) consecutive = pos[i] == pos[i - 1] + 1;
            if (consecutive) best = r, blen = rt->len;
        }
    }
    return best;
}

static bool coded(const pt_ne *ne) { return strncmp(ne->code, "---", 3) != 0; }

typedef struct side { int32_t ne, group; } side;   /* ne -1: none */

/* First NE (by its first word) among the sequence's words, or -1; pass filters. */
static side pick(const pt_state *s, const uint32_t *seq, uint32_t n, bool far_first, int mode, side src) {
    for (uint32_t k = 0; k < n; k++) {
        uint32_t w = seq[far_first ? n - 1 - k : k];
        int32_t a = s->pm[w].actor;
        if (a < 0 || s->nes[a].dead) continue;
        const pt_ne *ne = &s->nes[a];
        side c = {a, ne->group};
        bool comp = ne->group >= 0;
        switch (mode) {
        case 0:   /* source: a compound or a coded NE */
            if (comp || coded(ne)) return c;
            break;
        case 1:   /* source: any NE */
            return c;
        case 2:   /* target: coded, not starting with the source's code */
            /* PETRARCH compares the codes as strings: ARNGOV is not a target for ARN */
            if (comp || (coded(ne) && (src.group >= 0 || strncmp(ne->code, s->nes[src.ne].code,
                                                                 strlen(s->nes[src.ne].code)))))
                return c;
            break;
        case 3:   /* target: uncoded */
            if (!coded(ne) && !comp && a != src.ne) return c;
            break;
        }
    }
    return (side){-1, -1};
}

static uint32_t codes_of(const pt_state *s, side x, char out[][64], uint32_t cap) {
    uint32_t n = 0;
    uint32_t first = (uint32_t)x.ne, cnt = 1;
    if (x.group >= 0) first = s->groups[x.group].first, cnt = s->groups[x.group].n;
    for (uint32_t i = 0; i < cnt; i++) {
        if (s->nes[first + i].dead) continue;
        for (const char *c = s->nes[first + i].code; *c && n < cap;) {
            size_t k = strcspn(c, "/");
            snprintf(out[n++], 64, "%.*s", (int)(k < 63 ? k : 63), c);
            c += k + (c[k] == '/');
        }
    }
    return n;
}

static void add_event(pt_result *out, const char *a, const char *b, const char *code, bool swap) {
    if (!strcmp(a, b) || out->nevents == 64) return;
    if (swap) {
        const char *t = a;
        a = b, b = t;
    }
    for (uint32_t i = 0; i < out->nevents; i++)
        if (!strcmp(out->events[i].src, a) && !strcmp(out->events[i].tgt, b) && !strcmp(out->events[i].code, code))
            return;
    pm_event *e = &out->events[out->nevents++];
    snprintf(e->src, sizeof e->src, "%.47s", a);
    snprintf(e->tgt, sizeof e->tgt, "%.47s", b);
    snprintf(e->code, sizeof e->code, "%s", code);
}

static void make_events(const pt_state *s, side src, side tgt, const char *code, bool swap, const pt_options *o,
                        pt_result *out) {
    char sc[16][64], tc[16][64];
    uint32_t ns = codes_of(s, src, sc, 16), nt = codes_of(s, tgt, tc, 16);
    if (!ns || !nt) return;
    char a[16], b[16];
    size_t colon = strcspn(code, ":");
    snprintf(a, sizeof a, "%.*s", (int)colon, code);
    snprintf(b, sizeof b, "%s", code[colon] ? code + colon + 1 : "");
    if (b[0] && (!strcmp(sc[0], "---") || !strcmp(tc[0], "---"))) {
        if (!strcmp(tc[0], "---")) memcpy(tc, sc, sizeof sc), nt = ns;
        else memcpy(sc, tc, sizeof tc), ns = nt;
    }
    for (int pass = 0; pass < (b[0] ? 2 : 1); pass++)
        for (uint32_t i = 0; i < ns; i++)
            for (uint32_t k = 0; k < nt; k++) {
                const char *x = pass ? tc[k] : sc[i], *y = pass ? sc[i] : tc[k];
                if (o->require_dyad && (!strcmp(x, "---") || !strcmp(y, "---"))) continue;
                add_event(out, x, y, pass ? b : a, swap);
            }
}

static void code_vp(pt_state *s, const pt_dicts *dc, const pt_options *o, const tk_node *vp, pt_result *out) {
    bool passive;
    uint32_t v = verb_of(s, vp, &passive);
    uint32_t r = root_at(s, dc->verbs, v);
    if (r == UINT32_MAX) return;
    const vd_dict *vd = dc->verbs;
    const vd_root *rt = &vd->roots.v[r];
    const vd_verb *verb = &vd->verbs.v[rt->verb];
    uint32_t up[PT_MAX_WORDS], low[PT_MAX_WORDS], nu = 0, nl = 0;
    for (int64_t i = (int64_t)v - 1; i >= 0; i--) {
        if (s->deleted[i]) continue;
        if (!strcmp(s->words[i], ",") && !in_ne(s, (uint32_t)i)) break;
        up[nu++] = (uint32_t)i;
    }
    for (uint32_t i = v + 1; i < vp->hi; i++)
        if (!s->deleted[i]) low[nl++] = i;
    pm_result best;
    const vd_pattern *bp = pm_best_pattern(vd, verb, s->pm, up, nu, low, nl, &best);
    const char *code = bp ? bp->code : vd_root_code(vd, rt);
    if (!strcmp(code, "---")) return;
    for (uint32_t i = vp->lo; i < vp->hi; i++) s->coded_vp[i] = true;
    side src = {-1, -1}, tgt = {-1, -1};
    if (bp && best.src.actor >= 0) src = (side){best.src.actor, best.src.group};
    if (bp && best.tgt.actor >= 0) tgt = (side){best.tgt.actor, best.tgt.group};
    if (src.ne < 0) src = pick(s, up, nu, true, 0, src);
    if (src.ne < 0) src = pick(s, up, nu, true, 1, src);
    if (src.ne < 0) return;
    if (tgt.ne < 0) tgt = pick(s, low, nl, false, 2, src);
    if (tgt.ne < 0) tgt = pick(s, low, nl, false, 3, src);
    if (tgt.ne < 0) tgt = pick(s, up, nu, false, 2, src);
    if (tgt.ne < 0) tgt = pick(s, up, nu, false, 3, src);
    if (tgt.ne < 0) return;
    make_events(s, src, tgt, code, passive && !(bp && best.tokens), o, out);
}

static bool dateline(const pt_state *s) {
    for (uint32_t i = 0; i < s->n && i < 5; i++) {
        if (!strcmp(s->tags[i], ":") || !strcmp(s->words[i], "--")) return i > 0;
        if (strncmp(s->tags[i], "NNP", 3)) return false;
    }
    return false;
}

static uint8_t discarded(const pt_dicts *dc, const char *text) {
    char up[4096];
    size_t n = strlen(text);
    if (n >= sizeof up) n = sizeof up - 1;
    wp_upper(up, text, n);
    up[n] = '\0';
    for (int story = 1; story >= 0; story--)
        for (size_t i = 0; i < dc->ndiscards; i++) {
            const pt_discard *d = &dc->discards[i];
            if (d->story != (bool)story) continue;
            const char *at = strstr(up, d->text);
            if (at && (!d->whole || strchr(" .!?", at[strlen(d->text)])))
                return story ? PT_STORY_DISCARD : PT_SENTENCE_DISCARD;
        }
    return PT_CODED;
}

void pt_code(pt_state *s, const pt_dicts *dc, const pt_options *o, const char *text, const char *parse,
             size_t parse_len, dy_date when, pt_result *out) {
    memset(out, 0, sizeof *out);
    char err[128];
    if ((out->status = discarded(dc, text))) return;
    if (!tk_parse(&s->tree, parse, parse_len, err, sizeof err)) {
        out->status = PT_BAD_PARSE;
        return;
    }
    const tk_tree *t = &s->tree;
    s->n = t->leaves.n < PT_MAX_WORDS ? (uint32_t)t->leaves.n : PT_MAX_WORDS;
    s->nne = s->ngroups = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        const tk_node *lf = &t->nodes.v[t->leaves.v[i]];
        size_t n = strlen(lf->word);
        s->words[i] = dy_arena_alloc_raw(&s->tree.arena, n + 1);
        wp_upper(s->words[i], lf->word, n);
        s->words[i][n] = '\0';
        s->tags[i] = lf->label;
        s->deleted[i] = s->coded_vp[i] = false;
        s->pm[i] = (pm_word){s->words[i], (uint16_t)n, -1, -1};
    }
    if (dateline(s)) {
        out->status = PT_DATELINE;
        return;
    }
    find_nes(s, &t->nodes.v[0]);
    for (uint32_t i = 0; i < s->nne; i++)
        for (uint32_t k = 0; k < s->nes[i].n; k++)
            if (s->pm[s->nes[i].w[k]].actor < 0) s->pm[s->nes[i].w[k]].actor = (int32_t)i;
    for (uint32_t g = 0; g < s->ngroups; g++)
        for (uint32_t w = s->groups[g].lo; w < s->groups[g].hi && w < s->n; w++) s->pm[w].group = (int32_t)g;
    delete_commas(s, o);
    for (uint32_t i = 0; i < s->nne; i++) code_ne(s, dc->actors, &s->nes[i], when, o);
    for (uint32_t i = 0; i < s->n; i++)
        if (s->deleted[i]) s->pm[i].actor = s->pm[i].group = -1;
    for (uint32_t i = 0; i < t->nodes.n; i++) {
        const tk_node *nd = &t->nodes.v[i];
        if (!is_label(nd, "VP") || !nd->n) continue;
        const tk_node *first = tk_child(t, nd, 0);
        if (!starts(first, "VB") || !first->word) continue;
        uint32_t head = first->leaf;
        if (head >= s->n || s->coded_vp[head] || s->deleted[head]) continue;
        code_vp(s, dc, o, nd, out);
    }
}
