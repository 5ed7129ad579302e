/* actdict.h - TABARI and PETRARCH actor and agent dictionaries with their codes as written
 * (USAGOV, ELR/GAL, ~GOVPRS, NGM~, and the special ---, ### and +++), for the pattern
 * coders. (dictfmt.c loads the same files into dyad's own actor model, which keeps a
 * country and a sector only; the coders need the raw codes, compound codes, special codes
 * and TABARI's stems.)
 *
 * An entry is a phrase (wordpat syntax: stems, '_' connections, regular endings on its
 * last word) of one of four types: actor, agent, and the <NOUN> and <ADJECTIVE> words of
 * TABARI actor files. Synonyms ("+SMEAGOL") share one group of codes; a code may hold for
 * a date range ([HOB <950601] [HOBGOV 950601-990815] [HOBREB >990816]), the unrestricted
 * one applies otherwise, and none at all gives the null code "---". PETRARCH agent files
 * may use !MACRO! = A, B substitutions and {PLURAL FORMS}. */
#ifndef DY_ACTDICT_H
#define DY_ACTDICT_H
#include "wordpat.h"
#include "../core/doc.h"

enum ad_type { AT_ACTOR, AT_AGENT, AT_NOUN, AT_ADJ };

typedef struct ad_code {
    char code[32];
    uint8_t rule;        /* 0 always, 1 until, 2 from, 3 between */
    dy_date from, until;
} ad_code;

typedef struct ad_entry {
    wp_seq words;
    uint32_t len;        /* wp_length */
    uint32_t group;      /* codes: groups[group] */
    uint32_t next;       /* next entry with the same first word, longest first */
    uint8_t type;        /* enum ad_type */
} ad_entry;

typedef struct ad_group { uint32_t first, n; } ad_group;   /* codes [first, first + n) */

typedef struct ad_dict {
    wp_store wp;
    DY_VEC(ad_entry) entries;
    DY_VEC(ad_group) groups;
    DY_VEC(ad_code) codes;
    hashmap first;       /* first word -> first entry of its chain */
    uint16_t max_first;
} ad_dict;

void ad_init(ad_dict *d, bool stems);
void ad_free(ad_dict *d);
/* Actors (with <NOUN> and <ADJECTIVE> sections) and agents. False when the file cannot be
 * read; malformed lines are left out and noted in wp.skipped / wp.first_error. */
bool ad_load_actors(ad_dict *d, const char *path, bool petrarch, char *err, size_t errlen);
bool ad_load_agents(ad_dict *d, const char *path, bool petrarch, char *err, size_t errlen);
/* First entry whose first word is exactly w[0, n); UINT32_MAX when none. With stems the
 * caller also tries the prefixes of a text word. */
uint32_t ad_first(const ad_dict *d, const char *w, size_t n);
/* The code of a group on a date (y == 0: the unrestricted one). */
const char *ad_code_on(const ad_dict *d, uint32_t group, dy_date when);
/* "950601", "19950601": years 00-30 are 2000-2030, 31-99 1931-1999. */
bool ad_parse_date(const char *s, size_t n, dy_date *out);
#endif
