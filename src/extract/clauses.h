/* clauses.h - who does what to whom inside one sentence, for the event coder: the
 * sentence's actors, the subject a verb has, the object it takes (never the subject of a
 * verb of its own, nor past a clause that starts after a comma), coordination ("Britain,
 * France and Germany"), passives and their agents, participles, and the time phrases and
 * noun modifiers a search steps over. Functions marked "needs the tags" read d->pos, which
 * lang_tag_sentence fills for the sentence. Positions are token indices. */
#ifndef DY_CLAUSES_H
#define DY_CLAUSES_H
#include "../know/model.h"

/* The actors of sentence s, in text order (names and groups with an actor code; not
 * nationality words modifying a noun, places after in/at, news outlets one speaks to). */
size_t clause_actors(const dy_doc *d, const dy_sentence *s, uint32_t *out, size_t cap);
/* acts without the names that only qualify a noun ("an annual United Nations meeting"); needs the tags. */
size_t clause_drop_noun_modifiers(const dy_doc *d, uint32_t *acts, size_t nacts);
bool clause_possessive_pronoun(const dy_doc *d, const dy_mention *mn);   /* its, their, his */
/* The actor right after token k (past a determiner, adjectives, a possessive pronoun), or DY_NONE. */
uint32_t clause_actor_at(const dy_doc *d, const uint32_t *acts, size_t nacts, uint32_t k);
/* The actors coordinated from first on, first included, into out; returns how many. */
size_t clause_coordinated(const dy_doc *d, const uint32_t *acts, size_t nacts, uint32_t first, uint32_t *out, size_t cap);
/* The first of a coordination that ends with actor last. */
uint32_t clause_first_of_coordination(const dy_doc *d, const uint32_t *acts, size_t nacts, uint32_t last);
/* The end of a time phrase at token k ("on Friday", "last week"), or k. */
uint32_t clause_past_time(const dy_doc *d, uint32_t k, uint32_t end);
/* A nationality word in the object right after token end ("seized an Iranian supertanker"), or DY_NONE. */
uint32_t clause_object_nationality(const dy_doc *d, const dy_sentence *s, uint32_t end);
/* Who does what the verb at token k (tagged tag) says, given the actor nearest before it: the sentence's
 * subject for a participle after a comma, the subject of the verb an infinitive or a
 * participle after by/after/before/while/since/upon hangs on, the one charged with or
 * accused of it; DY_NONE when a reporting verb stands between ("Sheriff Gore said a gunman
 * opened fire"). Needs the tags. */
uint32_t clause_verb_subject(const dy_doc *d, const dy_sentence *s, const uint32_t *acts, size_t nacts, uint32_t k,
                             const char *tag, uint32_t before);
/* The subject of the last finite verb before token k, if an actor; needs the tags. */
uint32_t clause_subject(const dy_doc *d, const dy_sentence *s, const uint32_t *acts, size_t nacts, uint32_t k);
/* Who suffers the passive cue at token k; nearest is the fallback; needs the tags. */
uint32_t clause_passive_subject(const dy_doc *d, const dy_sentence *s, const uint32_t *acts, size_t nacts, uint32_t k,
                                uint32_t nearest);
/* The object of a verb cue ending at token end, or DY_NONE; needs the tags. */
uint32_t clause_object(const dy_doc *d, const dy_sentence *s, const uint32_t *acts, size_t nacts, uint32_t end);
bool clause_is_passive(const dy_doc *d, uint32_t s_begin, uint32_t k);   /* a form of "be" or "get" just before k */
/* Is the noun at token k the object of a support verb ("impose sanctions")? Needs the tags. */
bool clause_governed_by_verb(const dy_doc *d, const dy_model *m, const dy_sentence *s, uint32_t k);
bool clause_after_common_noun(const dy_doc *d, const dy_sentence *s, uint32_t k);   /* "people forcibly displaced"; tags */
bool clause_object_follows(const dy_doc *d, const dy_sentence *s, uint32_t k);      /* a direct object at k; tags */
/* Is the word at k (ending at end) an adjective, or a participle qualifying the noun after
 * it ("Huff's alleged use", "the invited guests")? Needs the tags. */
bool clause_qualifies_noun(const dy_doc *d, const dy_sentence *s, uint32_t k, uint32_t end);

#endif
