/* tabari.c - the coding loop over tabwords' clauses, and the .options commands. */
#include "tabari.h"
#include "../extract/dates.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tb_defaults(tb_options *o) {
    memset(o, 0, sizeof *o);
    o->words = (tw_opts){2, 10, 2, 10, 128, 0, false, false};
    o->min_words = 8;
}

/* The integer after "KEY =" in line, as a whole word. */
static bool keyed_int(const char *line, const char *key, int *out) {
    size_t kn = strlen(key);
    for (const char *p = line; (p = strstr(p, key)) != NULL; p += kn) {
        if (p > line && p[-1] >= 'A' && p[-1] <= 'Z') continue;
        const char *q = p + kn;
        while (*q == ' ' || *q == '=') q++;
        if (*q >= '0' && *q <= '9') {
            *out = atoi(q);
            return true;
        }
    }
    return false;
}

static bool truth(const char *line) {
    const char *eq = strchr(line, '=');
    return eq && (strstr(eq, "TRUE") || strstr(eq, "T\0") || eq[strspn(eq, "= ")] == 'T');
}

static void bracket_after(const char *line, const char *key, char *out, size_t cap) {
    const char *p = strstr(line, key);
    out[0] = '\0';
    if (!p || !(p = strchr(p, '['))) return;
    size_t n = strcspn(p + 1, "]");
    snprintf(out, cap, "%.*s", (int)n, p + 1);
    size_t k = 0;
    for (size_t i = 0; out[i]; i++)
        if (out[i] != ' ') out[k++] = out[i];
    out[k] = '\0';
}

void tb_option(tb_options *o, const char *text) {
    char line[256];
    size_t n = strcspn(text, "#");
    const char *slashes = strstr(text, "//");
    if (slashes && (size_t)(slashes - text) < n) n = (size_t)(slashes - text);
    if (n >= sizeof line) n = sizeof line - 1;
    wp_upper(line, text, n);
    line[n] = '\0';
    const char *s = line + strspn(line, " \t");
    int v;
    if (!strncmp(s, "COMPLEX:", 8)) {
        o->complex_verbs = keyed_int(s, "VERBS[", &v) ? v : 0;
        o->complex_conj = keyed_int(s, "CONJ[", &v) ? v : 0;
        o->noactprior = strstr(s, "NOACTPRIOR") != NULL;
    } else if (!strncmp(s, "DEFA", 4)) {
        if (strstr(s, "OFF")) {
            o->def_src[0] = o->def_tgt[0] = '\0';
            o->def_prior = o->def_after = false;
            return;
        }
        bracket_after(s, "SOURCE", o->def_src, sizeof o->def_src);
        bracket_after(s, "TARGET", o->def_tgt, sizeof o->def_tgt);
        o->def_prior = strstr(s, "PRIOR") != NULL;
        o->def_after = strstr(s, "AFTER") != NULL;
    } else if (!strncmp(s, "COMMA:", 6)) {
        tw_opts *w = &o->words;
        w->comma_off = strstr(s, "OFF") != NULL;
        if (keyed_int(s, "MIN", &v)) w->comma_min = v;
        if (keyed_int(s, "MAX", &v)) w->comma_max = v;
        if (keyed_int(s, "EMIN", &v)) w->comma_emin = v;
        if (keyed_int(s, "EMAX", &v)) w->comma_emax = v;
        if (keyed_int(s, "BMIN", &v)) w->comma_bmin = v;
        if (keyed_int(s, "BMAX", &v)) w->comma_bmax = v;
    } else if (!strncmp(s, "FORW", 4)) {
        const char *f = s + strcspn(s, ":") + 1;
        f += strspn(f, " ");
        size_t fn = strcspn(f, " ");
        snprintf(o->forward, sizeof o->forward, "%.*s", (int)fn, f);
        if (strstr(f + fn, "OFF")) o->forward[0] = '\0';
    } else if (!strncmp(s, "SET:", 4)) {
        if (strstr(s, "CODE BY SENTENCE")) o->code_by = TB_BY_SENTENCE;
        else if (strstr(s, "CODE BY CLAUSE")) o->code_by = TB_BY_CLAUSE;
        else if (strstr(s, "CODE ALL")) o->code_by = TB_ALL;
        else if (strstr(s, "MINIMUM WORDS") && keyed_int(s, "WORDS", &v)) o->min_words = v;
        else if (strstr(s, "CONVERT AGENT")) o->words.convert_agents = truth(s);
        else if (strstr(s, "TIME SHIFT")) o->time_shift = truth(s);
        else if (strstr(s, "YYYY")) o->yyyy = truth(s);
    }
}

static bool option_line(void *ctx, const char *s, size_t n, bool indented, uint32_t line) {
    (void)indented, (void)line;
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)n, s);
    tb_option(ctx, buf);
    return true;
}

bool tb_load_options(tb_options *o, const char *path, char *err, size_t errlen) {
    return wp_each_line(path, false, option_line, o, err, errlen);
}

/* ---- coding ------------------------------------------------------------------- */

typedef struct ref { int32_t actor, group; const char *fixed; } ref;   /* actor -1 and fixed NULL: none */

static const ref NOREF = {-1, -1, NULL};

static bool has(ref r) { return r.actor >= 0 || r.group >= 0 || r.fixed; }

static ref actor_ref(const tw_parse *p, int32_t a) {
    ref r = {a, p->actors[a].group, NULL};
    if (r.group < 0) r.group = p->actors[a].ref_group;
    return r;
}

static void first_code(const tw_parse *p, ref r, char *out, size_t cap) {
    if (r.fixed) snprintf(out, cap, "%s", r.fixed);
    else tw_first_code(p, r.actor, r.group, out, cap);
}

static bool same_code(const tw_parse *p, ref a, ref b) {
    char x[48], y[48];
    first_code(p, a, x, sizeof x);
    first_code(p, b, y, sizeof y);
    return !strcmp(x, y);
}

/* A target candidate: another code than the source's by its own code; a member of the
 * source's own compound is taken alone. */
static bool target_ok(const tw_parse *p, uint32_t a, ref src, ref *tgt) {
    ref own = {(int32_t)a, -1, NULL};
    if (p->actors[a].pronoun) own = actor_ref(p, (int32_t)a);
    if (same_code(p, own, src)) return false;
    ref r = actor_ref(p, (int32_t)a);
    if (r.group >= 0 && r.group == src.group) r.group = -1;
    *tgt = r;
    return true;
}

/* Every code a reference stands for: compound members, coded compounds split at '/'. */
static uint32_t codes_of(const tw_parse *p, ref r, char out[][48], uint32_t cap) {
    uint32_t n = 0;
    const char *list[16];
    uint32_t nl = 0;
    if (r.fixed) list[nl++] = r.fixed;
    else if (r.group >= 0 && p->groups[r.group].n)
        for (uint32_t i = 0; i < p->groups[r.group].n && nl < 16; i++)
            list[nl++] = p->actors[p->groups[r.group].members[i]].code;
    else if (r.actor >= 0) list[nl++] = p->actors[r.actor].code;
    for (uint32_t i = 0; i < nl; i++)
        for (const char *c = list[i]; *c && n < cap;) {
            size_t k = strcspn(c, "/");
            snprintf(out[n++], 48, "%.*s", (int)(k < 47 ? k : 47), c);
            c += k + (c[k] == '/');
        }
    return n;
}

static bool live_actor(const tw_parse *p, uint32_t a) {
    return !p->actors[a].dead && !p->words[p->actors[a].start].deleted;
}

/* A target found by the default search: not a possessive pronoun ("its embassy"). */
static bool target_actor(const tw_parse *p, uint32_t a) {
    if (!live_actor(p, a)) return false;
    if (!p->actors[a].pronoun) return true;
    const tw_word *w = &p->words[p->actors[a].start];
    return !(w->n >= 3 && (!memcmp(w->w, "ITS", 3) || !memcmp(w->w, "HIS", 3) || !memcmp(w->w, "THEIR", w->n)));
}

typedef struct verb_code {
    char code[16];
    ref src, tgt;
    bool sub, dom;
} verb_code;

static bool word_is(const tw_parse *p, int64_t i, const char *s) {
    if (i < 0 || i >= p->n || p->words[i].deleted) return false;
    return strlen(s) == p->words[i].n && !memcmp(p->words[i].w, s, p->words[i].n);
}

static bool passive(const tw_parse *p, const tw_verb *v) {
    bool aux = false, by = false;
    for (int64_t k = 1; k <= 2; k++) {
        int64_t b = (int64_t)v->start - k;
        aux = aux || word_is(p, b, "WAS") || word_is(p, b, "WERE") || word_is(p, b, "BEEN");
        by = by || word_is(p, (int64_t)v->last + k, "BY");
    }
    return aux && by;
}

/* Words before the verb (nearest first) and after it, within the clause, up to a comma. */
static void sequences(const tw_parse *p, const tw_verb *v, uint32_t cs, uint32_t ce, uint32_t *up, uint32_t *nu,
                      uint32_t *low, uint32_t *nl) {
    *nu = *nl = 0;
    for (int64_t i = (int64_t)v->start - 1; i >= (int64_t)cs; i--) {
        const tw_word *w = &p->words[i];
        if (w->deleted) continue;
        if (w->comma && w->group < 0) break;
        up[(*nu)++] = (uint32_t)i;
    }
    for (uint32_t i = v->last + 1; i < ce; i++) {
        const tw_word *w = &p->words[i];
        if (w->deleted) continue;
        if (w->comma && w->group < 0) break;
        low[(*nl)++] = i;
    }
}

/* The event a verb gives in its clause; false when it gives none. *stop: discard or complex. */
static bool code_verb(const tw_parse *p, const tw_dicts *dc, const tb_options *o, const tw_verb *v, uint32_t cs,
                      uint32_t ce, ref clause_src, verb_code *out, uint8_t *stop) {
    const vd_dict *vd = dc->verbs;
    const vd_root *rt = &vd->roots.v[v->root];
    const vd_verb *verb = &vd->verbs.v[rt->verb];
    uint32_t up[TW_MAX_WORDS], low[TW_MAX_WORDS], nu, nl;
    sequences(p, v, cs, ce, up, &nu, low, &nl);
    pm_result best;
    const vd_pattern *bp = pm_best_pattern(vd, verb, p->pm, up, nu, low, nl, &best);
    const char *code = bp ? bp->code : vd_root_code(vd, rt);
    if (!strcmp(code, "---")) return false;
    if (!strcmp(code, "###") || !strcmp(code, "+++")) {
        *stop = code[0] == '#' ? TB_DISCARD : TB_COMPLEX;
        return false;
    }
    memset(out, 0, sizeof *out);
    size_t cn = strlen(code);
    out->sub = code[cn - 1] == '?';
    out->dom = code[cn - 1] == '!';
    snprintf(out->code, sizeof out->code, "%.*s", (int)(cn - (out->sub || out->dom)), code);
    ref src = NOREF, tgt = NOREF;
    if (bp) {
        if (best.src.actor >= 0) src = actor_ref(p, best.src.actor);
        if (best.tgt.actor >= 0) tgt = actor_ref(p, best.tgt.actor);
        if (best.cmp.actor >= 0) src = tgt = actor_ref(p, best.cmp.actor);
        if (best.src.group >= 0) src.group = best.src.group;
        if (best.tgt.group >= 0) tgt.group = best.tgt.group;
    }
    if (!has(src)) {
        if (has(clause_src)) src = clause_src;
        for (uint32_t a = 0; a < p->nactors && !has(src); a++)
            if (target_actor(p, a) && p->actors[a].start >= cs && p->actors[a].start < v->start &&
                (!has(tgt) || !same_code(p, actor_ref(p, (int32_t)a), tgt)))
                src = actor_ref(p, (int32_t)a);
        if (!has(src) && o->def_src[0] && o->def_prior) src = (ref){-1, -1, o->def_src};
        for (uint32_t a = 0; a < p->nactors && !has(src); a++)
            if (live_actor(p, a) && p->actors[a].start > v->last && p->actors[a].start < ce &&
                (!has(tgt) || !same_code(p, actor_ref(p, (int32_t)a), tgt)))
                src = actor_ref(p, (int32_t)a);
        if (!has(src) && o->def_src[0]) src = (ref){-1, -1, o->def_src};
    }
    if (!has(src)) return false;
    if (!has(tgt)) {
        for (uint32_t a = 0; a < p->nactors && !has(tgt); a++)
            if (target_actor(p, a) && p->actors[a].start > v->last && p->actors[a].start < ce)
                target_ok(p, a, src, &tgt);
        if (!has(tgt) && o->def_tgt[0] && o->def_after) tgt = (ref){-1, -1, o->def_tgt};
        for (uint32_t a = p->nactors; a-- > 0 && !has(tgt);)
            if (target_actor(p, a) && p->actors[a].start >= cs && p->actors[a].start < v->start)
                target_ok(p, a, src, &tgt);
        if (!has(tgt) && src.group >= 0) tgt = src;
        if (!has(tgt) && o->def_tgt[0]) tgt = (ref){-1, -1, o->def_tgt};
    }
    if (!has(tgt)) return false;
    bool swap = !best.tokens && passive(p, v);
    out->src = swap ? tgt : src;
    out->tgt = swap ? src : tgt;
    return true;
}

typedef struct pending { pm_event ev; bool sub, dom; } pending;

static uint32_t add_events(const tw_parse *p, const verb_code *vc, pending *list, uint32_t n, uint32_t cap) {
    char s[16][48], t[16][48];
    uint32_t ns = codes_of(p, vc->src, s, 16), nt = codes_of(p, vc->tgt, t, 16);
    char a[16], b[16];
    size_t colon = strcspn(vc->code, ":");
    snprintf(a, sizeof a, "%.*s", (int)colon, vc->code);
    snprintf(b, sizeof b, "%s", vc->code[colon] ? vc->code + colon + 1 : "");
    for (uint32_t i = 0; i < ns; i++)
        for (uint32_t k = 0; k < nt; k++) {
            if (!strcmp(s[i], t[k])) continue;
            for (int pass = 0; pass < (b[0] ? 2 : 1) && n < cap; pass++) {
                pending *e = &list[n++];
                snprintf(e->ev.src, sizeof e->ev.src, "%.47s", pass ? t[k] : s[i]);
                snprintf(e->ev.tgt, sizeof e->ev.tgt, "%.47s", pass ? s[i] : t[k]);
                snprintf(e->ev.code, sizeof e->ev.code, "%s", pass ? b : a);
                e->sub = vc->sub, e->dom = vc->dom;
            }
        }
    return n;
}

static bool active_verb(const tw_verb *v) { return !v->dead && !v->noun && v->section == VS_VERB; }

/* Time shift from the first <TIME> phrase with a code. */
static void shift_time(const tw_parse *p, const tw_dicts *dc, tb_result *out) {
    for (uint32_t i = 0; i < p->nverbs; i++) {
        const tw_verb *v = &p->verbs[i];
        if (v->section != VS_TIME) continue;   /* even inside a deleted comma clause */
        const vd_root *rt = &dc->verbs->roots.v[v->root];
        const vd_verb *verb = &dc->verbs->verbs.v[rt->verb];
        uint32_t up[TW_MAX_WORDS], low[TW_MAX_WORDS], nu, nl;
        sequences(p, v, 0, p->n, up, &nu, low, &nl);
        pm_result res;
        const vd_pattern *pat = pm_best_pattern(dc->verbs, verb, p->pm, up, nu, low, nl, &res);
        const char *code = pat ? pat->code : vd_root_code(dc->verbs, rt);
        if (!strcmp(code, "---")) continue;
        if (!strcmp(code, "###")) out->status = TB_DISCARD;
        else if (!strcmp(code, "+++")) out->status = TB_COMPLEX;
        else out->date = date_add_days(out->date, atoi(code));
        return;
    }
}

static bool too_complex(const tw_parse *p, const tb_options *o) {
    uint32_t verbs = 0, first = p->n;
    for (uint32_t i = 0; i < p->nverbs; i++)
        if (active_verb(&p->verbs[i])) {
            verbs++;
            if (p->verbs[i].start < first) first = p->verbs[i].start;
        }
    if (o->complex_verbs && verbs >= (uint32_t)o->complex_verbs) return true;
    if (o->complex_conj && p->conj_splits >= (uint32_t)o->complex_conj) return true;
    if (!o->noactprior) return false;
    for (uint32_t a = 0; a < p->nactors; a++)
        if (live_actor(p, a) && p->actors[a].start < first) return false;
    return true;
}

void tb_code(tw_parse *p, const tw_dicts *dc, const tb_options *o, const char *text, size_t len, dy_date when,
             const char *fwd, tb_result *out) {
    memset(out, 0, sizeof *out);
    out->date = when;
    uint32_t counted = tw_parse_text(p, dc, text, len, when, &o->words, fwd);
    for (uint32_t a = 0; a < p->nactors; a++)
        if (!p->actors[a].pronoun && live_actor(p, a)) {
            snprintf(out->first_actor, sizeof out->first_actor, "%s", p->actors[a].base);
            break;
        }
    if (counted < (uint32_t)o->min_words) {
        out->status = TB_SHORT;
        return;
    }
    if (o->time_shift) shift_time(p, dc, out);
    for (uint32_t i = 0; i < p->nverbs; i++) {
        if (!active_verb(&p->verbs[i])) continue;
        const char *rc = vd_root_code(dc->verbs, &dc->verbs->roots.v[p->verbs[i].root]);
        if (!strcmp(rc, "###")) p->discard = true;
        if (!strcmp(rc, "+++")) p->complex = true;
    }
    if (out->status) return;
    if (p->discard) out->status = TB_DISCARD;
    else if (p->complex || too_complex(p, o)) out->status = TB_COMPLEX;
    if (out->status) return;

    pending ev[128], subs[128];
    uint32_t nev = 0, nsub = 0;
    ref carried = NOREF;
    bool any_main = false;
    for (uint32_t c = 0; c < p->nclauses; c++) {
        uint32_t cs = p->clause_start[c], ce = p->clause_end[c];
        ref clause_src = c ? carried : NOREF;
        uint32_t first = cs;
        while (first < ce && p->words[first].deleted) first++;
        if (c && first < ce && p->words[first].actor >= 0 && live_actor(p, (uint32_t)p->words[first].actor))
            clause_src = actor_ref(p, p->words[first].actor);
        bool main = false, had_verb = false;
        uint32_t clause_subs = nsub;
        for (uint32_t i = 0; i < p->nverbs; i++) {
            const tw_verb *v = &p->verbs[i];
            if (!active_verb(v) || v->start < cs || v->start >= ce) continue;
            had_verb = true;
            verb_code vc;
            uint8_t stop = 0;
            bool got = code_verb(p, dc, o, v, cs, ce, clause_src, &vc, &stop);
            if (stop) {
                out->status = stop;
                return;
            }
            if (!got) continue;
            if (vc.sub) {
                nsub = add_events(p, &vc, subs, nsub, 128);
                continue;
            }
            uint32_t before = nev;
            nev = add_events(p, &vc, ev, nev, 128);
            if (nev == before) continue;
            main = any_main = true;
            carried = vc.src;
            if (o->code_by != TB_ALL) break;
        }
        if (!main && had_verb) {
            for (uint32_t a = 0; a < p->nactors; a++)
                if (live_actor(p, a) && p->actors[a].start >= cs && p->actors[a].start < ce) {
                    carried = actor_ref(p, (int32_t)a);
                    break;
                }
        }
        if (o->code_by == TB_BY_CLAUSE && !main)
            for (uint32_t k = clause_subs; k < nsub && nev < 128; k++) ev[nev++] = subs[k];
        if (o->code_by == TB_BY_SENTENCE && any_main) break;
    }
    if (o->code_by != TB_BY_CLAUSE && !any_main)
        for (uint32_t k = 0; k < nsub && nev < 128; k++) ev[nev++] = subs[k];
    bool dom = false;
    for (uint32_t i = 0; i < nev; i++) dom = dom || ev[i].dom;
    for (uint32_t i = 0; i < nev && out->nevents < 64; i++) {
        if (dom && !ev[i].dom) continue;
        bool dup = false;
        for (uint32_t k = 0; k < out->nevents && !dup; k++) {
            const pm_event *a = &out->events[k], *b = &ev[i].ev;
            dup = !strcmp(a->src, b->src) && !strcmp(a->tgt, b->tgt) && !strcmp(a->code, b->code);
        }
        if (!dup) out->events[out->nevents++] = ev[i].ev;
    }
}
