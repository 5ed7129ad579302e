/* petrarch.h - a PETRARCH-style event coder over a Penn Treebank parse: noun phrases
 * become named entities (NEs) coded from the actor and agent dictionaries, verb phrases
 * headed by a dictionary verb are matched against its patterns, as PETRARCH does.
 *
 * NEs: a noun phrase without inner noun phrases; "X 's Y" without the 's; "X of/in Y"
 * when Y holds no further preposition; a compound ("A, B and C", one CC, three or more
 * nouns) gives one NE per conjunct, sharing leading adjectives and an "X of" before it.
 * An NE's code is its first actor's, then every agent's (~GOV after it, NGM~ before it,
 * unless already there); agents alone give "---GOV"; nothing gives the null "---".
 * Verbs: each (VP (VB* ...)) in tree order, or the past participle of a passive
 * "was ... VBN ... by"; the words before the verb back to a comma and those inside the
 * verb phrase are matched against the verb's patterns, longest first; without a match the
 * verb's own code holds (% only asks for a compound). Source: the pattern's $, else the
 * first NE before the verb (coded ones first); target: the pattern's +, else the first
 * coded NE after the verb with another code, an uncoded one after it, the nearest coded
 * one before it, an uncoded one before it. Compounds give every pair; passive swaps; "A:B" gives both directions;
 * with require_dyad events with a null side are dropped. Comma clauses are deleted first
 * (comma_* options). Discard phrases stop a sentence or its story; unbalanced parses and
 * datelines ("CEBU CITY: --") are refused. */
#ifndef DY_PETRARCH_H
#define DY_PETRARCH_H
#include "match.h"
#include "treebank.h"

#define PT_MAX_WORDS 256

typedef struct pt_options {
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
    bool require_dyad;
    int new_actor_length;    /* > 0: an uncoded NE of at most this many words is coded as its "TEXT" */
} pt_options;

enum pt_status { PT_CODED, PT_BAD_PARSE, PT_SENTENCE_DISCARD, PT_STORY_DISCARD, PT_DATELINE };

typedef struct pt_discard { char text[64]; bool story, whole; } pt_discard;   /* whole: "PHRASE_" */

typedef struct pt_dicts {
    const ad_dict *actors;
    const vd_dict *verbs;
    const pt_discard *discards;
    size_t ndiscards;
} pt_dicts;

typedef struct pt_result {
    uint8_t status;          /* enum pt_status */
    pm_event events[64];
    uint32_t nevents;
} pt_result;

typedef struct pt_state pt_state;   /* the parse being coded (large; reused) */

void pt_defaults(pt_options *o);
pt_state *pt_new(void);
void pt_delete(pt_state *s);
/* Apply a <Config option="..." value="..."> (comma_*, require_dyad, new_actor_length). */
void pt_option(pt_options *o, const char *name, const char *value);
/* Read a discard file ("PHRASE", "+PHRASE" for the whole story). */
bool pt_load_discards(pt_discard **out, size_t *n, const char *path, char *err, size_t errlen);
void pt_code(pt_state *s, const pt_dicts *dc, const pt_options *o, const char *text, const char *parse,
             size_t parse_len, dy_date when, pt_result *out);
#endif
