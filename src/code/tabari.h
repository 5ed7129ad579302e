/* tabari.h - a TABARI-style event coder: a sentence, a date, TABARI actor/agent and verb
 * dictionaries in; CAMEO (or WEIS) events (source code, target code, event code) out.
 *
 * On tabwords' parse it codes each clause as TABARI does: the verbs in text order, each
 * verb's patterns longest first, then the verb's own code; $ + % in the pattern or the
 * default searches (source: the clause's carried subject, else the first actor before the
 * verb, else after it; target: the first actor after the verb with another code, else the
 * nearest before it, else the compound source); passive voice (WAS/WERE/BEEN ... verb BY)
 * swaps them; paired codes "A:B" give both directions; compounds give every pair; a
 * subordinate code ("023?") counts only when nothing else is coded, a dominant one ("031!")
 * cancels the rest. Discard (###) and complex (+++) codes, the COMPLEX: conditions of the
 * options, MINIMUM WORDS, DEFAULT: actors and <TIME> shifts are applied. Options are set
 * from .options lines with tb_option. */
#ifndef DY_TABARI_H
#define DY_TABARI_H
#include "tabwords.h"

enum tb_code_by { TB_BY_CLAUSE, TB_BY_SENTENCE, TB_ALL };
enum tb_status { TB_CODED, TB_DISCARD, TB_COMPLEX, TB_SHORT };

typedef struct tb_options {
    tw_opts words;
    uint8_t code_by;                 /* enum tb_code_by */
    int complex_verbs, complex_conj; /* 0: off */
    bool noactprior;
    int min_words;
    char def_src[16], def_tgt[16];   /* "" when off */
    bool def_prior, def_after;
    bool time_shift, yyyy;
    char forward[32];                /* FORWARD: sequence format, "" when off */
} tb_options;

typedef struct tb_result {
    uint8_t status;                  /* enum tb_status */
    pm_event events[64];
    uint32_t nevents;
    dy_date date;                    /* the sentence's date after time shifts */
    char first_actor[48];            /* first actor's own code, for FORWARD */
} tb_result;

void tb_defaults(tb_options *o);
/* Apply one .options line ("COMPLEX: VERBS[5] NOACTPRIOR", "SET: CODE BY SENTENCE",
 * "DEFAULT: SOURCE [X] PRIOR TARGET [Y]", "COMMA: MIN = 2 ...", "SET: MINIMUM WORDS = 4",
 * "SET: CONVERT AGENTS = TRUE", "SET: TIME SHIFT = FALSE", "SET: YYYY = TRUE",
 * "FORWARD: ^^*****NNN*SSS"); other commands are ignored. */
void tb_option(tb_options *o, const char *line);
/* Read a .options file. */
bool tb_load_options(tb_options *o, const char *path, char *err, size_t errlen);

/* Code one sentence. fwd: the actor code a sentence-initial pronoun takes (FORWARD), or NULL. */
void tb_code(tw_parse *p, const tw_dicts *dc, const tb_options *o, const char *text, size_t len, dy_date when,
             const char *fwd, tb_result *out);
#endif
