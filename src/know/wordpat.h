/* wordpat.h - the phrase syntax of TABARI and PETRARCH dictionaries, shared by actor,
 * agent and verb entries: "AL_GORE", "REAL~_PLEASANT", "+ WAS * BY $",
 * "SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS", "* NEW_&TIETYPES_RELATIONS".
 *
 * A phrase is a run of elements in a wp_store: literal words, synset references (&NAME),
 * groups of alternatives ({ a | b }), the verb marker * and the actor tokens $ + % ^ @.
 * A word followed by '_' is exact and the next element must follow it at once; "XXX_ "
 * is exact without that; "XXX~_" is a stem that must be followed at once; a word with
 * no '_' is a stem (TABARI: it matches any word it begins). Exact words may take the
 * regular endings their dictionary allows (nouns -S/-'S, verbs -S/-ED/-ES/-EN/-ING); a
 * final '=' forbids them. Hyphens in dictionary words are read as '_'. */
#ifndef DY_WORDPAT_H
#define DY_WORDPAT_H
#include "../util/arena.h"
#include "../util/hashmap.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum wp_kind { WP_WORD, WP_SYN, WP_ALT, WP_VERB, WP_SRC, WP_TGT, WP_CMP, WP_SKIP, WP_ATTR };
/* Endings an exact word accepts besides itself. */
enum wp_ending { WE_NONE, WE_NOUN, WE_VERB, WE_PLURAL };

typedef struct wp_elem {
    uint8_t kind;        /* enum wp_kind */
    bool exact;          /* WP_WORD: the whole word (else a stem) */
    bool linked;         /* the next element must follow at once */
    uint8_t endings;     /* WP_WORD, exact: enum wp_ending */
    bool frozen;         /* WP_WORD: '=' - no endings whatever the dictionary says */
    uint16_t len;        /* WP_WORD: bytes of word */
    const char *word;    /* WP_WORD: upper case, in the store's arena */
    uint32_t ref, n;     /* WP_SYN: synset index; WP_ALT: first alternative, count */
} wp_elem;

typedef struct wp_seq { uint32_t first, n; } wp_seq;   /* elements [first, first + n) */
typedef struct wp_synset { const char *name; uint32_t first, n; } wp_synset;   /* alts [first, first+n) */

typedef struct wp_store {
    dy_arena arena;
    uint32_t skipped;           /* malformed dictionary lines left out */
    char first_error[256];      /* "path:line: message" of the first of them */
    DY_VEC(wp_elem) elems;
    DY_VEC(wp_seq) alts;        /* alternatives of WP_ALT elements and synset members */
    DY_VEC(wp_synset) syns;
    hashmap syn_index;          /* "&NAME" -> synset */
    bool stems;                 /* TABARI: words without '_' are stems; PETRARCH: all exact */
} wp_store;

void wp_init(wp_store *s, bool stems);
void wp_free(wp_store *s);
/* Parse text[0, n) into a run of elements. False with a message for unbalanced braces, an
 * undeclared synset or an empty phrase. */
bool wp_parse(wp_store *s, const char *text, size_t n, wp_seq *out, char *err, size_t errlen);
/* Start a synset called name ("&CURRENCY"); members are added with wp_synset_add. */
uint32_t wp_synset_new(wp_store *s, const char *name, size_t n);
bool wp_synset_add(wp_store *s, uint32_t syn, const char *text, size_t n, char *err, size_t errlen);
/* Give the last word of seq the endings e (unless it is a stem or frozen). */
void wp_set_endings(wp_store *s, wp_seq seq, enum wp_ending e);
/* Does word w (upper case, n bytes) match the literal e? */
bool wp_word_matches(const wp_elem *e, const char *w, size_t n);
/* TABARI's length of a phrase: letters, digits and '_' of its fixed words plus the longest
 * alternative of each group; tokens and synsets count nothing. Longer phrases are tried first. */
uint32_t wp_length(const wp_store *s, wp_seq seq);
/* Upper-case copy of a word for lookups: 'é' stays as it is, ASCII letters go up. */
void wp_upper(char *dst, const char *src, size_t n);

/* Dictionary lines: the text before a "[CODE]" block and the code with its blanks
 * removed ("[- - -]" -> "---"). Returns the offset of '[' (n when there is none); -1 for
 * a '[' without ']'. */
long wp_split_code(const char *s, size_t n, char *code, size_t cap);
/* s[0, *n) without leading and trailing blanks. */
const char *wp_trim(const char *s, size_t *n);
/* Note a malformed line (message "path:line: ...") that a loader leaves out. */
void wp_skip_line(wp_store *s, const char *msg);
/* Call fn with each line of a dictionary file that has content: comments removed (';';
 * TABARI lines starting with '#' or '/', reading stops at "~~FINISH"; PETRARCH '#' at
 * the start or after a blank, and <!-- --> spans), blanks trimmed; indented says the line
 * started with a blank. False with "cannot read PATH", or when fn returns false (fn then
 * has written err). */
typedef bool (*wp_line_fn)(void *ctx, const char *s, size_t n, bool indented, uint32_t line);
bool wp_each_line(const char *path, bool petrarch, wp_line_fn fn, void *ctx, char *err, size_t errlen);
/* Insert entry idx (phrase length len) into the chain of its first word: first maps the
 * word to the chain's head, next_of(base, i) is entry i's next field, len_of its length;
 * chains keep the longest phrase first. */
void wp_chain_insert(hashmap *first, const char *key, size_t n, uint32_t idx, void *base,
                     uint32_t *(*next_of)(void *, uint32_t), uint32_t (*len_of)(void *, uint32_t));
#endif
