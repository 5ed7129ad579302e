#include "doc_text.h"
#include <string.h>

#define QUOTE_PREVIEW 90   /* bytes of a quote shown in the summary */

static void put_span(sb *o, const dy_doc *d, dy_span s, size_t max) {
    size_t n = s.end - s.start;
    if (n <= max) {
        sb_putn(o, d->text + s.start, n);
        return;
    }
    size_t cut = max;
    while (cut > 0 && ((unsigned char)d->text[s.start + cut] & 0xC0) == 0x80) cut--;   /* whole code points */
    sb_putn(o, d->text + s.start, cut);
    sb_puts(o, "…");
}

static void put_actor(sb *o, const dy_actor *a) {
    if (!a->country[0] && !a->sector[0]) return;
    sb_printf(o, " [%s%s]", a->country, a->sector);
}

void doc_write_text(sb *o, const dy_doc *d, const dy_model *m, const char *id) {
    sb_printf(o, "== %s: %zu sentences, %zu entities, %zu quotes, %zu events\n", id, d->sents.n,
              d->entities.n, d->quotes.n, d->events.n);
    sb_puts(o, "actors:");
    size_t shown = 0;
    for (size_t i = 0; i < d->entities.n; i++) {
        const dy_entity *e = &d->entities.v[i];
        if (!e->actor.country[0] && !e->actor.sector[0]) continue;
        sb_puts(o, shown++ ? ", " : " ");
        sb_puts(o, e->name);
        put_actor(o, &e->actor);
    }
    sb_puts(o, shown ? "\n" : " none\n");
    for (size_t i = 0; i < d->quotes.n; i++) {
        const dy_quote *q = &d->quotes.v[i];
        sb_puts(o, "  quote  ");
        if (q->entity != DY_NONE) sb_puts(o, d->entities.v[q->entity].name);
        else if (!span_empty(q->described)) put_span(o, d, q->described, 60);
        else sb_puts(o, "(unknown speaker)");
        if (!span_empty(q->cue)) {
            sb_puts(o, " (");
            put_span(o, d, q->cue, 40);
            sb_putc(o, ')');
        }
        sb_puts(o, ": “");
        put_span(o, d, q->span, QUOTE_PREVIEW);
        sb_puts(o, "”\n");
    }
    for (size_t i = 0; i < d->events.n; i++) {
        const dy_event *ev = &d->events.v[i];
        const kb_cameo *c = model_cameo(m, ev->cameo);
        sb_printf(o, "  event  %s %s: ", ev->cameo, c && c->plover[0] ? c->plover : "-");
        put_span(o, d, ev->source.span, 60);
        const dy_entity *se = &d->entities.v[d->mentions.v[ev->source.mention].entity];
        put_actor(o, &se->actor);
        sb_puts(o, " → ");
        if (ev->target.mention == DY_NONE) {
            sb_puts(o, "(none)");
        } else {
            put_span(o, d, ev->target.span, 60);
            put_actor(o, &d->entities.v[d->mentions.v[ev->target.mention].entity].actor);
        }
        sb_puts(o, " (");
        put_span(o, d, ev->cue, 40);
        sb_putc(o, ')');
        if (ev->date.y) sb_printf(o, " on %04d-%02d-%02d", ev->date.y, ev->date.m, ev->date.d);
        if (!span_empty(ev->place_span)) {
            sb_puts(o, " in ");
            put_span(o, d, ev->place_span, 40);
        }
        sb_putc(o, '\n');
    }
}
