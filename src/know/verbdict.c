/* verbdict.c - line readers for the two verb file formats. TABARI: a root line
 * "ROOT [code]", an optional "{FORM FORM}" line, "- pattern [code]" lines, <SYNSETS>,
 * <TIME> and <ATTRIB> sections, ';' comments, "~~FINISH" at the end. PETRARCH: "&NAME"
 * synsets with "+member" lines, "--- NAME [code] ---" blocks of verb lines ("GIVE
 * {GAVE GIVEN GIVING}", "+CORDON_OFF", "DOWNPLAY [014]") and "- pattern [code]" lines,
 * "#" and <!-- --> comments; "~" transformation lines are not used. */
#include "verbdict.h"
#include <stdio.h>
#include <string.h>

#define NO_ROOT UINT32_MAX

void vd_init(vd_dict *d, enum vd_format f) {
    memset(d, 0, sizeof *d);
    wp_init(&d->wp, f == VF_TABARI);
    hm_init(&d->first);
}

void vd_free(vd_dict *d) {
    hm_free(&d->first);
    wp_free(&d->wp);
}

const char *vd_root_code(const vd_dict *d, const vd_root *r) {
    return r->code[0] ? r->code : d->verbs.v[r->verb].code;
}

uint32_t vd_root_at(const vd_dict *d, const char *w, size_t n) {
    uint32_t v;
    return hm_get(&d->first, w, n, &v) ? v : NO_ROOT;
}

typedef struct reader {
    vd_dict *d;
    const char *path;
    uint32_t line;
    char *err;
    size_t errlen;
    uint32_t verb;       /* current verb, or NO_ROOT */
    uint32_t syn;        /* current synset, or NO_ROOT */
    uint8_t section;
} reader;

static bool bad(reader *r, const char *msg) {
    char m[200];
    snprintf(m, sizeof m, "%s", msg);   /* msg may live in r->err */
    snprintf(r->err, r->errlen, "%s:%u: %s", r->path, r->line, m);
    return false;
}

static uint32_t new_verb(reader *r, const char *name, size_t n, const char *code) {
    vd_verb *v = &DY_PUSH(&r->d->wp.arena, r->d->verbs);
    v->name = dy_arena_strndup(&r->d->wp.arena, name, n);
    snprintf(v->code, sizeof v->code, "%s", code[0] ? code : "---");
    v->first_pat = (uint32_t)r->d->pats.n;
    v->npat = 0;
    v->section = r->section;
    if (r->section == VS_TIME) r->d->has_time = true;
    return r->verb = (uint32_t)r->d->verbs.n - 1;
}

static uint32_t *root_next(void *d, uint32_t i) { return &((vd_dict *)d)->roots.v[i].next; }
static uint32_t root_len(void *d, uint32_t i) { return ((vd_dict *)d)->roots.v[i].len; }

/* Add a root; chains keep the longest phrase first. */
static bool add_root(reader *r, const char *text, size_t n, const char *code, uint8_t head) {
    vd_dict *d = r->d;
    wp_seq seq;
    if (!wp_parse(&d->wp, text, n, &seq, r->err, r->errlen)) return bad(r, r->err);
    const wp_elem *first = &d->wp.elems.v[seq.first];
    if (first->kind != WP_WORD) return bad(r, "a verb form must start with a word");
    if (d->wp.stems) wp_set_endings(&d->wp, seq, WE_VERB);
    vd_root *rt = &DY_PUSH(&d->wp.arena, d->roots);
    uint32_t idx = (uint32_t)d->roots.n - 1;
    *rt = (vd_root){seq, r->verb, NO_ROOT, wp_length(&d->wp, seq), head, ""};
    snprintf(rt->code, sizeof rt->code, "%s", code);
    if (first->len > d->max_first) d->max_first = first->len;
    wp_chain_insert(&d->first, first->word, first->len, idx, d, root_next, root_len);
    return true;
}

static bool add_pattern(reader *r, const char *s, size_t n) {
    if (r->verb == NO_ROOT) return bad(r, "pattern before any verb");
    char code[16];
    long at = wp_split_code(s, n, code, sizeof code);
    if (at < 0) return bad(r, "'[' without ']'");
    if (!code[0]) return bad(r, "pattern without a [code]");
    if (!memchr(s, '*', (size_t)at)) return bad(r, "pattern without the verb marker *");
    vd_pattern *p = &DY_PUSH(&r->d->wp.arena, r->d->pats);
    if (!wp_parse(&r->d->wp, s, (size_t)at, &p->seq, r->err, r->errlen)) {
        r->d->pats.n--;
        return bad(r, r->err);
    }
    p->len = wp_length(&r->d->wp, p->seq);
    snprintf(p->code, sizeof p->code, "%s", code);
    p->line = r->line;
    vd_verb *v = &r->d->verbs.v[r->verb];
    if (v->first_pat + v->npat != r->d->pats.n - 1) return bad(r, "patterns of a verb must follow it");
    v->npat++;
    return true;
}

static bool add_member(reader *r, const char *s, size_t n) {
    if (r->syn == NO_ROOT) return bad(r, "synset member before any &NAME");
    wp_store *wp = &r->d->wp;
    if (!wp_synset_add(wp, r->syn, s, n, r->err, r->errlen)) return bad(r, r->err);
    const char *name = wp->syns.v[r->syn].name;
    bool plural = !wp->stems && s[n - 1] != '_' && name[strlen(name) - 1] != '_';
    if (plural) wp_set_endings(wp, wp->alts.v[wp->syns.v[r->syn].first + wp->syns.v[r->syn].n - 1], WE_PLURAL);
    return true;
}

static bool tabari_line(reader *r, const char *s, size_t n) {
    if (n >= 2 && s[0] == '<') {
        if (!strncmp(s, "<SYNSET", 7)) r->syn = NO_ROOT, r->section = 255;
        else if (!strncmp(s, "</SYNSET", 8)) r->syn = NO_ROOT, r->section = VS_VERB;
        else if (!strncmp(s, "<TIME>", 6)) r->section = VS_TIME, r->verb = NO_ROOT;
        else if (!strncmp(s, "<ATTRIB>", 8)) r->section = VS_ATTRIB, r->verb = NO_ROOT;
        else if (!strncmp(s, "</", 2)) r->section = VS_VERB, r->verb = NO_ROOT;
        return true;
    }
    if (r->section == 255) {   /* inside <SYNSETS> */
        if (s[0] == '&') {
            size_t k = 0;
            while (k < n && s[k] != ' ' && s[k] != '\t') k++;
            r->syn = wp_synset_new(&r->d->wp, s, k);
            return true;
        }
        if (s[0] == '+') return add_member(r, s + 1, n - 1);
        return bad(r, "expected &NAME or +member in <SYNSETS>");
    }
    if (s[0] == '-') return add_pattern(r, s + 1, n - 1);
    if (s[0] == '{') {
        if (r->verb == NO_ROOT) return bad(r, "verb forms before any verb");
        const char *e = memchr(s, '}', n);
        if (!e) return bad(r, "'{' without '}'");
        for (const char *p = s + 1; p < e;) {
            while (p < e && (*p == ' ' || *p == '\t')) p++;
            const char *b = p;
            while (p < e && *p != ' ' && *p != '\t') p++;
            if (p > b && !add_root(r, b, (size_t)(p - b), "", 0)) return false;
        }
        return true;
    }
    char code[16];
    long at = wp_split_code(s, n, code, sizeof code);
    if (at < 0) return bad(r, "'[' without ']'");
    if (!code[0]) return bad(r, "verb without a [code]");
    size_t pn = (size_t)at;
    const char *phrase = wp_trim(s, &pn);
    new_verb(r, phrase, pn, code);
    return add_root(r, phrase, pn, "", 0);
}

/* A PETRARCH form with '+' before its verb word; forms in {} or the regular ones. */
static bool petrarch_form(reader *r, const char *s, size_t n, const char *code) {
    char buf[256];
    if (n >= sizeof buf) return bad(r, "verb form too long");
    size_t k = 0;
    uint8_t head = 0, words = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '+') {
            head = words;
            continue;
        }
        if (s[i] == '_') words++;
        buf[k++] = s[i];
    }
    return add_root(r, buf, k, code, head);
}

static void regular_forms(const char *w, size_t n, char out[3][80]) {
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : 'A';
    if (last == 'S' || last == 'X' || last == 'Z') snprintf(out[0], 80, "%.*sES", (int)n, w);
    else if (last == 'Y') snprintf(out[0], 80, "%.*sIES", (int)n - 1, w);
    else snprintf(out[0], 80, "%.*sS", (int)n, w);
    snprintf(out[1], 80, last == 'E' ? "%.*sD" : "%.*sED", (int)n, w);
    if (last == 'E' && !strchr("AEIOU", prev)) snprintf(out[2], 80, "%.*sING", (int)n - 1, w);
    else snprintf(out[2], 80, "%.*sING", (int)n, w);
}

static bool petrarch_verb_line(reader *r, const char *s, size_t n) {
    if (r->verb == NO_ROOT) return bad(r, "verb before any --- block");
    char code[16];
    long at = wp_split_code(s, n, code, sizeof code);
    if (at < 0) return bad(r, "'[' without ']'");
    size_t mn = (size_t)at;
    const char *brace = memchr(s, '{', mn);
    if (brace) mn = (size_t)(brace - s);
    const char *main = wp_trim(s, &mn);
    if (!mn) return bad(r, "empty verb line");
    if (!petrarch_form(r, main, mn, code)) return false;
    if (brace) {
        const char *e = memchr(brace, '}', (size_t)at - (size_t)(brace - s));
        if (!e) return bad(r, "'{' without '}'");
        for (const char *p = brace + 1; p < e;) {
            while (p < e && (*p == ' ' || *p == '\t')) p++;
            const char *b = p;
            while (p < e && *p != ' ' && *p != '\t') p++;
            if (p > b && !petrarch_form(r, b, (size_t)(p - b), code)) return false;
        }
        return true;
    }
    if (memchr(main, '_', mn)) return true;   /* multi-word forms list their inflections */
    char forms[3][80];
    regular_forms(main, mn, forms);
    for (int i = 0; i < 3; i++)
        if (!petrarch_form(r, forms[i], strlen(forms[i]), code)) return false;
    return true;
}

static bool petrarch_line(reader *r, const char *s, size_t n) {
    if (n >= 3 && !strncmp(s, "---", 3)) {
        char code[16];
        long at = wp_split_code(s, n, code, sizeof code);
        if (at < 0) return bad(r, "'[' without ']'");
        const char *b = s + 3;
        while (*b == ' ' || *b == '\t') b++;
        size_t k = 0;
        while (b + k < s + at && b[k] != ' ' && b[k] != '\t' && b[k] != '[') k++;
        new_verb(r, b, k, code);
        r->syn = NO_ROOT;
        return true;
    }
    if (s[0] == '&') {
        size_t k = 0;
        while (k < n && s[k] != ' ' && s[k] != '\t') k++;
        r->syn = wp_synset_new(&r->d->wp, s, k);
        return true;
    }
    if (s[0] == '+' && r->syn != NO_ROOT) return add_member(r, s + 1, n - 1);
    if (s[0] == '-') return add_pattern(r, s + 1, n - 1);
    if (s[0] == '~' || s[0] == '<') return true;
    r->syn = NO_ROOT;
    return petrarch_verb_line(r, s, n);
}

bool vd_detect(const char *path, enum vd_format *f, char *err, size_t errlen) {
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(err, errlen, "cannot read %s", path);
        return false;
    }
    char line[1024];
    *f = VF_TABARI;
    while (fgets(line, sizeof line, fp))
        if (!strncmp(line, "---", 3) && strchr(line, '[')) {
            *f = VF_PETRARCH;
            break;
        }
    fclose(fp);
    return true;
}

static void sort_patterns(vd_dict *d) {
    for (size_t v = 0; v < d->verbs.n; v++) {
        vd_pattern *p = d->pats.v + d->verbs.v[v].first_pat;
        for (uint32_t i = 1; i < d->verbs.v[v].npat; i++) {   /* stable insertion sort */
            vd_pattern x = p[i];
            uint32_t j = i;
            while (j > 0 && p[j - 1].len < x.len) p[j] = p[j - 1], j--;
            p[j] = x;
        }
    }
}

static bool verb_line(void *ctx, const char *s, size_t n, bool indented, uint32_t line) {
    (void)indented;
    reader *r = ctx;
    r->line = line;
    if (!(r->d->wp.stems ? tabari_line(r, s, n) : petrarch_line(r, s, n))) wp_skip_line(&r->d->wp, r->err);
    return true;
}

bool vd_load(vd_dict *d, const char *path, enum vd_format f, char *err, size_t errlen) {
    reader r = {d, path, 0, err, errlen, NO_ROOT, NO_ROOT, VS_VERB};
    bool ok = wp_each_line(path, f == VF_PETRARCH, verb_line, &r, err, errlen);
    sort_patterns(d);
    return ok;
}
