/* quotes.h - direct and partial quotations with their cue, source and speaker.
 *
 * 1. Quote marks are paired per document: curly marks by their shape, straight ones by
 *    their surroundings; an opening mark at the start of a paragraph continues a quote
 *    left open by the previous paragraph (one quote over several paragraphs); a quote
 *    still open at a paragraph end that is not continued closes there (unbalanced marks
 *    never swallow the rest of the article).
 * 2. Each quote looks for its attribution: after the closing mark ("…,” Mr. Putin said /
 *    said Sanders, the press secretary), before the opening mark ("Putin said: “…”",
 *    "according to X"), or anywhere earlier in its sentence for a partial quote.
 *    Unattributed quotes continue the previous speaker when they follow an attributed
 *    quote in the same or the previous paragraph; short unattributed ones (scare quotes,
 *    titles) are dropped.
 * 3. The source words resolve to an entity: a name in them; a pronoun to the most recent
 *    compatible speaker (reported statements count: "Sanders said they had...") or else
 *    the most recent compatible person; "the Russian leader" to the latest entity with
 *    that country and sector.
 * 4. Reported speech without marks ("Sanders said they had not received ...", "according
 *    to X, ...") becomes an indirect quote: the content clause with its cue and speaker;
 *    with --indirect also views ("a poll shows that ...", "Cruz endorsed Trump": cues of
 *    kind "view" in data/cues.tsv) and "Name: headline" lines. */
#ifndef DY_QUOTES_H
#define DY_QUOTES_H
#include "../know/model.h"

void quote_run(dy_doc *d, const dy_model *m);
/* Forget the indirect quotes (reported speech "X said that ..."), once the stages that read
 * them have run, for output that asks for direct and partial quotes only. */
void quote_drop_indirect(dy_doc *d);
/* Quotes as PolNeAR and PARC annotate attributions, one per source, cue and content, once
 * the stages that read the quotes have run: a quote interrupted by its attribution ("…,”
 * he said. “…”) is one quote over both parts, and a partial quote spans the clause it is
 * part of ("he said he won “every single debate” in which he took part"). */
void quote_whole_attributions(dy_doc *d, const dy_model *m);
#endif
