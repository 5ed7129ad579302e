#include "mentions.h"
#include "places.h"
#include <string.h>

int ment_pronoun_gender(const dy_model *m, const dy_token *t) {
    return (t->lex & LEX_PRONOUN) ? (int)model_word_value(m, t) : -1;
}

/* A party-state tag ("R-Ky.", "D-N.Y."). */
static bool party_tag(const dy_token *t) { return t->key_len > 2 && t->key[1] == '-' && (t->flags & TF_ABBREV); }

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
    mn->entity = mn->actor_entry = DY_NONE;
    mn->sent = d->toks.v[b].sent;
    mn->possessive = e < d->toks.n && strcmp(d->toks.v[e].key, "'s") == 0;
    return mn;
}

bool ment_acronym_cased(const dy_doc *d, uint32_t k) {
    const dy_token *t = &d->toks.v[k];
    if (t->key_len > 3 || (t->flags & TF_ALLCAP) || t->end - t->start != t->key_len) return true;
    for (uint32_t i = t->start + 1; i < t->end; i++)
        if (d->text[i] >= 'A' && d->text[i] <= 'Z') return true;
    return false;
}

/* A dictionary name starts with a capital; a one-word match that is also a function word
 * ("Who", "US" vs "us") must be written in capitals ("WHO"). */
static bool name_match(const dy_doc *d, const phrase_table *pt, uint32_t k, uint32_t end, uint32_t *n,
                       uint32_t *v) {
    const dy_token *t = &d->toks.v[k];
    if (!(t->flags & TF_CAP) || (t->flags & TF_BOILER) || !pt_longest(pt, d, k, end, n, v)) return false;
    if (*n == 1 && !ment_acronym_cased(d, k)) return false;
    return *n > 1 || !(t->lex & (LEX_STARTER | LEX_PRONOUN | LEX_PARTICLE | LEX_LOCATIVE)) || (t->flags & TF_ALLCAP);
}

/* End of the entity span the recogniser starts at token k (B-X, or I-X not continuing
 * one), or k when none starts there. */
static uint32_t ner_span_end(const dy_doc *d, uint32_t k, uint32_t end) {
    const char *t = d->ner[k];
    if ((t[0] != 'B' && t[0] != 'I') || t[1] != '-') return k;
    if (t[0] == 'I' && k > 0 && d->ner[k - 1][0] != 'O' && strcmp(d->ner[k - 1] + 1, t + 1) == 0) return k;
    uint32_t e = k + 1;
    while (e < end && d->ner[e][0] == 'I' && strcmp(d->ner[e] + 1, t + 1) == 0) e++;
    return e;
}

/* The SPEC type of a recognised span: PER, LOC, ORG; MISC is NORP when it is a nationality
 * or a group the dictionary knows ("Russian", "Democrats"). */
static uint8_t ner_type(const dy_doc *d, const dy_model *m, uint32_t b, uint32_t e) {
    const char *t = d->ner[b] + 2;
    if (strcmp(t, "PER") == 0) return ET_PERSON;
    if (strcmp(t, "LOC") == 0) return ET_GPE;
    if (strcmp(t, "ORG") == 0) return ET_ORG;
    uint32_t v;
    if (pt_exact(&m->country_pt, d, b, e, &v) && (v & 3) == CM_DEMONYM) return ET_NORP;
    if (pt_exact(&m->actor_pt, d, b, e, &v) && m->actors.v[v].type == ET_NORP) return ET_NORP;
    return ET_MISC;
}

/* Is [b, e) one word that is the family name of a person of the dictionary ("Obama")? */
static bool surname_alone(const dy_doc *d, const dy_model *m, uint32_t b, uint32_t e) {
    uint32_t v;
    return e == b + 1 && (d->toks.v[b].lex & LEX_SURNAME) && pt_exact(&m->surname_pt, d, b, e, &v);
}

/* A name mention [b, e) with its actor code: the dictionary's when it knows the name,
 * else what the titles and nationality words before it said. */
static void add_name(dy_doc *d, const dy_model *m, uint32_t b, uint32_t e, uint8_t type, uint32_t full_b,
                     dy_actor code, uint8_t gender) {
    dy_mention *mn = add_mention(d, b, e, full_b, type, MK_NAME);
    mn->actor = code;
    mn->gender = gender;
    uint32_t v;
    if (pt_exact(&m->actor_pt, d, b, e, &v) && (e > b + 1 || ment_acronym_cased(d, b))) {
        mn->actor = model_actor_on(m, v, d->era)->code;
        mn->actor_entry = v;
    } else if (pt_exact(&m->country_pt, d, b, e, &v)) {
        memset(&mn->actor, 0, sizeof mn->actor);
        memcpy(mn->actor.country, m->countries.v[v >> 2].iso3, 4);
        uint32_t p = (v & 3) == CM_CAPITAL ? place_at(d, m, b, e, mn->actor.country) : DY_NONE;
        if (p != DY_NONE && strcmp(m->places.v[p].iso3, mn->actor.country) != 0) {
            memcpy(mn->actor.country, m->places.v[p].iso3, 4);   /* "Paris, Texas" */
            return;
        }
        /* a country's name, or its capital standing for its government ("Pyongyang said",
         * "Moscow's decision"), not a place something happens in or goes to; as an actor
         * it acts through its government ("Iran seized") */
        const dy_token *prev = b > 0 ? &d->toks.v[b - 1] : NULL;
        bool place = prev && ((prev->lex & LEX_LOCATIVE) || !strcmp(prev->key, "at") || !strcmp(prev->key, "into") ||
                              !strcmp(prev->key, "via"));
        const dy_token *first = &d->toks.v[b];
        bool dateline = (first->flags & TF_ALLCAP) && (b == 0 || (first->flags & TF_NEWLINE));   /* "SEOUL (Reuters) -" */
        place = place || dateline;
        if ((v & 3) == CM_NAME || ((v & 3) == CM_CAPITAL && !place)) {
            mn->country_name = true;
            mn->type = ET_GPE;   /* "US" the recogniser took for an organisation */
            memcpy(mn->actor.sector, "GOV", 4);
        }
    } else if (type == ET_GPE && !surname_alone(d, m, b, e) && (v = place_at(d, m, b, e, NULL)) != DY_NONE &&
               !(m->places.v[v].kind == PK_CITY && b > 0 && !strcmp(d->toks.v[b - 1].key, "the"))) {
        /* a town takes no "the": "the Constitution" is no town of that name */
        /* "Aleppo", "Paris, Texas"; not a town named like a person ("Obama"). A city the
         * recogniser calls an organisation stays one: in sport it is the team. */
        memcpy(mn->actor.country, m->places.v[v].iso3, 4);
    }
}

/* A capitalised word that is the family name of a person of the dictionary, standing
 * alone (not a function word, month or the start of a longer name). */
static bool lone_surname(const dy_doc *d, const dy_model *m, uint32_t k, uint32_t end) {
    const dy_token *t = &d->toks.v[k];
    if (!(t->flags & TF_CAP) || (t->lex & (LEX_STARTER | LEX_PRONOUN | LEX_MONTH | LEX_WEEKDAY | LEX_PARTICLE)))
        return false;
    if (k + 1 < end && d->toks.v[k + 1].kind == TK_WORD && (d->toks.v[k + 1].flags & TF_CAP)) return false;
    return surname_alone(d, m, k, k + 1);
}

/* A capitalised word after an office and "of" that the recogniser missed, and that is no
 * English word (WordNet), is the organisation the office is held in ("Roy Beck, president
 * of NumbersUSA"); not "Secretary of State", "chief of Staff". */
static bool org_after_office(const dy_doc *d, const dy_model *m, uint32_t k, uint32_t end) {
    const dy_token *t = &d->toks.v[k];
    if (k < 2 || strcmp(d->toks.v[k - 1].key, "of") != 0 || t->kind != TK_WORD || !(t->flags & TF_CAP) ||
        (t->lex & (LEX_STARTER | LEX_PRONOUN | LEX_MONTH | LEX_WEEKDAY)) || d->toks.v[k].sent != d->toks.v[k - 2].sent ||
        (k + 1 < end && d->toks.v[k + 1].kind == TK_WORD && (d->toks.v[k + 1].flags & TF_CAP)) || !m->lemmas.loaded)
        return false;
    char base[64];
    for (int pos = 0; pos < LP_COUNT; pos++) {
        const char *lemma = lemma_of(&m->lemmas, t->key, t->key_len, (enum lemma_pos)pos, base, sizeof base);
        if (hm_get(&m->lemmas.words[pos], lemma, strlen(lemma), NULL)) return false;   /* "Students" */
    }
    bool office = false;
    for (uint32_t b = k >= 4 ? k - 4 : 0, n, v; b + 1 < k && !office; b++)
        office = pt_longest(&m->role_pt, d, b, k - 1, &n, &v) && b + n == k - 1 && m->roles.v[v].kind == ROLE_TITLE;
    return office;
}

/* The country of a flag word ("British-flagged", "Iranian-flagged"), or NULL. */
static const char *flag_country(const dy_model *m, const dy_token *t) {
    static const char suffix[] = "-flagged";
    size_t n = sizeof suffix - 1;
    uint32_t v;
    if (t->key_len <= n || memcmp(t->key + t->key_len - n, suffix, n) != 0) return NULL;
    if (!pt_get_word(&m->country_pt, t->key, t->key_len - n, &v) || (v & 3) == CM_CAPITAL) return NULL;
    return m->countries.v[v >> 2].iso3;
}

static bool generation_suffix(const dy_token *t) {
    static const char *const suffixes[] = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"};
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
        if (!strcmp(t->key, suffixes[i])) return (t->flags & TF_CAP) != 0;
    return false;
}

/* Is token k inside a person, organisation or place the recogniser found? */
static bool in_name_span(const dy_doc *d, uint32_t k) {
    if (!d->ner) return false;
    const char *t = d->ner[k];
    return (t[0] == 'B' || t[0] == 'I') && strcmp(t + 2, "MISC") != 0;
}

/* A role noun that names a group acting as one: "rebels", "police", "officials", "the
 * government", "administration". */
static bool group_noun(const dy_doc *d, const dy_model *m, uint32_t k, uint32_t end, uint32_t *n, uint32_t *r) {
    const dy_token *t = &d->toks.v[k];
    if (t->flags & TF_CAP && k > d->sents.v[t->sent].tok_begin) return false;
    if (!pt_longest(&m->role_pt, d, k, end, n, r)) return false;
    const kb_role *role = &m->roles.v[*r];
    if (role->kind != ROLE_NOUN) return false;
    /* a plural ("critics" need no sector), or a collective noun ("government", "police",
     * "the opposition"); "campaign" only as someone's ("the Trump campaign") */
    static const char *const collective[] = {"government", "administration", "police", "military", "army",
                                             "media", "staff", "opposition"};
    if (role->plural) return true;
    /* one who attacks or is attacked: "a gunman opened fire", "an off-duty border patrol
     * officer fired at the suspect", "a soldier was wounded" */
    static const char *const singular[] = {"CRM", "INS", "COP", "MIL"};
    for (size_t i = 0; i < sizeof singular / sizeof *singular; i++)
        if (!strcmp(role->code.sector, singular[i])) return true;
    for (size_t i = 0; i < sizeof collective / sizeof *collective; i++)
        if (!strcmp(t->key, collective[i])) return true;
    return !strcmp(t->key, "campaign") && d->mentions.n && d->mentions.v[d->mentions.n - 1].tok_end == k &&
           d->mentions.v[d->mentions.n - 1].kind == MK_NAME;
}

/* The country whose office the words at token k name: "Iran's foreign minister",
 * "America's top diplomat" (a country's name and "'s" just before), or NULL. */
static const char *possessor_country(const dy_doc *d, uint32_t k) {
    if (k < 2 || strcmp(d->toks.v[k - 1].key, "'s") != 0 || !d->mentions.n) return NULL;
    const dy_mention *owner = &d->mentions.v[d->mentions.n - 1];
    return owner->tok_end == k - 1 && owner->kind == MK_NAME && owner->type == ET_GPE && strlen(owner->actor.country) == 3
               ? owner->actor.country
               : NULL;
}

/* A definite description of one person by office at token k: "the" (before full_b), the
 * country words, a singular title with a sector ("president", "press secretary"), and no
 * name after it (then it would be a title: "the President Joe Biden"). */
static bool description_at(const dy_doc *d, const dy_model *m, uint32_t full_b, uint32_t k, uint32_t end,
                           uint32_t *n, uint32_t *r) {
    if (full_b == 0 || !pt_longest(&m->role_pt, d, k, end, n, r)) return false;
    if (strcmp(d->toks.v[full_b - 1].key, "the") != 0 && !(possessor_country(d, full_b) && k == full_b)) return false;
    const kb_role *role = &m->roles.v[*r];
    if (role->kind != ROLE_TITLE || role->plural || !role->code.sector[0]) return false;
    return k + *n >= end || !(d->toks.v[k + *n].flags & TF_CAP);
}

/* The country last named by its name (not its people or a place) in sentence sent so
 * far: what "its" most often stands for. */
static const char *country_named_last(const dy_doc *d, uint32_t sent) {
    for (size_t j = d->mentions.n; j-- > 0 && d->mentions.v[j].sent == sent;)
        if (d->mentions.v[j].country_name) return d->mentions.v[j].actor.country;
    return NULL;
}

/* The country of the people or group last named in sentence sent so far ("those
 * Iranians", "the proud Iranian people", "Syrian rebels"): what "their" most often
 * stands for. */
static const char *people_named_last(const dy_doc *d, uint32_t sent) {
    for (size_t j = d->mentions.n; j-- > 0 && d->mentions.v[j].sent == sent;) {
        const dy_mention *c = &d->mentions.v[j];
        if ((c->type == ET_NORP || c->kind == MK_NOMINAL) && strlen(c->actor.country) == 3) return c->actor.country;
    }
    return NULL;
}

size_t ment_first_at(const dy_doc *d, uint32_t tok) {
    size_t lo = 0, hi = d->mentions.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->mentions.v[mid].tok_begin < tok) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

const char *ment_country_before(const dy_doc *d, size_t upto, uint32_t sent) {
    for (size_t j = upto; j-- > 0;) {
        const dy_mention *c = &d->mentions.v[j];
        if (c->sent + 2 < sent) return NULL;
        const char *code = c->actor.country;
        if (c->kind == MK_NAME && strlen(code) == 3 && strcmp(code, "IGO") && strcmp(code, "NGO") && strcmp(code, "MNC"))
            return code;
    }
    return NULL;
}

/* A nominal group mention: the role noun with the nationality words before it ("Syrian
 * rebels"), after a name it belongs to ("Trump administration", "Iraqi government"), or
 * with the country it is in after it ("authorities in Gibraltar"). */
static void add_group(dy_doc *d, const dy_model *m, uint32_t b, uint32_t e, uint32_t lim, uint32_t full_b,
                      dy_actor code, uint32_t role) {
    uint32_t n, v;
    if (!code.country[0] && e + 1 < lim && strcmp(d->toks.v[e].key, "in") == 0 &&
        name_match(d, &m->country_pt, e + 1, lim, &n, &v) && (v & 3) != CM_DEMONYM)
        memcpy(code.country, m->countries.v[v >> 2].iso3, 4);
    /* "Iran's political, judicial and military leaders": the country whose they are */
    for (uint32_t j = b, words = 0; !code.country[0] && j > 1 && words < 6; j--, words++) {
        const dy_token *t = &d->toks.v[j - 1];
        if (!strcmp(t->key, "'s")) {
            const dy_mention *owner = d->mentions.n ? &d->mentions.v[d->mentions.n - 1] : NULL;
            if (owner && owner->tok_end == j - 1 && owner->kind == MK_NAME && owner->type == ET_GPE)
                memcpy(code.country, owner->actor.country, 4);
            else if (j > 2 && (!strcmp(d->toks.v[j - 2].key, "country") || !strcmp(d->toks.v[j - 2].key, "nation"))) {
                const char *c = ment_country_before(d, d->mentions.n, d->toks.v[b].sent);   /* "the country's leaders" */
                if (c) memcpy(code.country, c, 4);
            }
            break;
        }
        if (!strcmp(t->key, "its")) {   /* "the US ... was scrutinized by its own military officials" */
            const char *c = country_named_last(d, d->toks.v[b].sent);
            if (c) memcpy(code.country, c, 4);
            break;
        }
        if (!strcmp(t->key, "their")) {   /* "Iranians who have protested against their government" */
            const char *c = people_named_last(d, d->toks.v[b].sent);
            if (c) memcpy(code.country, c, 4);
            break;
        }
        if (t->kind != TK_WORD || (t->flags & TF_CAP) || t->sent != d->toks.v[b].sent) {
            if (strcmp(t->key, ",") != 0) break;
        }
    }
    uint32_t start = full_b;
    /* "the Trump administration": the name just before makes it theirs */
    char owner_sector[4] = "";
    if (full_b == b && d->mentions.n && d->mentions.v[d->mentions.n - 1].tok_end == b &&
        d->mentions.v[d->mentions.n - 1].kind == MK_NAME) {
        const dy_mention *prev = &d->mentions.v[d->mentions.n - 1];
        start = prev->tok_begin;
        if (!code.country[0]) memcpy(code.country, prev->actor.country, 4);
        memcpy(owner_sector, prev->actor.sector, 4);   /* "White House staff" work for the White House */
    }
    dy_mention *mn = add_mention(d, b, e, start, ET_NORP, MK_NOMINAL);
    mn->start = d->toks.v[start].start;   /* the group's words include its modifiers */
    mn->actor = code;
    memcpy(mn->actor.sector, m->roles.v[role].code.sector[0] ? m->roles.v[role].code.sector : owner_sector, 4);
    if (m->roles.v[role].code.country[0]) memcpy(mn->actor.country, m->roles.v[role].code.country, 4);
    mn->stateless = m->roles.v[role].stateless;
    mn->gender = m->roles.v[role].plural ? G_PLURAL : G_UNKNOWN;
}

/* The ship the story last gave a country ("a British-flagged oil tanker", "an Iranian
 * supertanker"), for "the tanker" after it. */
typedef struct vessel_seen { char country[4]; uint32_t sent; } vessel_seen;

#define VESSEL_REACH_SENTENCES 4

/* A nationality or flag just added before token k: is a ship word right after it? */
static void note_vessel(const dy_doc *d, uint32_t k, uint32_t end, const char *country, vessel_seen *seen) {
    for (uint32_t j = k; j < end && j < k + 3; j++)
        if (d->toks.v[j].lex & LEX_VESSEL) {
            memcpy(seen->country, country, 4);
            seen->sent = d->toks.v[k].sent;
            return;
        }
}

/* "the tanker", "the ship" after a ship of known country: that ship, acting for it. */
static bool known_vessel(dy_doc *d, uint32_t k, uint32_t end, const vessel_seen *seen) {
    const dy_token *t = &d->toks.v[k];
    if (!(t->lex & LEX_VESSEL) || !seen->country[0] || t->sent > seen->sent + VESSEL_REACH_SENTENCES) return false;
    if (k == 0 || strcmp(d->toks.v[k - 1].key, "the") != 0 || (k + 1 < end && (d->toks.v[k + 1].flags & TF_CAP)))
        return false;
    dy_mention *vm = add_mention(d, k, k + 1, k - 1, ET_MISC, MK_NOMINAL);
    vm->start = vm->full_start;
    vm->vessel = true;
    memcpy(vm->actor.country, seen->country, 4);
    return true;
}

void ment_run(dy_doc *d, const dy_model *m) {
    vessel_seen seen = {{0}, 0};
    for (size_t si = 0; si < d->sents.n; si++) {
        const dy_sentence *s = &d->sents.v[si];
        if (d->toks.v[s->tok_begin].flags & TF_BOILER) continue;
        uint32_t k = s->tok_begin, end = s->tok_end;
        while (k < end) {
            const dy_token *t = &d->toks.v[k];
            if (t->kind != TK_WORD) { k++; continue; }
            if (known_vessel(d, k, end, &seen)) { k++; continue; }
            int pg = ment_pronoun_gender(m, t);
            if (pg >= 0) {
                dy_mention *mn = add_mention(d, k, k + 1, k, pg == G_PLURAL ? ET_NORP : ET_PERSON, MK_PRONOUN);
                mn->gender = (uint8_t)pg;
                if (pg == G_NEUTER) mn->type = ET_ORG;
                k++;
                continue;
            }
            /* Modifiers before a name: nationality words and titles. */
            uint32_t full_b = k, n, v, r;
            dy_actor code = {{0}, {0}};
            uint8_t gender = G_UNKNOWN;
            const char *flag = NULL;   /* "the British-flagged Stena Impero" */
            bool titled = false;       /* a title came before: "Rep." */
            for (;;) {
                const char *flag_here = k < end ? flag_country(m, &d->toks.v[k]) : NULL;
                if (flag_here) {
                    flag = flag_here;
                    if (k + 1 < end && !(d->toks.v[k + 1].flags & TF_CAP)) {   /* "a British-flagged oil tanker" */
                        dy_mention *fm = add_mention(d, k, k + 1, k, ET_NORP, MK_NAME);
                        fm->modifier = true;
                        memcpy(fm->actor.country, flag_here, 4);
                        note_vessel(d, k + 1, end, flag_here, &seen);
                    }
                    k++;
                    continue;
                }
                /* A US state before a party or legislative word ("Georgia Republican X",
                 * "Georgia Sens. X"): the United States, even where a country has its name. */
                uint32_t region = k < end ? region_at(d, m, k, end, &n) : DY_NONE;
                if (region != DY_NONE && k + n < end && (d->toks.v[k + n].lex & LEX_REGIONAL)) {
                    dy_mention *rm = add_mention(d, k, k + n, k, ET_GPE, MK_NAME);
                    rm->modifier = true;
                    memcpy(rm->actor.country, m->places.v[region].iso3, 4);
                    memcpy(code.country, rm->actor.country, 4);
                    k += n;
                    continue;
                }
                /* "Dutch Ruppersberger" is a name, not a Dutchman; but a title the recogniser took
                 * for a name of its own ("[Mayor] [Ilse Brandt]") is a title */
                if (k < end && in_name_span(d, k) &&
                    !(pt_longest(&m->role_pt, d, k, end, &n, &v) && m->roles.v[v].kind == ROLE_TITLE &&
                      ner_span_end(d, k, end) == k + n && k + n < end && d->ner[k + n][0] == 'B'))
                    break;
                /* A nationality word before a noun ("Russian President X", "Syrian rebels"), or a
                 * country before a title ("UK Defence Secretary X"): the actor's country. */
                bool country = k < end && name_match(d, &m->country_pt, k, end, &n, &v);
                bool demonym = country && (v & 3) == CM_DEMONYM;
                /* "the Russians continue": a people, no word's modifier */
                const dy_token *last = &d->toks.v[k + n - 1];
                uint32_t singular;
                if (demonym && last->key_len > 2 && last->key[last->key_len - 1] == 's' &&
                    pt_get_word(&m->country_pt, last->key, last->key_len - 1, &singular) && (singular & 3) == CM_DEMONYM)
                    country = false;
                /* after a title a capitalised name follows: "Rep. Dutch Ruppersberger" is no Dutchman */
                if (demonym && titled && k + n < end && (d->toks.v[k + n].flags & TF_CAP)) country = false;
                if (country && k + n < end &&
                    (demonym ? d->toks.v[k + n].kind == TK_WORD
                             : pt_longest(&m->role_pt, d, k + n, end, &(uint32_t){0}, &r) &&
                                   m->roles.v[r].kind == ROLE_TITLE)) {
                    dy_mention *cm = add_mention(d, k, k + n, k, demonym ? ET_NORP : ET_GPE, MK_NAME);
                    cm->modifier = true;
                    memcpy(cm->actor.country, m->countries.v[v >> 2].iso3, 4);
                    memcpy(code.country, cm->actor.country, 4);
                    note_vessel(d, k + n, end, cm->actor.country, &seen);
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
                    const kb_actor *a = model_actor_on(m, v, d->era);
                    dy_mention *om = add_mention(d, k, k + n, k, ET_ORG, MK_NAME);
                    om->modifier = true;
                    om->actor = a->code;
                    if (a->code.country[0]) memcpy(code.country, a->code.country, 4);
                    k += n;
                    continue;
                }
                break;
            }
            if (k >= end) break;
            uint32_t e = d->ner ? ner_span_end(d, k, end) : k;
            if (e == k + 1 && party_tag(&d->toks.v[k])) {   /* "(D-Wis.)" names no one */
                k = e;
            } else if (e > k) {
                /* A capitalised cue or function word opening the sentence is no part of the
                 * name ("Said Maria Ellis:", "The Kremlin"). */
                uint32_t b = k;
                while (b + 1 < e && b == s->tok_begin && (d->toks.v[b].lex & (LEX_CUE | LEX_STARTER))) b++;
                /* the dictionary knows the whole name the recogniser cut short ("Kim Jong" Un) */
                if (name_match(d, &m->actor_pt, b, end, &n, &v) && b + n > e) e = b + n;
                /* "Donald Trump Jr." is not his father */
                if (e < end && !strcmp(d->ner[k] + 2, "PER") && generation_suffix(&d->toks.v[e])) e++;
                /* the gazetteer knows the whole place: "Persian" Gulf */
                uint32_t pn, pv;
                bool place = pt_longest(&m->place_pt, d, b, end, &pn, &pv) && b + pn > e;
                if (place) e = b + pn;
                /* "the tanker Stena Impero": a ship's name, no actor; "the British-flagged Stena
                 * Impero" sails for its flag's country. The ship's name is all its capitalised words. */
                bool ship = b > 0 && ((d->toks.v[b - 1].lex & LEX_VESSEL) || (flag && full_b == b - 1));
                while (ship && e < end && d->toks.v[e].kind == TK_WORD && (d->toks.v[e].flags & TF_CAP)) e++;
                /* after a title, a person: "Rep. Dutch Ruppersberger" whom the recogniser took for something
                 * Dutch, all the capitalised words the recogniser left out of the name */
                while (titled && !ship && !place && e < end && d->toks.v[e].kind == TK_WORD &&
                       (d->toks.v[e].flags & TF_CAP) && d->ner[e][0] == 'O')
                    e++;
                uint8_t type = ship ? ET_MISC : place ? ET_GPE : titled ? ET_PERSON : ner_type(d, m, b, e);
                add_name(d, m, b, e, type, full_b == k ? b : full_b, code, gender);
                d->mentions.v[d->mentions.n - 1].vessel = ship;
                if (flag) memcpy(d->mentions.v[d->mentions.n - 1].actor.country, flag, 4);
                if (ship && flag) {
                    memcpy(seen.country, flag, 4);
                    seen.sent = d->toks.v[b].sent;
                }
                k = e;
            } else if (name_match(d, &m->actor_pt, k, end, &n, &v)) {
                /* A dictionary name the recogniser missed (or no recogniser loaded). */
                add_name(d, m, k, k + n, m->actors.v[v].type, full_b, code, gender);
                k += n;
            } else if (name_match(d, &m->country_pt, k, end, &n, &v) && (v & 3) != CM_DEMONYM) {
                add_name(d, m, k, k + n, ET_GPE, full_b, code, gender);
                k += n;
            } else if (org_after_office(d, m, k, end)) {
                add_name(d, m, k, k + 1, ET_ORG, full_b, code, gender);
                k++;
            } else if (lone_surname(d, m, k, end)) {
                /* a famous family name the recogniser missed ("Putin said", "Xi spoke") */
                add_name(d, m, k, k + 1, ET_PERSON, full_b, code, gender);
                k++;
            } else if (titled && (t->flags & TF_CAP) && !(t->lex & (LEX_STARTER | LEX_PRONOUN))) {
                /* the capitalised words after a title are a name the recogniser missed
                 * ("Rep. Dutch Ruppersberger") */
                uint32_t e = k;
                while (e < end && d->toks.v[e].kind == TK_WORD && (d->toks.v[e].flags & TF_CAP)) e++;
                add_name(d, m, k, e, ET_PERSON, full_b, code, gender);
                k = e;
            } else if (description_at(d, m, full_b, k, end, &n, &r)) {
                /* "the Russian president", "the press secretary": a person by their office */
                const char *owner = possessor_country(d, full_b);
                dy_mention *dm = add_mention(d, k, k + n, owner ? full_b - 2 : full_b - 1, ET_PERSON, MK_NOMINAL);
                dm->start = dm->full_start;   /* the description's words include "the" and the country */
                dm->actor = code;
                if (owner) memcpy(dm->actor.country, owner, 4);   /* "Iran's foreign minister" */
                memcpy(dm->actor.sector, m->roles.v[r].code.sector, 4);
                if (!dm->actor.country[0]) memcpy(dm->actor.country, m->roles.v[r].code.country, 4);   /* "the ayatollah" */
                dm->gender = m->roles.v[r].gender;
                k += n;
            } else if (group_noun(d, m, k, end, &n, &r)) {
                add_group(d, m, k, k + n, end, full_b, code, r);
                k += n;
            } else {
                k++;
            }
        }
    }
}
