/* petrval.h - PETRARCH's unit-test records (PETR.UnitTest.records.xml): an <Environment>
 * naming the verb, actor, agent and discard dictionaries, <Config option= value=> changes,
 * and <Sentence date= id= valid=> records with <EventCoding sourcecode= targetcode=
 * eventcode=> expectations (or noevents, or error="bad_input_parse", "dateline",
 * "sentencediscard", "storydiscard"), the <Text> and its <Parse> tree.
 *
 * Records marked valid="false" are left out, as PETRARCH's validation (Include: valid)
 * leaves them out; every other record counts. A record passes when its events are
 * exactly the expected set, or when the expected error or "no events" is what happened. */
#ifndef DY_PETRVAL_H
#define DY_PETRVAL_H
#include <stdbool.h>
#include <stdio.h>

typedef struct pv_summary { unsigned records, exact, skipped; } pv_summary;

bool pv_run(const char *path, FILE *log, bool verbose, const char *explain, pv_summary *out, char *err,
            size_t errlen);
#endif
