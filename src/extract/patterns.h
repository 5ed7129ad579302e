/* patterns.h - events from TABARI/PETRARCH verb patterns (dyad extract --verbs) over
 * dyad's own analysis: its tokens and sentences, its tagger's verbs, its actor mentions.
 *
 * In each sentence, a token the tagger calls a verb that starts a root of the pattern
 * dictionary is matched against that verb's patterns (words before it back to a comma,
 * words after it up to a comma or the sentence end); $ and + take actor mentions. The
 * source is the pattern's $ or the first actor mention before the verb, the target the
 * pattern's + or the first other actor after it, else the nearest other one before it;
 * "was ... verb by" swaps them; "A:B" codes give both directions. For the verbs the
 * dictionary covers, its events replace those the built-in coder found at the same cue. */
#ifndef DY_PATTERNS_H
#define DY_PATTERNS_H
#include "../know/model.h"

void pattern_events(dy_doc *d, const dy_model *m);
#endif
