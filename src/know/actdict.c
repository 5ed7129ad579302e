/* actdict.c - readers for actor and agent files. A group starts at an unindented phrase
 * line; "+PHRASE" lines add synonyms to it and indented "[CODE restriction]" lines add
 * codes, so every group's codes are one contiguous run. */
#include "actdict.h"
#include "model.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE32 UINT32_MAX
#define MAX_MACROS 32

void ad_init(ad_dict *d, bool stems) {
    memset(d, 0, sizeof *d);
    wp_init(&d->wp, stems);
    hm_init(&d->first);
}

void ad_free(ad_dict *d) {
    hm_free(&d->first);
    wp_free(&d->wp);
}

uint32_t ad_first(const ad_dict *d, const char *w, size_t n) {
    uint32_t v;
    return hm_get(&d->first, w, n, &v) ? v : NONE32;
}

bool ad_parse_date(const char *s, size_t n, dy_date *out) {
    if (n != 6 && n != 8) return false;
    int v[8];
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v[i] = s[i] - '0';
    }
    int y = v[0] * 10 + v[1], k = 2;
    if (n == 8) y = y * 100 + v[2] * 10 + v[3], k = 4;
    else y += y <= 30 ? 2000 : 1900;
    int m = v[k] * 10 + v[k + 1], day = v[k + 2] * 10 + v[k + 3];
    if (m < 1 || m > 12 || day < 1 || day > 31) return false;
    *out = (dy_date){(int16_t)y, (int8_t)m, (int8_t)day};
    return true;
}

const char *ad_code_on(const ad_dict *d, uint32_t group, dy_date when) {
    if (group == NONE32) return "---";
    const ad_group *g = &d->groups.v[group];
    const char *fallback = NULL;
    for (uint32_t i = 0; i < g->n; i++) {
        const ad_code *c = &d->codes.v[g->first + i];
        if (c->rule == 0) {
            if (!fallback) fallback = c->code;
            continue;
        }
        if (!when.y) continue;
        bool after = c->rule == 1 || date_cmp(when, c->from) >= 0;
        bool before = c->rule == 2 || date_cmp(when, c->until) <= 0;
        if (after && before) return c->code;
    }
    return fallback ? fallback : "---";
}

typedef struct ad_macro { char name[32]; char alts[16][48]; int n; } ad_macro;

typedef struct loader {
    ad_dict *d;
    const char *path;
    uint32_t line;
    char *err;
    size_t errlen;
    uint8_t type;        /* enum ad_type of plain lines */
    uint8_t section;     /* AT_ACTOR, or AT_NOUN/AT_ADJ inside those sections */
    uint32_t group;
    bool petrarch;
    ad_macro macros[MAX_MACROS];
    int nmacros;
    wp_line_fn fn;       /* the format's line reader */
} loader;

static bool bad(loader *l, const char *msg) {
    char m[200];
    snprintf(m, sizeof m, "%s", msg);
    snprintf(l->err, l->errlen, "%s:%u: %s", l->path, l->line, m);
    return false;
}

static uint32_t *entry_next(void *d, uint32_t i) { return &((ad_dict *)d)->entries.v[i].next; }
static uint32_t entry_len(void *d, uint32_t i) { return ((ad_dict *)d)->entries.v[i].len; }

static bool add_entry(loader *l, const char *s, size_t n, uint8_t type, enum wp_ending e) {
    ad_dict *d = l->d;
    wp_seq seq;
    if (!wp_parse(&d->wp, s, n, &seq, l->err, l->errlen)) return bad(l, l->err);
    const wp_elem *first = &d->wp.elems.v[seq.first];
    if (first->kind != WP_WORD) return bad(l, "a phrase must start with a word");
    wp_set_endings(&d->wp, seq, e);
    ad_entry *en = &DY_PUSH(&d->wp.arena, d->entries);
    *en = (ad_entry){seq, wp_length(&d->wp, seq), type == AT_NOUN || type == AT_ADJ ? NONE32 : l->group, NONE32, type};
    if (first->len > d->max_first) d->max_first = first->len;
    wp_chain_insert(&d->first, first->word, first->len, (uint32_t)d->entries.n - 1, d, entry_next, entry_len);
    return true;
}

/* One "[CODE restriction]" block's content. */
static bool add_code(loader *l, const char *s, size_t n) {
    ad_code c = {0};
    size_t i = 0, k = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    while (i < n && (s[i] == '-' || s[i] == ' ') && !(s[i] == ' ' && k == 3)) {   /* "---" or "- - -" */
        if (s[i] == '-' && k < 3) c.code[k++] = '-';
        i++;
    }
    if (k == 0)
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '<' && s[i] != '>' && k + 1 < sizeof c.code) {
            char ch = s[i++];
            c.code[k++] = ch >= 'a' && ch <= 'z' ? (char)(ch - 32) : ch;
        }
    if (k == 0) return bad(l, "code block without a code");
    char rest[48];
    size_t r = 0;
    for (; i < n && r + 1 < sizeof rest; i++)
        if (s[i] != ' ' && s[i] != '\t') rest[r++] = s[i];
    rest[r] = '\0';
    if (r) {
        bool ok;
        if (rest[0] == '<') c.rule = 1, ok = ad_parse_date(rest + 1, r - 1, &c.until);
        else if (rest[0] == '>') c.rule = 2, ok = ad_parse_date(rest + 1, r - 1, &c.from);
        else {
            const char *dash = memchr(rest, '-', r);
            c.rule = 3;
            ok = dash && ad_parse_date(rest, (size_t)(dash - rest), &c.from) &&
                 ad_parse_date(dash + 1, r - (size_t)(dash - rest) - 1, &c.until);
        }
        if (!ok) return bad(l, "bad date restriction in a code block");
    }
    if (l->group == NONE32) return bad(l, "code without a phrase");
    DY_PUSH(&l->d->wp.arena, l->d->codes) = c;
    l->d->groups.v[l->group].n++;
    return true;
}

/* Every [...] block of s into the current group. */
static bool add_codes(loader *l, const char *s, size_t n) {
    const char *end = s + n;
    while ((s = memchr(s, '[', (size_t)(end - s))) != NULL) {
        const char *close = memchr(s, ']', (size_t)(end - s));
        if (!close) return bad(l, "'[' without ']'");
        if (!add_code(l, s + 1, (size_t)(close - s - 1))) return false;
        s = close + 1;
    }
    return true;
}

static void new_group(loader *l) {
    ad_group *g = &DY_PUSH(&l->d->wp.arena, l->d->groups);
    g->first = (uint32_t)l->d->codes.n;
    g->n = 0;
    l->group = (uint32_t)l->d->groups.n - 1;
}

static bool actor_line(void *ctx, const char *s, size_t n, bool indented, uint32_t line) {
    loader *l = ctx;
    l->line = line;
    if (s[0] == '<') {
        if (!strncmp(s, "<NOUN>", 6)) l->section = AT_NOUN;
        else if (!strncmp(s, "<ADJECTIVE>", 11)) l->section = AT_ADJ;
        else if (!strncmp(s, "</", 2)) l->section = AT_ACTOR;
        return true;
    }
    enum wp_ending e = l->petrarch ? WE_NONE : WE_NOUN;
    if (l->section != AT_ACTOR) {
        const char *b = memchr(s, '[', n);
        size_t pn = b ? (size_t)(b - s) : n;
        s = wp_trim(s, &pn);
        return add_entry(l, s, pn, l->section, e);
    }
    if (indented || s[0] == '[') return add_codes(l, s, n);
    bool synonym = s[0] == '+';
    if (synonym) {
        if (l->group == NONE32) return bad(l, "synonym before any actor");
        s++, n--;
    } else {
        new_group(l);
    }
    const char *b = memchr(s, '[', n);
    size_t pn = b ? (size_t)(b - s) : n;
    const char *phrase = wp_trim(s, &pn);
    if (!add_entry(l, phrase, pn, l->type, e)) return false;
    return b ? add_codes(l, b, n - (size_t)(b - s)) : true;
}

/* A malformed line is left out and noted (see wordpat.h). */
static bool lenient_line(void *ctx, const char *s, size_t n, bool indented, uint32_t line) {
    loader *l = ctx;
    if (!l->fn(ctx, s, n, indented, line)) wp_skip_line(&l->d->wp, l->err);
    return true;
}

static bool load(ad_dict *d, const char *path, bool petrarch, uint8_t type, wp_line_fn fn, char *err,
                 size_t errlen) {
    loader *l = calloc(1, sizeof *l);   /* the macro table makes it large */
    *l = (loader){.d = d, .path = path, .err = err, .errlen = errlen, .type = type, .group = NONE32,
                  .petrarch = petrarch};
    l->fn = fn;
    bool ok = wp_each_line(path, petrarch, lenient_line, l, err, errlen);
    free(l);
    return ok;
}

bool ad_load_actors(ad_dict *d, const char *path, bool petrarch, char *err, size_t errlen) {
    return load(d, path, petrarch, AT_ACTOR, actor_line, err, errlen);
}

/* Agent phrase with its first !MACRO! replaced by each alternative, recursively. */
static bool add_agent(loader *l, const char *s, size_t n, enum wp_ending e, int depth) {
    const char *a = memchr(s, '!', n), *b = a ? memchr(a + 1, '!', n - (size_t)(a + 1 - s)) : NULL;
    if (!a || !b || depth > 3) return add_entry(l, s, n, AT_AGENT, e);
    size_t mn = (size_t)(b - a + 1);
    for (int i = 0; i < l->nmacros; i++) {
        if (strlen(l->macros[i].name) != mn || memcmp(l->macros[i].name, a, mn)) continue;
        for (int k = 0; k < l->macros[i].n; k++) {
            char buf[256];
            int len = snprintf(buf, sizeof buf, "%.*s%s%.*s", (int)(a - s), s, l->macros[i].alts[k],
                               (int)(n - (size_t)(b + 1 - s)), b + 1);
            if (len <= 0 || (size_t)len >= sizeof buf) return bad(l, "agent phrase too long");
            if (!add_agent(l, buf, (size_t)len, e, depth + 1)) return false;
        }
        return true;
    }
    return bad(l, "undefined !MACRO! in agent phrase");
}

static bool macro_line(loader *l, const char *s, size_t n) {
    if (l->nmacros == MAX_MACROS) return bad(l, "too many !MACRO! definitions");
    const char *eq = memchr(s, '=', n);
    size_t nn = (size_t)(eq - s);
    const char *name = wp_trim(s, &nn);
    if (nn >= sizeof l->macros[0].name) return bad(l, "macro name too long");
    ad_macro *m = &l->macros[l->nmacros++];
    snprintf(m->name, sizeof m->name, "%.*s", (int)nn, name);
    m->n = 0;
    for (const char *p = eq + 1, *end = s + n; p < end && m->n < 16;) {
        while (p < end && (*p == ' ' || *p == ',' || *p == '\t')) p++;
        const char *b = p;
        while (p < end && *p != ',' && *p != ' ' && *p != '\t') p++;
        if (p > b) snprintf(m->alts[m->n++], sizeof m->alts[0], "%.*s", (int)(p - b), b);
    }
    return true;
}

static bool agent_line(void *ctx, const char *s, size_t n, bool indented, uint32_t line) {
    loader *l = ctx;
    l->line = line;
    if (s[0] == '<' || indented) return true;
    if (s[0] == '!' && memchr(s, '=', n)) return macro_line(l, s, n);
    const char *b = memchr(s, '[', n);
    if (!b) return bad(l, "agent without a [code]");
    new_group(l);
    if (!add_codes(l, b, n - (size_t)(b - s))) return false;
    size_t pn = (size_t)(b - s);
    const char *brace = memchr(s, '{', pn);
    enum wp_ending e = l->petrarch ? (brace ? WE_NONE : WE_PLURAL) : WE_NOUN;
    size_t mn = brace ? (size_t)(brace - s) : pn;
    const char *phrase = wp_trim(s, &mn);
    if (!add_agent(l, phrase, mn, e, 0)) return false;
    if (brace) {
        const char *close = memchr(brace, '}', pn - (size_t)(brace - s));
        if (!close) return bad(l, "'{' without '}'");
        for (const char *p = brace + 1; p < close;) {
            while (p < close && (*p == ' ' || *p == '\t')) p++;
            const char *w = p;
            while (p < close && *p != ' ' && *p != '\t') p++;
            if (p > w && !add_agent(l, w, (size_t)(p - w), WE_NONE, 0)) return false;
        }
    }
    return true;
}

bool ad_load_agents(ad_dict *d, const char *path, bool petrarch, char *err, size_t errlen) {
    return load(d, path, petrarch, AT_AGENT, agent_line, err, errlen);
}
