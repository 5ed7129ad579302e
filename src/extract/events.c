#include "events.h"
#include "dates.h"
#include "entities.h"
#include "mentions.h"
#include "clauses.h"
#include "patterns.h"
#include "places.h"
#include "../lang/lang.h"
#include <string.h>

/* "did not invite", "could impose", "if X attacks": data/words.tsv "irrealis" words. */
static bool negated_or_hypothetical(const dy_doc *d, uint32_t s_begin, uint32_t cue) {
    uint32_t from = cue > s_begin + 3 ? cue - 3 : s_begin;
    for (uint32_t k = from; k < cue; k++)
        if (d->toks.v[k].lex & LEX_IRREALIS) return true;
    return false;
}

static dy_event_arg arg_of(const dy_doc *d, uint32_t mi) {
    dy_event_arg a = {DY_NONE, {0, 0}};
    if (mi == DY_NONE) return a;
    const dy_mention *mn = &d->mentions.v[mi];
    a.mention = mi;
    a.span = (dy_span){mn->full_start, mn->end};
    return a;
}

/* The place of a sentence: a country, region or city named after in/at/to ("in Helsinki",
 * "at a rally in Paris, Texas", "to Moscow"); a country's name is the country, a capital
 * the city. */
static void find_place(const dy_doc *d, const dy_model *m, const dy_sentence *s, dy_event *ev) {
    for (size_t mi = ment_first_at(d, s->tok_begin); mi < d->mentions.n && d->mentions.v[mi].tok_begin < s->tok_end; mi++) {
        const dy_mention *mn = &d->mentions.v[mi];
        if (mn->tok_end > s->tok_end || mn->type != ET_GPE) continue;
        if (mn->tok_begin == s->tok_begin) continue;
        const char *prev = d->toks.v[mn->tok_begin - 1].key;
        if (strcmp(prev, "in") && strcmp(prev, "at") && strcmp(prev, "to") && strcmp(prev, "near") && strcmp(prev, "outside"))
            continue;
        uint32_t v;
        bool country = pt_exact(&m->country_pt, d, mn->tok_begin, mn->tok_end, &v);
        if (!country || (v & 3) != CM_NAME)   /* a capital is its country's city ("Washington") */
            ev->place = place_at(d, m, mn->tok_begin, mn->tok_end, country ? m->countries.v[v >> 2].iso3 : NULL);
        if (ev->place != DY_NONE) memcpy(ev->place_country, m->places.v[ev->place].iso3, 4);
        else if (country) memcpy(ev->place_country, m->countries.v[v >> 2].iso3, 4);
        else continue;   /* no place the gazetteer knows: "to Hezbollah" */
        ev->place_span = (dy_span){mn->start, mn->end};
        return;
    }
}

/* An event verb or noun at token k: the dictionary's phrases, else the word's verb lemma
 * ("re-invites" is not listed; its lemma may be; *by_lemma says so). */
static bool event_cue(const dy_doc *d, const dy_model *m, uint32_t k, uint32_t end, uint32_t *n, uint32_t *v,
                      bool *by_lemma) {
    *by_lemma = false;
    if (pt_longest(&m->verb_pt, d, k, end, n, v)) return true;
    const dy_token *t = &d->toks.v[k];
    /* Only inflected-looking words are worth a lemma lookup. */
    const char *e = t->key + t->key_len;
    bool inflected = t->key_len > 3 && (e[-1] == 's' || (e[-2] == 'e' && e[-1] == 'd') ||
                                        (t->key_len > 4 && e[-3] == 'i' && e[-2] == 'n' && e[-1] == 'g'));
    if ((t->flags & TF_CAP) || !inflected || (t->lex & (LEX_STARTER | LEX_NPSTOP | LEX_CUEMOD))) return false;
    char lemma[64];
    lemma_of(&m->lemmas, t->key, t->key_len, LP_VERB, lemma, sizeof lemma);
    if (strcmp(lemma, t->key) == 0 || !pt_get_word(&m->verb_pt, lemma, strlen(lemma), v)) return false;
    *n = 1;
    *by_lemma = true;
    return true;
}


/* A meeting still to come: "will meet", "plans to meet", "the planned summit", "ahead of
 * their summit". CAMEO codes it as the intent to meet (036), not the meeting. */
static bool meeting_to_come(const dy_doc *d, uint32_t s_begin, uint32_t cue) {
    static const char *const marks[] = {"will", "planned", "upcoming", "proposed", "expected", "possible",
                                        "subsequent", "next", "forthcoming", "future"};
    /* "to meet" after a plan or a duty; not a purpose ("went to Moscow to discuss") */
    static const char *const intents[] = {"plan", "plans", "planned", "planning", "agree", "agrees", "agreed",
                                          "want", "wants", "wanted", "hope", "hopes", "hoped", "intends",
                                          "expected", "set", "due", "offered", "offers", "had", "has", "have"};
    /* "ahead of leader Kim Jong Un's summit" */
    for (uint32_t k = cue > s_begin + 8 ? cue - 8 : s_begin; k + 1 < cue; k++)
        if (doc_key_is(d, k, "ahead") && doc_key_is(d, k + 1, "of")) return true;
    uint32_t from = cue > s_begin + 4 ? cue - 4 : s_begin;
    for (uint32_t k = from; k < cue; k++) {
        for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
            if (doc_key_is(d, k, marks[i])) return true;
        if (k > s_begin && doc_key_is(d, k, "to"))
            for (size_t i = 0; i < sizeof intents / sizeof *intents; i++)
                if (doc_key_is(d, k - 1, intents[i])) return true;
    }
    return false;
}

/* Where violence with no actor to suffer it struck: a place named after the cue ("hit
 * targets in Syria", "opened fire at a synagogue in California"): its country suffered it,
 * as GDELT codes such events. */
static uint32_t place_struck(const dy_doc *d, const dy_sentence *s, uint32_t end) {
    for (size_t mi = ment_first_at(d, end); mi < d->mentions.n; mi++) {
        const dy_mention *mn = &d->mentions.v[mi];
        if (mn->tok_begin >= s->tok_end || mn->tok_begin > end + 12) break;
        if (mn->type != ET_GPE || mn->entity == DY_NONE || !d->entities.v[mn->entity].actor.country[0]) continue;
        if (doc_key_is(d, mn->tok_begin - 1, "in") || doc_key_is(d, mn->tok_begin - 1, "near") ||
            doc_key_is(d, mn->tok_begin - 1, "across"))
            return (uint32_t)mi;
    }
    return DY_NONE;
}

/* Is the sentence written in title case (a headline: "Trump Meets Putin in Helsinki")? */
static bool title_case(const dy_doc *d, const dy_sentence *s) {
    uint32_t words = 0, caps = 0;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
        if (d->toks.v[k].kind == TK_WORD) {
            words++;
            caps += (d->toks.v[k].flags & TF_CAP) != 0;
        }
    return caps * 10 >= words * 6;
}

/* Violence by someone who is no state's force (a gunman, a suspect, a named killer) is
 * CAMEO's unconventional violence (180), not military force (19x); an "attack" by or on a
 * party, a lawmaker, a paper or a former official is criticism (111). */
static const char *unconventional(const dy_doc *d, const char *cameo, uint32_t src, uint32_t tgt) {
    if (strncmp(cameo, "19", 2) != 0) return cameo;
    const char *sector = d->entities.v[d->mentions.v[src].entity].actor.sector;
    const char *target = tgt != DY_NONE ? d->entities.v[d->mentions.v[tgt].entity].actor.sector : "";
    /* an attack by or on a politician, party or paper is words: "Sanders's ad attacking
     * Goldman Sachs", "an ad attacking Democrats over the impeachment inquiry" */
    static const char *const talkers[] = {"PTY", "LEG", "MED", "ELI"};
    for (size_t i = 0; i < sizeof talkers / sizeof *talkers; i++)
        if (!strcmp(sector, talkers[i]) || !strcmp(target, talkers[i])) return "111";
    static const char *const forces[] = {"MIL", "GOV", "COP", "REB", "SPY"};
    for (size_t i = 0; i < sizeof forces / sizeof *forces; i++)
        if (!strcmp(sector, forces[i])) return cameo;
    return "180";
}

/* For a withdrawal (087) followed by "from" a deal, treaty or body named after a country or
 * actor ("withdrew the US from the Iran nuclear deal"): that country or actor, else DY_NONE. */
static uint32_t withdrawn_from(const dy_doc *d, const dy_sentence *s, const char *cameo, uint32_t end) {
    if (strcmp(cameo, "087") != 0) return DY_NONE;
    for (uint32_t k = end; k < s->tok_end && k < end + 6; k++) {
        if (d->pos && d->pos[k] && d->pos[k][0] == 'V') return DY_NONE;
        if (!doc_key_is(d, k, "from")) continue;
        for (size_t mi = ment_first_at(d, k + 1); mi < d->mentions.n && d->mentions.v[mi].tok_begin <= k + 3; mi++) {
            const dy_mention *mn = &d->mentions.v[mi];
            if (mn->entity != DY_NONE && d->entities.v[mn->entity].actor.country[0]) return (uint32_t)mi;
        }
        return DY_NONE;
    }
    return DY_NONE;
}

/* Events one side does with the other: meetings, talks, agreements, cooperation. */
static bool symmetric(const char *cameo) {
    return !strncmp(cameo, "04", 2) || !strncmp(cameo, "057", 3) || !strncmp(cameo, "06", 2) ||
           !strncmp(cameo, "046", 3);
}

/* Actions complete without anyone acted on: protests, shows of force, violence whose
 * victims are not actors ("killed 11 people"). Any other verb found with no actor to
 * receive it was most often misread (the receiver is a thing, or out of reach), so it is
 * not coded; an event noun has its actor next to it ("North Korea's pledge to dismantle
 * the site") and stands without a receiver. */
static bool intransitive(const char *cameo) {
    return !strncmp(cameo, "14", 2) || !strncmp(cameo, "15", 2) || !strncmp(cameo, "18", 2) ||
           !strncmp(cameo, "19", 2) || !strncmp(cameo, "20", 2);
}

/* The same actors doing the same kind of thing again ("Mueller's probe" twice) is one event
 * for the article; a version without a target adds nothing to one with a target. */
static bool already_coded(const dy_doc *d, uint32_t src, uint32_t tgt, const char *cameo) {
    uint32_t se = ment_entity(d, src), te = ment_entity(d, tgt);
    for (size_t i = 0; i < d->events.n; i++) {
        const dy_event *ev = &d->events.v[i];
        if (strncmp(ev->cameo, cameo, 2) != 0 || ment_entity(d, ev->source.mention) != se) continue;
        if (te == DY_NONE || ment_entity(d, ev->target.mention) == te) return true;
    }
    return false;
}

/* Is the cue at token k in the present tense ("accuses", "are protesting")? Such an event
 * happens on the day it is reported. Needs the sentence's tags. */
static bool plainly_present(const dy_doc *d, uint32_t k) {
    if (!d->pos || k >= d->toks.n || !d->pos[k]) return false;
    const char *tag = d->pos[k];
    if (!strcmp(tag, "VBZ") || !strcmp(tag, "VBP")) return true;
    return !strcmp(tag, "VBG") && k > 0 && (doc_key_is(d, k - 1, "is") || doc_key_is(d, k - 1, "are"));
}

void event_add(dy_doc *d, const dy_model *m, uint32_t si, const char *cameo, dy_span cue, uint32_t src,
               uint32_t tgt) {
    if (src == DY_NONE || (tgt != DY_NONE && d->mentions.v[src].entity == d->mentions.v[tgt].entity)) return;
    if (already_coded(d, src, tgt, cameo)) return;
    dy_event *ev = &DY_PUSH(&d->arena, d->events);
    ev->sent = si;
    ev->source = arg_of(d, src);
    ev->target = arg_of(d, tgt);
    size_t len = strnlen(cameo, sizeof ev->cameo - 1);   /* codes of 2 to 4 digits */
    memcpy(ev->cameo, cameo, len);
    ev->cameo[len] = '\0';
    ev->cue = cue;
    ev->date = date_in_sentence(d, m, si);
    if (!ev->date.y && plainly_present(d, doc_token_at(d, cue.start))) ev->date = d->published;
    ev->place = DY_NONE;
    find_place(d, m, &d->sents.v[si], ev);
}

#define MAX_ACTORS 64
#define MAX_COORD 4

/* Is a quotation open after sentence s, when open says whether one was at its start? */
static bool quote_open_after(const dy_doc *d, const dy_sentence *s, bool open) {
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
        if (d->toks.v[k].kind == TK_QUOTE && !(d->toks.v[k].flags & TF_QSINGLE)) open = !open;
    return open;
}

void event_run(dy_doc *d, const dy_model *m) {
    uint32_t acts[MAX_ACTORS];
    bool quote_open = false;   /* a quotation that opened in an earlier sentence of the paragraph */
    for (size_t si = 0; si < d->sents.n; si++) {
        const dy_sentence *s = &d->sents.v[si];
        if (d->toks.v[s->tok_begin].flags & TF_NEWLINE) quote_open = false;
        bool in_quote = quote_open, tagged = false;
        quote_open = quote_open_after(d, s, quote_open);
        if (d->toks.v[s->tok_begin].flags & TF_BOILER) continue;
        size_t nacts = clause_actors(d, s, acts, MAX_ACTORS);
        if (!nacts) continue;
        for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
            const dy_token *t = &d->toks.v[k];
            if (t->kind == TK_QUOTE && !(t->flags & TF_QSINGLE)) in_quote = !in_quote;
            uint32_t n, v;
            bool by_lemma;
            if (in_quote || t->kind != TK_WORD || !event_cue(d, m, k, s->tok_end, &n, &v, &by_lemma)) continue;
            /* a capital inside a sentence makes a name of the word: NBC's "Meet the Press" */
            if ((t->flags & TF_CAP) && k > s->tok_begin && !(t->flags & TF_ALLCAP) && !title_case(d, s)) continue;
            const kb_verb *verb = &m->verbs.v[v];
            const char *cameo = verb->cameo;
            uint32_t cue = k, end = k + n, src = DY_NONE, tgt = DY_NONE;
            dy_span cue_span = {t->start, d->toks.v[end - 1].end};
            k = end - 1;
            if (negated_or_hypothetical(d, s->tok_begin, cue)) continue;
            /* The tagger says whether the cue is used as a verb or a noun ("postponed an
             * invite"), and whether it is an infinitive hanging on a noun or adjective ("his
             * desire to meet", "ready to talk": wishes, not events). */
            if (!tagged) {
                lang_tag_sentence(d, m, (uint32_t)si);
                nacts = clause_drop_noun_modifiers(d, acts, nacts);
                tagged = true;
            }
            /* the verb's tag, past an adverb the phrase starts with ("forcibly displaced") */
            const char *tag = d->pos ? d->pos[cue + (end > cue + 1 && d->pos[cue] && !strcmp(d->pos[cue], "RB"))] : NULL;
            bool noun = tag ? tag[0] == 'N' : verb->noun;
            /* a noun phrase of the dictionary reads by its head: "armed conflict" */
            if (verb->noun && end > cue + 1 && d->pos && d->pos[end - 1][0] == 'N') noun = true;
            if (by_lemma && noun) continue;   /* a verb's lemma, but a noun here: "his aides" is no "aid" */
            if (tag && !verb->noun && clause_qualifies_noun(d, s, cue, end)) continue;   /* "Huff's alleged use of" */
            if (tag && cue >= s->tok_begin + 2 && doc_key_is(d, cue - 1, "to") && d->pos[cue - 2] &&
                ((d->pos[cue - 2][0] == 'N' && strncmp(d->pos[cue - 2], "NNP", 3) != 0) || d->pos[cue - 2][0] == 'J'))
                continue;
            uint32_t before = DY_NONE;   /* the nearest actor before the cue */
            for (size_t i = 0; i < nacts; i++)
                if (d->mentions.v[acts[i]].tok_end <= cue) before = acts[i];
            /* "its nuclear test site": a noun qualifying another names a topic */
            if (noun && end < s->tok_end && d->pos[end] && (!strcmp(d->pos[end], "NN") || !strcmp(d->pos[end], "NNS")))
                continue;
            /* the object of a verb ("prepares to reimpose economic sanctions on Tehran",
             * "launched an attack on"): whoever does the verb does the event */
            bool possessor = before != DY_NONE && d->mentions.v[before].tok_end + 3 >= cue &&   /* "Mueller's probe" */
                             (d->mentions.v[before].possessive || clause_possessive_pronoun(d, &d->mentions.v[before]));
            bool own_actor = possessor || doc_key_is(d, end, "from") || doc_key_is(d, end, "by");
            if (noun && !own_actor && clause_governed_by_verb(d, m, s, cue)) noun = false;
            if (noun) {
                /* An event noun needs its actor in the words around it: "Mueller's probe",
                 * "criticism from Democrats", "talks with Iran"; else it is only a topic. */
                if (possessor) src = before;   /* "Mueller's probe", "their calls for" */
                if (doc_key_is(d, end, "from") || doc_key_is(d, end, "by")) {
                    uint32_t by = clause_actor_at(d, acts, nacts, end + 1);
                    if (by != DY_NONE) {
                        src = by;
                        tgt = before;   /* "Trump suffered criticism from Democrats" */
                        /* "a shipment of missiles from Iran to Hezbollah" */
                        uint32_t to = d->mentions.v[by].tok_end;
                        if (doc_key_is(d, to, "to")) {
                            uint32_t receiver = clause_actor_at(d, acts, nacts, to + 1);
                            if (receiver != DY_NONE) tgt = receiver;
                        }
                    }
                }
                end = clause_past_time(d, end, s->tok_end);
                static const char *const to_preps[] = {"into", "against", "on", "with", "of",
                                                       "toward", "towards", "over", "to", "for"};
                for (size_t p = 0; p < sizeof to_preps / sizeof *to_preps && tgt == DY_NONE; p++) {
                    if (doc_key_is(d, end, to_preps[p])) tgt = clause_actor_at(d, acts, nacts, end + 1);
                    if (end > cue + 1 && doc_key_is(d, end - 1, to_preps[p]))
                        tgt = clause_actor_at(d, acts, nacts, end);   /* "calls for" X */
                }
                /* "their summit", "their talks": a meeting of the sentence's subject and the
                 * other party named before the noun ("Trump's treatment of Putin at their summit"). */
                bool theirs = false;   /* "their summit", "their July 16 summit" */
                for (uint32_t j = cue; j > s->tok_begin && j + 4 > cue && !theirs; j--) theirs = doc_key_is(d, j - 1, "their");
                uint32_t other = DY_NONE;   /* the last party named (not a pronoun) before the noun */
                for (size_t i = 0; i < nacts; i++)
                    if (d->mentions.v[acts[i]].tok_end <= cue && d->mentions.v[acts[i]].kind != MK_PRONOUN) other = acts[i];
                bool their_meeting = theirs && strncmp(verb->cameo, "04", 2) == 0 && other != DY_NONE &&
                                     ment_entity(d, acts[0]) != ment_entity(d, other);
                if (their_meeting && (src == DY_NONE || clause_possessive_pronoun(d, &d->mentions.v[src]))) {
                    /* the subject of the clause ("Trump will try to convince Kim ... during their meeting") */
                    src = clause_subject(d, s, acts, nacts, cue);
                    if (src == DY_NONE || ment_entity(d, src) == ment_entity(d, other)) src = acts[0];
                    tgt = other;
                }
                if (src == DY_NONE) continue;
            } else if ((clause_is_passive(d, s->tok_begin, cue) || cue == s->tok_begin || (tag && !strcmp(tag, "VBN"))) &&
                       doc_key_is(d, end, "by")) {
                src = clause_actor_at(d, acts, nacts, end + 1);   /* "Y was invited by X", "Signed by X and Y, ..." */
                tgt = cue == s->tok_begin ? DY_NONE : clause_passive_subject(d, s, acts, nacts, cue, before);
            } else if (tag && !strcmp(tag, "VBN") &&
                       (clause_is_passive(d, s->tok_begin, cue) ||
                        (clause_after_common_noun(d, s, cue) && !clause_object_follows(d, s, end)))) {
                /* "70,000 people have been killed", "68 million people forcibly displaced":
                 * whoever came before suffered the action */
                continue;
            } else {
                src = clause_first_of_coordination(d, acts, nacts, clause_verb_subject(d, s, acts, nacts, cue, tag, before));
                tgt = clause_object(d, s, acts, nacts, end);
                /* one releases whom one holds, named right after the verb: not "released the
                 * letter" or "a survey released Thursday had Mr. Romney ..." */
                if (!strcmp(cameo, "084") && tgt != DY_NONE && clause_actor_at(d, acts, nacts, end) != tgt) tgt = DY_NONE;
                /* a nationality in the object before any actor: "imposed tariffs on $34 billion
                 * of Chinese goods to pressure ... the Trump administration" */
                uint32_t nat = clause_object_nationality(d, s, end);
                if (nat != DY_NONE && (tgt == DY_NONE || d->mentions.v[nat].tok_begin < d->mentions.v[tgt].tok_begin))
                    tgt = nat;
            }
            if (src == DY_NONE) continue;
            if (!strncmp(cameo, "04", 2) && meeting_to_come(d, s->tok_begin, cue)) cameo = "036";
            /* "withdrew the US from the Iran nuclear deal": leaving a deal with someone (160) */
            uint32_t from = withdrawn_from(d, s, cameo, end);
            if (from != DY_NONE) {
                cameo = "160";
                tgt = from;
            }
            uint32_t srcs[MAX_COORD], tgts[MAX_COORD];
            size_t ns = clause_coordinated(d, acts, nacts, src, srcs, MAX_COORD);
            size_t nt = tgt != DY_NONE ? clause_coordinated(d, acts, nacts, tgt, tgts, MAX_COORD) : 1;
            if (tgt == DY_NONE) tgts[0] = DY_NONE;
            /* "Trump and Putin ... their meeting": the other party is one of the subjects */
            bool among = false;
            for (size_t a = 1; a < ns; a++) among |= ment_entity(d, srcs[a]) == ment_entity(d, tgt);
            if ((tgt == DY_NONE || among) && ns > 1 && symmetric(verb->cameo)) {
                /* "Reagan and Gorbachev signed", "Trump and Putin met": each acts on the other */
                for (size_t a = 0; a < ns; a++)
                    for (size_t b = 0; b < ns; b++)
                        if (a != b) event_add(d, m, (uint32_t)si, cameo, cue_span, srcs[a], srcs[b]);
                continue;
            }
            if (tgt == DY_NONE && !intransitive(verb->cameo) && !noun) continue;
            if (tgt == DY_NONE && (!strncmp(cameo, "18", 2) || !strncmp(cameo, "19", 2) || !strncmp(cameo, "20", 2))) {
                tgt = place_struck(d, s, end);
                if (tgt != DY_NONE) nt = 1, tgts[0] = tgt;
            }
            for (size_t a = 0; a < ns; a++)
                for (size_t b = 0; b < nt; b++)
                    event_add(d, m, (uint32_t)si, unconventional(d, cameo, srcs[a], tgts[b]), cue_span, srcs[a], tgts[b]);
        }
    }
    if (m->verb_patterns) pattern_events(d, m);
}
