#include "entities.h"
#include "mentions.h"
#include "../util/u64map.h"
#include <string.h>

static const char *mention_text(dy_doc *d, const dy_mention *mn) {
    return dy_arena_strndup(&d->arena, d->text + mn->start, mn->end - mn->start);
}

static bool same_last_word(const dy_doc *d, const dy_mention *a, const dy_mention *b) {
    const dy_token *x = &d->toks.v[a->tok_end - 1], *y = &d->toks.v[b->tok_end - 1];
    return x->key_hash == y->key_hash && strcmp(x->key, y->key) == 0;
}

/* Do the tokens of mention a equal those of mention b? */
static bool same_words(const dy_doc *d, const dy_mention *a, const dy_mention *b) {
    if (a->tok_end - a->tok_begin != b->tok_end - b->tok_begin) return false;
    for (uint32_t i = 0; i < a->tok_end - a->tok_begin; i++)
        if (d->toks.v[a->tok_begin + i].key_hash != d->toks.v[b->tok_begin + i].key_hash ||
            strcmp(d->toks.v[a->tok_begin + i].key, d->toks.v[b->tok_begin + i].key) != 0)
            return false;
    return true;
}

/* The named person a lone family name (token k) means: among the dictionary's persons of
 * that name, one whose code fits what the title said ("President Kim") and who holds a
 * coded role on the date; fitting the title counts more than being current. */
static const kb_actor *person_by_surname(const dy_doc *d, const dy_model *m, uint32_t k, const dy_actor *hint,
                                         dy_date when) {
    uint32_t i;
    if (!(d->toks.v[k].lex & LEX_SURNAME) || !pt_exact(&m->surname_pt, d, k, k + 1, &i)) return NULL;
    const kb_actor *best = NULL;
    int best_rank = -1;
    for (; i != DY_NONE; i = m->actors.v[i].same_surname) {
        const kb_actor *on = model_actor_on(m, i, when);
        bool fits = (!hint->sector[0] || strcmp(hint->sector, on->code.sector) == 0) &&
                    (!hint->country[0] || strcmp(hint->country, on->code.country) == 0);
        bool current = when.y && (!on->from.y || date_cmp(when, on->from) >= 0) &&
                       (!on->until.y || date_cmp(when, on->until) <= 0);
        int rank = 2 * fits + current;
        if (rank > best_rank) {
            best = on;
            best_rank = rank;
        }
    }
    return best;
}

static uint32_t new_entity(dy_doc *d, uint32_t mi) {
    dy_mention *mn = &d->mentions.v[mi];
    dy_entity *e = &DY_PUSH(&d->arena, d->entities);
    e->name = mention_text(d, mn);
    e->type = mn->type;
    e->gender = mn->gender;
    e->actor = mn->actor;
    e->first_mention = mi;
    return (uint32_t)d->entities.n - 1;
}

void ent_attach(dy_doc *d, uint32_t mi, uint32_t ei) {
    dy_mention *mn = &d->mentions.v[mi];
    dy_entity *e = &d->entities.v[ei];
    if (mn->entity == ei) return;
    if (mn->entity != DY_NONE) d->entities.v[mn->entity].nmentions--;
    mn->entity = ei;
    e->nmentions++;
    if (mn->kind != MK_NAME) return;
    if (!e->gender && mn->gender) e->gender = mn->gender;
    if (!e->actor.country[0] && mn->actor.country[0]) memcpy(e->actor.country, mn->actor.country, 4);
    if (!e->actor.sector[0] && mn->actor.sector[0]) memcpy(e->actor.sector, mn->actor.sector, 4);
    const dy_mention *first = &d->mentions.v[e->first_mention];
    if (mn->tok_end - mn->tok_begin > first->tok_end - first->tok_begin && e->type == ET_PERSON &&
        mn->type == ET_PERSON) {
        e->first_mention = mi;
        e->name = mention_text(d, mn);
    }
}

bool ent_is_actor(const dy_doc *d, uint32_t mi) {
    const dy_mention *mn = &d->mentions.v[mi];
    if (mn->entity == DY_NONE) return false;
    const dy_entity *e = &d->entities.v[mn->entity];
    return e->actor.country[0] || e->actor.sector[0];
}

/* Is mention a (one all-capital word) the initials of mention b's words ("DNC" of
 * "Democratic National Committee"), small words aside ("of", "the", "and", "for")? */
static bool acronym_of(const dy_doc *d, const dy_mention *a, const dy_mention *b) {
    const dy_token *t = &d->toks.v[a->tok_begin];
    if (a->tok_end != a->tok_begin + 1 || !(t->flags & TF_ALLCAP) || b->tok_end - b->tok_begin < 2) return false;
    uint32_t i = 0;
    for (uint32_t k = b->tok_begin; k < b->tok_end; k++) {
        const dy_token *w = &d->toks.v[k];
        if (w->kind != TK_WORD || !(w->flags & TF_CAP)) continue;   /* "of", "the", "and" */
        if (i >= t->key_len || w->key[0] != t->key[i]) return false;
        i++;
    }
    return i == t->key_len;
}

/* Where to look for the entity of a mention without comparing it with every entity:
 * entities by the last word of their first mention (in creation order, chained), by the
 * dictionary entry they are, and by the country a country name names. */
typedef struct cluster_index {
    u64map by_last_word, by_entry, by_country;   /* -> the first such entity */
    uint32_t *next_same_last;                     /* entity -> the next with the same last word */
} cluster_index;

static uint64_t last_word_key(const dy_doc *d, const dy_mention *mn) { return (uint64_t)d->toks.v[mn->tok_end - 1].key_hash + 1; }
static uint64_t country_key(const char *iso3) { return ((uint64_t)(unsigned char)iso3[0] << 16 | (uint64_t)(unsigned char)iso3[1] << 8 | (unsigned char)iso3[2]) + 1; }

static void index_entity(cluster_index *x, const dy_doc *d, uint32_t ei) {
    const dy_mention *first = &d->mentions.v[d->entities.v[ei].first_mention];
    x->next_same_last[ei] = DY_NONE;
    uint32_t head;
    if (!u64map_get(&x->by_last_word, last_word_key(d, first), &head)) {
        u64map_put(&x->by_last_word, last_word_key(d, first), ei);
    } else {
        while (x->next_same_last[head] != DY_NONE) head = x->next_same_last[head];
        x->next_same_last[head] = ei;
    }
    if (first->actor_entry != DY_NONE && !u64map_get(&x->by_entry, (uint64_t)first->actor_entry + 1, &head))
        u64map_put(&x->by_entry, (uint64_t)first->actor_entry + 1, ei);
    if (first->country_name && !u64map_get(&x->by_country, country_key(first->actor.country), &head))
        u64map_put(&x->by_country, country_key(first->actor.country), ei);
}

/* Does entity ei, whose first mention ends with the same word as mn, stand for mn? */
static bool same_last_word_fits(const dy_doc *d, const dy_mention *mn, uint32_t ei) {
    const dy_entity *e = &d->entities.v[ei];
    const dy_mention *first = &d->mentions.v[e->first_mention];
    if (!same_last_word(d, first, mn)) return false;   /* two words with one hash */
    if (first->vessel) return mn->kind == MK_NAME && same_words(d, first, mn);   /* "the Stena Impero" again */
    if (mn->kind == MK_NOMINAL || first->kind == MK_NOMINAL)   /* groups: same role words, same country */
        return mn->kind == first->kind && same_words(d, first, mn) && strcmp(mn->actor.country, e->actor.country) == 0;
    /* "UN" and the "Un" of a name are two */
    if (mn->tok_end - mn->tok_begin == 1 && ment_acronym_cased(d, mn->tok_begin) != ment_acronym_cased(d, first->tok_begin))
        return false;
    /* a lone word the recogniser took for a place or organisation, the surname of a person
     * of the article ("Obama" after "Barack Obama") */
    if (mn->tok_end - mn->tok_begin == 1 && e->type == ET_PERSON && mn->type != ET_NORP) return true;
    if (mn->type == ET_PERSON || (mn->type == ET_MISC && mn->tok_end - mn->tok_begin == 1))
        /* a person by surname; "Obama" taken for a name of something before "Barack Obama" */
        return e->type == ET_PERSON ||
               (mn->type == ET_PERSON && e->type == ET_MISC && first->tok_end - first->tok_begin == 1);
    return e->type == mn->type && same_words(d, first, mn);
}

/* The entity mention mn belongs to: the earliest that fits, or DY_NONE. */
static uint32_t find_cluster(const dy_doc *d, const cluster_index *x, const dy_mention *mn) {
    uint32_t best = DY_NONE, ei;
    if (u64map_get(&x->by_last_word, last_word_key(d, mn), &ei))
        for (; ei != DY_NONE; ei = x->next_same_last[ei])
            if (same_last_word_fits(d, mn, ei)) {
                best = ei;
                break;
            }
    bool person = mn->type == ET_PERSON || (mn->type == ET_MISC && mn->tok_end - mn->tok_begin == 1);
    if (mn->kind == MK_NOMINAL || person) return best;
    /* one dictionary entry under two names: "Anti-Defamation League", "the ADL" */
    if (mn->actor_entry != DY_NONE && u64map_get(&x->by_entry, (uint64_t)mn->actor_entry + 1, &ei) && ei < best) best = ei;
    /* "the U.S.", "America", "the United States": one country */
    if (mn->country_name && u64map_get(&x->by_country, country_key(mn->actor.country), &ei) && ei < best) best = ei;
    /* an organisation and its initials: "the Democratic National Committee", "the DNC" */
    if (mn->tok_end == mn->tok_begin + 1 && (d->toks.v[mn->tok_begin].flags & TF_ALLCAP))
        for (ei = 0; ei < d->entities.n && ei < best; ei++) {
            const dy_entity *e = &d->entities.v[ei];
            const dy_mention *first = &d->mentions.v[e->first_mention];
            if ((e->type == ET_ORG || e->type == ET_MISC) && first->kind != MK_NOMINAL && acronym_of(d, mn, first)) best = ei;
        }
    return best;
}

/* The country named last before mention mi in its sentence ("China's Foreign Ministry
 * accused ..., said Lin Haoran, the ministry's spokesman"), or in the sentences_back
 * sentences before it, or NULL; not a news outlet's ("according to Reuters"), which says
 * nothing of where the story's people are from. */
static const char *nearby_country(const dy_doc *d, uint32_t mi, uint32_t sentences_back) {
    const dy_mention *m0 = &d->mentions.v[mi];
    for (uint32_t j = mi; j-- > 0;) {
        const dy_mention *c = &d->mentions.v[j];
        if (c->sent + sentences_back < m0->sent) break;
        if (c->kind != MK_NAME || c->entity == DY_NONE) continue;
        if (!strcmp(d->entities.v[c->entity].actor.sector, "MED")) continue;
        const char *code = d->entities.v[c->entity].actor.country;
        if (strlen(code) == 3 && strcmp(code, "IGO") && strcmp(code, "NGO") && strcmp(code, "MNC")) return code;
    }
    return NULL;
}

/* The country named in the apposition after mention mi ("Lawrence Korb, a fellow at the
 * Center for American Progress in Washington,"), or NULL. */
static const char *apposition_country(const dy_doc *d, uint32_t mi) {
    const dy_mention *m0 = &d->mentions.v[mi];
    uint32_t k = m0->tok_end;
    if (k >= d->toks.n || strcmp(d->toks.v[k].key, ",") != 0) return NULL;
    uint32_t close = k + 1;
    while (close < d->toks.n && close < k + 30 && d->toks.v[close].sent == m0->sent && strcmp(d->toks.v[close].key, ",") &&
           d->toks.v[close].kind != TK_QUOTE && !(d->toks.v[close].lex & LEX_CUE))
        close++;   /* not into what they said: "X, said: “…”" */
    for (size_t j = mi + 1; j < d->mentions.n && d->mentions.v[j].tok_begin < close; j++) {
        const dy_mention *c = &d->mentions.v[j];
        const char *code = c->entity != DY_NONE ? d->entities.v[c->entity].actor.country : c->actor.country;
        if (c->kind == MK_NAME && strlen(code) == 3) return code;   /* "the EU's High Representative": IGO */
    }
    return NULL;
}

/* A country, or its people's adjective, named inside an organisation's name ("University
 * of Science and Technology of China", "Bank of England", "Philippine Coast Guard"), or NULL. */
static const char *country_in_name(const dy_doc *d, const dy_model *m, uint32_t mi) {
    const dy_mention *mn = &d->mentions.v[mi];
    for (uint32_t k = mn->tok_begin; k < mn->tok_end; k++) {
        uint32_t n, v;
        if (pt_longest(&m->country_pt, d, k, mn->tok_end, &n, &v) && (v & 3) != CM_CAPITAL)
            return m->countries.v[v >> 2].iso3;   /* also "Philippine Coast Guard", "U.S. Treasury Department" */
    }
    return NULL;
}

enum country_count { COUNT_ALL, COUNT_PLACES, COUNT_SCENES };

/* The country the article names most often, counting every name with a country (but
 * news outlets'), its places and nationalities only, or only the places things happen in
 * ("in Syria", "in Aleppo"); NULL when it names none. */
static const char *most_named_country(const dy_doc *d, enum country_count what) {
    typedef struct { const char *code; uint32_t n; } tally;
    tally counts[32];
    size_t nc = 0, best = SIZE_MAX;
    for (size_t i = 0; i < d->mentions.n; i++) {
        const dy_mention *mn = &d->mentions.v[i];
        const char *c = mn->entity != DY_NONE ? d->entities.v[mn->entity].actor.country : mn->actor.country;
        if (mn->kind != MK_NAME || strlen(c) != 3 || !strcmp(c, "IGO") || !strcmp(c, "NGO") || !strcmp(c, "MNC")) continue;
        if (mn->entity != DY_NONE && !strcmp(d->entities.v[mn->entity].actor.sector, "MED")) continue;   /* Reuters */
        if (what != COUNT_ALL && mn->type != ET_GPE && mn->type != ET_NORP) continue;
        if (what == COUNT_SCENES && (mn->type != ET_GPE || mn->tok_begin == 0 ||
                                     !(d->toks.v[mn->tok_begin - 1].lex & LEX_LOCATIVE)))
            continue;
        size_t k = 0;
        while (k < nc && strcmp(counts[k].code, c) != 0) k++;
        if (k == nc) {
            if (nc == 32) continue;
            counts[nc++] = (tally){c, 0};
        }
        counts[k].n++;
    }
    for (size_t k = 0; k < nc; k++)
        if (best == SIZE_MAX || counts[k].n > counts[best].n) best = k;
    return best == SIZE_MAX ? NULL : counts[best].code;
}

/* People and groups whose country nothing in the text gave act, as news goes, for the
 * country named just before them in their sentence, else for the country the article is
 * about: the one its places, nationalities and known actors name most often (the country
 * whose politics it reports); for rebels, insurgents, the opposition and refugees the one
 * whose places things happen in most often ("in Syria", "in Aleppo"): where it happens. */
static void assign_home_country(dy_doc *d, const dy_model *m) {
    char home[4] = "", scene[4] = "";
    const char *c = most_named_country(d, COUNT_ALL);
    if (c) memcpy(home, c, 4);
    if ((c = most_named_country(d, COUNT_SCENES)) || (c = most_named_country(d, COUNT_PLACES))) memcpy(scene, c, 4);
    else memcpy(scene, home, 4);
    for (size_t ei = 0; ei < d->entities.n; ei++) {
        dy_entity *e = &d->entities.v[ei];
        const dy_mention *fm = &d->mentions.v[e->first_mention];
        bool group = fm->kind == MK_NOMINAL;
        if (e->actor.country[0] || (e->type == ET_NORP && !group && !e->actor.sector[0])) continue;
        if (fm->actor_entry != DY_NONE && m->actors.v[fm->actor_entry].stateless) continue;   /* Islamic State */
        if (fm->stateless) continue;   /* refugees are not of the country they are in */
        if (e->type != ET_PERSON && e->type != ET_ORG && e->type != ET_NORP) continue;
        const char *near = country_in_name(d, m, e->first_mention);
        /* a person nobody introduced belongs to the country the story was just about
         * ("In Iran, officials avoided kneejerk responses. The head of the force, X, said") */
        if (!near && e->type == ET_PERSON) near = apposition_country(d, e->first_mention);
        if (!near) near = nearby_country(d, e->first_mention, e->type == ET_PERSON ? 1 : 0);
        /* rebels, insurgents and the opposition belong where the story happens */
        static const char *const local[] = {"REB", "INS", "OPP"};
        bool at_scene = false;
        for (size_t i = 0; group && i < sizeof local / sizeof *local; i++) at_scene |= !strcmp(e->actor.sector, local[i]);
        /* where it happens wins over a country named beside them: "U.S. aid to rebels" */
        memcpy(e->actor.country, at_scene && scene[0] ? scene : near ? near : home, 4);
    }
}

static bool pronoun_fits(const dy_entity *e, uint8_t g) {
    if (g == G_MALE || g == G_FEMALE) return e->type == ET_PERSON && (e->gender == G_UNKNOWN || e->gender == g);
    if (g == G_PLURAL) return e->type == ET_NORP || e->type == ET_ORG || e->type == ET_GPE;
    return e->type == ET_ORG || e->type == ET_GPE;
}

#define PRONOUN_REACH_SENTENCES 2

/* Pronouns: the subject of the nearest earlier sentence that fits (a careful reader's
 * first guess in news), else the nearest earlier mention that fits, within two
 * sentences. Quote speakers refine this later with who spoke last. */
static void resolve_pronouns(dy_doc *d) {
    for (size_t mi = 0; mi < d->mentions.n; mi++) {
        dy_mention *p = &d->mentions.v[mi];
        if (p->kind != MK_PRONOUN) continue;
        uint32_t nearest = DY_NONE, subject = DY_NONE, subject_sent = DY_NONE;
        for (size_t j = mi; j-- > 0;) {
            const dy_mention *c = &d->mentions.v[j];
            if (c->sent + PRONOUN_REACH_SENTENCES < p->sent) break;
            if (c->entity == DY_NONE || c->kind == MK_PRONOUN || c->modifier) continue;
            if (!pronoun_fits(&d->entities.v[c->entity], p->gender)) continue;
            if (nearest == DY_NONE && c->sent == p->sent) nearest = c->entity;
            /* the first fitting mention of its sentence stands for its subject */
            if (c->sent < p->sent && (subject_sent == DY_NONE || c->sent == subject_sent)) {
                subject = c->entity;
                subject_sent = c->sent;
            }
        }
        uint32_t e = nearest != DY_NONE ? nearest : subject;
        if (e != DY_NONE) ent_attach(d, (uint32_t)mi, e);
    }
}

/* "the government", "the regime": of the country the story named last, in its sentence or
 * the two before; read from the mentions' own codes, before any clustering, so that the
 * governments of two countries stay two entities. */
static void definite_group_country(dy_doc *d, uint32_t mi) {
    dy_mention *mn = &d->mentions.v[mi];
    if (mn->kind != MK_NOMINAL || mn->actor.country[0] || mn->tok_begin == 0 ||
        strcmp(d->toks.v[mn->tok_begin - 1].key, "the") != 0)
        return;
    const char *c = ment_country_before(d, mi, mn->sent);
    if (c) memcpy(mn->actor.country, c, 4);
}

/* A person named with their office in apposition after the name ("Nasser Makarem Shirazi,
 * the grand ayatollah,") is that office's holder: the description joins the person, and
 * gives the code a person of no known code lacks. */
static void describe_by_apposition(dy_doc *d) {
    for (size_t mi = 1; mi < d->mentions.n; mi++) {
        dy_mention *mn = &d->mentions.v[mi];
        const dy_mention *name = &d->mentions.v[mi - 1];
        if (!ment_describes_person(mn) || mn->entity != DY_NONE || name->kind != MK_NAME || name->type != ET_PERSON ||
            name->entity == DY_NONE)
            continue;
        uint32_t comma = doc_token_at(d, mn->full_start) - 1;
        if (comma != name->tok_end || strcmp(d->toks.v[comma].key, ",") != 0) continue;
        ent_attach(d, (uint32_t)mi, name->entity);
        dy_actor *a = &d->entities.v[name->entity].actor;
        if (!a->country[0] && !a->sector[0]) *a = mn->actor;
    }
}

/* "the president", "the Iranian president": the person last named whose code fits the
 * description (its country, its office's sector) and gender, within DESCRIPTION_REACH
 * sentences; none when nobody fits. */
#define DESCRIPTION_REACH 12
static void resolve_descriptions(dy_doc *d) {
    for (size_t mi = 0; mi < d->mentions.n; mi++) {
        dy_mention *mn = &d->mentions.v[mi];
        if (!ment_describes_person(mn)) continue;
        /* the name in apposition: "the Russian president, Vladimir Putin" */
        const dy_mention *next = mi + 1 < d->mentions.n ? &d->mentions.v[mi + 1] : NULL;
        if (next && next->kind == MK_NAME && next->type == ET_PERSON && next->entity != DY_NONE &&
            next->tok_begin == mn->tok_end + 1 && !strcmp(d->toks.v[mn->tok_end].key, ",")) {
            ent_attach(d, (uint32_t)mi, next->entity);
            continue;
        }
        for (size_t j = mi; j-- > 0;) {
            const dy_mention *c = &d->mentions.v[j];
            if (c->sent + DESCRIPTION_REACH < mn->sent) break;
            if (c->kind != MK_NAME || c->modifier || c->entity == DY_NONE) continue;
            const dy_entity *e = &d->entities.v[c->entity];
            if (e->type != ET_PERSON || (mn->gender && e->gender && mn->gender != e->gender)) continue;
            if ((mn->actor.country[0] && strcmp(mn->actor.country, e->actor.country) != 0) ||
                strcmp(mn->actor.sector, e->actor.sector) != 0)
                continue;
            ent_attach(d, (uint32_t)mi, c->entity);
            break;
        }
    }
}

void ent_run(dy_doc *d, const dy_model *m) {
    cluster_index x = {.next_same_last = dy_arena_alloc(&d->arena, (d->mentions.n + 1) * sizeof(uint32_t))};
    u64map_init(&x.by_last_word, 64);
    u64map_init(&x.by_entry, 16);
    u64map_init(&x.by_country, 16);
    for (size_t mi = 0; mi < d->mentions.n; mi++) {
        dy_mention *mn = &d->mentions.v[mi];
        if (mn->kind == MK_PRONOUN || ment_describes_person(mn)) continue;
        definite_group_country(d, (uint32_t)mi);
        uint32_t ei = find_cluster(d, &x, mn);
        if (ei == DY_NONE) {
            ei = new_entity(d, (uint32_t)mi);
            d->mentions.v[mi].entity = ei;
            d->entities.v[ei].nmentions = 1;
            index_entity(&x, d, ei);
        } else {
            if (mn->type == ET_PERSON && d->entities.v[ei].type == ET_MISC && !d->mentions.v[d->entities.v[ei].first_mention].vessel)
                d->entities.v[ei].type = ET_PERSON;
            if (mn->kind == MK_NAME && mn->type != ET_NORP) mn->type = d->entities.v[ei].type;
            ent_attach(d, (uint32_t)mi, ei);
        }
    }
    u64map_free(&x.by_last_word);
    u64map_free(&x.by_entry);
    u64map_free(&x.by_country);
    /* Dictionary names become canonical ("IAEA" -> International Atomic Energy Agency);
     * people named by surname alone are looked up by it. */
    for (size_t ei = 0; ei < d->entities.n; ei++) {
        dy_entity *e = &d->entities.v[ei];
        uint32_t v, n;
        const dy_mention *first = &d->mentions.v[e->first_mention];
        if (pt_longest(&m->actor_pt, d, first->tok_begin, first->tok_end, &n, &v) &&
            n == first->tok_end - first->tok_begin && (n > 1 || ment_acronym_cased(d, first->tok_begin))) {
            const kb_actor *a = model_actor_on(m, v, d->era);
            if (e->type != ET_NORP) e->name = a->name;   /* groups keep their words: "Democrats" */
            e->actor = a->code;
            continue;
        }
        if (first->country_name && pt_exact(&m->country_pt, d, first->tok_begin, first->tok_end, &v)) {
            e->name = m->countries.v[v >> 2].name;   /* "Britain" -> United Kingdom */
            continue;
        }
        /* a lone family name, also one the recogniser took for an organisation or for a
         * place no gazetteer knows ("Merkel", "to Putin") */
        bool lone = first->tok_end - first->tok_begin == 1 && first->kind == MK_NAME;
        bool other = e->type == ET_ORG || e->type == ET_MISC || (e->type == ET_GPE && !e->actor.country[0]);
        if (!lone || (e->type != ET_PERSON && !other)) continue;
        const kb_actor *a = person_by_surname(d, m, first->tok_begin, &e->actor, d->era);
        if (!a) continue;
        e->name = a->name;
        e->actor = a->code;
        e->type = ET_PERSON;
    }
    describe_by_apposition(d);
    assign_home_country(d, m);
    /* a territory's actors act for its sovereign: "authorities in Gibraltar" are British */
    for (size_t ei = 0; ei < d->entities.n; ei++) {
        dy_actor *a = &d->entities.v[ei].actor;
        if (a->country[0]) memmove(a->country, model_sovereign(m, a->country), 4);
    }
    resolve_descriptions(d);
    resolve_pronouns(d);
}
