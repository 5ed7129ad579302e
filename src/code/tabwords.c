/* tabwords.c - the steps of TABARI's parse in its order: words, dictionary classes (longest
 * phrase first: actors, agents, nouns and adjectives before verbs), noun shifts, agents
 * joined to their actors, pronouns, compounds, comma clauses, clauses. */
#include "tabwords.h"
#include "../know/model.h"
#include "../text/tokenize.h"
#include <stddef.h>
#include <stdio.h>
#include <string.h>

void tw_init(tw_parse *p) {
    memset(p, 0, sizeof *p);
    doc_init(&p->doc);
}

void tw_free(tw_parse *p) { doc_free(&p->doc); }

static bool is(const tw_word *w, const char *s) { return strlen(s) == w->n && !memcmp(w->w, s, w->n); }

static bool in_list(const tw_word *w, const char *const *list) {
    for (; *list; list++)
        if (is(w, *list)) return true;
    return false;
}

static const char *const determiners[] = {"A", "AN", "THE", NULL};
static const char *const conjunctions[] = {"AND", "BUT", "OR", "NOR", NULL};
static const char *const pronouns[] = {"HE", "SHE", "IT", "HIM", "ITS", "HIS", "HER", "THEY", "THEM", "THEIR", NULL};

static void add_word(tw_parse *p, const char *s, size_t n, bool cap) {
    if (!n || p->n == TW_MAX_WORDS) return;
    tw_word *w = &p->words[p->n++];
    char *t = dy_arena_alloc_raw(&p->doc.arena, n + 1);
    wp_upper(t, s, n);
    t[n] = '\0';
    *w = (tw_word){t, (uint16_t)n, cap, n == 1 && *s == ',', false, TT_NONE, -1, -1, -1};
}

/* TABARI's words are blank-delimited: dyad's tokens written together are joined again
 * ("Gondor" + "'s", "did" + "n't", "States43", "(tabulated"), except at the marks TABARI
 * splits at or drops: commas and semicolons (commas), double quotes, hyphens and
 * underscores (blanks), sentence periods, '?' and '!'. */
static void make_words(tw_parse *p, const char *text, size_t len, const hashmap *abbrevs) {
    dy_doc *d = &p->doc;
    doc_reset(d, text, (uint32_t)len);
    tok_run(d, abbrevs, NULL);
    bool lower = false;
    for (size_t i = 0; i < len && !lower; i++) lower = text[i] >= 'a' && text[i] <= 'z';
    p->allcaps = !lower;
    char buf[256];
    uint32_t m = 0;
    bool cap = false;
    for (uint32_t t = 0; t <= d->toks.n; t++) {
        const dy_token *k = t < d->toks.n ? &d->toks.v[t] : NULL;
        const char *s = k ? text + k->start : "";
        uint32_t n = k ? k->end - k->start : 0;
        bool sep = !k || k->kind == TK_QUOTE || (k->kind == TK_PUNCT && strchr(",;.?!-_", *s));
        if (!k || sep || (k->flags & TF_SPACE)) {   /* the word so far is complete */
            add_word(p, buf, m, cap);
            m = 0;
        }
        if (!k) break;
        if (sep) {
            if (*s == ',' || *s == ';') add_word(p, ",", 1, false);
            else if (k->kind == TK_QUOTE && !(k->flags & TF_QSINGLE)) add_word(p, "\"", 1, false);
            continue;
        }
        if (!m) cap = k->flags & TF_CAP;
        for (uint32_t i = 0; i < n && m < sizeof buf; i++) {
            if (k->kind == TK_NUM && s[i] == ',') continue;   /* 1,500 -> 1500 */
            if (s[i] == '-' || s[i] == '_') {   /* hyphens and underscores part words */
                add_word(p, buf, m, cap);
                m = 0, cap = false;
                continue;
            }
            buf[m++] = s[i];
        }
    }
}

static uint32_t limit_at(const tw_parse *p, uint32_t i) {
    while (i < p->n && !p->words[i].comma) i++;
    return i;
}

typedef struct agent { uint32_t start, last; char code[32]; } agent;

static void classify(tw_parse *p, const tw_dicts *dc, dy_date when, agent *agents, uint32_t *nagents) {
    for (uint32_t i = 0; i < p->n; i++) p->pm[i] = (pm_word){p->words[i].w, p->words[i].n, -1, -1};
    for (uint32_t i = 0; i < p->n; i++) {
        tw_word *w = &p->words[i];
        if (w->type != TT_NONE || w->comma || (w->n == 1 && *w->w == '"')) continue;
        uint32_t pos[32], npos;
        uint32_t hit = pm_best_entry(dc->actors, p->pm, i, limit_at(p, i), -1, pos, &npos);
        if (hit != UINT32_MAX) {
            const ad_entry *en = &dc->actors->entries.v[hit];
            static const uint8_t types[] = {[AT_ACTOR] = TT_ACTOR, [AT_AGENT] = TT_AGENT, [AT_NOUN] = TT_NOUN,
                                            [AT_ADJ] = TT_ADJ};
            uint8_t type = types[en->type];
            const char *code = ad_code_on(dc->actors, en->group, when);
            if (type == TT_ACTOR && !strcmp(code, "---")) type = TT_NOUN;   /* null-coded actors are nouns */
            if (type == TT_ACTOR) {
                if (!strcmp(code, "###")) p->discard = true;
                if (!strcmp(code, "+++")) p->complex = true;
                tw_actor *a = &p->actors[p->nactors];
                *a = (tw_actor){i, pos[npos - 1], "", "", -1, -1, false, false};
                snprintf(a->code, sizeof a->code, "%s", code);
                snprintf(a->base, sizeof a->base, "%s", code);
                for (uint32_t k = 0; k < npos; k++) p->words[pos[k]].actor = (int32_t)p->nactors;
                p->nactors++;
            } else if (type == TT_AGENT) {
                agent *g = &agents[(*nagents)++];
                g->start = i, g->last = pos[npos - 1];
                snprintf(g->code, sizeof g->code, "%s", code);
            }
            for (uint32_t k = 0; k < npos; k++) p->words[pos[k]].type = type;
            continue;
        }
        hit = pm_best_root(dc->verbs, p->pm, i, limit_at(p, i), pos, &npos);
        if (hit != UINT32_MAX) {
            const vd_root *rt = &dc->verbs->roots.v[hit];
            const vd_verb *v = &dc->verbs->verbs.v[rt->verb];
            if (v->section == VS_ATTRIB) continue;
            if (!strcmp(vd_root_code(dc->verbs, rt), "---") && !v->npat) {   /* null verb: no longer a verb */
                for (uint32_t k = 0; k < npos; k++) p->words[pos[k]].type = TT_NOUN;
                continue;
            }
            tw_verb *tv = &p->verbs[p->nverbs];
            *tv = (tw_verb){i, pos[npos - 1], hit, false, false, v->section};
            for (uint32_t k = 0; k < npos; k++) {
                p->words[pos[k]].type = v->section == VS_TIME ? TT_TIME : TT_VERB;
                p->words[pos[k]].verb = (int32_t)p->nverbs;
            }
            p->nverbs++;
            continue;
        }
        if (in_list(w, determiners)) w->type = TT_DET;
        else if (in_list(w, conjunctions)) w->type = TT_CONJ;
        else if (in_list(w, pronouns)) w->type = TT_PRONOUN;
    }
}

/* Verbs after A, AN, THE, or capitalised inside a mixed-case sentence, are nouns. */
static void shift_nouns(tw_parse *p) {
    for (uint32_t v = 0; v < p->nverbs; v++) {
        tw_verb *tv = &p->verbs[v];
        if (tv->section != VS_VERB) continue;
        uint32_t i = tv->start;
        bool det = i > 0 && p->words[i - 1].type == TT_DET;
        bool cap = i > 0 && p->words[i].cap && !p->allcaps;
        if (det || cap) {
            tv->noun = true;
            for (uint32_t k = tv->start; k <= tv->last; k++)
                if (p->words[k].verb == (int32_t)v) p->words[k].type = TT_NOUN;
        }
    }
}

/* The agent's code joined to the actor's: "~GOV" after it, "NGM~" before it, unless the
 * actor's code already holds it at a multiple of three characters. */
static void join_code(char *code, size_t cap, const char *agent) {
    size_t an = strlen(agent), cn = strlen(code);
    bool suffix = agent[0] == '~';
    const char *ac = suffix ? agent + 1 : agent;
    size_t acn = an - 1;
    for (size_t k = 0; k + acn <= cn; k += 3)
        if (!memcmp(code + k, ac, acn)) return;
    char out[64];
    if (suffix) snprintf(out, sizeof out, "%s%.*s", code, (int)acn, ac);
    else snprintf(out, sizeof out, "%.*s%s", (int)acn, ac, code);
    snprintf(code, cap, "%.47s", out);
}

static int32_t actor_ending_at(const tw_parse *p, int64_t i) {
    for (uint32_t a = 0; a < p->nactors; a++)
        if (p->actors[a].last == i) return (int32_t)a;
    return -1;
}

static int32_t actor_starting_at(const tw_parse *p, uint32_t i) {
    for (uint32_t a = 0; a < p->nactors; a++)
        if (p->actors[a].start == i) return (int32_t)a;
    return -1;
}

static void attach_agents(tw_parse *p, const agent *agents, uint32_t nagents, bool convert) {
    for (uint32_t g = 0; g < nagents; g++) {
        uint32_t s = agents[g].start, l = agents[g].last;
        bool former = s > 0 && is(&p->words[s - 1], "FORMER");
        uint32_t from = former ? s - 1 : s;
        int32_t a = actor_ending_at(p, (int64_t)from - 1);
        if (a < 0) a = actor_starting_at(p, l + 1);
        if (a < 0 && l + 2 < p->n && (is(&p->words[l + 1], "OF") || is(&p->words[l + 1], "IN"))) {
            a = actor_starting_at(p, l + 2);
            if (a < 0 && l + 3 < p->n && p->words[l + 2].type == TT_DET) a = actor_starting_at(p, l + 3);
        }
        if (a >= 0 && p->actors[a].start > 0 && is(&p->words[p->actors[a].start - 1], "FORMER")) former = true;
        char code[32];
        snprintf(code, sizeof code, "%s", agents[g].code);
        if (former) snprintf(code, sizeof code, "%s", code[0] == '~' ? "~ELI" : "ELI~");
        if (a < 0 && convert && p->nactors < TW_MAX_WORDS) {
            a = (int32_t)p->nactors++;
            p->actors[a] = (tw_actor){s, l, "", "", -1, -1, false, false};
            snprintf(p->actors[a].code, sizeof p->actors[a].code, "%s", agents[g].code);
            snprintf(p->actors[a].base, sizeof p->actors[a].base, "%s", agents[g].code);
        } else if (a >= 0) {
            join_code(p->actors[a].code, sizeof p->actors[a].code, code);
            if (s < p->actors[a].start) p->actors[a].start = from;
            if (l > p->actors[a].last) p->actors[a].last = l;
        }
        for (uint32_t k = s; k <= l; k++)
            if (p->words[k].type == TT_AGENT) p->words[k].actor = a;
    }
}

static int32_t first_group_before(const tw_parse *p, uint32_t i) {
    for (uint32_t g = 0; g < p->ngroups; g++)
        if (p->groups[g].start < i) return (int32_t)g;
    return -1;
}

static void resolve_pronouns(tw_parse *p, const char *fwd) {
    uint32_t nreal = p->nactors;
    for (uint32_t i = 0; i < p->n && p->nactors < TW_MAX_WORDS; i++) {
        tw_word *w = &p->words[i];
        if (w->type != TT_PRONOUN) continue;
        int32_t ref = -1, refg = -1;
        bool plural = is(w, "THEY") || is(w, "THEM") || is(w, "THEIR");
        bool possessive = is(w, "ITS") || is(w, "HIS") || is(w, "HER");
        bool before_any = true;
        for (uint32_t a = 0; a < nreal; a++) before_any = before_any && p->actors[a].start > i;
        tw_actor pa = {i, i, "", "", -1, -1, true, false};
        if (before_any && fwd) {
            snprintf(pa.code, sizeof pa.code, "%s", fwd);
        } else {
            for (uint32_t a = 0; a < nreal; a++) {
                if (p->actors[a].start >= i) break;
                if (ref < 0 || possessive) ref = (int32_t)a;
            }
            if (plural && (refg = first_group_before(p, i)) >= 0) ref = p->groups[refg].members[0];
            if (ref < 0) continue;
            snprintf(pa.code, sizeof pa.code, "%s", p->actors[ref].code);
            pa.ref_group = refg >= 0 ? refg : p->actors[ref].group;
            if (!plural) pa.ref_group = -1;
        }
        snprintf(pa.base, sizeof pa.base, "%s", pa.code);
        p->actors[p->nactors] = pa;
        w->actor = (int32_t)p->nactors++;
    }
}

/* Actors in text order (agents made actors and pronouns were appended). */
static void sort_actors(tw_parse *p) {
    uint32_t order[TW_MAX_WORDS], inv[TW_MAX_WORDS];
    for (uint32_t i = 0; i < p->nactors; i++) order[i] = i;
    for (uint32_t i = 1; i < p->nactors; i++)
        for (uint32_t k = i; k > 0 && p->actors[order[k - 1]].start > p->actors[order[k]].start; k--) {
            uint32_t t = order[k];
            order[k] = order[k - 1];
            order[k - 1] = t;
        }
    tw_actor tmp[TW_MAX_WORDS];
    for (uint32_t i = 0; i < p->nactors; i++) tmp[i] = p->actors[order[i]], inv[order[i]] = i;
    memcpy(p->actors, tmp, p->nactors * sizeof *tmp);
    for (uint32_t i = 0; i < p->n; i++)
        if (p->words[i].actor >= 0) p->words[i].actor = (int32_t)inv[p->words[i].actor];
    for (uint32_t g = 0; g < p->ngroups; g++)
        for (uint32_t k = 0; k < p->groups[g].n; k++) p->groups[g].members[k] = (int32_t)inv[p->groups[g].members[k]];
}

static bool adj_or_det(const tw_word *w) { return w->type == TT_ADJ || w->type == TT_DET; }

static void group_add(tw_parse *p, int32_t g, int32_t a) {
    tw_group *gr = &p->groups[g];
    for (uint32_t k = 0; k < gr->n; k++)
        if (gr->members[k] == a) return;
    if (gr->n < 16) gr->members[gr->n++] = a;
    p->actors[a].group = g;
    if (p->actors[a].start < gr->start) gr->start = p->actors[a].start;
    if (p->actors[a].last > gr->last) gr->last = p->actors[a].last;
}

/* <np>, <np> ... AND <np>, np = (determiner | adjective)* actor. */
static void find_compounds(tw_parse *p) {
    for (uint32_t c = 1; c + 1 < p->n; c++) {
        if (p->words[c].type != TT_CONJ || is(&p->words[c], "BUT")) continue;
        int32_t list[16];
        uint32_t n = 0;
        int64_t j = (int64_t)c - 1;
        if (p->words[j].comma) j--;
        int32_t a;
        while (j >= 0 && (a = actor_ending_at(p, j)) >= 0 && !p->actors[a].pronoun && n < 15) {
            list[n++] = a;
            int64_t k = (int64_t)p->actors[a].start - 1;
            while (k >= 0 && adj_or_det(&p->words[k])) k--;
            if (k < 1 || !p->words[k].comma) break;
            j = k - 1;
        }
        if (!n) continue;
        uint32_t left = n;
        uint32_t k = c + 1;
        for (;;) {
            while (k < p->n && adj_or_det(&p->words[k])) k++;
            if (k >= p->n || (a = actor_starting_at(p, k)) < 0 || p->actors[a].pronoun || n == 16) break;
            list[n++] = a;
            uint32_t next = p->actors[a].last + 1, q = next;
            while (q < p->n && adj_or_det(&p->words[q])) q++;
            const tw_word *lw = &p->words[p->actors[a].last];
            bool possessive = lw->n > 2 && lw->w[lw->n - 2] == '\'' && lw->w[lw->n - 1] == 'S';
            if (q < p->n && actor_starting_at(p, q) >= 0 && (q > next || possessive)) k = q;
            else break;
        }
        if (n == left) continue;
        int32_t g = -1;
        for (uint32_t i = 0; i < n && g < 0; i++) g = p->actors[list[i]].group;
        if (g < 0) {
            if (p->ngroups == TW_MAX_WORDS / 2) return;
            g = (int32_t)p->ngroups++;
            p->groups[g] = (tw_group){p->actors[list[0]].start, p->actors[list[0]].last, {0}, 0};
        }
        for (uint32_t i = n; i-- > left;) group_add(p, g, list[i]);   /* text order: left list is reversed */
        for (uint32_t i = left; i-- > 0;) group_add(p, g, list[i]);
    }
    for (uint32_t g = 0; g < p->ngroups; g++) {   /* members in text order */
        tw_group *gr = &p->groups[g];
        for (uint32_t i = 1; i < gr->n; i++)
            for (uint32_t k = i; k > 0 && p->actors[gr->members[k - 1]].start > p->actors[gr->members[k]].start; k--) {
                int32_t t = gr->members[k];
                gr->members[k] = gr->members[k - 1];
                gr->members[k - 1] = t;
            }
        for (uint32_t i = gr->start; i <= gr->last; i++) p->words[i].group = (int32_t)g;
    }
}

static uint32_t count_words(const tw_parse *p, uint32_t from, uint32_t to) {
    uint32_t n = 0;
    for (uint32_t i = from; i < to; i++) n += !p->words[i].comma;
    return n;
}

static void delete_range(tw_parse *p, uint32_t from, uint32_t to) {
    for (uint32_t i = from; i < to && i < p->n; i++) p->words[i].deleted = true;
}

static void delete_comma_clauses(tw_parse *p, const tw_opts *o) {
    uint32_t commas[TW_MAX_WORDS], m = 0;
    for (uint32_t i = 0; i < p->n; i++)
        if (p->words[i].comma && p->words[i].group < 0) commas[m++] = i;
    if (!m || o->comma_off) return;
    uint32_t c = count_words(p, 0, commas[0]);
    if (c > (uint32_t)o->comma_bmin && c <= (uint32_t)o->comma_bmax) delete_range(p, 0, commas[0] + 1);
    bool last_deleted = false;   /* a deleted clause took the comma the terminal one would start at */
    for (uint32_t k = 0; k + 1 < m; k++) {
        c = count_words(p, commas[k] + 1, commas[k + 1]);
        last_deleted = c > (uint32_t)o->comma_min && c <= (uint32_t)o->comma_max;
        if (last_deleted) delete_range(p, commas[k], commas[k + 1] + 1);
    }
    c = count_words(p, commas[m - 1] + 1, p->n);
    if (!last_deleted && c > (uint32_t)o->comma_emin && c <= (uint32_t)o->comma_emax)
        delete_range(p, commas[m - 1], p->n);
    for (uint32_t a = 0; a < p->nactors; a++)
        for (uint32_t i = p->actors[a].start; i <= p->actors[a].last; i++)
            if (p->words[i].deleted && p->words[i].actor == (int32_t)a) p->actors[a].dead = true;
    for (uint32_t v = 0; v < p->nverbs; v++)
        for (uint32_t i = p->verbs[v].start; i <= p->verbs[v].last; i++)
            if (p->words[i].deleted && p->words[i].verb == (int32_t)v) p->verbs[v].dead = true;
    for (uint32_t g = 0; g < p->ngroups; g++) {
        tw_group *gr = &p->groups[g];
        uint32_t k = 0;
        for (uint32_t i = 0; i < gr->n; i++)
            if (!p->actors[gr->members[i]].dead) gr->members[k++] = gr->members[i];
        gr->n = k;
    }
}

/* Does the conjunction at c join something other than clauses: a compound actor, noun
 * (noun AND adjective* noun) or adjective phrase, or words of one actor or verb phrase? */
static bool joins_phrase(const tw_parse *p, uint32_t c) {
    const tw_word *w = &p->words[c];
    if (w->group >= 0) return true;
    for (uint32_t a = 0; a < p->nactors; a++)
        if (!p->actors[a].dead && !p->actors[a].pronoun && p->actors[a].start < c && c < p->actors[a].last) return true;
    for (uint32_t v = 0; v < p->nverbs; v++)
        if (!p->verbs[v].dead && p->verbs[v].start < c && c < p->verbs[v].last) return true;
    if (c == 0 || c + 1 >= p->n) return false;
    uint8_t before = p->words[c - 1].type;
    uint32_t k = c + 1;
    if (before == TT_ADJ && p->words[k].type == TT_ADJ) return true;
    while (k < p->n && p->words[k].type == TT_ADJ) k++;
    return before == TT_NOUN && k < p->n && p->words[k].type == TT_NOUN;
}

static void cut_clauses(tw_parse *p) {
    p->nclauses = 0;
    p->conj_splits = 0;
    uint32_t start = 0;
    for (uint32_t i = 0; i < p->n; i++) {
        if (p->words[i].type != TT_CONJ || p->words[i].deleted || joins_phrase(p, i)) continue;
        p->clause_start[p->nclauses] = start;
        p->clause_end[p->nclauses++] = i;
        p->conj_splits++;
        start = i + 1;
    }
    p->clause_start[p->nclauses] = start;
    p->clause_end[p->nclauses++] = p->n;
}

void tw_first_code(const tw_parse *p, int32_t actor, int32_t group, char *out, size_t cap) {
    if (group < 0 && actor >= 0) group = p->actors[actor].ref_group;
    if (group >= 0 && p->groups[group].n) actor = p->groups[group].members[0];
    const char *c = actor >= 0 ? p->actors[actor].code : "";
    size_t n = strcspn(c, "/");
    snprintf(out, cap, "%.*s", (int)n, c);
}

uint32_t tw_parse_text(tw_parse *p, const tw_dicts *dc, const char *text, size_t len, dy_date when,
                       const tw_opts *o, const char *fwd) {
    dy_doc doc = p->doc;
    memset(p, 0, offsetof(tw_parse, doc));
    p->doc = doc;
    make_words(p, text, len, dc->abbrevs);
    uint32_t counted = p->n;
    agent agents[TW_MAX_WORDS];
    uint32_t nagents = 0;
    classify(p, dc, when, agents, &nagents);
    shift_nouns(p);
    attach_agents(p, agents, nagents, o->convert_agents);
    find_compounds(p);
    resolve_pronouns(p, fwd);
    sort_actors(p);
    delete_comma_clauses(p, o);
    cut_clauses(p);
    for (uint32_t i = 0; i < p->n; i++) {
        tw_word *w = &p->words[i];
        int32_t a = w->actor;
        bool live = a >= 0 && !p->actors[a].dead && !w->deleted;
        p->pm[i] = (pm_word){w->w, w->n, live ? a : -1, live && !w->deleted ? w->group : -1};
        if (!live && w->group >= 0 && !w->deleted) p->pm[i].group = w->group;
    }
    return counted;
}
