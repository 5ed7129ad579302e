/* store.c - what both backends share: the tables' columns, the article hash, turning a
 * processed document into a store_record, and opening a path or URL with the backend
 * that its form names. */
#include "backend.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const store_table_desc store_tables[ST_COUNT] = {
    {"articles", "id, hash, title, source, url, published, text, error, sentences", 9},
    {"entities", "eid, name, type, country, sector, code, mentions", 7},
    {"quotes", "idx, start, \"end\", text, kind, cue, cue_start, cue_end, source, source_start, source_end, "
               "speaker_eid, speaker_name", 13},
    {"events", "idx, sentence, start, \"end\", src_eid, src_name, src_text, src_country, src_sector, tgt_eid, "
               "tgt_name, tgt_text, tgt_country, tgt_sector, cameo, root, plover, goldstein, quad, cue, cue_start, "
               "cue_end, date, place, place_country, lat, lon", 27},
};

static const char *const type_names[] = {"MISC", "PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"};
static const char *const quote_kinds[] = {"direct", "direct", "partial", "indirect"};

/* Two FNV-1a 64-bit hashes with different seeds: enough to tell a changed article from
 * an unchanged one, and a fraction of SHA-256's cost on a large ingest. */
static void fnv2(uint64_t h[2], const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        h[0] = (h[0] ^ (unsigned char)s[i]) * 1099511628211ull;
        h[1] = (h[1] ^ (unsigned char)s[i]) * 1099511628211ull;
    }
}

void store_hash(const store_article *a, char out[33]) {
    uint64_t h[2] = {14695981039346656037ull, 0x9E3779B97F4A7C15ull};
    const char *parts[] = {a->id, a->title, a->source, a->url, a->published};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (parts[i]) fnv2(h, parts[i], strlen(parts[i]));
        fnv2(h, "\x1f", 1);
    }
    fnv2(h, a->text, a->len);
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h[0], (unsigned long long)h[1]);
}

/* ---- records ------------------------------------------------------------------- */

void store_record_init(store_record *r) {
    memset(r, 0, sizeof *r);
    dy_arena_init(&r->arena, 64 * 1024);
}

void store_record_free(store_record *r) { dy_arena_free(&r->arena); }

static void v_int(store_value *v, int64_t i) {
    v->type = SV_INT;
    v->i = i;
}
static void v_real(store_value *v, double x) {
    v->type = SV_REAL;
    v->r = x;
}
/* n bytes at s, which the record owns already (or static text). */
static void v_ref(store_value *v, const char *s, size_t n) {
    v->type = SV_TEXT;
    v->s = s;
    v->n = n;
}
/* A copy of s; NULL stays NULL. */
static void v_copy(store_record *r, store_value *v, const char *s) {
    if (!s) return;
    size_t n = strlen(s);
    v_ref(v, dy_arena_strndup(&r->arena, s, n), n);
}
/* A code such as a country: "" means none. */
static void v_code(store_record *r, store_value *v, const char *s) { v_copy(r, v, s && s[0] ? s : NULL); }
/* A span of the record's copy of the text: empty means none. */
static void v_span(store_value *v, const char *text, dy_span sp) {
    if (!span_empty(sp)) v_ref(v, text + sp.start, sp.end - sp.start);
}
/* The span's text, start and end in three values. */
static void v_span_at(store_value *v, const char *text, dy_span sp) {
    v_span(v, text, sp);
    v_int(&v[1], sp.start);
    v_int(&v[2], sp.end);
}
static void v_printf(store_record *r, store_value *v, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void v_printf(store_record *r, store_value *v, const char *fmt, ...) {
    char buf[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    v_copy(r, v, n >= 0 && (size_t)n < sizeof buf ? buf : NULL);
}
/* u in decimal at p; the end. (Entities and sentence spans are the most numerous values:
 * snprintf for them was most of the cost of filling a record.) */
static char *put_uint(char *p, uint32_t u) {
    char digits[10];
    int n = 0;
    do digits[n++] = (char)('0' + u % 10);
    while (u /= 10);
    while (n) *p++ = digits[--n];
    return p;
}
/* At most n bytes of s, then at most m of t (each up to a NUL): a code such as "USAGOV". */
static void v_cat(store_record *r, store_value *v, const char *s, size_t n, const char *t, size_t m) {
    n = strnlen(s, n);
    m = strnlen(t, m);
    char *c = dy_arena_alloc_raw(&r->arena, n + m + 1);
    memcpy(c, s, n);
    memcpy(c + n, t, m);
    c[n + m] = '\0';
    v_ref(v, c, n + m);
}
static void v_entity(store_record *r, store_value *v, uint32_t e) {
    char eid[12] = "E";
    if (e != DY_NONE) v_cat(r, v, eid, (size_t)(put_uint(eid + 1, e + 1) - eid), "", 0);
}
static void v_date(store_record *r, store_value *v, dy_date d) {
    v_printf(r, v, "%04d-%02d-%02d", d.y, d.m, d.d);
}

static store_value *rows_new(store_record *r, enum store_table t, size_t n) {
    r->nrows[t] = n;
    return r->rows[t] = n ? dy_arena_alloc(&r->arena, n * (size_t)store_tables[t].ncols * sizeof(store_value)) : NULL;
}

static void fill_entities(store_record *r, const dy_doc *d) {
    store_value *v = rows_new(r, ST_ENTITIES, d->entities.n);
    for (size_t i = 0; i < d->entities.n; i++, v += store_tables[ST_ENTITIES].ncols) {
        const dy_entity *e = &d->entities.v[i];
        v_entity(r, &v[0], (uint32_t)i);
        v_copy(r, &v[1], e->name);
        v_ref(&v[2], type_names[e->type], strlen(type_names[e->type]));
        v_code(r, &v[3], e->actor.country);
        v_code(r, &v[4], e->actor.sector);
        v_cat(r, &v[5], e->actor.country, 3, e->actor.sector, 3);
        v_int(&v[6], e->nmentions);
    }
}

static void fill_quotes(store_record *r, const dy_doc *d, const char *text) {
    store_value *v = rows_new(r, ST_QUOTES, d->quotes.n);
    for (size_t i = 0; i < d->quotes.n; i++, v += store_tables[ST_QUOTES].ncols) {
        const dy_quote *q = &d->quotes.v[i];
        v_int(&v[0], (int64_t)i);
        v_int(&v[1], q->span.start);
        v_int(&v[2], q->span.end);
        v_span(&v[3], text, q->span);
        v_span_at(&v[5], text, q->cue);
        v_span_at(&v[8], text, q->source);
        v_ref(&v[4], quote_kinds[q->kind], strlen(quote_kinds[q->kind]));
        if (q->entity != DY_NONE) {
            v_entity(r, &v[11], q->entity);
            v_copy(r, &v[12], d->entities.v[q->entity].name);
        }
    }
}

static void fill_events(store_record *r, const dy_doc *d, const dy_model *m, const char *text) {
    store_value *v = rows_new(r, ST_EVENTS, d->events.n);
    for (size_t i = 0; i < d->events.n; i++, v += store_tables[ST_EVENTS].ncols) {
        const dy_event *ev = &d->events.v[i];
        const dy_sentence *se = &d->sents.v[ev->sent];
        const kb_cameo *c = model_cameo(m, ev->cameo);
        v_int(&v[0], (int64_t)i);
        v_int(&v[1], ev->sent);
        v_int(&v[2], se->start);
        v_int(&v[3], se->end);
        const dy_event_arg *args[2] = {&ev->source, &ev->target};
        for (int k = 0; k < 2; k++) {
            store_value *a = &v[4 + k * 5];
            if (args[k]->mention == DY_NONE) continue;
            uint32_t ent = d->mentions.v[args[k]->mention].entity;
            const dy_entity *e = &d->entities.v[ent];
            v_entity(r, &a[0], ent);
            v_copy(r, &a[1], e->name);
            v_span(&a[2], text, args[k]->span);
            v_code(r, &a[3], e->actor.country);
            v_code(r, &a[4], e->actor.sector);
        }
        v_copy(r, &v[14], ev->cameo);
        v_cat(r, &v[15], ev->cameo, 2, "", 0);
        if (c) {
            v_code(r, &v[16], c->plover);
            v_real(&v[17], (double)(int)(c->goldstein * 10 + (c->goldstein < 0 ? -0.5f : 0.5f)) / 10);
            v_int(&v[18], c->quad);
        }
        v_span_at(&v[19], text, ev->cue);
        if (ev->date.y) v_date(r, &v[22], ev->date);
        else if (d->published.y) v_date(r, &v[22], d->published);   /* the day it was reported, for timelines */
        v_span(&v[23], text, ev->place_span);
        v_code(r, &v[24], ev->place_country);
        if (ev->place != DY_NONE && m->places.v[ev->place].kind == PK_CITY) {
            v_real(&v[25], m->places.v[ev->place].lat);
            v_real(&v[26], m->places.v[ev->place].lon);
        }
    }
}

void store_record_fill(store_record *r, const store_article *a, const char *hash, const dy_doc *d,
                       const dy_model *m) {
    dy_arena_reset(&r->arena);
    memset(r->rows, 0, sizeof r->rows);
    memset(r->nrows, 0, sizeof r->nrows);
    memcpy(r->hash, hash, sizeof r->hash);
    store_value *v = rows_new(r, ST_ARTICLES, 1);
    char *text = dy_arena_alloc_raw(&r->arena, a->len + 1);
    memcpy(text, a->text, a->len);
    text[a->len] = '\0';
    const char *meta[] = {a->id, r->hash, a->title, a->source, a->url, a->published};
    for (int i = 0; i < 6; i++) v_copy(r, &v[i], meta[i]);
    r->id = v[0].s;
    v_ref(&v[6], text, a->len);
    v_copy(r, &v[7], a->error);
    if (!d || a->error) return;
    if (d->sents.n) {   /* "start-end start-end ..." */
        char *spans = dy_arena_alloc_raw(&r->arena, d->sents.n * 22 + 1), *p = spans;
        for (size_t i = 0; i < d->sents.n; i++) {
            if (i) *p++ = ' ';
            p = put_uint(p, d->sents.v[i].start);
            *p++ = '-';
            p = put_uint(p, d->sents.v[i].end);
        }
        v_ref(&v[8], spans, (size_t)(p - spans));
    }
    fill_entities(r, d);
    fill_quotes(r, d, text);
    fill_events(r, d, m, text);
}

/* ---- the interface --------------------------------------------------------------- */

store *store_open(const char *where, enum store_mode mode, char *err, size_t errlen) {
    if (!strncmp(where, "postgresql://", 13) || !strncmp(where, "postgres://", 11))
        return store_pg_open(where, mode, err, errlen);
    return store_sqlite_open(where, mode, err, errlen);
}

bool store_has(store *s, const char *id, const char *hash) { return s->ops->has(s, id, hash); }

bool store_put(store *s, const store_record *r, char *err, size_t errlen) { return s->ops->put(s, r, err, errlen); }

bool store_flush(store *s, char *err, size_t errlen) { return s->ops->flush(s, err, errlen); }

void store_close(store *s) {
    if (s) s->ops->close(s);
}

const store_dialect *store_dialect_of(const store *s) { return &s->ops->dialect; }

bool store_query(store *s, const char *sql, const char *const *binds, int nbinds, store_row_fn fn, void *ctx,
                 char *err, size_t errlen) {
    return s->ops->query(s, sql, binds, nbinds, fn, ctx, err, errlen);
}
