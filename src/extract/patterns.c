/* patterns.c - each sentence is turned into the matcher's words (upper-case token texts,
 * with the actor mention each token belongs to), then each verb token with a root is
 * coded. */
#include "patterns.h"
#include "events.h"
#include "../code/match.h"
#include "../know/verbdict.h"
#include "../lang/lang.h"
#include <string.h>

#define MAX_TOKS 256

static bool actor_mention(const dy_doc *d, const dy_mention *mn) {
    if (mn->entity == DY_NONE || mn->modifier) return false;
    const dy_entity *e = &d->entities.v[mn->entity];
    return e->actor.country[0] || e->actor.sector[0];
}

/* The sentence's tokens as matcher words; actor[] holds mention indices. */
static uint32_t sentence_words(dy_doc *d, const dy_sentence *s, pm_word *w) {
    uint32_t n = 0;
    for (uint32_t k = s->tok_begin; k < s->tok_end && n < MAX_TOKS; k++, n++) {
        const dy_token *t = &d->toks.v[k];
        char *u = dy_arena_alloc_raw(&d->arena, t->key_len + 1u);
        wp_upper(u, t->key, t->key_len);
        u[t->key_len] = '\0';
        w[n] = (pm_word){u, (uint16_t)(t->key_len > 0xffff ? 0xffff : t->key_len), -1, -1};
    }
    for (size_t mi = 0; mi < d->mentions.n; mi++) {
        const dy_mention *mn = &d->mentions.v[mi];
        if (mn->tok_begin < s->tok_begin || mn->tok_end > s->tok_begin + n || !actor_mention(d, mn)) continue;
        uint32_t b = mn->tok_begin;
        while (b > s->tok_begin && d->toks.v[b - 1].start >= mn->full_start) b--;   /* titles too */
        for (uint32_t k = b; k < mn->tok_end; k++) w[k - s->tok_begin].actor = (int32_t)mi;
    }
    return n;
}

static bool stop_word(const pm_word *w) {
    return (w->n == 1 && (*w->w == ',' || *w->w == ';')) || (w->n == 3 && !memcmp(w->w, "BUT", 3));
}

static bool is_word(const pm_word *w, uint32_t n, int64_t i, const char *s) {
    return i >= 0 && i < n && strlen(s) == w[i].n && !memcmp(w[i].w, s, w[i].n);
}

/* A pattern's event, through the built-in coder's event_add (date, place, repeats). */
static void add_event(dy_doc *d, const dy_model *m, uint32_t si, const char *code, int32_t src, int32_t tgt,
                      dy_span cue) {
    char cameo[8] = "";
    size_t n = strlen(code);
    if (!n || n > 4) return;
    memcpy(cameo, code, n);
    event_add(d, m, si, cameo, cue, (uint32_t)src, (uint32_t)tgt);
}

/* The built-in coder's events at this cue give way to the pattern's. */
static void drop_cue(dy_doc *d, uint32_t si, uint32_t start) {
    size_t k = 0;
    for (size_t i = 0; i < d->events.n; i++)
        if (!(d->events.v[i].sent == si && d->events.v[i].cue.start == start)) d->events.v[k++] = d->events.v[i];
    d->events.n = k;
}

/* Source and target of the verb at words [v, last]: the pattern's, else the defaults. */
static void actors_for(const pm_word *w, uint32_t n, uint32_t v, uint32_t last, const pm_result *r, int32_t *src,
                       int32_t *tgt) {
    *src = r->src.actor >= 0 ? r->src.actor : r->cmp.actor;
    *tgt = r->tgt.actor >= 0 ? r->tgt.actor : r->cmp.actor;
    for (uint32_t i = 0; i < v && *src < 0; i++)
        if (w[i].actor >= 0 && w[i].actor != *tgt) *src = w[i].actor;
    for (uint32_t i = last + 1; i < n && *tgt < 0; i++)
        if (w[i].actor >= 0 && w[i].actor != *src) *tgt = w[i].actor;
    for (uint32_t i = v; i-- > 0 && *tgt < 0;)
        if (w[i].actor >= 0 && w[i].actor != *src) *tgt = w[i].actor;
}

static void code_sentence(dy_doc *d, const dy_model *m, const vd_dict *vd, uint32_t si) {
    const dy_sentence *s = &d->sents.v[si];
    pm_word w[MAX_TOKS];
    uint32_t n = sentence_words(d, s, w), pos[32], npos;
    bool tagged = false;
    for (uint32_t v = 0; v < n; v++) {
        if (d->toks.v[s->tok_begin + v].kind != TK_WORD) continue;
        uint32_t r = pm_best_root(vd, w, v, n, pos, &npos);
        if (r == UINT32_MAX) continue;
        if (!tagged) lang_tag_sentence(d, m, si), tagged = true;
        if (d->pos && d->pos[s->tok_begin + v] && d->pos[s->tok_begin + v][0] != 'V') continue;
        const vd_root *rt = &vd->roots.v[r];
        const vd_verb *verb = &vd->verbs.v[rt->verb];
        if (verb->section != VS_VERB) continue;
        uint32_t last = pos[npos - 1], up[MAX_TOKS], low[MAX_TOKS], nu = 0, nl = 0;
        for (uint32_t i = v; i-- > 0 && !stop_word(&w[i]);) up[nu++] = i;
        for (uint32_t i = last + 1; i < n && !stop_word(&w[i]); i++) low[nl++] = i;
        pm_result best;
        const vd_pattern *bp = pm_best_pattern(vd, verb, w, up, nu, low, nl, &best);
        char code[16];
        size_t cn = strcspn(bp ? bp->code : vd_root_code(vd, rt), "?!");
        memcpy(code, bp ? bp->code : vd_root_code(vd, rt), cn < 15 ? cn : 15);
        code[cn < 15 ? cn : 15] = '\0';
        dy_span cue = {d->toks.v[s->tok_begin + v].start, d->toks.v[s->tok_begin + last].end};
        drop_cue(d, si, cue.start);
        /* null codes only silence the verb; statements (01x) are quotes, not events (SPEC) */
        if (!strcmp(code, "---") || strchr(code, '#') || strchr(code, '+') || !strncmp(code, "01", 2)) continue;
        int32_t src, tgt;
        actors_for(w, n, v, last, &best, &src, &tgt);
        if (src < 0 || tgt < 0) continue;
        bool passive = !best.tokens && (is_word(w, n, (int64_t)v - 1, "WAS") || is_word(w, n, (int64_t)v - 1, "WERE") ||
                                        is_word(w, n, (int64_t)v - 1, "BEEN")) && is_word(w, n, last + 1, "BY");
        if (passive) {
            int32_t t = src;
            src = tgt, tgt = t;
        }
        char *colon = strchr(code, ':');
        if (colon) *colon = '\0';
        add_event(d, m, si, code, src, tgt, cue);
        if (colon) add_event(d, m, si, colon + 1, tgt, src, cue);
    }
}

void pattern_events(dy_doc *d, const dy_model *m) {
    for (uint32_t si = 0; si < d->sents.n; si++)
        if (!(d->toks.v[d->sents.v[si].tok_begin].flags & TF_BOILER)) code_sentence(d, m, m->verb_patterns, si);
}
