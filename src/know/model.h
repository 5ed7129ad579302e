/* model.h - everything dyad knows before it reads an article: abbreviations, speech cues,
 * countries, named actors, role words, event verbs and the CAMEO table.
 *
 * Built once by model_load from the text dictionaries in data/ (compiled into the binary,
 * see data_embed.S), then only read: one model is shared by every thread. Phrase tables
 * map tokenized phrases to indices into the arrays below. */
#ifndef DY_MODEL_H
#define DY_MODEL_H
#include "../core/doc.h"
#include "../util/hashmap.h"
#include "../lang/lemma.h"
#include "../lang/perceptron.h"
#include "phrases.h"

/* Vocabulary bits: dy_token.lex says at once which dictionaries a word may start. */
enum lex_bit {
    LEX_STARTER = 1 << 0,   /* sentence-starting function word (starters.txt) */
    LEX_CUE = 1 << 1, LEX_COUNTRY = 1 << 2, LEX_ACTOR = 1 << 3, LEX_ROLE = 1 << 4,
    LEX_VERB = 1 << 5, LEX_BOILER = 1 << 6,
    /* closed classes of data/words.tsv; model_word_value gives their value */
    LEX_PRONOUN = 1 << 7, LEX_MONTH = 1 << 8, LEX_WEEKDAY = 1 << 9,
    LEX_PARTICLE = 1 << 11, LEX_LOCATIVE = 1 << 12, LEX_NPSTOP = 1 << 13, LEX_CUEMOD = 1 << 14,
    LEX_IRREALIS = 1 << 15, LEX_STANCE = 1 << 16, LEX_PLACE = 1 << 17, LEX_REGIONAL = 1 << 18,
    LEX_SURNAME = 1 << 19, LEX_VESSEL = 1 << 20, LEX_VIEW = 1 << 21,
};

/* The sequence labellers of the language layer (models/NAME.ap). */
enum lang_task { LT_POS, LT_CHUNK, LT_NER, LT_COUNT };
extern const char *const lang_task_names[LT_COUNT];   /* "pos", "chunk", "ner" */

enum abbr_class { ABBR_OTHER = 1, ABBR_TITLE, ABBR_NUMBER, ABBR_SUFFIX };
enum cue_kind { CUE_VERB = 1, CUE_TELL, CUE_PREP, CUE_NAMING, CUE_VIEW, CUE_OPEN };
enum role_kind { ROLE_TITLE = 1, ROLE_HONORIFIC, ROLE_NOUN };
/* What a country phrase names: the country itself, its people/adjective, or its capital. */
enum country_match { CM_NAME = 0, CM_DEMONYM = 1, CM_CAPITAL = 2 };

typedef struct kb_cue { const char *lemma; uint8_t kind; } kb_cue;

typedef struct kb_country {
    char iso3[4];
    const char *name;        /* canonical: "United Kingdom" */
} kb_country;

/* A dependent territory and the country its actors are coded as (data/territories.tsv). */
typedef struct kb_territory { char iso3[4], sovereign[4]; } kb_territory;

/* A place of the gazetteer: a city (gazetteer/build.js, from GeoNames) or a first-level
 * region (data/regions.tsv). Places of one name are chained, most populous first. */
enum place_kind { PK_CITY = 1, PK_REGION };
typedef struct kb_place {
    const char *name;
    char iso3[4];
    char admin[4];           /* first-level division code: "TX" (a region's own code) */
    uint8_t kind;            /* enum place_kind */
    float lat, lon;          /* cities only */
    uint32_t population;
    uint32_t next;           /* the next place of the same name, or DY_NONE */
} kb_place;

typedef struct kb_actor {
    const char *name;        /* canonical name */
    uint8_t type;            /* enum ent_type */
    dy_actor code;
    dy_date from, until;     /* y == 0: open */
    uint32_t next;           /* next period of the same actor, or DY_NONE */
    uint32_t same_surname;   /* a person's first period: the next person of that family name, or DY_NONE */
    bool stateless;          /* no country by definition ("-": transnational groups), not unknown */
} kb_actor;

typedef struct kb_role {
    dy_actor code;
    uint8_t kind;            /* enum role_kind */
    uint8_t gender;          /* enum gender: "Mrs." female, "spokesman" male... */
    bool plural;             /* "officials", "lawmakers" */
    bool stateless;          /* of no country but one named with them ("refugees", "critics") */
} kb_role;

typedef struct kb_verb { char cameo[5]; bool noun; } kb_verb;

typedef struct kb_cameo {
    char code[5];
    char plover[12];         /* "" when the code has no PLOVER type */
    float goldstein;
    uint8_t quad;
} kb_cameo;

struct vd_dict;   /* verbdict.h */

typedef struct dy_model {
    dy_arena arena;          /* strings of all tables */
    hashmap abbrevs;         /* "mr." -> enum abbr_class */
    hashmap vocab;           /* token key -> enum lex_bit mask */
    hashmap word_values;     /* pronoun gender, month 1..12, weekday 0..6 by key */
    phrase_table cue_pt;     DY_VEC(kb_cue) cues;
    phrase_table view_pt;    /* data/cues.tsv's verbs of a view (kind "view"), values in cues */
    phrase_table country_pt; DY_VEC(kb_country) countries;   /* value: index << 2 | country_match */
    phrase_table place_pt;   DY_VEC(kb_place) places;        /* value: the first place of the name */
    DY_VEC(kb_territory) territories;
    phrase_table actor_pt;   DY_VEC(kb_actor) actors;        /* value: first period's index */
    phrase_table surname_pt; /* a named person's family name ("Merkel"; "Kim" for Kim Jong Un) ->
                                the first of the persons so called, chained by same_surname */
    phrase_table role_pt;    DY_VEC(kb_role) roles;
    phrase_table verb_pt;    DY_VEC(kb_verb) verbs;          /* event verbs and nouns, then stance words */
    phrase_table stance_pt;  /* data/stances.tsv: evaluative words, values in verbs */
    const struct vd_dict *verb_patterns;   /* dyad extract --verbs: TABARI/PETRARCH patterns (owned by the caller), or NULL */
    phrase_table boiler_pt;  /* phrases that mark a boilerplate line */
    hashmap cameo_map;       DY_VEC(kb_cameo) cameo;
    lemmatizer lemmas;              /* WordNet base forms and morphy's rules */
    hashmap word_classes;           /* models/clusters.tsv: word -> class (clusters.h) */
    ap_model taggers[LT_COUNT];     /* compiled in, or mapped by model_load_taggers */
    bool has_tagger[LT_COUNT];
    void *mapped[LT_COUNT];         /* mmap'ed model files, to unmap */
    size_t mapped_size[LT_COUNT];
} dy_model;

/* Load the built-in dictionaries. Aborts with a message if built-in data is corrupt. */
dy_model *model_load(void);
void model_free(dy_model *m);
/* Use the models dir/pos.ap, chunk.ap, ner.ap (mapped, not read) instead of the built-in
 * ones; a missing file keeps the built-in model. False with a message on a bad file. */
bool model_load_taggers(dy_model *m, const char *dir, char *err, size_t errlen);

/* The code an actor entry carries on a date (the period containing it; undated: the last). */
const kb_actor *model_actor_on(const dy_model *m, uint32_t first, dy_date when);
/* Index person entry first (a first period) under its family name in surname_pt: the last
 * word of name, or the first where family names come first (China, the Koreas, ...). */
void model_add_surname(dy_model *m, const char *name, size_t len, uint32_t first);
const kb_cameo *model_cameo(const dy_model *m, const char *code);
/* The country whose actors a country's or territory's actors are: "GIB" -> "GBR", "FRA" -> "FRA". */
const char *model_sovereign(const dy_model *m, const char *iso3);
/* The value data/words.tsv gives a token of a closed class (pronoun gender, month...). */
uint32_t model_word_value(const dy_model *m, const dy_token *t);
int date_cmp(dy_date a, dy_date b);
bool date_parse(const char *s, size_t n, dy_date *out);
#endif
