/* dictfmt.c - line-oriented parsers for the TABARI/PETRARCH dictionary formats. A group
 * (a phrase, its +synonyms, its code lines) is collected, then added to the model's
 * actor table as one actor with one period per code (restricted codes first, the
 * default last, so a date finds its restriction before the default). */
#include "dictfmt.h"
#include "../text/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PHRASES 256
#define MAX_CODES 32
#define MAX_MACROS 64

typedef struct code_block { dy_actor code; dy_date from, until; bool restricted; } code_block;

typedef struct actor_group {
    char *phrases[MAX_PHRASES];
    size_t nphrases;
    code_block codes[MAX_CODES];
    size_t ncodes;
} actor_group;

static const char *const sectors[] = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "PTY", "REB", "INS", "CRM",
                                      "BUS", "MED", "CVL", "EDU", "HLH", "REL", "LAB", "REF", "ELI", "HRI", "IGO",
                                      "NGO", "AGR", "ENV", "UAF", "SPY", "MNC", "RAD", "MOD", "SEP", "IMG"};

static bool upper3(const char *s) {
    return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

/* "RUSGOV" -> RUS/GOV, "IGOUNO" -> IGO/IGO, "USA" -> USA/-, "~AGR" -> -/AGR. */
static bool parse_code(const char *s, size_t n, dy_actor *out) {
    memset(out, 0, sizeof *out);
    if (n >= 1 && s[0] == '~') {
        if (n < 4 || !upper3(s + 1)) return false;
        memcpy(out->sector, s + 1, 3);
        return true;
    }
    if (n < 3 || !upper3(s) || (n == 3 && !memcmp(s, "---", 3))) return false;
    memcpy(out->country, s, 3);
    if (!strcmp(out->country, "IGO") || !strcmp(out->country, "NGO") || !strcmp(out->country, "MNC")) {
        memcpy(out->sector, out->country, 4);
        return true;
    }
    for (size_t at = 3; at + 3 <= n; at += 3)
        for (size_t i = 0; i < sizeof sectors / sizeof *sectors; i++)
            if (!memcmp(s + at, sectors[i], 3)) {
                memcpy(out->sector, sectors[i], 3);
                return true;
            }
    return true;
}

/* YYMMDD (00-30: 2000s) or YYYYMMDD. */
static bool parse_tabari_date(const char *s, size_t n, dy_date *out) {
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    int y, mo, d;
    if (n == 6) {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y <= 30 ? 2000 : 1900;
        s += 2;
    } else if (n == 8) {
        y = atoi((char[5]){s[0], s[1], s[2], s[3], 0});
        s += 4;
    } else {
        return false;
    }
    mo = (s[0] - '0') * 10 + (s[1] - '0');
    d = (s[2] - '0') * 10 + (s[3] - '0');
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
    *out = (dy_date){(int16_t)y, (int8_t)mo, (int8_t)d};
    return true;
}

/* One "[CODE restriction]" block; false when it gives nothing usable. */
static bool parse_block(const char *s, size_t n, code_block *out) {
    memset(out, 0, sizeof *out);
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    size_t cl = 0;
    while (cl < n && s[cl] != ' ' && s[cl] != '\t') cl++;
    if (!parse_code(s, cl, &out->code)) return false;
    const char *r = s + cl, *end = s + n;
    while (r < end && (*r == ' ' || *r == '\t')) r++;
    if (r == end) return true;
    out->restricted = true;
    char op = *r;
    if (op == '<' || op == '>') {
        r++;
        while (r < end && *r == ' ') r++;
        size_t dl = 0;
        while (r + dl < end && r[dl] >= '0' && r[dl] <= '9') dl++;
        return parse_tabari_date(r, dl, op == '<' ? &out->until : &out->from);
    }
    const char *dash = memchr(r, '-', (size_t)(end - r));
    if (!dash) return false;
    size_t l2 = 0;
    while (dash + 1 + l2 < end && dash[1 + l2] >= '0' && dash[1 + l2] <= '9') l2++;
    return parse_tabari_date(r, (size_t)(dash - r), &out->from) && parse_tabari_date(dash + 1, l2, &out->until);
}

/* A phrase as written in news: underscores become spaces, a final one is dropped;
 * invalid UTF-8 is taken as Latin-1. Returns a malloc'ed string or NULL when empty. */
static char *phrase_text(const char *s, size_t n) {
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '_')) n--;
    while (n && (*s == ' ' || *s == '\t' || *s == '+')) s++, n--;
    if (!n) return NULL;
    bool utf8 = u8_validate(s, n) == SIZE_MAX;
    char *out = malloc(n * 2 + 1), *p = out;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '_') *p++ = ' ';
        else if (c >= 0x80 && !utf8) {
            *p++ = (char)(0xC0 | (c >> 6));
            *p++ = (char)(0x80 | (c & 0x3F));
        } else *p++ = (char)c;
    }
    *p = '\0';
    return out;
}

/* "VLADIMIR PUTIN" -> "Vladimir Putin" for the entity name. */
static char *title_case(dy_arena *a, const char *s) {
    size_t n = strlen(s);
    char *out = dy_arena_strndup(a, s, n);
    bool start = true;
    for (size_t i = 0; i < n; i++) {
        char c = out[i];
        if (c >= 'A' && c <= 'Z' && !start) out[i] = (char)(c + 32);
        start = c == ' ' || c == '-';
    }
    return out;
}

/* People have two to four words none of which is a role word ("forces", "ministry"). */
static uint8_t guess_type(dy_model *m, const actor_group *g) {
    const code_block *c = &g->codes[0];
    if (!c->code.sector[0]) return ET_GPE;
    const char *p = g->phrases[0];
    size_t words = 1;
    for (const char *q = p; *q; q++) words += *q == ' ';
    if (words < 2 || words > 4) return ET_ORG;
    char word[64];
    for (const char *q = p; *q;) {
        size_t l = strcspn(q, " ");
        if (l < sizeof word) {
            memcpy(word, q, l);
            word[l] = '\0';
            for (char *w = word; *w; w++) *w = (char)(*w >= 'A' && *w <= 'Z' ? *w + 32 : *w);
            if (hm_gets(&m->role_pt.map, word, NULL)) return ET_ORG;
        }
        q += l;
        while (*q == ' ') q++;
    }
    return ET_PERSON;
}

static void flush_group(dy_model *m, actor_group *g, size_t *entries) {
    if (g->nphrases && g->ncodes) {
        uint32_t first = (uint32_t)m->actors.n, prev = DY_NONE;
        uint8_t type = guess_type(m, g);
        const char *name = title_case(&m->arena, g->phrases[0]);
        for (int pass = 0; pass < 2; pass++)   /* restricted periods first, the default last */
            for (size_t i = 0; i < g->ncodes; i++) {
                const code_block *c = &g->codes[i];
                if (c->restricted != (pass == 0)) continue;
                kb_actor *a = &DY_PUSH(&m->arena, m->actors);
                *a = (kb_actor){name, type, c->code, c->from, c->until, DY_NONE, DY_NONE, false};
                if (prev != DY_NONE) m->actors.v[prev].next = (uint32_t)m->actors.n - 1;
                prev = (uint32_t)m->actors.n - 1;
            }
        for (size_t i = 0; i < g->nphrases; i++)
            pt_set(&m->actor_pt, &m->vocab, g->phrases[i], strlen(g->phrases[i]), &m->abbrevs, first);
        if (type == ET_PERSON) model_add_surname(m, name, strlen(name), first);
        *entries += g->nphrases;
    }
    for (size_t i = 0; i < g->nphrases; i++) free(g->phrases[i]);
    g->nphrases = g->ncodes = 0;
}

/* Code blocks "[...]" in s[0..n) into the group. */
static void take_blocks(actor_group *g, const char *s, size_t n) {
    const char *end = s + n;
    while ((s = memchr(s, '[', (size_t)(end - s))) != NULL) {
        const char *close = memchr(s, ']', (size_t)(end - s));
        if (!close) break;
        if (g->ncodes < MAX_CODES && parse_block(s + 1, (size_t)(close - s - 1), &g->codes[g->ncodes])) g->ncodes++;
        s = close + 1;
    }
}

/* The part of a line before its comment (";" in TABARI, " #" in PETRARCH). */
static size_t content_length(const char *line, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (line[i] == ';' || (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))) return i;
    return n;
}

typedef void (*line_fn)(dy_model *m, void *state, char *line, size_t n);

/* Every line of the file that is not a comment or inside <NOUN>, <ADJECTIVE> or <!-- -->. */
static bool each_line(dy_model *m, const char *path, line_fn fn, void *state, char *err, size_t errlen) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot read %s", path);
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    bool skipping = false;
    while ((len = getline(&line, &cap, f)) != -1) {
        size_t n = (size_t)len;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        line[n] = '\0';
        if (skipping) {
            if (strstr(line, "-->") || strstr(line, "</NOUN>") || strstr(line, "</ADJECTIVE>")) skipping = false;
            continue;
        }
        if (!strncmp(line, "<!--", 4) || !strncmp(line, "<NOUN>", 6) || !strncmp(line, "<ADJECTIVE>", 11)) {
            skipping = !strstr(line + 4, "-->") && !strstr(line, "</");
            continue;
        }
        if (line[0] == '<' || line[0] == '#') continue;
        fn(m, state, line, content_length(line, n));
    }
    free(line);
    fclose(f);
    return true;
}

typedef struct actor_state { actor_group group; size_t entries; } actor_state;

static void actor_line(dy_model *m, void *p, char *line, size_t n) {
    actor_state *st = p;
    actor_group *g = &st->group;
    if (!n) return;
    if (line[0] == ' ' || line[0] == '\t') {   /* a code line of the current group */
        take_blocks(g, line, n);
        return;
    }
    const char *bracket = memchr(line, '[', n);
    size_t pl = bracket ? (size_t)(bracket - line) : n;
    if (line[0] != '+') flush_group(m, g, &st->entries);
    char *phrase = phrase_text(line, pl);
    if (phrase && g->nphrases < MAX_PHRASES) g->phrases[g->nphrases++] = phrase;
    else free(phrase);
    if (bracket) take_blocks(g, bracket, n - pl);
}

bool dict_load_actors(dy_model *m, const char *path, size_t *entries, char *err, size_t errlen) {
    actor_state *st = calloc(1, sizeof *st);
    bool ok = each_line(m, path, actor_line, st, err, errlen);
    flush_group(m, &st->group, &st->entries);
    if (entries) *entries = st->entries;
    free(st);
    return ok;
}

typedef struct macro { char name[32]; char *alts[16]; size_t nalts; } macro;
typedef struct agent_state { macro macros[MAX_MACROS]; size_t nmacros, entries; } agent_state;

static void add_role(dy_model *m, const char *phrase, const dy_actor *code, size_t *entries) {
    kb_role *r = &DY_PUSH(&m->arena, m->roles);
    memset(r, 0, sizeof *r);
    r->code = *code;
    r->kind = ROLE_NOUN;
    size_t n = strlen(phrase);
    r->plural = n > 3 && phrase[n - 1] == 'S' && !strchr("SUI", phrase[n - 2]);
    pt_set(&m->role_pt, &m->vocab, phrase, n, &m->abbrevs, (uint32_t)m->roles.n - 1);
    (*entries)++;
}

/* Expand the first !MACRO! of phrase with each alternative, recursively. */
static void expand(dy_model *m, agent_state *st, const char *phrase, const dy_actor *code, int depth) {
    const char *a = strchr(phrase, '!'), *b = a ? strchr(a + 1, '!') : NULL;
    if (!a || !b || depth > 3) {
        add_role(m, phrase, code, &st->entries);
        return;
    }
    for (size_t i = 0; i < st->nmacros; i++) {
        macro *mc = &st->macros[i];
        if (strlen(mc->name) != (size_t)(b - a + 1) || strncmp(mc->name, a, (size_t)(b - a + 1))) continue;
        for (size_t k = 0; k < mc->nalts; k++) {
            size_t n = (size_t)(a - phrase) + strlen(mc->alts[k]) + strlen(b + 1) + 1;
            char *x = malloc(n);
            snprintf(x, n, "%.*s%s%s", (int)(a - phrase), phrase, mc->alts[k], b + 1);
            expand(m, st, x, code, depth + 1);
            free(x);
        }
        return;
    }
}

static void agent_line(dy_model *m, void *p, char *line, size_t n) {
    agent_state *st = p;
    if (!n) return;
    line[n] = '\0';
    if (line[0] == '!' && strchr(line, '=')) {   /* !PERSON! = MAN, MEN, WOMAN */
        if (st->nmacros == MAX_MACROS) return;
        macro *mc = &st->macros[st->nmacros++];
        memset(mc, 0, sizeof *mc);
        char *eq = strchr(line, '=');
        size_t nl = (size_t)(eq - line);
        while (nl && line[nl - 1] == ' ') nl--;
        snprintf(mc->name, sizeof mc->name, "%.*s", (int)nl, line);
        for (char *tok = strtok(eq + 1, ", \t"); tok && mc->nalts < 16; tok = strtok(NULL, ", \t"))
            mc->alts[mc->nalts++] = strdup(tok);
        return;
    }
    const char *bracket = strchr(line, '[');
    if (!bracket || line[0] == ' ' || line[0] == '\t') return;
    const char *close = strchr(bracket, ']');
    code_block cb;
    if (!close || !parse_block(bracket + 1, (size_t)(close - bracket - 1), &cb)) return;
    char *phrase = phrase_text(line, (size_t)(bracket - line));
    if (phrase) expand(m, st, phrase, &cb.code, 0);
    free(phrase);
}

bool dict_load_agents(dy_model *m, const char *path, size_t *entries, char *err, size_t errlen) {
    agent_state *st = calloc(1, sizeof *st);
    bool ok = each_line(m, path, agent_line, st, err, errlen);
    if (entries) *entries = st->entries;
    for (size_t i = 0; i < st->nmacros; i++)
        for (size_t k = 0; k < st->macros[i].nalts; k++) free(st->macros[i].alts[k]);
    free(st);
    return ok;
}
