/* wordpat.c - a recursive-descent reader for the phrase syntax. A phrase is built in a
 * local buffer and copied to the store in one piece, so every run of elements (a phrase,
 * an alternative, a synset member) is contiguous and nested runs come first. */
#include "wordpat.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RUN 96

void wp_init(wp_store *s, bool stems) {
    memset(s, 0, sizeof *s);
    dy_arena_init(&s->arena, 1 << 16);
    hm_init(&s->syn_index);
    s->stems = stems;
}

void wp_free(wp_store *s) {
    hm_free(&s->syn_index);
    dy_arena_free(&s->arena);
}

void wp_upper(char *dst, const char *src, size_t n) {
    for (size_t i = 0; i < n; i++) dst[i] = (char)(src[i] >= 'a' && src[i] <= 'z' ? src[i] - 32 : src[i]);
}

typedef struct parser {
    wp_store *s;
    const char *p, *end;
    char *err;
    size_t errlen;
} parser;

static bool fail(parser *ps, const char *msg) {
    snprintf(ps->err, ps->errlen, "%s", msg);
    return false;
}

/* TABARI reads hyphens in dictionary words as '_'; PETRARCH's words keep them, as the
 * parser's tokens do ("Barad-dur"). */
static bool word_char(char c, bool hyphen_joins) {
    return c && !strchr(" \t\r\n_{}|()*$%^@&~+", c) && (c != '-' || !hyphen_joins);
}

static wp_seq push_run(wp_store *s, const wp_elem *buf, size_t n) {
    wp_seq seq = {(uint32_t)s->elems.n, (uint32_t)n};
    for (size_t i = 0; i < n; i++) DY_PUSH(&s->arena, s->elems) = buf[i];
    return seq;
}

static bool parse_run(parser *ps, wp_elem *buf, size_t *nbuf, bool nested);

/* '{' already read: alternatives up to '}'. Without '|' (PETRARCH noun-phrase braces) the
 * words join the enclosing run. */
static bool parse_group(parser *ps, wp_elem *buf, size_t *nbuf) {
    wp_elem alt[8][MAX_RUN];
    size_t nalt[8], k = 0;
    for (;;) {
        if (k == 8) return fail(ps, "more than 8 alternatives in { }");
        nalt[k] = 0;
        if (!parse_run(ps, alt[k], &nalt[k], true)) return false;
        k++;
        if (ps->p >= ps->end) return fail(ps, "'{' without '}'");
        if (*ps->p++ == '}') break;
    }
    if (k == 1) {
        if (*nbuf + nalt[0] > MAX_RUN) return fail(ps, "phrase too long");
        memcpy(buf + *nbuf, alt[0], nalt[0] * sizeof *buf);
        *nbuf += nalt[0];
        return true;
    }
    wp_seq seqs[8];
    for (size_t i = 0; i < k; i++) seqs[i] = push_run(ps->s, alt[i], nalt[i]);
    wp_elem e = {.kind = WP_ALT, .ref = (uint32_t)ps->s->alts.n, .n = (uint32_t)k};
    for (size_t i = 0; i < k; i++) DY_PUSH(&ps->s->arena, ps->s->alts) = seqs[i];
    if (*nbuf == MAX_RUN) return fail(ps, "phrase too long");
    buf[(*nbuf)++] = e;
    return true;
}

/* A synset name after '&': letters and digits, and a final '_' when the name is declared so. */
static bool parse_synset(parser *ps, wp_elem *e) {
    const char *b = ps->p - 1;
    while (ps->p < ps->end && ((*ps->p >= 'A' && *ps->p <= 'Z') || (*ps->p >= 'a' && *ps->p <= 'z') ||
                               (*ps->p >= '0' && *ps->p <= '9')))
        ps->p++;
    char name[64];
    size_t n = (size_t)(ps->p - b);
    if (n < 2 || n + 1 >= sizeof name) return fail(ps, "bad synset name");
    wp_upper(name, b, n);
    uint32_t v;
    if (ps->p < ps->end && *ps->p == '_') {
        name[n] = '_';
        if (hm_get(&ps->s->syn_index, name, n + 1, &v)) {
            ps->p++;
            *e = (wp_elem){.kind = WP_SYN, .ref = v};
            return true;
        }
    }
    name[n] = '_';   /* "&PREPOSIT1" for a synset declared "&PREPOSIT1_" */
    if (!hm_get(&ps->s->syn_index, name, n, &v) && !hm_get(&ps->s->syn_index, name, n + 1, &v)) {
        snprintf(ps->err, ps->errlen, "undeclared synset %.*s", (int)n, name);
        return false;
    }
    *e = (wp_elem){.kind = WP_SYN, .ref = v};
    return true;
}

static bool parse_run(parser *ps, wp_elem *buf, size_t *nbuf, bool nested) {
    bool tilde = false;
    while (ps->p < ps->end) {
        char c = *ps->p;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '(' || c == ')') {
            ps->p++;
            tilde = false;
            continue;
        }
        if (c == '|' || c == '}') {
            if (!nested) return fail(ps, c == '|' ? "'|' outside { }" : "'}' without '{'");
            return true;
        }
        if (c == '~') {
            ps->p++;
            tilde = true;
            continue;
        }
        if (c == '_' || (c == '-' && ps->s->stems)) {
            ps->p++;
            if (*nbuf) {
                wp_elem *prev = &buf[*nbuf - 1];
                if (prev->kind == WP_WORD && !tilde) prev->exact = true;
                char nx = ps->p < ps->end ? *ps->p : ' ';
                prev->linked = !(nx == ' ' || nx == '\t' || nx == '|' || nx == '}' || nx == '\r' || nx == '\n');
            }
            tilde = false;
            continue;
        }
        tilde = false;
        if (*nbuf == MAX_RUN) return fail(ps, "phrase too long");
        wp_elem e = {0};
        ps->p++;
        switch (c) {
        case '{':
            if (!parse_group(ps, buf, nbuf)) return false;
            continue;
        case '*': e.kind = WP_VERB; break;
        case '$': e.kind = WP_SRC; break;
        case '+': e.kind = WP_TGT; break;
        case '%': e.kind = WP_CMP; break;
        case '^': e.kind = WP_SKIP; break;
        case '@': e.kind = WP_ATTR; break;
        case '&':
            if (!parse_synset(ps, &e)) return false;
            break;
        default: {
            const char *b = ps->p - 1;
            while (ps->p < ps->end && word_char(*ps->p, ps->s->stems)) ps->p++;
            size_t n = (size_t)(ps->p - b);
            e.kind = WP_WORD;
            if (n > 1 && b[n - 1] == '=') {   /* exact, without regular endings */
                e.frozen = true;
                n--;
            }
            if (n > 0xffff) return fail(ps, "word too long");
            char *w = dy_arena_alloc_raw(&ps->s->arena, n + 1);
            wp_upper(w, b, n);
            w[n] = '\0';
            e.word = w;
            e.len = (uint16_t)n;
            e.exact = !ps->s->stems || e.frozen;
        }
        }
        buf[(*nbuf)++] = e;
    }
    if (nested) return fail(ps, "'{' without '}'");
    return true;
}

bool wp_parse(wp_store *s, const char *text, size_t n, wp_seq *out, char *err, size_t errlen) {
    parser ps = {s, text, text + n, err, errlen};
    wp_elem buf[MAX_RUN];
    size_t nbuf = 0;
    if (!parse_run(&ps, buf, &nbuf, false)) return false;
    if (!nbuf) return fail(&ps, "empty phrase");
    *out = push_run(s, buf, nbuf);
    return true;
}

uint32_t wp_synset_new(wp_store *s, const char *name, size_t n) {
    char key[64];
    if (n >= sizeof key) n = sizeof key - 1;
    wp_upper(key, name, n);
    uint32_t v;
    if (hm_get(&s->syn_index, key, n, &v)) return v;
    wp_synset *syn = &DY_PUSH(&s->arena, s->syns);
    syn->name = dy_arena_strndup(&s->arena, key, n);
    syn->first = syn->n = 0;
    hm_put(&s->syn_index, key, n, (uint32_t)s->syns.n - 1);
    return (uint32_t)s->syns.n - 1;
}

/* Members of one synset stay contiguous in alts: a member added after other alternatives
 * were stored moves the synset's list to the end. */
bool wp_synset_add(wp_store *s, uint32_t syn, const char *text, size_t n, char *err, size_t errlen) {
    wp_seq seq;
    if (!wp_parse(s, text, n, &seq, err, errlen)) return false;
    wp_synset *sy = &s->syns.v[syn];
    if (sy->n && sy->first + sy->n != s->alts.n) {
        uint32_t first = (uint32_t)s->alts.n;
        for (uint32_t i = 0; i < sy->n; i++) {
            wp_seq old = s->alts.v[sy->first + i];
            DY_PUSH(&s->arena, s->alts) = old;
        }
        sy->first = first;
    }
    if (!sy->n) sy->first = (uint32_t)s->alts.n;
    DY_PUSH(&s->arena, s->alts) = seq;
    sy->n++;
    return true;
}

void wp_set_endings(wp_store *s, wp_seq seq, enum wp_ending e) {
    if (!seq.n) return;
    wp_elem *last = &s->elems.v[seq.first + seq.n - 1];
    if (last->kind == WP_WORD && !last->frozen) last->endings = (uint8_t)e;
}

static bool one_of(const char *r, size_t rn, const char *const *list) {
    for (; *list; list++)
        if (strlen(*list) == rn && memcmp(*list, r, rn) == 0) return true;
    return false;
}

bool wp_word_matches(const wp_elem *e, const char *w, size_t n) {
    if (n < e->len || memcmp(w, e->word, e->len) != 0) {
        /* DEPLORE -> DEPLORING, DEPLORED: the verb without its final E */
        if (e->exact && e->endings == WE_VERB && e->len > 2 && e->word[e->len - 1] == 'E' && n > e->len &&
            memcmp(w, e->word, e->len - 1u) == 0)
            return one_of(w + e->len - 1, n - e->len + 1, (const char *const[]){"ING", "ED", "EN", "ES", NULL});
        if (e->endings == WE_PLURAL && e->len > 1 && e->word[e->len - 1] == 'Y' && n == e->len + 2u &&
            memcmp(w, e->word, e->len - 1u) == 0)
            return memcmp(w + e->len - 1, "IES", 3) == 0;
        return false;
    }
    if (!e->exact || n == e->len) return true;
    if (e->frozen) return false;
    const char *r = w + e->len;
    size_t rn = n - e->len;
    switch (e->endings) {
    case WE_NOUN: return one_of(r, rn, (const char *const[]){"S", "'S", "'", "S'", NULL});
    case WE_VERB:
        if (e->word[e->len - 1] == 'E' && rn == 1 && *r == 'D') return true;
        return one_of(r, rn, (const char *const[]){"S", "ED", "ES", "EN", "ING", NULL});
    case WE_PLURAL: return one_of(r, rn, (const char *const[]){"S", "ES", "'S", NULL});
    default: return false;
    }
}

uint32_t wp_length(const wp_store *s, wp_seq seq) {
    uint32_t len = 0;
    for (uint32_t i = 0; i < seq.n; i++) {
        const wp_elem *e = &s->elems.v[seq.first + i];
        if (e->kind == WP_WORD) {
            for (uint16_t k = 0; k < e->len; k++) {
                char c = e->word[k];
                len += (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
            }
            len += e->exact && s->stems;
        } else if (e->kind == WP_ALT) {
            uint32_t best = 0;
            for (uint32_t k = 0; k < e->n; k++) {
                uint32_t l = wp_length(s, s->alts.v[e->ref + k]);
                if (l > best) best = l;
            }
            len += best;
        }
        len += e->linked && !(e->kind == WP_WORD && e->exact && s->stems);
    }
    return len;
}

const char *wp_trim(const char *s, size_t *n) {
    while (*n && (*s == ' ' || *s == '\t')) s++, (*n)--;
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r' || s[*n - 1] == '\n')) (*n)--;
    return s;
}

long wp_split_code(const char *s, size_t n, char *code, size_t cap) {
    const char *open = memchr(s, '[', n);
    code[0] = '\0';
    if (!open) return (long)n;
    const char *close = memchr(open, ']', n - (size_t)(open - s));
    if (!close) return -1;
    size_t k = 0;
    for (const char *p = open + 1; p < close && k + 1 < cap; p++)
        if (*p != ' ' && *p != '\t') code[k++] = *p;
    code[k] = '\0';
    return open - s;
}

/* The part of a line before its comment. */
static size_t strip_comment(const char *s, size_t n, bool petrarch) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ';') return i;
        if (petrarch && s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) return i;
    }
    return n;
}

/* Remove <!-- --> spans from line; *open carries an unclosed comment to the next line. */
static char *drop_xml_comments(char *s, bool *open) {
    if (*open) {
        char *close = strstr(s, "-->");
        if (!close) return NULL;
        *open = false;
        s = close + 3;
    }
    char *b;
    while ((b = strstr(s, "<!--")) != NULL) {
        char *close = strstr(b + 4, "-->");
        if (!close) {
            *open = true;
            *b = '\0';
            break;
        }
        memmove(b, close + 3, strlen(close + 3) + 1);
    }
    return s;
}

bool wp_each_line(const char *path, bool petrarch, wp_line_fn fn, void *ctx, char *err, size_t errlen) {
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(err, errlen, "cannot read %s", path);
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    uint32_t no = 0;
    bool ok = true, in_comment = false;
    while (ok && getline(&line, &cap, fp) != -1) {
        no++;
        char *s = line;
        if (petrarch && !(s = drop_xml_comments(s, &in_comment))) continue;
        if (!petrarch && !strncmp(s, "~~FINISH", 8)) break;
        if (s[0] == '#' || (!petrarch && s[0] == '/')) continue;
        size_t n = strip_comment(s, strlen(s), petrarch);
        bool indented = n && (s[0] == ' ' || s[0] == '\t');
        const char *t = wp_trim(s, &n);
        if (n) ok = fn(ctx, t, n, indented, no);
    }
    free(line);
    fclose(fp);
    return ok;
}

void wp_chain_insert(hashmap *first, const char *key, size_t n, uint32_t idx, void *base,
                     uint32_t *(*next_of)(void *, uint32_t), uint32_t (*len_of)(void *, uint32_t)) {
    uint32_t head, len = len_of(base, idx);
    if (!hm_get(first, key, n, &head) || len_of(base, head) < len) {
        *next_of(base, idx) = hm_get(first, key, n, &head) ? head : UINT32_MAX;
        hm_put(first, key, n, idx);
        return;
    }
    uint32_t at = head;
    while (*next_of(base, at) != UINT32_MAX && len_of(base, *next_of(base, at)) >= len) at = *next_of(base, at);
    *next_of(base, idx) = *next_of(base, at);
    *next_of(base, at) = idx;
}

void wp_skip_line(wp_store *s, const char *msg) {
    if (!s->skipped++) snprintf(s->first_error, sizeof s->first_error, "%s", msg);
}
