#include "mentions.h"
#include <string.h>

int ment_pronoun_gender(const dy_model *m, const dy_token *t) {
    return (t->lex & LEX_PRONOUN) ? (int)model_word_value(m, t) : -1;
}

/* A party-state tag ("R-Ky.", "D-N.Y."): no name of its own. */
static bool party_tag(const dy_token *t) { return t->key_len > 2 && t->key[1] == '-' && (t->flags & TF_ABBREV); }

static bool cap_word(const dy_token *t) {
    return t->kind == TK_WORD && (t->flags & TF_CAP) && !(t->flags & (TF_BOILER)) &&
           !(t->lex & (LEX_MONTH | LEX_WEEKDAY)) && !party_tag(t);
}

static dy_mention *add_mention(dy_doc *d, uint32_t b, uint32_t e, uint32_t full_b, uint8_t type,
                               uint8_t kind) {
    dy_mention *mn = &DY_PUSH(&d->arena, d->mentions);
    mn->tok_begin = b;
    mn->tok_end = e;
    mn->start = d->toks.v[b].start;
    mn->end = d->toks.v[e - 1].end;
    mn->full_start = d->toks.v[full_b].start;
    mn->type = type;
    mn->kind = kind;
    mn->entity = DY_NONE;
    mn->sent = d->toks.v[b].sent;
    mn->possessive = e < d->toks.n && strcmp(d->toks.v[e].key, "'s") == 0;
    return mn;
}

/* A dictionary name starts with a capital; a one-word match that is also a function word
 * ("Who", "US" vs "us") must be written in capitals ("WHO"). */
static bool name_match(const dy_doc *d, const phrase_table *pt, uint32_t k, uint32_t end, uint32_t *n,
                       uint32_t *v) {
    const dy_token *t = &d->toks.v[k];
    if (!(t->flags & TF_CAP) || (t->flags & TF_BOILER) || !pt_longest(pt, d, k, end, n, v)) return false;
    return *n > 1 || !(t->lex & (LEX_STARTER | LEX_PRONOUN | LEX_PARTICLE | LEX_LOCATIVE)) || (t->flags & TF_ALLCAP);
}

/* A run of capitalised words (with initials and inner particles) from token k. After a
 * person's title only name particles join ("Mr. Beck of NumbersUSA" is Beck). */
static uint32_t name_run_end(const dy_doc *d, uint32_t k, uint32_t limit, bool person) {
    uint32_t e = k;
    while (e < limit) {
        const dy_token *t = &d->toks.v[e];
        if (cap_word(t)) {
            e++;
            continue;
        }
        if (e > k && e + 1 < limit && t->kind == TK_WORD && (t->lex & LEX_PARTICLE) &&
            cap_word(&d->toks.v[e + 1]) &&
            !(person && (strcmp(t->key, "of") == 0 || strcmp(t->key, "for") == 0 || strcmp(t->key, "and") == 0)))
            { e++; continue; }
        break;
    }
    return e;
}

/* Has the word at token k ended an earlier person's name ("Obama" after "Barack Obama")? */
static bool known_surname(const dy_doc *d, uint32_t k) {
    const dy_token *t = &d->toks.v[k];
    for (size_t i = d->mentions.n; i-- > 0;) {
        const dy_mention *mn = &d->mentions.v[i];
        const dy_token *last = &d->toks.v[mn->tok_end - 1];
        if (mn->type == ET_PERSON && mn->kind == MK_NAME && last->key_hash == t->key_hash &&
            strcmp(last->key, t->key) == 0)
            return true;
    }
    return false;
}

/* Is token k a cue verb ("said") or possessive, i.e. does the word before it act as a name? */
static bool name_context_follows(const dy_doc *d, const dy_model *m, uint32_t k, uint32_t limit) {
    if (k >= limit) return false;
    if (strcmp(d->toks.v[k].key, "'s") == 0) return true;
    uint32_t n, v;
    return pt_longest(&m->cue_pt, d, k, limit, &n, &v);
}

void ment_run(dy_doc *d, const dy_model *m) {
    for (size_t si = 0; si < d->sents.n; si++) {
        const dy_sentence *s = &d->sents.v[si];
        if (d->toks.v[s->tok_begin].flags & TF_BOILER) continue;
        uint32_t k = s->tok_begin, end = s->tok_end;
        while (k < end) {
            const dy_token *t = &d->toks.v[k];
            if (t->kind != TK_WORD) { k++; continue; }
            int pg = ment_pronoun_gender(m, t);
            if (pg >= 0) {
                dy_mention *mn = add_mention(d, k, k + 1, k, pg == G_PLURAL ? ET_NORP : ET_PERSON, MK_PRONOUN);
                mn->gender = (uint8_t)pg;
                if (pg == G_NEUTER) mn->type = ET_ORG;
                k++;
                continue;
            }
            /* Modifiers before a name: nationality words and titles. */
            uint32_t full_b = k, n, v;
            dy_actor code = {{0}, {0}};
            uint8_t gender = G_UNKNOWN;
            bool titled = false;
            for (;;) {
                if (k < end && name_match(d, &m->country_pt, k, end, &n, &v) && (v & 3) == CM_DEMONYM &&
                    k + n < end && d->toks.v[k + n].kind == TK_WORD) {
                    dy_mention *nm = add_mention(d, k, k + n, k, ET_NORP, MK_NAME);
                    memcpy(nm->actor.country, m->countries.v[v >> 2].iso3, 4);
                    memcpy(code.country, nm->actor.country, 4);
                    k += n;
                    continue;
                }
                if (k < end && pt_longest(&m->role_pt, d, k, end, &n, &v) &&
                    m->roles.v[v].kind != ROLE_NOUN && k + n < end && (d->toks.v[k + n].flags & TF_CAP)) {
                    const kb_role *r = &m->roles.v[v];
                    if (r->code.sector[0]) memcpy(code.sector, r->code.sector, 4);
                    if (r->code.country[0]) memcpy(code.country, r->code.country, 4);
                    if (r->gender) gender = r->gender;
                    titled = true;
                    k += n;
                    continue;
                }
                /* An organisation before a title gives its country: "White House press secretary X". */
                if (k < end && name_match(d, &m->actor_pt, k, end, &n, &v) && m->actors.v[v].type == ET_ORG &&
                    k + n < end && pt_longest(&m->role_pt, d, k + n, end, &(uint32_t){0}, &(uint32_t){0})) {
                    const kb_actor *a = model_actor_on(m, v, d->published);
                    dy_mention *om = add_mention(d, k, k + n, k, ET_ORG, MK_NAME);
                    om->actor = a->code;
                    if (a->code.country[0]) memcpy(code.country, a->code.country, 4);
                    k += n;
                    continue;
                }
                break;
            }
            if (k >= end) break;
            t = &d->toks.v[k];
            if (name_match(d, &m->actor_pt, k, end, &n, &v)) {
                const kb_actor *a = model_actor_on(m, v, d->published);
                dy_mention *mn = add_mention(d, k, k + n, full_b, a->type, MK_NAME);
                mn->actor = a->code;
                mn->gender = gender;
                k += n;
                continue;
            }
            if (cap_word(t) && name_match(d, &m->country_pt, k, end, &n, &v) &&
                (v & 3) != CM_DEMONYM) {
                uint32_t e = name_run_end(d, k, end, false);
                if (e == k + n) {
                    dy_mention *mn = add_mention(d, k, k + n, full_b, ET_GPE, MK_NAME);
                    memcpy(mn->actor.country, m->countries.v[v >> 2].iso3, 4);
                    k += n;
                    continue;
                }
            }
            if (!cap_word(t)) { k++; continue; }
            uint32_t e = name_run_end(d, k, end, titled && gender != G_UNKNOWN);
            /* A capitalised function word opening a sentence ("The", "He") is no name. */
            while (k < e && (d->toks.v[k].lex & LEX_STARTER) && !titled) k++;
            if (k >= e) { k = e; continue; }
            bool sentence_initial = k == s->tok_begin ||
                                    (k == s->tok_begin + 1 && d->toks.v[s->tok_begin].kind == TK_QUOTE);
            if (sentence_initial && e == k + 1 && !titled && !(d->toks.v[k].flags & TF_ALLCAP) &&
                !name_context_follows(d, m, e, end) && !known_surname(d, k)) {
                k = e;
                continue;
            }
            uint8_t type;
            uint32_t len = e - k;
            bool org_head = d->toks.v[e - 1].lex & LEX_ORGHEAD;
            if (titled && !org_head) type = ET_PERSON;
            else if (org_head || (d->toks.v[k].flags & TF_ALLCAP)) type = ET_ORG;
            else if (len == 1 && k > s->tok_begin && (d->toks.v[k - 1].lex & LEX_LOCATIVE)) type = ET_GPE;
            else if (len >= 2 && len <= 4) type = ET_PERSON;
            else type = ET_MISC;
            dy_mention *mn = add_mention(d, k, e, full_b, type, MK_NAME);
            mn->actor = code;
            mn->gender = gender;
            k = e;
        }
    }
}
