/* tabval.h - TABARI's validation suite: a .project file naming the actors, agents, verbs,
 * options and text files, and text records whose comments hold the expected events,
 * "{ SRC / TGT / CODE } [date]", or {---} (no event), {###} (discard), {+++} (complex),
 * -{...} (do not check the rest) and { OPTION: <options line> } (change an option).
 *
 * Records are coded in file order up to FINAL-01, where TABARI's validation ends (the
 * records after it need other settings or crash TABARI). Option records change the
 * options and are not counted; records whose expectations are all behind -{ check nothing
 * and are not counted either. A record passes when the special code matches, or when the
 * set of events is the expected one (with -{, contains it) and, with time shifting on, the
 * date after the first expected event is the shifted date. */
#ifndef DY_TABVAL_H
#define DY_TABVAL_H
#include <stdbool.h>
#include <stdio.h>

typedef struct tv_summary { unsigned records, exact, options, unchecked; } tv_summary;

/* Run the suite of project; failures go to log (with expected and coded events when
 * verbose; with the parse of the record whose id is explain, if not NULL). False with a
 * message when a file cannot be read. */
bool tv_run(const char *project, FILE *log, bool verbose, const char *explain, tv_summary *out, char *err,
            size_t errlen);
#endif
