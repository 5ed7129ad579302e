/* mentions.h - first-version mention finder: names, nationality words and pronouns.
 *
 * Rule-based until the trained recogniser (issue 3) replaces it behind the same layer:
 * dictionary phrases first (named actors, countries, demonyms, capitals), then runs of
 * capitalised words, with the titles and nationality words before a name giving its
 * actor code ("Russian President [Vladimir Putin]" -> RUS GOV). Name spans exclude
 * titles and honorifics, as CoNLL-2003 marks them. Fills doc->mentions in text order. */
#ifndef DY_MENTIONS_H
#define DY_MENTIONS_H
#include "../know/model.h"

void ment_run(dy_doc *d, const dy_model *m);
/* Pronoun gender of a token ("he" -> G_MALE), or -1 when the token is no pronoun. */
int ment_pronoun_gender(const dy_model *m, const dy_token *t);
#endif
