/* verbdict.h - verb pattern dictionaries: TABARI .verbs files and PETRARCH verb files
 * (PETR.Validate.verbs.txt, CAMEO.2.0.txt, CAMEO.verbpatterns.*.txt), read into one form.
 *
 * A verb (vd_verb) is a TABARI root with its patterns, or a PETRARCH block ("--- NAME
 * [code] ---") whose synonyms share its patterns. Each form that names it in text is a
 * vd_root: a word phrase ("BREAK_", "BROKEN_DOWN_", "CARRIED_OUT", "DEATH TOLL RISEN"),
 * with its own code when the file gives one. A pattern is a word phrase with the verb
 * marker * and the source $, target +, compound %, skip ^ markers, literal words,
 * synsets and alternatives, and a code: "064", paired "032:033", subordinate "023?",
 * dominant "031!", or the special null "---", discard "###" and complex "+++". A verb's
 * patterns are sorted longest first (wp_length). TABARI <TIME> entries are verbs whose
 * code is a day shift ("-7", "+30").
 *
 * vd_root_at finds the roots whose phrase starts with a word; the caller checks the rest
 * of the phrase against its own text. An unreadable file fails the load; a malformed line
 * is left out and counted in wp.skipped, the first one's "file:line: message" kept in
 * wp.first_error (real dictionaries have a few). */
#ifndef DY_VERBDICT_H
#define DY_VERBDICT_H
#include "wordpat.h"

enum vd_section { VS_VERB, VS_TIME, VS_ATTRIB };

typedef struct vd_pattern {
    wp_seq seq;
    uint32_t len;        /* wp_length */
    char code[16];
    uint32_t line;
} vd_pattern;

typedef struct vd_verb {
    const char *name;    /* first form or block name */
    char code[16];       /* "---" when only its patterns code */
    uint32_t first_pat, npat;
    uint8_t section;     /* enum vd_section */
} vd_verb;

typedef struct vd_root {
    wp_seq words;        /* the form as a phrase of words */
    uint32_t verb;
    uint32_t next;       /* next root with the same first word, or UINT32_MAX */
    uint32_t len;        /* wp_length, for longest-first */
    uint8_t head;        /* PETRARCH multi-word forms: index of the verb word ("WIRE_+TAP": 1) */
    char code[16];       /* own code, or "" for the verb's */
} vd_root;

typedef struct vd_dict {
    wp_store wp;
    DY_VEC(vd_verb) verbs;
    DY_VEC(vd_pattern) pats;
    DY_VEC(vd_root) roots;
    hashmap first;       /* first word of a root (stem or exact) -> first root of its chain */
    uint16_t max_first;  /* longest first word */
    bool has_time;       /* a <TIME> section was read */
} vd_dict;

enum vd_format { VF_TABARI, VF_PETRARCH };

void vd_init(vd_dict *d, enum vd_format f);
void vd_free(vd_dict *d);
/* TABARI or PETRARCH, from the file's content ("--- NAME [code] ---" blocks). */
bool vd_detect(const char *path, enum vd_format *f, char *err, size_t errlen);
/* Add a file's verbs, synsets and patterns. False with a message when it cannot be read. */
bool vd_load(vd_dict *d, const char *path, enum vd_format f, char *err, size_t errlen);
/* First root whose phrase starts with the word w exactly (upper case); follow .next for
 * the others, longest phrases first; UINT32_MAX when none. With stems (TABARI), callers
 * also look up the prefixes of a text word (pm_best_root). */
uint32_t vd_root_at(const vd_dict *d, const char *w, size_t n);
/* The code a root gives on its own. */
const char *vd_root_code(const vd_dict *d, const vd_root *r);
#endif
