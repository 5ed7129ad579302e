/* events.h - clause-local event coder: a verb or event noun from data/verbs.tsv, with
 * the actor before it as source and the one after it as target, within one sentence
 * ("[Putin] said Friday that he invited [President Trump] to Moscow"): passive "by",
 * coordinated actors, "X's probe", "criticism from X", participles ("..., accusing Y")
 * acting for the sentence's subject; an object is never the subject of a verb of its own
 * (the sentence structure: clauses.h). Meetings still to come are intents (036); violence
 * by no state's force is 180, with the place as target when no actor suffers it.
 * Negated and hypothetical cues ("did not invite", "could impose") are skipped; cues
 * inside quotations are left to the stance coder (stances.h). An action without an actor
 * to receive it is coded only when it needs none (protest, force, violence). Date and
 * place come from the sentence; an undated event told in the present tense ("accuses")
 * happens on the publication day. */
#ifndef DY_EVENTS_H
#define DY_EVENTS_H
#include "../know/model.h"

void event_run(dy_doc *d, const dy_model *m);
/* Record an event of sentence si from mention src to mention tgt (DY_NONE: no target), with
 * the sentence's date and place; nothing when src is absent, both are one entity, or the
 * same actors did the same kind of thing already in the article. */
void event_add(dy_doc *d, const dy_model *m, uint32_t si, const char *cameo, dy_span cue, uint32_t src,
               uint32_t tgt);
#endif
