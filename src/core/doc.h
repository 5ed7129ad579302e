/* doc.h - one article and its annotation layers.
 *
 * The original bytes are never copied or changed; every layer is an array of records
 * holding UTF-8 byte offsets [start, end) into doc->text. Each stage of the pipeline
 * (see pipeline.c) reads the layers below it and fills its own. All memory belongs to
 * doc->arena and is released at once by doc_reset. */
#ifndef DY_DOC_H
#define DY_DOC_H
#include "../util/arena.h"
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define DY_NONE UINT32_MAX   /* "no index" in any layer */

typedef struct { uint32_t start, end; } dy_span;

/* ---- text layer ---------------------------------------------------------------- */
enum tok_kind { TK_WORD = 1, TK_NUM, TK_PUNCT, TK_QUOTE, TK_URL, TK_EMAIL, TK_SYM };
enum tok_flag {
    TF_CAP = 1 << 0,        /* first letter upper case */
    TF_ALLCAP = 1 << 1,     /* two or more letters, all upper case */
    TF_SPACE = 1 << 2,      /* whitespace before the token */
    TF_NEWLINE = 1 << 3,    /* a line break before the token (paragraph start) */
    TF_ABBREV = 1 << 4,     /* a word ending in '.' that is an abbreviation or initial */
    TF_QOPEN = 1 << 5,      /* quote mark that opens */
    TF_QCLOSE = 1 << 6,     /* quote mark that closes */
    TF_QSINGLE = 1 << 7,    /* single quote mark (‘ ’ ') */
    TF_BOILER = 1 << 8,     /* inside a boilerplate paragraph */
};

typedef struct dy_token {
    uint32_t start, end;
    const char *key;     /* NFC, lower case, ’ → ': the form used for every lookup */
    uint32_t key_len, key_hash;   /* strlen(key) and hm_hash(key): computed once */
    uint16_t kind, flags;
    uint32_t lex;        /* vocabulary bits (know/model.h LEX_*): which dictionaries it may start */
    uint32_t sent;       /* sentence index */
} dy_token;

typedef struct dy_sentence {
    uint32_t tok_begin, tok_end;   /* tokens [begin, end) */
    uint32_t start, end;           /* bytes */
    uint32_t para;
} dy_sentence;

typedef struct dy_para {
    uint32_t start, end;           /* bytes, without the line break */
    uint32_t tok_begin, tok_end;
    bool boilerplate;
} dy_para;

/* ---- entity layer -------------------------------------------------------------- */
enum ent_type { ET_PERSON = 1, ET_ORG, ET_GPE, ET_LOC, ET_NORP, ET_MISC };
enum mention_kind { MK_NAME = 1, MK_NOMINAL, MK_PRONOUN };
enum gender { G_UNKNOWN = 0, G_MALE, G_FEMALE, G_PLURAL, G_NEUTER };

typedef struct dy_actor {
    char country[4];   /* ISO alpha-3 or IGO/NGO/MNC; "" = unknown */
    char sector[4];    /* CAMEO agent code; "" = none */
} dy_actor;

typedef struct dy_mention {
    uint32_t tok_begin, tok_end;   /* the name (or nominal/pronoun) tokens */
    uint32_t start, end;
    uint32_t full_start;           /* start of the whole noun phrase (titles included) */
    uint8_t type, kind, gender;
    bool possessive;               /* followed by 's */
    bool modifier;                 /* a nationality or organisation before a title or noun ("Russian President") */
    bool country_name;             /* names a country outright ("U.S.", "Britain"), not its capital or people */
    bool vessel;                   /* a ship's name ("the tanker Stena Impero"): no actor */
    bool stateless;                /* a group of no country but one named with it ("refugees") */
    dy_actor actor;                /* from the title, nationality word or dictionary */
    uint32_t actor_entry;          /* the dictionary entry the name is (its first period), or DY_NONE */
    uint32_t entity;
    uint32_t sent;
} dy_mention;

typedef struct dy_entity {
    const char *name;              /* canonical name (arena) */
    uint8_t type, gender;
    dy_actor actor;
    uint32_t first_mention;
    uint32_t nmentions;
} dy_entity;

/* ---- quotes and events --------------------------------------------------------- */
enum quote_kind { QK_DIRECT = 1, QK_PARTIAL, QK_INDIRECT };

typedef struct dy_quote {
    dy_span span;
    uint8_t kind;
    dy_span cue, source;           /* start == end when absent */
    uint32_t entity;               /* speaker, or DY_NONE */
    dy_span described;             /* no speaker entity: the words describing them ("a senior official") */
    uint32_t sent;
} dy_quote;

typedef struct dy_date { int16_t y; int8_t m, d; } dy_date;   /* y == 0: none */

typedef struct dy_event_arg {
    uint32_t mention;              /* DY_NONE when absent */
    dy_span span;                  /* the words naming the actor */
} dy_event_arg;

typedef struct dy_event {
    uint32_t sent;
    dy_event_arg source, target;
    char cameo[5];
    dy_span cue;
    dy_date date;
    dy_span place_span;            /* the words naming where it happened; empty when unknown */
    char place_country[4];         /* the country of that place, "" when unknown */
    uint32_t place;                /* the gazetteer's city or region (dy_model.places), or DY_NONE */
} dy_event;

/* ---- the document -------------------------------------------------------------- */
typedef struct dy_doc {
    const char *text;
    uint32_t len;
    dy_date published;
    dy_date era;                   /* date_article_era: the date dictionary periods are read at */
    dy_arena arena;

    DY_VEC(dy_token) toks;
    DY_VEC(dy_sentence) sents;
    DY_VEC(dy_para) paras;
    /* per token, the language layer's labels (label names of the models), or NULL when
     * no model is loaded: part of speech, chunk (BIO) and named entity (BIO) */
    const char **pos, **chunk, **ner;
    void *lang_scratch;            /* the language layer's per-document buffers (lang.c) */
    dy_span byline_name, byline_email;

    DY_VEC(dy_mention) mentions;
    DY_VEC(dy_entity) entities;
    DY_VEC(dy_quote) quotes;
    bool want_indirect;            /* also reported speech as indirect quotes (dyad extract --indirect) */
    DY_VEC(dy_event) events;
} dy_doc;

void doc_init(dy_doc *d);
/* Forget the layers of the previous article and attach a new text (not copied). */
void doc_reset(dy_doc *d, const char *text, uint32_t len);
void doc_free(dy_doc *d);
/* The first token that starts at or after byte offset byte (d->toks.n when none). */
uint32_t doc_token_at(const dy_doc *d, uint32_t byte);

static inline const char *doc_tok_text(const dy_doc *d, uint32_t t) { return d->text + d->toks.v[t].start; }
static inline uint32_t doc_tok_len(const dy_doc *d, uint32_t t) { return d->toks.v[t].end - d->toks.v[t].start; }
static inline bool span_empty(dy_span s) { return s.start >= s.end; }
/* Is token k (which may be past the end) the word key, as folded ("the", "'s")? */
static inline bool doc_key_is(const dy_doc *d, uint32_t k, const char *key) { return k < d->toks.n && !strcmp(d->toks.v[k].key, key); }
#endif
