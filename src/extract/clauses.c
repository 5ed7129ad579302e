#include "clauses.h"
#include "entities.h"
#include "mentions.h"
#include <string.h>

/* The actors of one sentence, in text order, that can act or be acted on: names and
 * groups with an actor code; not nationality words modifying a noun, not places after
 * "in"/"at" (where, not who). */
size_t clause_actors(const dy_doc *d, const dy_sentence *s, uint32_t *out, size_t cap) {
    size_t n = 0;
    for (size_t mi = ment_first_at(d, s->tok_begin); mi < d->mentions.n && n < cap; mi++) {
        const dy_mention *mn = &d->mentions.v[mi];
        if (mn->tok_begin >= s->tok_end) break;
        if (!ent_is_actor(d, (uint32_t)mi) || mn->modifier) continue;
        const dy_token *t = &d->toks.v[mn->tok_begin];
        if (mn->kind == MK_PRONOUN && t->key_len > 4 && strstr(t->key, "sel")) continue;   /* himself, themselves */
        /* "It's the latest in a series...", "it was clear": "it" standing for nothing */
        if (mn->kind == MK_PRONOUN && !strcmp(t->key, "it") &&
            (doc_key_is(d, mn->tok_end, "is") || doc_key_is(d, mn->tok_end, "'s") || doc_key_is(d, mn->tok_end, "was")))
            continue;
        /* a news outlet after to/with/by/on/in is where something was said ("told Reuters",
         * "in an interview with CNN", "reported by the New York Times"), not a party */
        if (mn->kind == MK_NAME && mn->entity != DY_NONE && !strcmp(d->entities.v[mn->entity].actor.sector, "MED") &&
            mn->tok_begin > s->tok_begin) {
            uint32_t b = mn->tok_begin - (doc_key_is(d, mn->tok_begin - 1, "the") && mn->tok_begin - 1 > s->tok_begin);
            static const char *const venues[] = {"to", "with", "by", "on", "in"};
            bool venue = false;
            for (size_t i = 0; i < sizeof venues / sizeof *venues; i++) venue |= doc_key_is(d, b - 1, venues[i]);
            if (venue) continue;
        }
        if (mn->type == ET_GPE && mn->tok_begin > s->tok_begin) {
            const char *prev = d->toks.v[mn->tok_begin - 1].key;
            if (!strcmp(prev, "in") || !strcmp(prev, "at") || !strcmp(prev, "near") || !strcmp(prev, "during")) continue;
            /* the state or country qualifying a place: "Paris, Texas", not a list ("Britain,
             * France and Germany") */
            if (!strcmp(prev, ",") && mi > 0 && d->mentions.v[mi - 1].type == ET_GPE &&
                d->mentions.v[mi - 1].tok_end + 1 == mn->tok_begin && !doc_key_is(d, mn->tok_end, "and") &&
                !doc_key_is(d, mn->tok_end, "or") && !doc_key_is(d, mn->tok_end, ","))
                continue;
        }
        out[n++] = (uint32_t)mi;
    }
    return n;
}

/* Drop the names that only qualify a noun after them inside a noun phrase ("an annual
 * United Nations meeting", "the Iran nuclear deal"): they name a topic, not someone
 * acting. A name opening its phrase may be the actor ("White House staff supported").
 * Needs the tags. */
size_t clause_drop_noun_modifiers(const dy_doc *d, uint32_t *acts, size_t nacts) {
    size_t n = 0;
    for (size_t i = 0; i < nacts; i++) {
        const dy_mention *mn = &d->mentions.v[acts[i]];
        uint32_t k = mn->tok_end;
        const char *tag = d->pos && k < d->toks.n && d->toks.v[k].sent == mn->sent ? d->pos[k] : NULL;
        const char *before = mn->tok_begin > 0 ? d->pos[mn->tok_begin - 1] : NULL;
        bool inside = before && (!strcmp(before, "DT") || !strcmp(before, "JJ"));
        bool qualifies = mn->kind == MK_NAME && mn->type != ET_PERSON && !mn->possessive && tag && inside &&
                         !strncmp(tag, "NN", 2) && !(d->toks.v[k].flags & TF_CAP);
        if (!qualifies) acts[n++] = acts[i];
    }
    return n;
}

/* The actor right after token k, among the sentence's actors: past a determiner and up to
 * two plain adjectives ("the former Russian president Dmitri Medvedev", "top officials"). */
bool clause_possessive_pronoun(const dy_doc *d, const dy_mention *mn) {
    const char *w = d->toks.v[mn->tok_begin].key;
    return mn->kind == MK_PRONOUN && (!strcmp(w, "its") || !strcmp(w, "their") || !strcmp(w, "his"));
}

uint32_t clause_actor_at(const dy_doc *d, const uint32_t *acts, size_t nacts, uint32_t k) {
    if (doc_key_is(d, k, "the") || doc_key_is(d, k, "a") || doc_key_is(d, k, "an")) k++;
    uint32_t owner = DY_NONE;   /* "its own military officials": the group, not "its" */
    for (int skip = 0; skip < 4 && k < d->toks.n; skip++, k++) {
        bool owner_here = false;
        for (size_t i = 0; i < nacts; i++) {
            const dy_mention *mn = &d->mentions.v[acts[i]];
            uint32_t from = mn->full_start < mn->start ? mn->full_start : mn->start;   /* titles included */
            if (from > d->toks.v[k].start || d->toks.v[k].start >= mn->end) continue;
            if (owner != DY_NONE || !clause_possessive_pronoun(d, mn)) return acts[i];
            owner = acts[i];
            owner_here = true;
        }
        const dy_token *t = &d->toks.v[k];
        if (!owner_here && (t->kind != TK_WORD || (t->flags & TF_CAP) || (t->lex & (LEX_NPSTOP | LEX_STARTER | LEX_CUEMOD))))
            break;
    }
    return owner;
}

/* Coordinated actors: "Democrats and Republicans", "Hungarian and Romanian officials",
 * "Britain, France and Germany". A list joined by commas only is no list: "on Tehran,
 * Pompeo said" and "Sen. John McCain, Arizona Republican," name one actor each. */
size_t clause_coordinated(const dy_doc *d, const uint32_t *acts, size_t nacts, uint32_t first, uint32_t *out,
                          size_t cap) {
    size_t n = 0, joined = 1;   /* joined: the items up to the last "and" or "or" */
    out[n++] = first;
    uint32_t cur = first;
    while (n < cap) {
        uint32_t after = d->mentions.v[cur].tok_end;
        if (!doc_key_is(d, after, "and") && !doc_key_is(d, after, ",") && !doc_key_is(d, after, "or")) break;
        uint32_t k = after + 1;
        if (doc_key_is(d, after, ",") && (doc_key_is(d, k, "and") || doc_key_is(d, k, "or"))) k++;
        uint32_t next = clause_actor_at(d, acts, nacts, k);
        if (next == DY_NONE) break;
        out[n++] = next;
        if (k > after + 1 || !doc_key_is(d, after, ",")) joined = n;
        cur = next;
    }
    return joined;
}

/* The first of a coordination that ends with actor last ("Reagan and Gorbachev"). */
uint32_t clause_first_of_coordination(const dy_doc *d, const uint32_t *acts, size_t nacts, uint32_t last) {
    if (last == DY_NONE) return last;
    for (;;) {
        uint32_t b = d->mentions.v[last].tok_begin, prev = DY_NONE;
        uint32_t from = d->mentions.v[last].full_start;
        while (b > 0 && d->toks.v[b - 1].start >= from) b--;   /* over the title */
        if (b == 0 || (!doc_key_is(d, b - 1, "and") && !doc_key_is(d, b - 1, ","))) return last;
        for (size_t i = 0; i < nacts; i++)
            if (d->mentions.v[acts[i]].tok_end == b - 1) prev = acts[i];
        if (prev == DY_NONE) return last;
        last = prev;
    }
}

/* The end of a time phrase starting at token k ("on Friday", "in May or June", "last
 * week", "Friday"), or k when none starts there: a noun's partner may follow it ("Kim's
 * summit on Friday with Moon"). */
uint32_t clause_past_time(const dy_doc *d, uint32_t k, uint32_t end) {
    if (k + 1 < end && (doc_key_is(d, k, "this") || doc_key_is(d, k, "last") || doc_key_is(d, k, "next")) &&
        (doc_key_is(d, k + 1, "week") || doc_key_is(d, k + 1, "month") || doc_key_is(d, k + 1, "year") ||
         doc_key_is(d, k + 1, "weekend")))
        return k + 2;
    uint32_t j = k + (doc_key_is(d, k, "on") || doc_key_is(d, k, "in")), named = 0;
    for (; j < end; j++) {
        const dy_token *t = &d->toks.v[j];
        if (t->lex & (LEX_MONTH | LEX_WEEKDAY)) named++;
        else if (!(t->kind == TK_NUM && named) && !(doc_key_is(d, j, "or") && j + 1 < end &&
                                                      (d->toks.v[j + 1].lex & (LEX_MONTH | LEX_WEEKDAY))))
            break;
    }
    return named ? j : k;
}

/* A nationality in the object right after the cue: "released a British-flagged tanker",
 * "seized an Iranian supertanker". */
uint32_t clause_object_nationality(const dy_doc *d, const dy_sentence *s, uint32_t end) {
    for (size_t mi = ment_first_at(d, end); mi < d->mentions.n; mi++) {
        const dy_mention *mn = &d->mentions.v[mi];
        if (mn->tok_begin >= s->tok_end || mn->tok_begin > end + 6) break;
        if (!mn->modifier || mn->type != ET_NORP || mn->entity == DY_NONE) continue;
        /* "met in the French capital": where, not whom */
        uint32_t b = mn->tok_begin;
        if (doc_key_is(d, b - 1, "the") && b >= 2) b--;
        if (doc_key_is(d, b - 1, "in") || doc_key_is(d, b - 1, "at") || doc_key_is(d, b - 1, "near")) continue;
        return (uint32_t)mi;
    }
    return DY_NONE;
}

static bool finite_verb(const char *tag) {
    return tag && (!strcmp(tag, "VBD") || !strcmp(tag, "VBZ") || !strcmp(tag, "VBP") || !strcmp(tag, "MD"));
}

/* Is the mention the subject of a verb of its own: a finite verb right after it, or after a
 * place it is qualified by ("authorities in Gibraltar seized")? Needs the sentence's tags. */
static bool subject_of_own_verb(const dy_doc *d, const dy_mention *mn, uint32_t s_end) {
    uint32_t k = mn->tok_end;
    if (!d->pos || k >= s_end) return false;
    /* a name qualifying the person after it: "White House spokeswoman Sarah Sanders said" */
    uint32_t j = k;
    while (j < s_end && j < mn->tok_end + 2 && d->pos[j] && !strcmp(d->pos[j], "NN")) j++;
    for (size_t mi = ment_first_at(d, j); mi < d->mentions.n && d->mentions.v[mi].tok_begin == j; mi++)
        if (d->mentions.v[mi].type == ET_PERSON) k = d->mentions.v[mi].tok_end;
    if (doc_key_is(d, k, "in") || doc_key_is(d, k, "at") || doc_key_is(d, k, "from"))
        for (k++; k < s_end && (d->toks.v[k].flags & TF_CAP); k++) {}
    k = clause_past_time(d, k, s_end);   /* "some Republicans on Sunday ramped up" */
    if (k < s_end && d->pos[k] && !strcmp(d->pos[k], "RB")) k++;
    return k < s_end && finite_verb(d->pos[k]);
}

/* Is there a noun in tokens [b, e) other than a time ("last week")? "criticized claims that
 * Russia meddled": the clause says what the claims are. Needs the tags. */
static bool noun_between(const dy_doc *d, uint32_t b, uint32_t e) {
    for (uint32_t j = b; j < e; j++)
        if (d->pos[j] && d->pos[j][0] == 'N' &&
            !(j > b && (doc_key_is(d, j - 1, "last") || doc_key_is(d, j - 1, "this") || doc_key_is(d, j - 1, "next"))))
            return true;
    return false;
}

/* The subject of the last finite verb before token k: the actor right before it ("Russia
 * broke the deal by deploying missiles"), or DY_NONE. Needs the tags. */
uint32_t clause_subject(const dy_doc *d, const dy_sentence *s, const uint32_t *acts, size_t nacts, uint32_t k) {
    while (k > s->tok_begin && !finite_verb(d->pos[k - 1])) k--;
    if (k == s->tok_begin) return DY_NONE;
    uint32_t verb = k - 1;
    if (verb > s->tok_begin && d->pos[verb - 1] && (!strcmp(d->pos[verb - 1], "RB") || d->pos[verb - 1][0] == 'V')) verb--;
    for (size_t i = 0; i < nacts; i++)
        if (d->mentions.v[acts[i]].tok_end == verb) return acts[i];
    return DY_NONE;
}

/* Who suffers a passive cue at token k: the subject of the verb the passive is coordinated
 * with ("the US separated families and was scrutinized by its own officials"), else the
 * actor nearest before ("Y was invited by X"). Needs the tags; nacts > 0. */
uint32_t clause_passive_subject(const dy_doc *d, const dy_sentence *s, const uint32_t *acts, size_t nacts, uint32_t k,
                                uint32_t nearest) {
    uint32_t be = k;
    while (be > s->tok_begin && be + 3 > k && !finite_verb(d->pos[be - 1])) be--;
    if (be == s->tok_begin || be + 3 <= k) return nearest;
    be--;
    if (be > s->tok_begin && (doc_key_is(d, be - 1, "and") || doc_key_is(d, be - 1, ","))) {
        uint32_t subject = clause_subject(d, s, acts, nacts, be - 1);
        return subject != DY_NONE ? subject : acts[0];   /* the tagger missed the verb: the sentence's subject */
    }
    return nearest;
}

/* The object of a verb cue ending at token end: the first actor after it that is not the
 * subject of a verb of its own ("seized the tanker after authorities in Gibraltar seized
 * an Iranian supertanker"). Annotators take objects from subordinate clauses too ("offered
 * to lift sanctions if Tehran returned"), so clause words do not stop the search. */
uint32_t clause_object(const dy_doc *d, const dy_sentence *s, const uint32_t *acts, size_t nacts,
                             uint32_t end) {
    /* "separated children from their parents and was scrutinized by its officials": the
     * verb coordinated after this one has objects of its own */
    uint32_t limit = end;
    while (limit + 1 < s->tok_end && !((doc_key_is(d, limit, "and") || doc_key_is(d, limit, ",")) && finite_verb(d->pos[limit + 1])))
        limit++;
    for (size_t i = 0; i < nacts; i++) {
        const dy_mention *mn = &d->mentions.v[acts[i]];
        if (mn->tok_begin < end) continue;
        if (mn->tok_begin > limit) break;
        if (subject_of_own_verb(d, mn, s->tok_end)) {
            /* "condemned X, and Sanders said ...", "As planes hit targets, some Republicans
             * called ...": a clause of its own begins, the object is not in it */
            uint32_t b = mn->tok_begin;
            while (b > end && ((d->pos[b - 1] && (!strcmp(d->pos[b - 1], "DT") || !strncmp(d->pos[b - 1], "JJ", 2))) ||
                               d->toks.v[b - 1].kind == TK_QUOTE))
                b--;
            if (doc_key_is(d, b - 1, ",") ||
                (b >= 2 && doc_key_is(d, b - 2, ",") && (doc_key_is(d, b - 1, "and") || doc_key_is(d, b - 1, "but"))))
                break;
            /* "warned last week that the Russians continue": what is said is about them */
            if (doc_key_is(d, b - 1, "the")) b--;
            if (b > end && b <= end + 4 && doc_key_is(d, b - 1, "that") && !clause_possessive_pronoun(d, mn) &&
                !noun_between(d, end, b - 1))
                return acts[i];
            continue;
        }
        /* "released its tanker", "protested against their government": the object is the
         * noun the possessive qualifies */
        if (clause_possessive_pronoun(d, mn)) continue;
        return acts[i];
    }
    return DY_NONE;
}

bool clause_is_passive(const dy_doc *d, uint32_t s_begin, uint32_t k) {
    static const char *const be[] = {"was", "were", "been", "being", "is", "are", "be", "got", "get", "gets", "getting"};
    for (uint32_t j = k; j > s_begin && j + 2 >= k; j--)
        for (size_t i = 0; i < sizeof be / sizeof *be; i++)
            if (!strcmp(d->toks.v[j - 1].key, be[i])) return true;
    return false;
}

/* Is the noun at token k the object of a verb right before it (past a determiner and
 * adjectives: "reimpose economic sanctions", "launched a new attack") that only carries
 * it out? Needs the tags. */
bool clause_governed_by_verb(const dy_doc *d, const dy_model *m, const dy_sentence *s, uint32_t k) {
    /* verbs that only carry out what their object names (not "acquire the bomb", not an
     * event verb's object: "postponed an invite") */
    static const char *const support[] = {"impose", "reimpose", "launch", "conduct", "stage", "hold", "make",
                                          "issue", "mount", "wage", "begin", "start", "resume", "order",
                                          "announce", "carry", "level", "lodge", "file", "deliver", "extend",
                                          "offer", "give", "send", "step", "escalate", "intensify", "renew"};
    for (int skip = 0; k > s->tok_begin && skip < 3; skip++) {
        const char *p = d->pos[--k];
        if (!p) return false;
        if (p[0] == 'V') {
            if (!strcmp(p, "VBN") || !strcmp(p, "VBG")) return false;
            char lemma[32];
            const dy_token *t = &d->toks.v[k];
            lemma_of(&m->lemmas, t->key, t->key_len, LP_VERB, lemma, sizeof lemma);
            for (size_t i = 0; i < sizeof support / sizeof *support; i++)
                if (!strcmp(lemma, support[i])) return true;
            return false;
        }
        if (strcmp(p, "DT") && strncmp(p, "JJ", 2) && strcmp(p, "CD")) return false;
    }
    return false;
}

/* Does a common noun stand right before token k (an adverb between allowed)? A participle
 * there qualifies it: "people forcibly displaced". Needs the tags. */
bool clause_after_common_noun(const dy_doc *d, const dy_sentence *s, uint32_t k) {
    if (k > s->tok_begin && d->pos[k - 1] && !strcmp(d->pos[k - 1], "RB")) k--;
    return k > s->tok_begin && d->pos[k - 1] && (!strcmp(d->pos[k - 1], "NN") || !strcmp(d->pos[k - 1], "NNS"));
}

/* Does a direct object start at token k (a determiner, noun, pronoun or number)? A
 * participle with one is a verb of its own: "police arrested protesters". Needs the tags. */
bool clause_object_follows(const dy_doc *d, const dy_sentence *s, uint32_t k) {
    if (k >= s->tok_end || !d->pos[k]) return false;
    const char *p = d->pos[k];
    return !strcmp(p, "DT") || p[0] == 'N' || !strncmp(p, "PRP", 3) || !strcmp(p, "CD") || !strncmp(p, "JJ", 2);
}

bool clause_qualifies_noun(const dy_doc *d, const dy_sentence *s, uint32_t k, uint32_t end) {
    const char *tag = d->pos[k];
    if (!tag) return false;
    if (!strncmp(tag, "JJ", 2)) return true;
    if (strcmp(tag, "VBN") != 0 || end >= s->tok_end || !d->pos[end] || d->pos[end][0] != 'N' || k == s->tok_begin)
        return false;
    const char *before = d->pos[k - 1];
    return doc_key_is(d, k - 1, "'s") || (before && (!strcmp(before, "DT") || !strcmp(before, "PRP$")));
}

uint32_t clause_verb_subject(const dy_doc *d, const dy_sentence *s, const uint32_t *acts, size_t nacts, uint32_t k,
                             const char *tag, uint32_t before) {
    bool gerund = tag && !strcmp(tag, "VBG");
    bool bound = false;   /* the subject comes from the clause, past any reporting verb */
    if (gerund && k > s->tok_begin && doc_key_is(d, k - 1, ",")) {
        /* "X castigated Y, accusing them": the sentence's subject */
        if (before != DY_NONE) before = acts[0];
        bound = true;
    } else if ((tag && !strcmp(tag, "VB") && doc_key_is(d, k - 1, "to")) || (gerund && doc_key_is(d, k - 1, "by"))) {
        /* "Trump will leave the White House to travel to Camp David", "Britain responded
         * ... by accusing Tehran": the subject of the verb it hangs on, if found */
        uint32_t subject = clause_subject(d, s, acts, nacts, k);
        if (subject != DY_NONE) before = subject, bound = true;
    } else if (gerund && k >= s->tok_begin + 2 && (doc_key_is(d, k - 1, "with") || doc_key_is(d, k - 1, "of"))) {
        static const char *const charged[] = {"charged", "accused", "suspected", "convicted", "guilty"};
        for (size_t i = 0; i < sizeof charged / sizeof *charged && !bound; i++)
            if (doc_key_is(d, k - 2, charged[i])) {
                before = clause_subject(d, s, acts, nacts, k);   /* "the man charged with killing 11 people" */
                bound = true;
            }
        /* "accusing Israel of launching rockets", "accusing Israel, a close U.S. ally, of
         * launching rockets": the one accused did it */
        uint32_t accused = before, at = k - 1;
        if (doc_key_is(d, k - 2, ",")) {   /* past the apposition */
            accused = DY_NONE;
            for (uint32_t j = k - 2; j-- > s->tok_begin && j + 10 > k;)
                if (doc_key_is(d, j, ",")) {
                    at = j;
                    for (size_t i = 0; i < nacts; i++)
                        if (d->mentions.v[acts[i]].tok_end == j) accused = acts[i];
                    break;
                }
        }
        if (!bound && accused != DY_NONE && d->mentions.v[accused].tok_end == at &&
            d->mentions.v[accused].tok_begin > s->tok_begin) {
            const dy_token *verb = &d->toks.v[d->mentions.v[accused].tok_begin - 1];
            bound = !strncmp(verb->key, "accus", 5) || !strncmp(verb->key, "suspect", 7);
            if (bound) before = accused;
        }
    } else if (gerund) {
        /* "the brothers hurled explosives at police after killing an officer", "briefs media
         * upon arriving": the subject of the verb before, if an actor, or nobody */
        static const char *const times[] = {"after", "before", "while", "since", "upon"};
        for (size_t i = 0; i < sizeof times / sizeof *times && !bound; i++)
            if (doc_key_is(d, k - 1, times[i])) {
                before = clause_subject(d, s, acts, nacts, k);
                bound = true;
            }
    }
    /* "Rep. Dutch Ruppersberger, ranking member of the House Intelligence Committee, stood by
     * Obama": the subject stands before the apposition */
    if (!bound && !gerund && before != DY_NONE && doc_key_is(d, k - 1, ",")) {
        for (uint32_t j = d->mentions.v[before].tok_begin; j-- > s->tok_begin && j + 16 > k;)
            if (doc_key_is(d, j, ",")) {
                for (size_t i = 0; i < nacts; i++)
                    if (d->mentions.v[acts[i]].tok_end == j) before = acts[i];
                break;
            }
    }
    /* "Sheriff Gore said a gunman opened fire": the one who reports is not who acts */
    for (uint32_t j = before != DY_NONE && !bound ? d->mentions.v[before].tok_end : k; j < k; j++)
        if (d->toks.v[j].lex & LEX_CUE) before = DY_NONE;
    return before;
}
