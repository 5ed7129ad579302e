/* stances.h - what speakers say of other actors, as events.
 *
 * In the words a speaker is reported to have said (a direct quote; a partial quote with the
 * clause that leads up to it, "Pompeo said Iran's ruling elite were a “mafia”"; reported
 * speech, "X said that ...", even when indirect quotes are not output), an evaluative
 * word of data/stances.tsv ("mistake", "corrupt", "pay a price", "courageous") makes an
 * event from the speaker to the first other actor named in those words: criticism 111,
 * accusation 112, threat 130, praise 051. A negated word ("not a mistake") or a noun
 * naming another noun's topic ("the collusion probe") counts for nothing. Runs after the
 * quote layer. */
#ifndef DY_STANCES_H
#define DY_STANCES_H
#include "../know/model.h"

void stance_run(dy_doc *d, const dy_model *m);
#endif
