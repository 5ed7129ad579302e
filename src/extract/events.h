/* events.h - first-version event coder: a verb or event noun from data/verbs.tsv, with
 * the nearest actor before it as source and the nearest after it as target, within one
 * sentence ("[Putin] said Friday that he invited [President Trump] to Moscow").
 * Negated and hypothetical cues ("did not invite", "could impose") are skipped; cues
 * inside quotations are left to the quote layer. Date and place come from the sentence.
 * Issue 6 replaces this with clause-level patterns; the event layer stays the same. */
#ifndef DY_EVENTS_H
#define DY_EVENTS_H
#include "../know/model.h"

void event_run(dy_doc *d, const dy_model *m);
#endif
