/* tabval.c - reads the .project, the dictionaries it names and the text records, codes
 * each record and compares. A record is a line starting with a digit (date, then the
 * record id) and the lines up to the next blank line; its text is what lies outside
 * the comments and outside any {...}. */
#include "tabval.h"
#include "tabari.h"
#include <stdlib.h>
#include <string.h>

#define MAX_EXPECT 32

typedef struct expect {
    char src[48], tgt[48], code[16];
    char special[4];     /* "---", "###", "+++" or "" */
    char date[16];
    bool unchecked;      /* behind -{ */
} expect;

typedef struct record {
    char date[16], id[64], idinfo[96];
    char *text;          /* malloc'ed */
    expect ex[MAX_EXPECT];
    unsigned nex;
    char options[8][160];
    unsigned noptions;
} record;

static void trim_copy(char *dst, size_t cap, const char *s, size_t n) {
    while (n && (*s == ' ' || *s == '\t' || *s == '\n')) s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n')) n--;
    snprintf(dst, cap, "%.*s", (int)n, s);
}

/* One {...} content. */
static void add_expect(record *r, const char *s, size_t n, bool unchecked, const char *after) {
    char c[200];
    trim_copy(c, sizeof c, s, n);
    if (!c[0]) return;
    if (!strncmp(c, "OPTION:", 7)) {
        if (r->noptions < 8) trim_copy(r->options[r->noptions++], sizeof r->options[0], c + 7, strlen(c + 7));
        return;
    }
    if (r->nex == MAX_EXPECT) return;
    expect *e = &r->ex[r->nex];
    memset(e, 0, sizeof *e);
    e->unchecked = unchecked;
    char flat[200];
    size_t k = 0;
    for (size_t i = 0; c[i]; i++)
        if (c[i] != ' ') flat[k++] = c[i];
    flat[k] = '\0';
    if (!strcmp(flat, "---") || !strcmp(flat, "###") || !strcmp(flat, "+++")) {
        memcpy(e->special, flat, 4);
    } else {
        char *a = strchr(c, '/'), *b = a ? strchr(a + 1, '/') : NULL;
        if (!b) return;
        trim_copy(e->src, sizeof e->src, c, (size_t)(a - c));
        trim_copy(e->tgt, sizeof e->tgt, a + 1, (size_t)(b - a - 1));
        trim_copy(e->code, sizeof e->code, b + 1, strlen(b + 1));
    }
    after += strspn(after, " \t");
    size_t dn = strspn(after, "0123456789");
    if (dn >= 6 && dn < sizeof e->date) snprintf(e->date, sizeof e->date, "%.*s", (int)dn, after);
    r->nex++;
}

/* Split the record body into its text and its expectations. */
static void parse_body(record *r, const char *body) {
    size_t n = strlen(body);
    char *text = malloc(n + 1);
    size_t t = 0;
    bool in_comment = false, seen_comment = false;
    for (size_t i = 0; i < n;) {
        if (!in_comment && body[i] == '/' && body[i + 1] == '*') {
            in_comment = seen_comment = true;
            i += 2;
        } else if (in_comment && body[i] == '*' && body[i + 1] == '/') {
            in_comment = false;
            i += 2;
        } else if ((in_comment || seen_comment) && body[i] == '{') {
            size_t e = i + 1;
            while (e < n && body[e] != '}' && !(body[e] == '*' && body[e + 1] == '/')) e++;
            bool unchecked = i > 0 && body[i - 1] == '-';
            add_expect(r, body + i + 1, e - i - 1, unchecked, e < n && body[e] == '}' ? body + e + 1 : "");
            i = e < n && body[e] == '}' ? e + 1 : e;
        } else if (body[i] == '\\' && body[i + 1] == 'n') {
            i += 2;   /* "\n": TABARI's line break in comments */
        } else if (!in_comment && body[i] == '*' && body[i + 1] == '/') {
            i += 2;
        } else if (!in_comment) {
            text[t++] = body[i++];
        } else {
            i++;
        }
    }
    text[t] = '\0';
    r->text = text;
}

static bool blank(const char *s) { return s[strspn(s, " \t\r\n")] == '\0'; }

/* Read the next record; false at the end of the file. */
static bool next_record(FILE *f, record *r) {
    char *line = NULL;
    size_t cap = 0;
    bool found = false;
    while (getline(&line, &cap, f) != -1)
        if (line[0] >= '0' && line[0] <= '9') {
            found = true;
            break;
        }
    if (!found) {
        free(line);
        return false;
    }
    memset(r, 0, sizeof *r);
    line[strcspn(line, "\r\n")] = '\0';
    size_t dn = strcspn(line, " \t");
    snprintf(r->date, sizeof r->date, "%.*s", (int)dn, line);
    snprintf(r->idinfo, sizeof r->idinfo, "%s", line + dn);
    const char *id = line + dn + strspn(line + dn, " \t");
    snprintf(r->id, sizeof r->id, "%.*s", (int)strcspn(id, " \t"), id);
    size_t bn = 0, bcap = 4096;
    char *body = malloc(bcap);
    body[0] = '\0';
    while (getline(&line, &cap, f) != -1 && !blank(line)) {
        size_t ln = strlen(line);
        if (bn + ln + 1 > bcap) body = realloc(body, bcap = (bn + ln + 1) * 2);
        memcpy(body + bn, line, ln + 1);
        bn += ln;
    }
    parse_body(r, body);
    free(body);
    free(line);
    return true;
}

/* TABARI dates: YYMMDD, or YYYYMMDD with SET: YYYY; longer strings are cut. */
static dy_date record_date(const char *s, bool yyyy) {
    dy_date d = {0, 0, 0};
    size_t n = strlen(s), want = yyyy ? 8 : 6;
    if (n >= want) ad_parse_date(s, want, &d);
    return d;
}

static void date_text(dy_date d, bool yyyy, char *out, size_t cap) {
    if (yyyy) snprintf(out, cap, "%04d%02d%02d", d.y, d.m, d.d);
    else snprintf(out, cap, "%02d%02d%02d", d.y % 100, d.m, d.d);
}

/* Story and sentence numbers of a record under a FORWARD format; false when it has none. */
static bool sequence_of(const char *fmt, const char *idinfo, long *story, long *sent) {
    if (!fmt[0]) return false;
    *story = *sent = 0;
    const char *p = idinfo;
    for (const char *f = fmt; *f && *p; f++, p++) {
        if (*f == '^' && *p != ' ' && *p != '\t') p--;
        else if (*f == 'N') *story = *story * 10 + (*p >= '0' && *p <= '9' ? *p - '0' : 0);
        else if (*f == 'S') *sent = *sent * 10 + (*p >= '0' && *p <= '9' ? *p - '0' : 0);
    }
    return true;
}

static bool has_event(const tb_result *res, const expect *e) {
    for (unsigned i = 0; i < res->nevents; i++)
        if (!strcmp(res->events[i].src, e->src) && !strcmp(res->events[i].tgt, e->tgt) &&
            !strcmp(res->events[i].code, e->code))
            return true;
    return false;
}

static bool passes(const record *r, const tb_result *res, const tb_options *o) {
    bool regular = false, partial = false;
    for (unsigned i = 0; i < r->nex; i++) {
        const expect *e = &r->ex[i];
        partial = partial || e->unchecked;
        if (!strcmp(e->special, "###") && res->status == TB_DISCARD) return true;
        if (!strcmp(e->special, "+++") && res->status == TB_COMPLEX) return true;
        if (!strcmp(e->special, "---") && res->nevents == 0 && res->status != TB_DISCARD && res->status != TB_COMPLEX)
            return true;
        regular = regular || (!e->special[0] && !e->unchecked);
    }
    if (!regular) return false;
    unsigned want = 0;
    for (unsigned i = 0; i < r->nex; i++) {
        const expect *e = &r->ex[i];
        if (e->special[0] || e->unchecked) continue;
        bool dup = false;
        for (unsigned k = 0; k < i && !dup; k++)
            dup = !r->ex[k].special[0] && !r->ex[k].unchecked && !strcmp(r->ex[k].src, e->src) &&
                  !strcmp(r->ex[k].tgt, e->tgt) && !strcmp(r->ex[k].code, e->code);
        if (dup) continue;
        if (!has_event(res, e)) return false;
        want++;
    }
    if (!partial && want != res->nevents) return false;
    if (o->time_shift) {
        for (unsigned i = 0; i < r->nex; i++) {
            if (r->ex[i].special[0] || r->ex[i].unchecked) continue;
            char got[16];
            date_text(res->date, o->yyyy, got, sizeof got);
            return !r->ex[i].date[0] || !strcmp(r->ex[i].date, got);
        }
    }
    return true;
}

static void report(FILE *log, const record *r, const tb_result *res, bool verbose) {
    static const char *const status[] = {"coded", "discard", "complex", "too short"};
    fprintf(log, "FAIL %s\n", r->id);
    if (!verbose) return;
    fprintf(log, "  text: %s\n  expected:", r->text + strspn(r->text, " \n"));
    for (unsigned i = 0; i < r->nex; i++) {
        const expect *e = &r->ex[i];
        if (e->special[0]) fprintf(log, " {%s}", e->special);
        else fprintf(log, " %s{%s/%s/%s}%s", e->unchecked ? "-" : "", e->src, e->tgt, e->code, e->date);
    }
    fprintf(log, "\n  got (%s):", status[res->status]);
    for (unsigned i = 0; i < res->nevents; i++)
        fprintf(log, " {%s/%s/%s}", res->events[i].src, res->events[i].tgt, res->events[i].code);
    char d[16];
    date_text(res->date, false, d, sizeof d);
    fprintf(log, " %s\n", d);
}

typedef struct project {
    char actors[4][512], agents[4][512], verbs[4][512], options[512], text[512];
    int na, ng, nv;
} project;

static bool read_project(const char *path, project *pj, char *err, size_t errlen) {
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "cannot read %s", path);
        return false;
    }
    memset(pj, 0, sizeof *pj);
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char *gt = strchr(line, '>');
        if (line[0] != '<' || !gt) continue;
        char name[256];
        trim_copy(name, sizeof name, gt + 1, strcspn(gt + 1, "\r\n"));
        char full[512];
        snprintf(full, sizeof full, "%.*s%s", dirlen, path, name);
        if (!strncmp(line, "<actorsfile>", 12) && pj->na < 4) snprintf(pj->actors[pj->na++], 512, "%s", full);
        else if (!strncmp(line, "<agentsfile>", 12) && pj->ng < 4) snprintf(pj->agents[pj->ng++], 512, "%s", full);
        else if (!strncmp(line, "<verbsfile>", 11) && pj->nv < 4) snprintf(pj->verbs[pj->nv++], 512, "%s", full);
        else if (!strncmp(line, "<optionsfile>", 13)) snprintf(pj->options, 512, "%s", full);
        else if (!strncmp(line, "<textfile>", 10)) snprintf(pj->text, 512, "%s", full);
    }
    fclose(f);
    if (!pj->na || !pj->nv || !pj->text[0]) {
        snprintf(err, errlen, "%s: needs <actorsfile>, <verbsfile> and <textfile>", path);
        return false;
    }
    return true;
}

/* The parse of a record as TABARI would show it: each word with its class, actor and
 * clause marks. */
static void explain_parse(FILE *log, const tw_parse *p) {
    static const char *const types[] = {"",    "actor", "agent", "verb", "noun", "adj",
                                        "det", "pron",  "conj",  ",",    "time"};
    for (uint32_t c = 0; c < p->nclauses; c++) {
        fprintf(log, "  clause %u:", c);
        for (uint32_t i = p->clause_start[c]; i < p->clause_end[c]; i++) {
            const tw_word *w = &p->words[i];
            fprintf(log, " %s%s", w->deleted ? "~" : "", w->w);
            if (w->type) fprintf(log, "/%s", types[w->type]);
            if (w->actor >= 0)
                fprintf(log, "[%s%s]", p->actors[w->actor].code, p->actors[w->actor].dead ? " dead" : "");
            if (w->group >= 0) fprintf(log, "<%d>", w->group);
        }
        fputc('\n', log);
    }
}

bool tv_run(const char *path, FILE *log, bool verbose, const char *explain, tv_summary *out, char *err,
            size_t errlen) {
    project pj;
    if (!read_project(path, &pj, err, errlen)) return false;
    ad_dict ad;
    vd_dict vd;
    ad_init(&ad, true);
    vd_init(&vd, VF_TABARI);
    tb_options o;
    tb_defaults(&o);
    bool ok = true;
    for (int i = 0; ok && i < pj.na; i++) ok = ad_load_actors(&ad, pj.actors[i], false, err, errlen);
    for (int i = 0; ok && i < pj.ng; i++) ok = ad_load_agents(&ad, pj.agents[i], false, err, errlen);
    for (int i = 0; ok && i < pj.nv; i++) ok = vd_load(&vd, pj.verbs[i], VF_TABARI, err, errlen);
    o.time_shift = vd.has_time;
    if (ok && pj.options[0]) ok = tb_load_options(&o, pj.options, err, errlen);
    FILE *f = ok ? fopen(pj.text, "r") : NULL;
    if (ok && !f) {
        snprintf(err, errlen, "cannot read %s", pj.text);
        ok = false;
    }
    memset(out, 0, sizeof *out);
    tw_parse *p = malloc(sizeof *p);
    tw_init(p);
    tw_dicts dc = {&ad, &vd, NULL};
    record r;   /* about 10 kB */
    tb_result *res = malloc(sizeof *res);
    char fwd[48] = "";
    long prev_story = -1, prev_sent = -1;
    while (ok && next_record(f, &r)) {
        if (!strncmp(r.id, "FINAL-01", 8)) {
            free(r.text);
            break;
        }
        if (r.noptions) {
            for (unsigned i = 0; i < r.noptions; i++) tb_option(&o, r.options[i]);
            out->options++;
            free(r.text);
            continue;
        }
        long story, sent;
        bool seq = sequence_of(o.forward, r.idinfo, &story, &sent);
        const char *use = seq && story == prev_story && sent == prev_sent + 1 && fwd[0] ? fwd : NULL;
        tb_code(p, &dc, &o, r.text, strlen(r.text), record_date(r.date, o.yyyy), use, res);
        if (explain && !strcmp(explain, r.id)) {
            report(log, &r, res, true);
            explain_parse(log, p);
        }
        if (seq) {
            prev_story = story, prev_sent = sent;
            if (res->first_actor[0]) snprintf(fwd, sizeof fwd, "%s", res->first_actor);
        }
        bool checked = false;
        for (unsigned i = 0; i < r.nex; i++) checked = checked || !r.ex[i].unchecked;
        if (!checked) {
            out->unchecked++;
        } else {
            out->records++;
            if (passes(&r, res, &o)) out->exact++;
            else report(log, &r, res, verbose);
        }
        free(r.text);
    }
    if (f) fclose(f);
    free(res);
    tw_free(p);
    free(p);
    vd_free(&vd);
    ad_free(&ad);
    return ok;
}
