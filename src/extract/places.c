#include "places.h"
#include <string.h>

uint32_t region_at(const dy_doc *d, const dy_model *m, uint32_t k, uint32_t end, uint32_t *n) {
    uint32_t p;
    if (!(d->toks.v[k].flags & TF_CAP) || !pt_longest(&m->place_pt, d, k, end, n, &p)) return DY_NONE;
    for (; p != DY_NONE; p = m->places.v[p].next)
        if (m->places.v[p].kind == PK_REGION && m->places.v[p].iso3[0]) return p;
    return DY_NONE;
}

/* The first place of the chain from first in country iso3, or DY_NONE. */
static uint32_t first_in(const dy_model *m, uint32_t first, const char *iso3) {
    for (uint32_t p = first; p != DY_NONE; p = m->places.v[p].next)
        if (!strcmp(m->places.v[p].iso3, iso3)) return p;
    return DY_NONE;
}

uint32_t place_at(const dy_doc *d, const dy_model *m, uint32_t b, uint32_t e, const char *prefer) {
    uint32_t first;
    if (!pt_exact(&m->place_pt, d, b, e, &first)) return DY_NONE;
    const dy_sentence *s = &d->sents.v[d->toks.v[b].sent];
    if (e + 1 >= s->tok_end || strcmp(d->toks.v[e].key, ",") != 0) return prefer ? first_in(m, first, prefer) : first;
    /* the qualifier after the comma: a region, else a country */
    const char *iso3 = NULL, *admin = NULL;
    uint32_t n, v, r = region_at(d, m, e + 1, s->tok_end, &n);
    if (r != DY_NONE) {
        iso3 = m->places.v[r].iso3;
        admin = m->places.v[r].admin;
    } else if (pt_longest(&m->country_pt, d, e + 1, s->tok_end, &n, &v) && (v & 3) == CM_NAME) {
        iso3 = m->countries.v[v >> 2].iso3;
    }
    if (!iso3) return prefer ? first_in(m, first, prefer) : first;
    for (uint32_t p = first; p != DY_NONE; p = m->places.v[p].next)
        if (m->places.v[p].kind == PK_CITY && !strcmp(m->places.v[p].iso3, iso3) &&
            (!admin || !strcmp(m->places.v[p].admin, admin)))
            return p;
    return first;
}
