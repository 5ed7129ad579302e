#include "doc_json.h"
#include "json.h"
#include "../util/die.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_names[] = {"MISC", "PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"};
static const char *const mention_kinds[] = {"name", "name", "nominal", "pronoun"};
static const char *const quote_kinds[] = {"direct", "direct", "partial", "indirect"};

static void span_fields(sb *o, const dy_doc *d, dy_span sp) {
    jw_key(o, "start");
    jw_uint(o, sp.start);
    jw_next(o, "end");
    jw_uint(o, sp.end);
    jw_next(o, "text");
    jw_str(o, d->text + sp.start, sp.end - sp.start);
}

static void span_obj(sb *o, const dy_doc *d, dy_span sp) {
    if (span_empty(sp)) {
        sb_puts(o, "null");
        return;
    }
    sb_putc(o, '{');
    span_fields(o, d, sp);
    sb_putc(o, '}');
}

static void code_or_null(sb *o, const char *code) { jw_cstr(o, code[0] ? code : NULL); }

static void actor_obj(sb *o, const dy_actor *a) {
    if (!a->country[0] && !a->sector[0]) {
        sb_puts(o, "null");
        return;
    }
    char code[8];
    size_t cl = strlen(a->country), sl = strlen(a->sector);
    memcpy(code, a->country, cl);
    memcpy(code + cl, a->sector, sl + 1);
    sb_putc(o, '{');
    jw_key(o, "country");
    code_or_null(o, a->country);
    jw_next(o, "sector");
    code_or_null(o, a->sector);
    jw_next(o, "code");
    jw_cstr(o, code);
    sb_putc(o, '}');
}

static void date_value(sb *o, dy_date dt) {
    if (!dt.y) {
        sb_puts(o, "null");
        return;
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", dt.y, dt.m, dt.d);
    jw_cstr(o, buf);
}

static void entity_ref(sb *o, uint32_t e) {
    if (e == DY_NONE) {
        sb_puts(o, "null");
        return;
    }
    char buf[16];
    snprintf(buf, sizeof buf, "E%u", e + 1);
    jw_cstr(o, buf);
}

static void write_entities(sb *o, const dy_doc *d) {
    /* each entity's mentions in text order, chained once: head[e], then next[m] */
    uint32_t *head = malloc((d->entities.n + 1) * sizeof *head), *next = malloc((d->mentions.n + 1) * sizeof *next);
    uint32_t *tail = malloc((d->entities.n + 1) * sizeof *tail);
    if (!head || !next || !tail) dy_die("out of memory (entity mentions)");
    for (size_t ei = 0; ei < d->entities.n; ei++) head[ei] = tail[ei] = DY_NONE;
    for (size_t mi = 0; mi < d->mentions.n; mi++) {
        uint32_t e = d->mentions.v[mi].entity;
        next[mi] = DY_NONE;
        if (e == DY_NONE) continue;
        if (head[e] == DY_NONE) head[e] = (uint32_t)mi;
        else next[tail[e]] = (uint32_t)mi;
        tail[e] = (uint32_t)mi;
    }
    jw_key(o, "entities");
    sb_putc(o, '[');
    for (size_t ei = 0; ei < d->entities.n; ei++) {
        const dy_entity *e = &d->entities.v[ei];
        if (ei) sb_putc(o, ',');
        sb_putc(o, '{');
        jw_key(o, "id");
        entity_ref(o, (uint32_t)ei);
        jw_next(o, "name");
        jw_cstr(o, e->name);
        jw_next(o, "type");
        jw_cstr(o, type_names[e->type]);
        jw_next(o, "actor");
        actor_obj(o, &e->actor);
        jw_next(o, "mentions");
        sb_putc(o, '[');
        for (uint32_t mi = head[ei]; mi != DY_NONE; mi = next[mi]) {
            const dy_mention *mn = &d->mentions.v[mi];
            if (mi != head[ei]) sb_putc(o, ',');
            sb_putc(o, '{');
            span_fields(o, d, (dy_span){mn->start, mn->end});
            jw_next(o, "kind");
            jw_cstr(o, mention_kinds[mn->kind]);
            sb_putc(o, '}');
        }
        sb_puts(o, "]}");
    }
    sb_putc(o, ']');
    free(head);
    free(next);
    free(tail);
}

static void write_quotes(sb *o, const dy_doc *d) {
    jw_key(o, "quotes");
    sb_putc(o, '[');
    for (size_t qi = 0; qi < d->quotes.n; qi++) {
        const dy_quote *q = &d->quotes.v[qi];
        if (qi) sb_putc(o, ',');
        sb_putc(o, '{');
        span_fields(o, d, q->span);
        jw_next(o, "kind");
        jw_cstr(o, quote_kinds[q->kind]);
        jw_next(o, "cue");
        span_obj(o, d, q->cue);
        jw_next(o, "source");
        span_obj(o, d, q->source);
        jw_next(o, "speaker");
        entity_ref(o, q->entity);
        jw_next(o, "speaker_name");
        if (q->entity != DY_NONE) jw_cstr(o, d->entities.v[q->entity].name);
        else if (q->described.end > q->described.start) jw_str(o, d->text + q->described.start, q->described.end - q->described.start);
        else jw_cstr(o, NULL);
        sb_putc(o, '}');
    }
    sb_putc(o, ']');
}

static void event_arg(sb *o, const dy_doc *d, const dy_event_arg *a) {
    if (a->mention == DY_NONE) {
        sb_puts(o, "null");
        return;
    }
    const dy_mention *mn = &d->mentions.v[a->mention];
    const dy_entity *e = &d->entities.v[mn->entity];
    sb_putc(o, '{');
    jw_key(o, "entity");
    entity_ref(o, mn->entity);
    jw_next(o, "text");
    jw_str(o, d->text + a->span.start, a->span.end - a->span.start);
    jw_next(o, "country");
    code_or_null(o, e->actor.country);
    jw_next(o, "sector");
    code_or_null(o, e->actor.sector);
    sb_putc(o, '}');
}

static void write_events(sb *o, const dy_doc *d, const dy_model *m) {
    jw_key(o, "events");
    sb_putc(o, '[');
    for (size_t i = 0; i < d->events.n; i++) {
        const dy_event *ev = &d->events.v[i];
        const dy_sentence *s = &d->sents.v[ev->sent];
        const kb_cameo *c = model_cameo(m, ev->cameo);
        if (i) sb_putc(o, ',');
        sb_putc(o, '{');
        jw_key(o, "sentence");
        jw_uint(o, ev->sent);
        sb_printf(o, ",\"start\":%u,\"end\":%u,", s->start, s->end);
        jw_key(o, "source");
        event_arg(o, d, &ev->source);
        jw_next(o, "target");
        event_arg(o, d, &ev->target);
        jw_next(o, "cameo");
        jw_cstr(o, ev->cameo);
        jw_next(o, "plover");
        jw_cstr(o, c && c->plover[0] ? c->plover : NULL);
        if (c) sb_printf(o, ",\"goldstein\":%.1f,\"quad_class\":%u", (double)c->goldstein, c->quad);
        jw_next(o, "cue");
        span_obj(o, d, ev->cue);
        jw_next(o, "date");
        date_value(o, ev->date);
        jw_next(o, "place");
        if (span_empty(ev->place_span)) {
            sb_puts(o, "null");
        } else {
            sb_putc(o, '{');
            jw_key(o, "name");
            jw_str(o, d->text + ev->place_span.start, ev->place_span.end - ev->place_span.start);
            jw_next(o, "country");
            jw_cstr(o, ev->place_country[0] ? ev->place_country : NULL);
            if (ev->place != DY_NONE && m->places.v[ev->place].kind == PK_CITY)
                sb_printf(o, ",\"lat\":%.4f,\"lon\":%.4f", (double)m->places.v[ev->place].lat,
                          (double)m->places.v[ev->place].lon);
            sb_putc(o, '}');
        }
        sb_putc(o, '}');
    }
    sb_putc(o, ']');
}

void doc_write_json(sb *o, const dy_doc *d, const dy_model *m, const char *id) {
    sb_putc(o, '{');
    jw_key(o, "id");
    jw_cstr(o, id);
    sb_puts(o, ",\"schema\":1,");
    jw_key(o, "published");
    date_value(o, d->published);
    sb_putc(o, ',');
    if (!span_empty(d->byline_name) || !span_empty(d->byline_email)) {
        jw_key(o, "byline");
        sb_putc(o, '{');
        jw_key(o, "name");
        if (span_empty(d->byline_name)) sb_puts(o, "null");
        else jw_str(o, d->text + d->byline_name.start, d->byline_name.end - d->byline_name.start);
        jw_next(o, "email");
        if (span_empty(d->byline_email)) sb_puts(o, "null");
        else jw_str(o, d->text + d->byline_email.start, d->byline_email.end - d->byline_email.start);
        sb_puts(o, "},");
    }
    sb_printf(o, "\"sentences\":%zu,", d->sents.n);
    write_entities(o, d);
    sb_putc(o, ',');
    write_quotes(o, d);
    sb_putc(o, ',');
    write_events(o, d, m);
    sb_putc(o, '}');
}

void doc_write_error(sb *o, const char *id, const char *error) {
    sb_putc(o, '{');
    jw_key(o, "id");
    jw_cstr(o, id);
    sb_puts(o, ",\"schema\":1,");
    jw_key(o, "error");
    jw_cstr(o, error);
    sb_putc(o, '}');
}
