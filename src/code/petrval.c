/* petrval.c - a small reader for the records file (comments removed first; attributes
 * may use either quote and blanks around '='), and the comparison. */
#include "petrval.h"
#include "petrarch.h"
#include "../util/file.h"
#include <stdlib.h>
#include <string.h>

/* Value of attribute name in the tag text [s, e); "" when absent. */
static void attr(const char *s, const char *e, const char *name, char *out, size_t cap) {
    size_t nl = strlen(name);
    out[0] = '\0';
    for (const char *p = s; p + nl < e; p++) {
        if (memcmp(p, name, nl) || (p > s && p[-1] != ' ' && p[-1] != '\t' && p[-1] != '\n')) continue;
        const char *q = p + nl;
        while (q < e && (*q == ' ' || *q == '\t')) q++;
        if (q >= e || *q != '=') continue;
        q++;
        while (q < e && (*q == ' ' || *q == '\t')) q++;
        char quote = *q;
        if (quote != '"' && quote != '\'') continue;
        const char *v = ++q;
        while (q < e && *q != quote) q++;
        snprintf(out, cap, "%.*s", (int)(q - v), v);
        return;
    }
}

/* Text of the first <tag>...</tag> inside [s, e), entities decoded; malloc'ed or NULL. */
static char *element(const char *s, const char *e, const char *tag) {
    char open[32], close[32];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *a = strstr(s, open);
    if (!a || a >= e) return NULL;
    a += strlen(open);
    const char *b = strstr(a, close);
    if (!b || b > e) return NULL;
    char *out = malloc((size_t)(b - a) + 1);
    size_t k = 0;
    for (const char *p = a; p < b; p++) {
        if (*p == '&' && !strncmp(p, "&amp;", 5)) out[k++] = '&', p += 4;
        else if (*p == '&' && !strncmp(p, "&lt;", 4)) out[k++] = '<', p += 3;
        else if (*p == '&' && !strncmp(p, "&gt;", 4)) out[k++] = '>', p += 3;
        else out[k++] = *p == '\n' ? ' ' : *p;
    }
    out[k] = '\0';
    return out;
}

/* The file without its <!-- --> comments. */
static char *read_all(const char *path) {
    size_t len;
    char *s = dy_read_file(path, &len);
    if (!s) return NULL;
    for (char *c; (c = strstr(s, "<!--")) != NULL;) {   /* drop comments */
        char *end = strstr(c + 4, "-->");
        if (!end) {
            *c = '\0';
            break;
        }
        memmove(c, end + 3, strlen(end + 3) + 1);
    }
    return s;
}

typedef struct dicts { ad_dict ad; vd_dict vd; pt_discard *disc; size_t ndisc; } dicts;

/* A dictionary named in <Environment>: in ../dictionaries beside the file's folder, else
 * in the folder itself. */
static void dict_path(const char *xml, const char *name, char *out, size_t cap) {
    const char *slash = strrchr(xml, '/');
    int dl = slash ? (int)(slash - xml + 1) : 0;
    snprintf(out, cap, "%.*s../dictionaries/%s", dl, xml, name);
    FILE *f = fopen(out, "r");
    if (f) fclose(f);
    else snprintf(out, cap, "%.*s%s", dl, xml, name);
}

static bool load_dicts(dicts *d, const char *xml, const char *env, const char *env_end, char *err, size_t errlen) {
    static const char *const tags[] = {"Verbfile", "Actorfile", "Agentfile", "Discardfile"};
    for (int i = 0; i < 4; i++) {
        char *name = element(env, env_end, tags[i]), path[1024];
        if (!name) {
            if (i == 3) continue;
            snprintf(err, errlen, "%s: <Environment> has no <%s>", xml, tags[i]);
            return false;
        }
        dict_path(xml, name, path, sizeof path);
        free(name);
        bool ok = i == 0   ? vd_load(&d->vd, path, VF_PETRARCH, err, errlen)
                  : i == 1 ? ad_load_actors(&d->ad, path, true, err, errlen)
                  : i == 2 ? ad_load_agents(&d->ad, path, true, err, errlen)
                           : pt_load_discards(&d->disc, &d->ndisc, path, err, errlen);
        if (!ok) return false;
    }
    return true;
}

typedef struct expect { char src[64], tgt[64], code[16], error[32]; bool none; } expect;

static bool passes(const expect *ex, unsigned nex, const pt_result *res) {
    static const char *const errors[] = {"", "bad_input_parse", "sentencediscard", "storydiscard", "dateline"};
    for (unsigned i = 0; i < nex; i++) {
        if (ex[i].error[0]) return !strcmp(ex[i].error, errors[res->status]);
        if (ex[i].none) return res->status == PT_CODED && res->nevents == 0;
    }
    if (res->status != PT_CODED) return false;
    unsigned want = 0;
    for (unsigned i = 0; i < nex; i++) {
        bool dup = false, found = false;
        for (unsigned k = 0; k < i && !dup; k++)
            dup = !strcmp(ex[k].src, ex[i].src) && !strcmp(ex[k].tgt, ex[i].tgt) && !strcmp(ex[k].code, ex[i].code);
        if (dup) continue;
        want++;
        for (unsigned k = 0; k < res->nevents && !found; k++)
            found = !strcmp(res->events[k].src, ex[i].src) && !strcmp(res->events[k].tgt, ex[i].tgt) &&
                    !strcmp(res->events[k].code, ex[i].code);
        if (!found) return false;
    }
    return want == res->nevents;
}

static void report(FILE *log, const char *id, const char *text, const expect *ex, unsigned nex, const pt_result *res,
                   bool verbose) {
    static const char *const status[] = {"coded", "bad parse", "sentence discard", "story discard", "dateline"};
    fprintf(log, "FAIL %s\n", id);
    if (!verbose) return;
    fprintf(log, "  text:%s\n  expected:", text);
    for (unsigned i = 0; i < nex; i++) {
        if (ex[i].error[0]) fprintf(log, " error=%s", ex[i].error);
        else if (ex[i].none) fprintf(log, " no events");
        else fprintf(log, " {%s/%s/%s}", ex[i].src, ex[i].tgt, ex[i].code);
    }
    fprintf(log, "\n  got (%s):", status[res->status]);
    for (unsigned i = 0; i < res->nevents; i++)
        fprintf(log, " {%s/%s/%s}", res->events[i].src, res->events[i].tgt, res->events[i].code);
    fputc('\n', log);
}

bool pv_run(const char *path, FILE *log, bool verbose, const char *explain, pv_summary *out, char *err,
            size_t errlen) {
    (void)explain;
    char *xml = read_all(path);
    if (!xml) {
        snprintf(err, errlen, "cannot read %s", path);
        return false;
    }
    memset(out, 0, sizeof *out);
    dicts d = {0};
    ad_init(&d.ad, false);
    vd_init(&d.vd, VF_PETRARCH);
    const char *env = strstr(xml, "<Environment>"), *env_end = env ? strstr(env, "</Environment>") : NULL;
    bool ok = env && env_end;
    if (!ok) snprintf(err, errlen, "%s: no <Environment> block", path);
    ok = ok && load_dicts(&d, path, env, env_end, err, errlen);
    pt_options o;
    pt_defaults(&o);
    pt_dicts dc = {&d.ad, &d.vd, d.disc, d.ndisc};
    pt_state *st = pt_new();
    pt_result res;
    for (const char *p = ok ? env_end : ""; ok && (p = strchr(p, '<')) != NULL; p++) {
        if (!strncmp(p, "<Config", 7)) {
            const char *e = strchr(p, '>');
            char name[64], value[64];
            attr(p, e, "option", name, sizeof name);
            attr(p, e, "value", value, sizeof value);
            pt_option(&o, name, value);
            continue;
        }
        if (strncmp(p, "<Sentence ", 10) && strncmp(p, "<Sentence\n", 10)) continue;
        const char *tag_end = strchr(p, '>'), *end = strstr(p, "</Sentence>");
        if (!tag_end || !end) break;
        char id[64], valid[16], date[16];
        attr(p, tag_end, "id", id, sizeof id);
        attr(p, tag_end, "valid", valid, sizeof valid);
        attr(p, tag_end, "date", date, sizeof date);
        if (!strcmp(valid, "false")) {
            out->skipped++;
            p = end;
            continue;
        }
        expect ex[32];
        unsigned nex = 0;
        for (const char *q = tag_end; (q = strstr(q, "<EventCoding")) != NULL && q < end && nex < 32; q++) {
            const char *qe = strchr(q, '>');
            expect *x = &ex[nex++];
            memset(x, 0, sizeof *x);
            attr(q, qe, "sourcecode", x->src, sizeof x->src);
            attr(q, qe, "targetcode", x->tgt, sizeof x->tgt);
            attr(q, qe, "eventcode", x->code, sizeof x->code);
            attr(q, qe, "error", x->error, sizeof x->error);
            char none[16];
            attr(q, qe, "noevents", none, sizeof none);
            x->none = none[0] != '\0';
        }
        char *text = element(tag_end, end, "Text"), *parse = element(tag_end, end, "Parse");
        dy_date when = {0, 0, 0};
        ad_parse_date(date, strlen(date), &when);
        pt_code(st, &dc, &o, text ? text : "", parse ? parse : "", parse ? strlen(parse) : 0, when, &res);
        out->records++;
        if (passes(ex, nex, &res)) out->exact++;
        else report(log, id, text ? text : "", ex, nex, &res, verbose);
        free(text);
        free(parse);
        p = end;
    }
    pt_delete(st);
    free(d.disc);
    vd_free(&d.vd);
    ad_free(&d.ad);
    free(xml);
    return ok;
}
