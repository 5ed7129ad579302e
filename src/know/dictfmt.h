/* dictfmt.h - the actor and agent dictionaries of TABARI (.actors, .agents) and PETRARCH
 * (Phoenix.*.actors.txt, Phoenix.agents.txt), loaded on top of dyad's own.
 *
 * Actors: "PHRASE [CODE]" or "PHRASE" with "+SYNONYM" lines and indented "[CODE dates]"
 * lines; codes such as USAGOV, RUSELI, IGOUNO; date restrictions <YYMMDD, >YYMMDD and
 * YYMMDD-YYMMDD (years 00-30 are 2000-2030) with an unrestricted default last. A phrase
 * of the file replaces dyad's entry for it. Agents: "PHRASE [~SEC]" with "!MACRO! = A, B"
 * substitutions, loaded as role words. Underscores join the words of a phrase; stems
 * without a final underscore match as whole words only (TABARI also matches them as
 * prefixes). Lines that are not UTF-8 are read as Latin-1. */
#ifndef DY_DICTFMT_H
#define DY_DICTFMT_H
#include "model.h"

/* False with a message on an unreadable file; *entries counts the phrases loaded. */
bool dict_load_actors(dy_model *m, const char *path, size_t *entries, char *err, size_t errlen);
bool dict_load_agents(dy_model *m, const char *path, size_t *entries, char *err, size_t errlen);
#endif
