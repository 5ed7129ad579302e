/* places.h - which place of the gazetteer a place name in the text means.
 *
 * A name followed by a comma and a region or country ("Paris, Texas", "Moscow, Idaho",
 * "Tripoli, Lebanon") means the place of that name there; otherwise the most populous
 * place of the name. Countries are not places here: the country table knows them. */
#ifndef DY_PLACES_H
#define DY_PLACES_H
#include "../know/model.h"

/* The place the tokens [b, e) name exactly (m->places index), or DY_NONE. Unqualified,
 * a place in country prefer (a capital's own country, when not NULL) comes first. */
uint32_t place_at(const dy_doc *d, const dy_model *m, uint32_t b, uint32_t e, const char *prefer);
/* The region of a country among the places called like the tokens from k (a US state), or DY_NONE;
 * *n gets the length of the name. */
uint32_t region_at(const dy_doc *d, const dy_model *m, uint32_t k, uint32_t end, uint32_t *n);
#endif
