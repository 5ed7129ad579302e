/* tabwords.h - TABARI's sparse parse of one sentence: the text as TABARI words (dyad's
 * tokens upper-cased, clitics joined, hyphens split, sentence punctuation dropped), the
 * words classified from the dictionaries (actors with their agents, verbs, nouns,
 * adjectives, determiners, pronouns, conjunctions), null-coded actors and verbs after a
 * determiner or capitalised mid-sentence turned into nouns, pronouns pointed at actors,
 * parsed compound actors, comma-delimited nonrestrictive clauses deleted, and the
 * sentence cut into clauses at the conjunctions that join no compound.
 *
 * Dates resolve the actors' date-restricted codes; the option fields say how long a
 * deleted comma clause may be and whether unattached agents become actors. */
#ifndef DY_TABWORDS_H
#define DY_TABWORDS_H
#include "../know/actdict.h"
#include "../know/verbdict.h"
#include "match.h"

#define TW_MAX_WORDS 128

enum tw_type { TT_NONE, TT_ACTOR, TT_AGENT, TT_VERB, TT_NOUN, TT_ADJ, TT_DET, TT_PRONOUN, TT_CONJ, TT_COMMA,
               TT_TIME };

typedef struct tw_word {
    const char *w;       /* upper case, in the parse's arena */
    uint16_t n;
    bool cap, comma, deleted;
    uint8_t type;        /* enum tw_type */
    int32_t actor, verb; /* actor or verb it belongs to, or -1 */
    int32_t group;       /* compound whose span holds it, or -1 */
} tw_word;

typedef struct tw_actor {
    uint32_t start, last;    /* first and last word (agents included) */
    char code[48];           /* with agents; may be a coded compound "FRO/BIL/SAM" */
    char base[48];           /* the actor's own code, for forwarding */
    int32_t group;           /* compound, or -1 */
    int32_t ref_group;       /* a pronoun standing for a compound ("they"), or -1 */
    bool pronoun, dead;      /* dead: cancelled by a deleted comma clause */
} tw_actor;

typedef struct tw_verb {
    uint32_t start, last;    /* the root's first and last word */
    uint32_t root;
    bool noun, dead;         /* shifted to a noun; cancelled */
    uint8_t section;         /* enum vd_section */
} tw_verb;

typedef struct tw_group { uint32_t start, last; int32_t members[16]; uint32_t n; } tw_group;

typedef struct tw_opts {
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax;
    bool comma_off, convert_agents;
} tw_opts;

typedef struct tw_parse {
    tw_word words[TW_MAX_WORDS];
    uint32_t n;
    tw_actor actors[TW_MAX_WORDS];
    uint32_t nactors;
    tw_verb verbs[TW_MAX_WORDS];
    uint32_t nverbs;
    tw_group groups[TW_MAX_WORDS / 2];
    uint32_t ngroups;
    uint32_t clause_start[TW_MAX_WORDS], clause_end[TW_MAX_WORDS];   /* words [start, end) */
    uint32_t nclauses;
    uint32_t conj_splits;
    bool discard, complex, allcaps;
    pm_word pm[TW_MAX_WORDS];              /* the words as the matcher sees them */
    dy_doc doc;                            /* tokens; its arena holds the words' text */
} tw_parse;

typedef struct tw_dicts { const ad_dict *actors; const vd_dict *verbs; const hashmap *abbrevs; } tw_dicts;

void tw_init(tw_parse *p);
void tw_free(tw_parse *p);
/* Parse text into p (the text must stay alive while p is used). fwd: the code a sentence-
 * initial pronoun takes from the previous sentence, or NULL. Returns the number of words
 * counted for MINIMUM WORDS (commas count). */
uint32_t tw_parse_text(tw_parse *p, const tw_dicts *dc, const char *text, size_t len, dy_date when,
                       const tw_opts *o, const char *fwd);
/* The first code of an actor (a compound's first member, a coded compound's first part). */
void tw_first_code(const tw_parse *p, int32_t actor, int32_t group, char *out, size_t cap);
#endif
