/* mentions.h - the mentions of an article, in text order: names (from the recogniser,
 * the dictionaries, famous family names), the titles and nationality words before a name
 * giving its actor code ("Russian President [Vladimir Putin]" -> RUS GOV), groups by role
 * ("Syrian rebels", "the Trump administration"), persons described by office ("the Iranian
 * president"), and pronouns. Name spans exclude titles and honorifics, as CoNLL-2003 marks
 * them; nominal spans include their determiner and modifiers. */
#ifndef DY_MENTIONS_H
#define DY_MENTIONS_H
#include "../know/model.h"

void ment_run(dy_doc *d, const dy_model *m);
/* Pronoun gender of a token ("he" -> G_MALE), or -1 when the token is no pronoun. */
int ment_pronoun_gender(const dy_model *m, const dy_token *t);
/* The index of the first mention that starts at or after token tok (mentions are in text
 * order), d->mentions.n when none: where a sentence's or a span's mentions begin. */
size_t ment_first_at(const dy_doc *d, uint32_t tok);
/* The entity of mention mi, or DY_NONE (also for mi == DY_NONE). */
static inline uint32_t ment_entity(const dy_doc *d, uint32_t mi) { return mi == DY_NONE ? DY_NONE : d->mentions.v[mi].entity; }
/* A short word is an acronym only in capitals: "Un" of "Kim Jung Un" is not the UN; "AfD"
 * and "PiS" keep their inner capitals. Longer words may be written either way ("Nato"). */
bool ment_acronym_cased(const dy_doc *d, uint32_t k);
/* The country of the latest name mention before index upto that has one, within two
 * sentences before sentence sent ("the government", "the country's leaders"), or NULL. */
const char *ment_country_before(const dy_doc *d, size_t upto, uint32_t sent);
/* A person described by office ("the Russian president"), resolved by the entity layer. */
static inline bool ment_describes_person(const dy_mention *mn) { return mn->kind == MK_NOMINAL && mn->type == ET_PERSON; }
#endif
