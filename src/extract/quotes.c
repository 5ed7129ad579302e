#include "quotes.h"
#include "entities.h"
#include "mentions.h"
#include "../lang/lang.h"
#include <string.h>

#define SOURCE_MAX_TOKENS 12
#define CUE_REACH 28          /* tokens between a closing mark and its cue */
#define APPOSITIVE_MAX_TOKENS 20
#define PRONOUN_REACH_PARAS 4 /* how far back a pronoun looks for its speaker */
#define SCARE_QUOTE_WORDS 6   /* shorter unattributed quotes are not quotations */
#define STATEMENT_MIN_WORDS 4   /* fewer words after a cue are no reported statement */

typedef struct raw_quote {
    uint32_t open, close;     /* mark tokens; close == DY_NONE when the quote was left open */
    uint32_t cb, ce;          /* content tokens [cb, ce) */
} raw_quote;

typedef DY_VEC(raw_quote) raw_quote_vec;

typedef struct attribution {
    uint32_t cue_b, cue_e, src_b, src_e;   /* token ranges; src_b == src_e: no source */
    uint32_t entity;
    bool found;
} attribution;

typedef struct qctx {
    dy_doc *d;
    const dy_model *m;
    uint32_t *mention_at;     /* token -> mention index or DY_NONE */
    uint8_t *in_quote;        /* token -> inside quoted content */
    uint32_t last_speaker, last_speaker_para;
    attribution last_statement;   /* the latest reported statement ("Schiff said.") */
    uint32_t last_statement_sent;
} qctx;

static const dy_token *tok(const qctx *q, uint32_t i) { return &q->d->toks.v[i]; }
static bool key_is(const qctx *q, uint32_t i, const char *k) { return strcmp(tok(q, i)->key, k) == 0; }
static bool is_dq(const dy_token *t) { return t->kind == TK_QUOTE && !(t->flags & TF_QSINGLE); }
static uint32_t para_of(const qctx *q, uint32_t i) { return q->d->sents.v[tok(q, i)->sent].para; }

/* A word that ends a noun phrase when scanning for a source (data/words.tsv "npstop"). */
static bool np_stop(const dy_token *t) { return (t->lex & LEX_NPSTOP) != 0; }

/* An auxiliary or adverb between a subject and its cue ("has also said"), not a name. */
static bool cue_modifier(const dy_token *t) {
    if (t->flags & TF_CAP) return false;
    if (t->lex & LEX_CUEMOD) return true;
    return t->key_len > 4 && t->key[t->key_len - 2] == 'l' && t->key[t->key_len - 1] == 'y';
}

static bool np_token(const qctx *q, uint32_t i) {
    const dy_token *t = tok(q, i);
    if (t->kind == TK_WORD) return !np_stop(t);
    if (t->kind == TK_NUM) return true;
    return t->kind == TK_PUNCT && (strcmp(t->key, "-") == 0 || strcmp(t->key, "&") == 0);
}

static bool is_dash(const dy_token *t) {
    return t->kind == TK_PUNCT && (strcmp(t->key, "\xE2\x80\x94") == 0 ||   /* — */
                                   strcmp(t->key, "\xE2\x80\x95") == 0 ||   /* ― */
                                   strcmp(t->key, "\xE2\x80\x93") == 0 ||   /* – */
                                   strcmp(t->key, "--") == 0 || strcmp(t->key, "-") == 0);
}

/* A cue of table pt (cues, or verbs of a view) at token i. */
static bool cue_in(const qctx *q, const phrase_table *pt, uint32_t i, uint32_t limit, uint32_t *n, uint8_t *kind) {
    uint32_t v;
    /* Reporting verbs are lower case ("the United States said" has no cue "States"), but
     * for the first word of a sentence ("According to ..."). */
    if (i >= limit || tok(q, i)->kind != TK_WORD) return false;
    if ((tok(q, i)->flags & TF_CAP) && q->d->sents.v[tok(q, i)->sent].tok_begin != i) return false;
    if (!pt_longest(pt, q->d, i, limit, n, &v)) return false;
    /* after a determiner it is a noun: "his tweet", "a report", "the claim" */
    static const char *const determiners[] = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this"};
    for (size_t k = 0; i > 0 && k < sizeof determiners / sizeof *determiners; k++)
        if (key_is(q, i - 1, determiners[k])) return false;
    /* after a form of "be" a naming verb is passive: "officers were called to the synagogue" */
    static const char *const be[] = {"was", "were", "been", "being", "is", "are", "be"};
    uint8_t cue_kind = q->m->cues.v[v].kind;
    for (size_t k = 0; i > 0 && (cue_kind == CUE_NAMING || cue_kind == CUE_VIEW) && k < sizeof be / sizeof *be; k++)
        if (key_is(q, i - 1, be[k])) return false;
    *kind = cue_kind;
    return true;
}

static bool cue_at(const qctx *q, uint32_t i, uint32_t limit, uint32_t *n, uint8_t *kind) {
    return cue_in(q, &q->m->cue_pt, i, limit, n, kind);
}

/* Does [b, e) look like a speaker: a pronoun, a name, or words with a noun-ish end? */
static bool plausible_source(const qctx *q, uint32_t b, uint32_t e) {
    if (e <= b || e - b > SOURCE_MAX_TOKENS) return false;
    for (uint32_t k = b; k < e; k++)
        if (tok(q, k)->kind == TK_QUOTE || q->in_quote[k]) return false;
    const dy_token *last = tok(q, e - 1);
    if (e - b == 1 && ment_pronoun_gender(q->m, last) >= 0) return true;
    if (last->kind != TK_WORD && !(e - b > 2 && key_is(q, e - 1, ")"))) return false;
    if (ment_pronoun_gender(q->m, last) >= 0 && e - b > 1) return false;
    return true;
}

/* Source ending just before token e (exclusive), not before lb; includes an appositive
 * ("Sanders, the press secretary,"). Returns its start, or e when none. */
/* Start of the noun phrase that ends just before token e, not before lb: words that are no
 * phrase boundary, and parenthesised party tags ("Rep. Jim Jordan (R-Ohio)"). Returns e
 * when there is none. */
static uint32_t np_start(const qctx *q, uint32_t e, uint32_t lb) {
    uint32_t b = e;
    while (b > lb && e - b < SOURCE_MAX_TOKENS) {
        if (key_is(q, b - 1, ")")) {   /* skip "(D-Mo.)" */
            uint32_t o = b - 1;
            while (o > lb && b - o < 8 && !key_is(q, o - 1, "(")) o--;
            if (o == lb || !key_is(q, o - 1, "(")) break;
            b = o - 1;
            continue;
        }
        if (!np_token(q, b - 1)) break;
        b--;
        if (ment_pronoun_gender(q->m, tok(q, b)) >= 0) break;   /* "he", "his spokesman" */
    }
    return b;
}

#define APPOSITIVE_SEGMENTS 4

/* A comma-separated phrase that names someone: it starts with a capital ("Sen. Rand Paul",
 * "The IAEA"), not with "the"/"a" or a lower-case word (a description), and is no party
 * tag ("R-Ky."). */
static bool names_someone(const qctx *q, uint32_t b) {
    const dy_token *t = tok(q, b);
    return (t->flags & TF_CAP) && !(t->key_len > 2 && t->key[1] == '-' && (t->flags & TF_ABBREV));
}

/* Where a source that runs from b to a cue at token e ends: before the auxiliaries and
 * adverbs ("Putin has also said") and a time ("Republican leaders on Friday condemned")
 * between it and the cue. */
static uint32_t source_end(const qctx *q, uint32_t b, uint32_t e) {
    static const char *const before_time[] = {"on", "in", "last", "this", "early", "late"};
    while (e > b && tok(q, e - 1)->kind == TK_WORD && cue_modifier(tok(q, e - 1))) e--;
    for (size_t i = 0; e > b + 2 && (tok(q, e - 1)->lex & (LEX_WEEKDAY | LEX_MONTH)) && i < sizeof before_time / sizeof *before_time; i++)
        if (key_is(q, e - 2, before_time[i])) {
            e -= 2;
            while (e > b && tok(q, e - 1)->kind == TK_WORD && cue_modifier(tok(q, e - 1))) e--;
            break;
        }
    return e;
}

/* Source ending just before token e (exclusive), not before lb. Auxiliaries and adverbs
 * before the cue are skipped ("has also said"). Before a comma, the speaker is the first
 * phrase, going back over descriptions, relative clauses and party tags between commas,
 * that names someone ("Konstantin Kosachev, who chairs the committee, Russia's upper
 * house, wrote"); the source then spans them all. Returns its start, or e when none. */
static uint32_t source_before(const qctx *q, uint32_t e, uint32_t lb) {
    uint32_t k = source_end(q, lb, e);
    if (!(k > lb && key_is(q, k - 1, ","))) {
        uint32_t b = np_start(q, k, lb);
        return plausible_source(q, b, k) ? b : e;
    }
    uint32_t comma = k - 1, first = e;
    for (int seg = 0; seg < APPOSITIVE_SEGMENTS; seg++) {
        uint32_t j = comma;   /* back to the comma before this segment */
        while (j > lb && comma - j < APPOSITIVE_MAX_TOKENS && !key_is(q, j - 1, ",") &&
               !is_dq(tok(q, j - 1)) && !(tok(q, j - 1)->flags & TF_NEWLINE))
            j--;
        if (!(j > lb && key_is(q, j - 1, ",")) || j == comma) break;
        uint32_t b = np_start(q, j - 1, lb);
        if (b >= j - 1 || !plausible_source(q, b, j - 1)) break;
        if (first == e) first = b;
        if (names_someone(q, b)) return b;
        comma = j - 1;
    }
    return first;
}

/* End of a source that starts at token b (after "said" or "according to"). */
static uint32_t source_after(const qctx *q, uint32_t b, uint32_t limit) {
    if (b >= limit) return b;
    if (ment_pronoun_gender(q->m, tok(q, b)) >= 0) return b + 1;
    uint32_t e = b;
    while (e < limit && e - b < SOURCE_MAX_TOKENS && np_token(q, e) && !(tok(q, e)->flags & TF_NEWLINE && e > b)) e++;
    /* ", the press secretary," appositive */
    if (e + 1 < limit && key_is(q, e, ",") &&
        (key_is(q, e + 1, "the") || key_is(q, e + 1, "a") || key_is(q, e + 1, "an"))) {
        uint32_t f = e + 1;
        while (f < limit && f - b < SOURCE_MAX_TOKENS && np_token(q, f)) f++;
        e = f;
    }
    return plausible_source(q, b, e) ? e : b;
}

/* ---- speaker resolution ------------------------------------------------------------- */

static bool gender_fits(const dy_entity *e, int g) {
    if (g == G_MALE || g == G_FEMALE)
        return e->type == ET_PERSON && (e->gender == G_UNKNOWN || e->gender == g);
    if (g == G_PLURAL) return e->type != ET_PERSON;
    return e->type == ET_ORG || e->type == ET_GPE;
}

/* A clause's subject among tokens [b, e), outside quotes: the first person named or
 * pronoun, else the first organisation or group; nationality words and titles' countries
 * are no subjects. */
static uint32_t first_subject(const qctx *q, uint32_t b, uint32_t e) {
    uint32_t other = DY_NONE;
    for (uint32_t k = b; k < e; k++) {
        uint32_t mi = q->mention_at[k];
        if (mi == DY_NONE || q->in_quote[k]) continue;
        const dy_mention *mn = &q->d->mentions.v[mi];
        if (mn->modifier || ment_describes_person(mn)) continue;   /* names, not offices */
        if (mn->type == ET_PERSON || mn->kind == MK_PRONOUN) return mi;
        if (other == DY_NONE && (mn->type == ET_ORG || mn->type == ET_NORP)) other = mi;
    }
    return other;
}

/* Most recent entity mentioned before token before (outside quotes) that fits. */
static uint32_t recent_entity(const qctx *q, uint32_t before, int gender, const char *country,
                              const char *sector) {
    uint32_t min_para = para_of(q, before) >= PRONOUN_REACH_PARAS ? para_of(q, before) - PRONOUN_REACH_PARAS : 0;
    for (size_t i = q->d->mentions.n; i-- > 0;) {
        const dy_mention *mn = &q->d->mentions.v[i];
        if (mn->tok_begin >= before || mn->entity == DY_NONE || q->in_quote[mn->tok_begin] || ment_describes_person(mn))
            continue;
        if (para_of(q, mn->tok_begin) < min_para) break;
        const dy_entity *e = &q->d->entities.v[mn->entity];
        if (gender >= 0 && !gender_fits(e, gender)) continue;
        if (country && strcmp(e->actor.country, country) != 0) continue;
        if (sector && sector[0] && strcmp(e->actor.sector, sector) != 0) continue;
        if (gender < 0 && e->type != ET_PERSON) continue;
        return mn->entity;
    }
    return DY_NONE;
}

static uint32_t resolve_source(qctx *q, uint32_t b, uint32_t e, uint32_t at) {
    if (e <= b) return DY_NONE;
    const dy_doc *d = q->d;
    uint32_t best = DY_NONE;
    /* A name inside the source: the last person named, else the last organisation. Only
     * the head counts, not an appositive ("McCain, an Arizona Republican,"). */
    uint32_t head_end = e;
    for (uint32_t k = b + 1; k < e; k++)
        if (key_is(q, k, ",")) {
            head_end = k;
            break;
        }
    for (uint32_t k = b; k < head_end; k++) {
        uint32_t mi = q->mention_at[k];
        if (mi == DY_NONE) continue;
        const dy_mention *mn = &d->mentions.v[mi];
        if (mn->kind != MK_NAME || mn->entity == DY_NONE) continue;
        /* a name qualifying a noun is not the speaker: "an Obama administration official" */
        const dy_token *next = mn->tok_end < head_end ? tok(q, mn->tok_end) : NULL;
        if (next && next->kind == TK_WORD && !(next->flags & TF_CAP) && !(next->lex & (LEX_NPSTOP | LEX_CUEMOD)) &&
            !key_is(q, mn->tok_end, "'s") && !key_is(q, mn->tok_end, "of"))
            continue;
        if (mn->type == ET_PERSON || best == DY_NONE || d->entities.v[best].type != ET_PERSON) best = mn->entity;
    }
    /* A description with the name in apposition: "the Iranian president, Hassan Rouhani". */
    if ((best == DY_NONE || d->entities.v[best].type != ET_PERSON) && head_end < e && !(tok(q, b)->flags & TF_CAP))
        for (uint32_t k = head_end; k < e; k++) {
            uint32_t mi = q->mention_at[k];
            if (mi != DY_NONE && d->mentions.v[mi].kind == MK_NAME && d->mentions.v[mi].type == ET_PERSON &&
                d->mentions.v[mi].entity != DY_NONE) {
                best = d->mentions.v[mi].entity;
                break;
            }
        }
    /* A surname the recogniser did not take for a name ("King, R-New York, said"): the
     * person of the article it ends the name of. */
    for (uint32_t k = b; k < head_end && best == DY_NONE; k++) {
        if (!(tok(q, k)->flags & TF_CAP) || q->mention_at[k] != DY_NONE) continue;
        for (size_t ei = 0; ei < d->entities.n && best == DY_NONE; ei++) {
            const dy_entity *en = &d->entities.v[ei];
            const dy_mention *fm = &d->mentions.v[en->first_mention];
            const dy_token *last = tok(q, fm->tok_end - 1);
            if (en->type == ET_PERSON && fm->tok_end - fm->tok_begin > 1 && fm->tok_begin < k &&
                last->key_hash == tok(q, k)->key_hash && !strcmp(last->key, tok(q, k)->key))
                best = (uint32_t)ei;
        }
    }
    /* a group heading the source: "top Russian officials" (not "an administration official") */
    uint32_t last = head_end > b ? q->mention_at[head_end - 1] : DY_NONE;
    if (best == DY_NONE && last != DY_NONE && d->mentions.v[last].kind == MK_NOMINAL &&
        d->mentions.v[last].type != ET_PERSON && d->mentions.v[last].tok_end == head_end)
        best = d->mentions.v[last].entity;
    if (best != DY_NONE) return best;
    e = head_end;
    /* A pronoun: the person the sentence is about when it names one before the pronoun
     * ("X stood by Obama, saying he agrees"), else the latest compatible speaker, else the
     * latest compatible entity. */
    if (e - b == 1) {
        int g = ment_pronoun_gender(q->m, tok(q, b));
        if (g >= 0) {
            uint32_t r = DY_NONE;
            uint32_t subj = first_subject(q, d->sents.v[tok(q, b)->sent].tok_begin, b);
            if (subj != DY_NONE && d->mentions.v[subj].kind == MK_NAME && d->mentions.v[subj].entity != DY_NONE &&
                gender_fits(&d->entities.v[d->mentions.v[subj].entity], g))
                r = d->mentions.v[subj].entity;
            if (r == DY_NONE && q->last_speaker != DY_NONE && para_of(q, b) <= q->last_speaker_para + PRONOUN_REACH_PARAS &&
                gender_fits(&d->entities.v[q->last_speaker], g))
                r = q->last_speaker;
            if (r == DY_NONE) r = recent_entity(q, at, g, NULL, NULL);
            if (r != DY_NONE && q->mention_at[b] != DY_NONE) ent_attach(q->d, q->mention_at[b], r);
            return r;
        }
    }
    /* A definite description: "the Russian leader", "the press secretary". */
    if (key_is(q, b, "the")) {
        const char *country = NULL;
        char sector[4] = "";
        for (uint32_t k = b + 1; k < e; k++) {
            uint32_t n, v;
            if (pt_longest(&q->m->country_pt, d, k, e, &n, &v) && (v & 3) == CM_DEMONYM)
                country = q->m->countries.v[v >> 2].iso3;
            if (pt_longest(&q->m->role_pt, d, k, e, &n, &v) && !q->m->roles.v[v].plural)
                memcpy(sector, q->m->roles.v[v].code.sector, 4);
        }
        if (country || sector[0]) return recent_entity(q, at, -1, country, sector);
        /* "The message continued:", "the statement said": whoever spoke last wrote it */
        static const char *const writings[] = {"message", "tweet", "post", "statement", "letter", "memo", "email"};
        for (size_t i = 0; i < sizeof writings / sizeof *writings; i++)
            if (e == b + 2 && key_is(q, b + 1, writings[i]) && q->last_speaker != DY_NONE &&
                para_of(q, b) <= q->last_speaker_para + PRONOUN_REACH_PARAS)
                return q->last_speaker;
    }
    return DY_NONE;
}

/* ---- attribution search -------------------------------------------------------------- */

/* After the closing mark: "…,” Mr. Putin said" or "…,” said Sanders". */
static bool attribution_after(qctx *q, uint32_t close, attribution *a) {
    uint32_t n = (uint32_t)q->d->toks.n, k = close + 1;
    /* “…” ―Julie Diaz: a dash and a name sign the quote. */
    if (k + 1 < n && is_dash(tok(q, k)) && !(tok(q, k)->flags & TF_NEWLINE) && (tok(q, k + 1)->flags & TF_CAP)) {
        uint32_t se = source_after(q, k + 1, n);
        if (se > k + 1 && (se == n || (tok(q, se)->flags & TF_NEWLINE) || tok(q, se)->kind == TK_PUNCT)) {
            *a = (attribution){k, k + 1, k + 1, se, DY_NONE, true};
            return true;
        }
    }
    if (k < n && tok(q, k)->sent != tok(q, close)->sent) return false;   /* the sentence ended with the quote */
    if (k < n && key_is(q, k, ",")) k++;
    uint32_t limit = k;
    while (limit < n && limit - k < CUE_REACH) {
        const dy_token *t = tok(q, limit);
        if (t->flags & TF_NEWLINE) break;   /* never into the next paragraph */
        if (t->kind == TK_QUOTE || (t->kind == TK_PUNCT && strchr(".!?;:", t->key[0]))) break;
        limit++;
    }
    for (uint32_t c = k; c < limit; c++) {
        uint32_t cn;
        uint8_t kind;
        if (!cue_at(q, c, limit, &cn, &kind) || kind == CUE_NAMING) continue;
        /* said Sanders / according to X; not a participle opening more words ("…," arguing they) */
        const dy_token *ct = tok(q, c);
        bool participle = ct->key_len > 4 && !strcmp(ct->key + ct->key_len - 3, "ing") && kind != CUE_PREP;
        if (c == k && !participle) {
            uint32_t se = source_after(q, c + cn, limit);
            if (se == c + cn) return false;
            *a = (attribution){c, c + cn, c + cn, se, DY_NONE, true};
            return true;
        }
        if (kind == CUE_PREP) return false;
        /* “… pay.” The message continued: “…” - a colon after the cue introduces the next quote */
        if (c + cn < limit + 1 && c + cn < q->d->toks.n && key_is(q, c + cn, ":") && close > 0 &&
            tok(q, close - 1)->kind == TK_PUNCT && strchr(".!?", tok(q, close - 1)->key[0]))
            return false;
        uint32_t sb = source_before(q, c, k);
        if (sb == c || sb != k) continue;   /* the source must fill the gap ("the states suing ... said") */
        *a = (attribution){c, c + cn, sb, source_end(q, sb, c), DY_NONE, true};
        return true;
    }
    return false;
}

/* A cue like "saying", "adding" right after a comma: its subject is the clause's. */
static bool m_tell(const qctx *q, const attribution *a) {
    uint32_t n, v;
    return pt_longest(&q->m->cue_pt, q->d, a->cue_b, a->cue_e, &n, &v) && q->m->cues.v[v].kind == CUE_TELL;
}

/* A cue whose subject is its clause's: a participle after a comma ("..., saying") or a verb
 * coordinated with an earlier one ("denounced the shooting and said"). */
static bool shares_clause_subject(const qctx *q, uint32_t c) {
    const dy_token *t = tok(q, c);
    if (c > 0 && (key_is(q, c - 1, "and") || key_is(q, c - 1, "but"))) return true;
    /* the comma may stand inside a closing mark: “the ayatollahs,” saying */
    bool comma = c > 0 && (key_is(q, c - 1, ",") || (c > 1 && tok(q, c - 1)->kind == TK_QUOTE && key_is(q, c - 2, ",")));
    return comma && t->key_len > 4 && strcmp(t->key + t->key_len - 3, "ing") == 0;
}

/* The subject of the clause a participle or coordinated verb at c continues: the last
 * mention before c that a finite verb follows, past an appositive ("top Russian officials
 * lined up to hit back, calling ..." after "Hours after President Trump announced ...");
 * else the sentence's first subject. Tags the sentence. */
static uint32_t clause_subject(qctx *q, uint32_t lb, uint32_t c) {
    lang_tag_sentence(q->d, q->m, tok(q, c)->sent);
    const char *const *pos = q->d->pos;
    uint32_t best = DY_NONE;
    for (uint32_t k = lb; pos && k < c; k++) {
        uint32_t mi = q->mention_at[k];
        if (mi == DY_NONE || q->in_quote[k] || q->d->mentions.v[mi].tok_begin != k) continue;
        const dy_mention *mn = &q->d->mentions.v[mi];
        if (mn->modifier || mn->possessive || (mn->type == ET_GPE && !mn->country_name) || ment_describes_person(mn))
            continue;   /* no places, and names rather than offices */
        /* no subject of a clause that says what someone claims: "criticized claims that Russia meddled" */
        if (k > lb && (key_is(q, k - 1, "that") || (k > lb + 1 && key_is(q, k - 1, "the") && key_is(q, k - 2, "that"))))
            continue;
        uint32_t v = mn->tok_end;
        if (v < c && key_is(q, v, ",")) {   /* "Ryabkov, the deputy minister, said" */
            uint32_t close = v + 1;
            while (close < c && close < v + 12 && !key_is(q, close, ",")) close++;
            v = close + 1;
        }
        while (v < c && pos[v] && !strcmp(pos[v], "RB")) v++;
        if (v < c && pos[v] && (!strcmp(pos[v], "VBD") || !strcmp(pos[v], "VBZ") || !strcmp(pos[v], "VBP") ||
                                !strcmp(pos[v], "MD")))
            best = mi;
    }
    return best != DY_NONE ? best : first_subject(q, lb, c);
}

/* Before the opening mark, in the same sentence: "Putin said: “…”", or for a partial quote
 * any cue earlier in the sentence. */
static bool attribution_before(qctx *q, uint32_t open, uint32_t lb, bool partial, attribution *a) {
    for (uint32_t c = open; c-- > lb;) {
        if (q->in_quote[c] || tok(q, c)->kind == TK_QUOTE) {
            if (!partial) return false;
            continue;
        }
        uint32_t cn;
        uint8_t kind;
        if (!cue_at(q, c, open, &cn, &kind) || (kind == CUE_NAMING && !partial)) continue;
        /* a colon ties the quote to its sentence's cue ("said she has the quality for the job: “…”") */
        bool colon = open > 0 && key_is(q, open - 1, ":");
        if (!partial && !colon && open - (c + cn) > 6) return false;
        if (c == q->d->sents.v[tok(q, c)->sent].tok_begin && kind != CUE_PREP) {   /* "Said Ellis: “…”" */
            uint32_t se = source_after(q, c + cn, open);
            if (se > c + cn) {
                *a = (attribution){c, c + cn, c + cn, se, DY_NONE, true};
                return true;
            }
        }
        if (kind == CUE_PREP) {
            uint32_t se = source_after(q, c + cn, open);
            if (se == c + cn) continue;
            *a = (attribution){c, c + cn, c + cn, se, DY_NONE, true};
            return true;
        }
        if (shares_clause_subject(q, c)) {
            /* "Rouhani addressed Trump directly, saying: “…”": the clause's subject speaks. */
            uint32_t mi = clause_subject(q, lb, c);
            if (mi != DY_NONE) {
                const dy_mention *mn = &q->d->mentions.v[mi];
                *a = (attribution){c, c + cn, mn->tok_begin, mn->tok_end, DY_NONE, true};
                return true;
            }
        }
        uint32_t sb = source_before(q, c, lb);
        if (sb == c) continue;
        *a = (attribution){c, c + cn, sb, source_end(q, sb, c), DY_NONE, true};
        return true;
    }
    return false;
}

/* ---- quote marks ------------------------------------------------------------------- */

static void push_raw(qctx *q, raw_quote_vec *out, uint32_t open, uint32_t close, uint32_t last) {
    raw_quote *r = &DY_PUSH(&q->d->arena, *out);
    r->open = open;
    r->close = close;
    r->cb = open + 1;
    r->ce = close != DY_NONE ? close : last + 1;
    if (r->ce <= r->cb) out->n--;
}

/* A straight mark (" or '') rather than a typographic one (“ ” « »). */
static bool straight(const dy_token *t) { return t->key[0] == '"' || t->key[0] == '\'' || t->key[0] == '`'; }

static void pair_marks(qctx *q, raw_quote_vec *out) {
    uint32_t n = (uint32_t)q->d->toks.n, open = DY_NONE;
    for (uint32_t i = 0; i < n; i++) {
        const dy_token *t = tok(q, i);
        if (open != DY_NONE && i > open + 1 && (t->flags & TF_NEWLINE)) {
            /* the next paragraph goes on quoting when it opens with a mark of the same kind */
            if (is_dq(t) && !(t->flags & TF_QCLOSE) && !(t->flags & TF_BOILER) && straight(t) == straight(tok(q, open)))
                continue;
            push_raw(q, out, open, DY_NONE, i - 1);
            open = DY_NONE;
        }
        if (!is_dq(t) || (t->flags & TF_BOILER)) continue;
        if (open == DY_NONE) {
            if ((t->flags & TF_QCLOSE) && !(t->flags & TF_QOPEN)) continue;   /* stray closing mark */
            open = i;
        } else if ((t->flags & TF_QOPEN) && !(t->flags & TF_QCLOSE) && i > open + 1 &&
                   (tok(q, open)->flags & TF_QOPEN)) {
            /* A second opening mark: the first quote was never closed. */
            push_raw(q, out, open, DY_NONE, i - 1);
            open = i;
        } else {
            push_raw(q, out, open, i, 0);
            open = DY_NONE;
        }
    }
    if (open != DY_NONE) push_raw(q, out, open, DY_NONE, n - 1);
}

/* A quote that stands as a statement of its own (starts a paragraph or follows a cue,
 * colon or comma, or runs to a sentence end) rather than a fragment inside a sentence. */
static bool is_full_quote(const qctx *q, const raw_quote *r) {
    const dy_token *open = tok(q, r->open);
    bool starts = (open->flags & TF_NEWLINE) || r->open == 0 ||
                  tok(q, r->open - 1)->kind == TK_PUNCT || tok(q, r->cb)->flags & TF_CAP;
    if (!starts) return false;
    if (r->close == DY_NONE) return true;
    uint32_t end = r->ce;   /* a nested quote may end it: “… you called ‘miracles,’” */
    while (end > r->cb + 1 && tok(q, end - 1)->kind == TK_QUOTE && (tok(q, end - 1)->flags & TF_QSINGLE)) end--;
    const dy_token *last = tok(q, end - 1);
    if (last->kind == TK_PUNCT && strchr(",.!?:;", last->key[0])) return true;
    if (last->kind == TK_PUNCT && (strcmp(last->key, "\xE2\x80\x94") == 0 || strcmp(last->key, "--") == 0)) return true;
    uint32_t after = r->close + 1;
    return after >= q->d->toks.n || (tok(q, after)->flags & TF_NEWLINE) ||
           (tok(q, after)->kind == TK_PUNCT && strchr(".!?", tok(q, after)->key[0]));
}

/* A short quote in title case is the name of a show, book or film ("Meet the Press",
 * “Fox News Sunday”), not words someone said, even when the sentence has a cue. Titles
 * leave only short function words in lower case ("I would" is no title), and hold no
 * sentence end ("The Donald. Big Daddy."). */
static bool is_title(const qctx *q, const raw_quote *r) {
    static const char *const small[] = {"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for",
                                        "with", "from", "by", "'s"};
    uint32_t words = 0;
    for (uint32_t k = r->cb; k < r->ce; k++) {
        const dy_token *t = tok(q, k);
        if (t->kind == TK_PUNCT && strchr("!?", t->key[0])) return false;
        if (t->kind == TK_PUNCT && t->key[0] == '.' && k + 1 < r->ce) return false;
        if (t->kind != TK_WORD) continue;
        words++;
        bool lower_ok = (t->lex & LEX_PARTICLE) != 0;
        for (size_t i = 0; !lower_ok && i < sizeof small / sizeof *small; i++) lower_ok = key_is(q, k, small[i]);
        if (!(t->flags & TF_CAP) && !lower_ok) return false;
    }
    return words > 0 && words <= 6 && (tok(q, r->cb)->flags & TF_CAP);
}

/* Words that describe a speaker no entity stands for: the source's head ("a senior
 * official", of "a senior official, who asked not to be named"), or the name in apposition
 * to a description ("the head of the force, Gholamhossein Gharibpour"); not a pronoun. */
static void describe_source(const qctx *q, const attribution *a, dy_quote *o) {
    uint32_t b = a->src_b, e = a->src_e;
    while (e > b && (key_is(q, e - 1, ",") || key_is(q, e - 1, "'s") || tok(q, e - 1)->kind == TK_PUNCT)) e--;
    if (e <= b || (e - b == 1 && ment_pronoun_gender(q->m, tok(q, b)) >= 0)) return;
    uint32_t comma = b;
    while (comma < e && !key_is(q, comma, ",")) comma++;
    bool description = !(tok(q, b)->flags & TF_CAP) || key_is(q, b, "the") || key_is(q, b, "a") || key_is(q, b, "an");
    if (comma < e && description && comma + 1 < e && (tok(q, comma + 1)->flags & TF_CAP))
        b = comma + 1;
    else
        e = comma;
    if (e > b) o->described = (dy_span){tok(q, b)->start, tok(q, e - 1)->end};
}

static void emit_quote(qctx *q, const raw_quote *r, uint8_t kind, const attribution *a, uint32_t speaker) {
    dy_quote *o = &DY_PUSH(&q->d->arena, q->d->quotes);
    o->span.start = tok(q, r->cb)->start;
    o->span.end = tok(q, r->ce - 1)->end;
    o->kind = kind;
    o->entity = speaker;
    o->sent = tok(q, r->cb)->sent;
    if (a && a->found) {
        o->cue = (dy_span){tok(q, a->cue_b)->start, tok(q, a->cue_e - 1)->end};
        if (a->src_e > a->src_b) o->source = (dy_span){tok(q, a->src_b)->start, tok(q, a->src_e - 1)->end};
    }
    if (speaker != DY_NONE) {
        q->last_speaker = speaker;
        q->last_speaker_para = para_of(q, r->cb);
    } else if (a && a->found) {
        describe_source(q, a, o);
    }
}

/* Where reported words that run from token b to e end: before a participle cue after a
 * comma (", arguing that …") or "— and" ("— and he noted"), which say things of their
 * own, and with coordination, before a verb coordinated after them ("… “a con” and
 * encouraged Americans to …"). */
static uint32_t content_end(dy_doc *d, const dy_model *m, uint32_t b, uint32_t e, bool coordination) {
    for (uint32_t k = b + 1; k + 1 < e; k++) {
        const dy_token *t = &d->toks.v[k], *next = &d->toks.v[k + 1];
        if (strcmp(t->key, ",") == 0 && (next->lex & LEX_CUE) && next->key_len > 4 &&
            strcmp(next->key + next->key_len - 3, "ing") == 0)
            return k;
        if (is_dash(t) && (strcmp(next->key, "and") == 0 || strcmp(next->key, "but") == 0)) return k;   /* " — and he noted" */
        if (!coordination || (strcmp(t->key, "and") != 0 && strcmp(t->key, "but") != 0)) continue;
        lang_tag_sentence(d, m, t->sent);
        if (d->pos && (!strcmp(d->pos[k + 1], "VBD") || !strcmp(d->pos[k + 1], "VBZ") || !strcmp(d->pos[k + 1], "VBP")))
            return k > b && strcmp(d->toks.v[k - 1].key, ",") == 0 ? k - 1 : k;
    }
    return e;
}

/* An indirect quote of tokens [b, e) with attribution a, unless the words are a direct
 * quote already or fewer than min_words. */
static void push_indirect(qctx *q, const attribution *a, uint32_t b, uint32_t e, uint32_t min_words) {
    uint32_t words = 0;
    for (uint32_t k = b; k < e; k++) {
        if (q->in_quote[k] || is_dq(tok(q, k))) return;
        words += tok(q, k)->kind == TK_WORD;
    }
    if (words < min_words) return;
    dy_quote *o = &DY_PUSH(&q->d->arena, q->d->quotes);
    o->span = (dy_span){tok(q, b)->start, tok(q, e - 1)->end};
    o->kind = QK_INDIRECT;
    o->entity = a->entity;
    o->sent = tok(q, a->cue_b)->sent;
    o->cue = (dy_span){tok(q, a->cue_b)->start, tok(q, a->cue_e - 1)->end};
    if (a->src_e > a->src_b) o->source = (dy_span){tok(q, a->src_b)->start, tok(q, a->src_e - 1)->end};
}

/* The end of sentence s without its final period, question or exclamation mark. */
static uint32_t sentence_end(const qctx *q, const dy_sentence *s, uint32_t b) {
    uint32_t e = s->tok_end;
    while (e > b && tok(q, e - 1)->kind == TK_PUNCT && strchr(".!?", tok(q, e - 1)->key[0])) e--;
    return e;
}

/* The content of reported speech, as an indirect quote: the clause after the cue ("Sanders
 * said [they had not received a formal invitation]"), or, when the cue ends the sentence,
 * the clause before its source ("[The talks failed], officials said."). */
static void add_indirect(qctx *q, const attribution *a, uint32_t sent_b) {
    const dy_sentence *s = &q->d->sents.v[tok(q, a->cue_b)->sent];
    uint32_t b = a->cue_e, e = sentence_end(q, s, b);
    if (b < e && tok(q, b)->kind == TK_WORD && tok(q, b)->kind == TK_WORD &&
        (key_is(q, b, "reporters") || key_is(q, b, "journalists") || ment_pronoun_gender(q->m, tok(q, b)) >= 0) &&
        m_tell(q, a))
        b++;   /* "told reporters that ...", "told him ..." */
    while (b < e && (key_is(q, b, "that") || key_is(q, b, ",") || key_is(q, b, ":"))) b++;
    if (b < e && key_is(q, b, "to")) return;   /* "continues to be dogged", "promised to": no statement */
    if (e - b < 4) {   /* the cue ends the sentence: the content is before the source */
        b = sent_b;
        e = a->src_b;
        while (e > b && (key_is(q, e - 1, ",") || tok(q, e - 1)->kind == TK_QUOTE)) e--;
    }
    push_indirect(q, a, b, e, STATEMENT_MIN_WORDS);
}

/* "According to X, [the talks failed]." / "[The talks failed], according to X." */
static void add_according_to(qctx *q, const attribution *a) {
    const dy_sentence *s = &q->d->sents.v[tok(q, a->cue_b)->sent];
    uint32_t e = sentence_end(q, s, s->tok_begin);
    if (a->src_e < e && key_is(q, a->src_e, ",") && a->cue_b == s->tok_begin)
        push_indirect(q, a, a->src_e + 1, e, STATEMENT_MIN_WORDS);
    else if (a->cue_b > s->tok_begin && key_is(q, a->cue_b - 1, ",") && a->src_e >= e)
        push_indirect(q, a, s->tok_begin, a->cue_b - 1, STATEMENT_MIN_WORDS);
}

/* Is token c a verb, not the noun ("the plan", "his support", "a second term")? */
static bool verb_at(qctx *q, uint32_t c) {
    lang_tag_sentence(q->d, q->m, tok(q, c)->sent);
    return !q->d->pos || strncmp(q->d->pos[c], "VB", 2) == 0;
}

/* The words after the verb of a view or judgement, as an indirect quote. */
static void add_view_words(qctx *q, const attribution *a) {
    const dy_sentence *s = &q->d->sents.v[tok(q, a->cue_b)->sent];
    uint32_t b = a->cue_e, e = sentence_end(q, s, b);
    while (b < e && (key_is(q, b, "that") || key_is(q, b, ",") || key_is(q, b, ":"))) b++;
    if (b < e) push_indirect(q, a, b, e, 1);
}

/* A view ("Cruz endorsed Trump", "a poll shows that ...", "she hopes to win"): what the
 * verb's subject holds, as an indirect quote of the words after the verb, when asked for;
 * no speech, so no speaker for the quotes that follow. */
static void add_view(qctx *q, uint32_t c, uint32_t cn, uint32_t lb) {
    if (!verb_at(q, c)) return;
    uint32_t sb = source_before(q, c, lb);
    if (sb == c) return;
    uint32_t se = source_end(q, sb, c);
    attribution a = {c, c + cn, sb, se, resolve_source(q, sb, se, sb), true};
    add_view_words(q, &a);
}

/* "Pat Caddell: Voters Worry About Her Health": a name opening its sentence and a colon
 * give the words after it, as headlines do, when asked for. */
static void add_colon_statement(qctx *q, uint32_t colon, uint32_t lb) {
    uint32_t mi = q->mention_at[lb];
    if (mi == DY_NONE || q->d->mentions.v[mi].kind != MK_NAME) return;
    uint32_t se = q->d->mentions.v[mi].tok_end;
    if (se != colon && !(se + 1 == colon && tok(q, se)->kind == TK_WORD)) return;   /* "Trump aide:" */
    const dy_sentence *s = &q->d->sents.v[tok(q, colon)->sent];
    attribution a = {colon, colon + 1, lb, colon, q->d->mentions.v[mi].entity, true};
    push_indirect(q, &a, colon + 1, sentence_end(q, s, colon + 1), STATEMENT_MIN_WORDS);
}

/* Reported statements ("Sanders said they had not received ...") between quotes tell who
 * spoke last, for the pronouns of the quotes that follow, and become indirect quotes. */
static void note_statements(qctx *q, uint32_t from, uint32_t to) {
    for (uint32_t c = from; c < to; c++) {
        uint32_t cn;
        uint8_t kind;
        if (q->in_quote[c] || (tok(q, c)->flags & TF_BOILER)) continue;
        uint32_t lb = q->d->sents.v[tok(q, c)->sent].tok_begin;
        if (q->d->want_indirect && cue_in(q, &q->m->view_pt, c, to, &cn, &kind)) {
            add_view(q, c, cn, lb);
            c += cn - 1;
            continue;
        }
        if (q->d->want_indirect && key_is(q, c, ":")) {
            add_colon_statement(q, c, lb);
            continue;
        }
        if (!cue_at(q, c, to, &cn, &kind)) continue;
        if (kind == CUE_PREP) {
            /* "According to the ministry, the dam ...": the source ends at the comma */
            uint32_t limit = q->d->sents.v[tok(q, c)->sent].tok_end;
            for (uint32_t k = c + cn; c == lb && k < limit && k < c + cn + SOURCE_MAX_TOKENS; k++)
                if (key_is(q, k, ",")) {
                    limit = k;
                    break;
                }
            uint32_t se = source_after(q, c + cn, limit);
            if (se > c + cn) {
                attribution a = {c, c + cn, c + cn, se, resolve_source(q, c + cn, se, c + cn), true};
                add_according_to(q, &a);
            }
            continue;
        }
        uint32_t sb = source_before(q, c, lb);
        if (sb == c) continue;
        uint32_t se = source_end(q, sb, c);
        uint32_t e = resolve_source(q, sb, se, sb);
        if (e != DY_NONE) {
            q->last_speaker = e;
            q->last_speaker_para = para_of(q, c);
        }
        q->last_statement = (attribution){c, c + cn, sb, se, e, true};
        q->last_statement_sent = tok(q, c)->sent;
        if (kind == CUE_VERB || kind == CUE_TELL) add_indirect(q, &q->last_statement, lb);
        else if (kind == CUE_NAMING && q->d->want_indirect && verb_at(q, c))
            add_view_words(q, &q->last_statement);   /* "Cruz criticized the plan" */
        c += cn - 1;
    }
}

void quote_run(dy_doc *d, const dy_model *m) {
    uint32_t n = (uint32_t)d->toks.n;
    qctx q = {d, m, dy_arena_alloc(&d->arena, (n + 1) * sizeof(uint32_t)), dy_arena_alloc(&d->arena, n + 1),
              DY_NONE, 0, {0}, DY_NONE};
    for (uint32_t i = 0; i < n; i++) q.mention_at[i] = DY_NONE;
    for (size_t mi = 0; mi < d->mentions.n; mi++)
        for (uint32_t k = d->mentions.v[mi].tok_begin; k < d->mentions.v[mi].tok_end; k++) q.mention_at[k] = (uint32_t)mi;

    raw_quote_vec raw = {0};
    pair_marks(&q, &raw);
    for (size_t i = 0; i < raw.n; i++)
        for (uint32_t k = raw.v[i].cb; k < raw.v[i].ce; k++) q.in_quote[k] = 1;

    uint32_t scanned = 0;
    const raw_quote *prev = NULL;
    attribution prev_attr = {0};
    uint32_t prev_speaker = DY_NONE;
    for (size_t i = 0; i < raw.n; i++) {
        const raw_quote *r = &raw.v[i];
        note_statements(&q, scanned, r->open);
        bool full = is_full_quote(&q, r);
        /* a quote opening its sentence with a capital, words following it (“It was meant to
         * send him a message” against IS.): the same speaker's words, when one spoke just before */
        bool opens_sentence = d->sents.v[tok(&q, r->open)->sent].tok_begin == r->open && r->cb < r->ce &&
                              (tok(&q, r->cb)->flags & TF_CAP);
        uint32_t sent_b = d->sents.v[tok(&q, r->open)->sent].tok_begin;
        attribution a = {0};
        bool found = (r->close != DY_NONE && attribution_after(&q, r->close, &a)) ||
                     attribution_before(&q, r->open, sent_b, !full, &a);
        if (!found && full && (tok(&q, r->open)->flags & TF_NEWLINE) && r->open > 0 &&
            key_is(&q, r->open - 1, ":")) {
            uint32_t ps = d->sents.v[tok(&q, r->open - 1)->sent].tok_begin;
            found = attribution_before(&q, r->open - 1, ps, false, &a) ||
                    attribution_before(&q, r->open - 1, ps, true, &a);
        }
        /* A colon after a clause about someone introduces their words, whatever its verb
         * ("Rubio called his reason simple: “…”", "Limbaugh seemed charmed: “…”"). */
        if (!found && full && r->open > sent_b && key_is(&q, r->open - 1, ":")) {
            uint32_t mi = first_subject(&q, sent_b, r->open - 1);
            if (mi != DY_NONE && d->mentions.v[mi].kind != MK_NOMINAL) {
                const dy_mention *mn = &d->mentions.v[mi];
                a = (attribution){r->open - 1, r->open - 1, mn->tok_begin, mn->tok_end, DY_NONE, true};
                found = true;
            }
        }
        /* A quote right after a sentence that reports someone ("..., Schiff said. “…”", "X
         * called him a master. “…”") is theirs. */
        uint32_t qs = tok(&q, r->open)->sent;
        if (!found && full && q.last_statement.found && q.last_statement.entity != DY_NONE &&
            q.last_statement_sent + 1 == qs && qs > 0 &&
            d->sents.v[qs - 1].para == d->sents.v[qs].para && !(prev && prev->ce > q.last_statement.cue_b)) {
            a = q.last_statement;
            found = true;
        }
        uint32_t speaker = DY_NONE;
        if (found) {
            speaker = resolve_source(&q, a.src_b, a.src_e, r->open);
        } else if ((full || opens_sentence) && prev && prev_attr.found &&
                   (para_of(&q, prev->cb) == para_of(&q, r->cb) ||
                    ((tok(&q, r->open)->flags & TF_NEWLINE) && para_of(&q, r->cb) == para_of(&q, prev->ce - 1) + 1))) {
            /* Continues the previous speaker: “…,” he said. “…” or a bare quote paragraph. */
            a = prev_attr;
            speaker = prev_speaker;
            found = true;
        }
        uint32_t words = 0;
        for (uint32_t k = r->cb; k < r->ce; k++) words += tok(&q, k)->kind == TK_WORD;
        if ((!found && (!full || words < SCARE_QUOTE_WORDS)) || is_title(&q, r)) {
            scanned = r->ce;
            continue;
        }
        emit_quote(&q, r, full ? QK_DIRECT : QK_PARTIAL, &a, speaker);
        if (found) {
            prev = r;
            prev_attr = a;
            prev_speaker = speaker;
        }
        scanned = r->close != DY_NONE ? r->close + 1 : r->ce;
        if (found && a.cue_e > scanned) scanned = a.cue_e;
    }
    note_statements(&q, scanned, n);
}

void quote_drop_indirect(dy_doc *d) {
    size_t n = 0;
    for (size_t i = 0; i < d->quotes.n; i++)
        if (d->quotes.v[i].kind != QK_INDIRECT) d->quotes.v[n++] = d->quotes.v[i];
    d->quotes.n = n;
}

/* The clause a partial quote is part of, as tokens [*b, *e): after its cue to the end of
 * the sentence ("said [he won “every single debate”]"), or, when the cue follows it, from
 * the sentence start to the source ("[The answers are “not meeting the demand,”] says X");
 * a verb coordinated after the quote ("… “a con” and encouraged Americans to …") is a
 * statement of its own. */
static void partial_clause(dy_doc *d, const dy_model *m, const dy_quote *o, uint32_t *b, uint32_t *e) {
    const dy_sentence *s = &d->sents.v[o->sent];
    uint32_t qb = doc_token_at(d, o->span.start), qe = doc_token_at(d, o->span.end);
    uint32_t cb = doc_token_at(d, o->cue.start), ce = doc_token_at(d, o->cue.end), sb = doc_token_at(d, o->source.start);
    *b = qb;
    *e = qe;
    if (o->cue.end <= o->span.start && cb >= s->tok_begin) {
        *b = ce;
        *e = s->tok_end;
        while (*b < qb && strchr(",:", d->toks.v[*b].key[0]) && d->toks.v[*b].kind == TK_PUNCT) (*b)++;
        for (uint32_t k = *b; k + 1 < qb; k++)   /* "said in a tweet that …": the clause after "that" */
            if (strcmp(d->toks.v[k].key, "that") == 0) {
                *b = k + 1;
                break;
            }
        if (*b < qb && strcmp(d->toks.v[*b].key, "that") == 0) (*b)++;
        *e = content_end(d, m, qe > *b ? qe - 1 : *b, *e, true);
    } else {
        *b = s->tok_begin;
        *e = o->source.end > o->source.start && sb > qb && sb < cb ? sb : cb;
        while (*e > *b && strcmp(d->toks.v[*e - 1].key, ",") == 0) (*e)--;
    }
    while (*e > *b && d->toks.v[*e - 1].kind == TK_PUNCT && strchr(".!?,", d->toks.v[*e - 1].key[0])) (*e)--;
}

/* Does quote o go on with prev as one attribution: the second direct part of a quote its
 * attribution interrupts, when the quoted words are most of the span over both, or a
 * second fragment of the same clause? */
static bool continues(const dy_doc *d, const dy_quote *prev, const dy_quote *o) {
    if (prev->kind == QK_INDIRECT || o->kind == QK_INDIRECT || o->cue.end <= o->cue.start) return false;
    if (prev->cue.start != o->cue.start || prev->cue.end != o->cue.end) return false;
    if (d->sents.v[prev->sent].para != d->sents.v[o->sent].para) return false;
    if (o->span.start < prev->span.end) return true;   /* fragments of one clause */
    uint32_t quoted = (prev->span.end - prev->span.start) + (o->span.end - o->span.start);
    return prev->kind == QK_DIRECT && o->kind == QK_DIRECT && prev->span.end <= o->cue.start &&
           o->span.start >= o->cue.end && o->span.start - prev->span.end < quoted;
}

void quote_whole_attributions(dy_doc *d, const dy_model *m) {
    size_t n = 0;
    for (size_t i = 0; i < d->quotes.n; i++) {
        dy_quote o = d->quotes.v[i];
        if (o.kind == QK_INDIRECT) {
            uint32_t b = doc_token_at(d, o.span.start), e = content_end(d, m, b, doc_token_at(d, o.span.end), false);
            o.span.end = d->toks.v[e - 1].end;
        }
        /* "The museum, Mr. Obama said, would make …": the sentence around the attribution */
        if (o.kind == QK_INDIRECT && o.source.end > o.source.start && o.cue.end <= o.span.start) {
            uint32_t sb = doc_token_at(d, o.source.start), ce = doc_token_at(d, o.cue.end);
            uint32_t first = d->sents.v[o.sent].tok_begin;
            if (sb > first + 1 && strcmp(d->toks.v[sb - 1].key, ",") == 0 && ce < d->toks.n &&
                strcmp(d->toks.v[ce].key, ",") == 0 && doc_token_at(d, o.span.start) == ce + 1)
                o.span.start = d->toks.v[first].start;
        }
        if (o.kind == QK_PARTIAL && o.cue.end > o.cue.start) {
            uint32_t b, e;
            partial_clause(d, m, &o, &b, &e);
            if (b < e && d->toks.v[b].start <= o.span.start && d->toks.v[e - 1].end >= o.span.end)
                o.span = (dy_span){d->toks.v[b].start, d->toks.v[e - 1].end};
        }
        dy_quote *prev = n ? &d->quotes.v[n - 1] : NULL;
        if (prev && continues(d, prev, &o)) {
            if (o.span.end > prev->span.end) prev->span.end = o.span.end;
            if (o.kind == QK_PARTIAL) prev->kind = QK_PARTIAL;
            continue;
        }
        d->quotes.v[n++] = o;
    }
    d->quotes.n = n;
}
