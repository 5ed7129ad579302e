/* entities.h - groups name mentions into entities and gives each its actor code.
 *
 * First version: person names cluster by surname ("Vladimir Putin", "Mr. Putin",
 * "Putin"); other names by their dictionary entry or identical text. The canonical name
 * is the dictionary's (a lone surname is looked up among the named actors, preferring one
 * whose code on the publication date fits the title) or else the longest name mention.
 * Pronouns are attached later by the stages that resolve them (ent_attach). */
#ifndef DY_ENTITIES_H
#define DY_ENTITIES_H
#include "../know/model.h"

void ent_run(dy_doc *d, const dy_model *m);
/* Attach mention mi (a resolved pronoun or nominal) to entity e. */
void ent_attach(dy_doc *d, uint32_t mi, uint32_t e);
/* Does mention mi stand for an actor: an entity with a country or sector code? */
bool ent_is_actor(const dy_doc *d, uint32_t mi);
#endif
