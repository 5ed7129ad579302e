/* match.h - matches a verb pattern against the words around its verb, as TABARI and
 * PETRARCH do: the part before '*' against the words before the verb, read backwards from
 * it (the "upper" sequence), the part after '*' against the words after it (the "lower"
 * sequence). Literal words may have other words between them unless joined by '_';
 * synsets and { | } groups try each alternative; $ + % ^ take the next actor (a whole
 * compound when the actor is part of one; % needs a compound). Backtracks over choices.
 *
 * The caller gives every word its upper-case text and the actor and compound it belongs
 * to (-1 for none); a sequence is a list of word indices in matching order. */
#ifndef DY_MATCH_H
#define DY_MATCH_H
#include "../know/actdict.h"
#include "../know/verbdict.h"

typedef struct pm_word {
    const char *w;
    uint16_t n;
    int32_t actor;       /* actor the word belongs to, or -1 */
    int32_t group;       /* compound of that actor, or -1 */
} pm_word;

/* What a token took: an actor (group -1) or a whole compound (group >= 0). */
typedef struct pm_ref { int32_t actor, group; } pm_ref;

typedef struct pm_result {
    pm_ref src, tgt, cmp;    /* actor -1 when the pattern has no such token */
    uint32_t len;            /* matched length: fixed words plus the alternatives taken */
    bool tokens;             /* the pattern placed a source, target or compound */
} pm_result;

/* Match seq (a phrase with one WP_VERB) given the upper sequence (word indices, nearest
 * to the verb first) and the lower one. */
bool pm_match(const wp_store *wp, wp_seq seq, const pm_word *words, const uint32_t *upper, uint32_t nu,
              const uint32_t *lower, uint32_t nl, pm_result *out);
/* Match a dictionary phrase of plain words in text: its first word at words[at], the
 * others after it up to 'limit' (exclusive), with gaps unless '_' joins them; pos[]
 * receives the index of each word matched (at most cap). Returns how many, 0 for no match. */
uint32_t pm_phrase_at(const wp_seq seq, const wp_store *wp, const pm_word *words, uint32_t at, uint32_t limit,
                      uint32_t *pos, uint32_t cap);
/* One coded event. */
typedef struct pm_event { char src[48], tgt[48], code[16]; } pm_event;

/* The longest dictionary phrase starting at words[at] (before limit): over the chains of
 * every prefix of the word (stems) and, for verbs, of the prefix with its E back
 * (DEPLORING -> DEPLORE). type: an enum ad_type, or -1 for any. Returns the entry or root
 * index (UINT32_MAX for none) and fills pos/npos with the words matched. */
uint32_t pm_best_entry(const ad_dict *d, const pm_word *words, uint32_t at, uint32_t limit, int type,
                       uint32_t *pos, uint32_t *npos);
uint32_t pm_best_root(const vd_dict *d, const pm_word *words, uint32_t at, uint32_t limit, uint32_t *pos,
                      uint32_t *npos);
/* The verb's pattern that matches the longest text (TABARI's rule: patterns are tried
 * longest first, and one with alternatives must beat the longer ones still to try), or
 * NULL; *best receives its assignments. */
const vd_pattern *pm_best_pattern(const vd_dict *d, const vd_verb *verb, const pm_word *words, const uint32_t *upper,
                                  uint32_t nu, const uint32_t *lower, uint32_t nl, pm_result *best);
#endif
