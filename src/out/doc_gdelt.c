/* doc_gdelt.c - GDELT 2.0 event rows (column names from the GDELT 2.0 Event Codebook).
 * Filled: event id, day, month, year, fraction date, both actors' code, name and country
 * (ISO alpha-3 where GDELT writes CAMEO country codes; they agree for nearly all
 * countries) and their first type (the sector), IsRootEvent, the event codes, QuadClass,
 * Goldstein, one mention/source/article, the action's place (geo type, name, country -
 * GDELT's column takes FIPS codes, dyad writes ISO alpha-3 -, ADM1 as country and region
 * code, a city's coordinates), and SOURCEURL. Tone, ethnicity, religion, known groups,
 * actor places, ADM2 codes and feature ids stay empty. */
#include "doc_gdelt.h"
#include <string.h>

static const char *const columns[] = {
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"};

void gdelt_write_header(sb *o) {
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++) {
        if (i) sb_putc(o, '\t');
        sb_puts(o, columns[i]);
    }
    sb_putc(o, '\n');
}

/* A field: tabs and newlines in text become spaces. */
static void field(sb *o, const char *s, size_t n) {
    sb_putc(o, '\t');
    for (size_t i = 0; i < n; i++) sb_putc(o, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

static void fields(sb *o, int n) {
    for (int i = 0; i < n; i++) sb_putc(o, '\t');
}

static void actor_fields(sb *o, const dy_doc *d, const dy_event_arg *a) {
    if (a->mention == DY_NONE) {
        fields(o, 10);
        return;
    }
    const dy_entity *e = &d->entities.v[d->mentions.v[a->mention].entity];
    sb_putc(o, '\t');
    sb_puts(o, e->actor.country);
    sb_puts(o, e->actor.sector);
    field(o, e->name, strlen(e->name));
    field(o, e->actor.country, strlen(e->actor.country));
    fields(o, 4);                                       /* known group, ethnic, religion 1 and 2 */
    field(o, e->actor.sector, strlen(e->actor.sector));  /* Type1 */
    fields(o, 2);
}

void doc_write_gdelt(sb *o, const dy_doc *d, const dy_model *m, const char *id, const char *url) {
    for (size_t i = 0; i < d->events.n; i++) {
        const dy_event *ev = &d->events.v[i];
        dy_date day = ev->date.y ? ev->date : d->published;
        const kb_cameo *c = model_cameo(m, ev->cameo);
        sb_printf(o, "%s-%zu", id, i + 1);
        if (day.y)
            sb_printf(o, "\t%04d%02d%02d\t%04d%02d\t%04d\t%.4f", day.y, day.m, day.d, day.y, day.m, day.y,
                      day.y + (day.m - 1) / 12.0 + (day.d - 1) / 365.0);
        else
            fields(o, 4);
        actor_fields(o, d, &ev->source);
        actor_fields(o, d, &ev->target);
        sb_printf(o, "\t%d\t%s\t%.3s\t%.2s", ev->sent == 0, ev->cameo, ev->cameo, ev->cameo);
        if (c) sb_printf(o, "\t%u\t%.1f", c->quad, (double)c->goldstein);
        else fields(o, 2);
        sb_puts(o, "\t1\t1\t1\t");                       /* mentions, sources, articles; tone empty */
        fields(o, 16);                                   /* the actors' places */
        if (!span_empty(ev->place_span)) {
            /* GDELT's geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state */
            const kb_place *p = ev->place != DY_NONE ? &m->places.v[ev->place] : NULL;
            bool us = !strcmp(ev->place_country, "USA");
            int type = !p ? 1 : p->kind == PK_REGION ? (us ? 2 : 5) : (us ? 3 : 4);
            sb_printf(o, "\t%d", type);
            field(o, d->text + ev->place_span.start, ev->place_span.end - ev->place_span.start);
            field(o, ev->place_country, strlen(ev->place_country));
            if (p && p->admin[0]) sb_printf(o, "\t%s%s", ev->place_country, p->admin);   /* ADM1 */
            else fields(o, 1);
            fields(o, 1);                                /* ADM2 */
            if (p && p->kind == PK_CITY) sb_printf(o, "\t%.4f\t%.4f", (double)p->lat, (double)p->lon);
            else fields(o, 2);
            fields(o, 1);                                /* feature id */
        } else {
            fields(o, 8);
        }
        fields(o, 1);                                    /* DATEADDED */
        field(o, url ? url : id, strlen(url ? url : id));
        sb_putc(o, '\n');
    }
}
