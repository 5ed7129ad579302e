#include "stances.h"
#include "entities.h"
#include "mentions.h"
#include "events.h"
#include "../lang/lang.h"
#include <string.h>

static bool negated(const dy_doc *d, uint32_t from, uint32_t k) {
    static const char *const neg[] = {"not", "n't", "no", "never", "nothing", "hardly"};
    for (uint32_t j = k; j > from && j + 2 >= k; j--)
        for (size_t i = 0; i < sizeof neg / sizeof *neg; i++)
            if (!strcmp(d->toks.v[j - 1].key, neg[i])) return true;
    return false;
}

/* The mention that stands for the speaker: the one in the quote's source words, else the
 * speaker's first mention. */
static uint32_t speaker_mention(const dy_doc *d, const dy_quote *q) {
    for (size_t mi = ment_first_at(d, doc_token_at(d, q->source.start)); mi < d->mentions.n; mi++) {
        const dy_mention *mn = &d->mentions.v[mi];
        if (mn->start >= q->source.end) break;
        if (mn->entity == q->entity && mn->start >= q->source.start && mn->end <= q->source.end) return (uint32_t)mi;
    }
    return d->entities.v[q->entity].first_mention;
}

/* "he", "him", "she", "her": someone the speaker talks about, not "we" or "they" */
static bool third_person(const dy_doc *d, const dy_mention *mn) {
    static const char *const words[] = {"he", "him", "she", "her"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (!strcmp(d->toks.v[mn->tok_begin].key, words[i])) return true;
    return false;
}

/* The first actor other than the speaker named in tokens [b, e), by name or as he/she. */
static uint32_t other_actor(const dy_doc *d, uint32_t b, uint32_t e, uint32_t speaker) {
    for (size_t mi = ment_first_at(d, b); mi < d->mentions.n; mi++) {
        const dy_mention *mn = &d->mentions.v[mi];
        if (mn->tok_begin >= e) break;
        if ((mn->kind == MK_PRONOUN && !third_person(d, mn)) || mn->modifier || mn->entity == speaker ||
            !ent_is_actor(d, (uint32_t)mi))
            continue;
        /* where it was said or happened, not whom it judges: "wrote on Facebook", "in Moscow" */
        const char *prev = mn->tok_begin > 0 ? d->toks.v[mn->tok_begin - 1].key : "";
        if (!strcmp(prev, "on") || !strcmp(prev, "in") || !strcmp(prev, "at") || !strcmp(prev, "via")) continue;
        /* who passed the words on: "President Trump told me that if Iran ..." */
        if (mn->tok_end < e && (d->toks.v[mn->tok_end].lex & LEX_CUE)) continue;
        return (uint32_t)mi;
    }
    return DY_NONE;
}

/* The words a quote reports: the quote itself; for a partial quote, from its cue (when the
 * cue comes first in the sentence) to its end. */
static void reported_words(const dy_doc *d, const dy_quote *q, uint32_t *b, uint32_t *e) {
    *b = doc_token_at(d, q->span.start);
    *e = doc_token_at(d, q->span.end);
    if (q->kind != QK_PARTIAL || q->cue.start == q->cue.end || q->cue.end > q->span.start) return;
    uint32_t cue_end = doc_token_at(d, q->cue.end);
    if (d->toks.v[cue_end].sent == d->toks.v[*b].sent) *b = cue_end;
}

void stance_run(dy_doc *d, const dy_model *m) {
    for (size_t qi = 0; qi < d->quotes.n; qi++) {
        const dy_quote *q = &d->quotes.v[qi];
        if (q->entity == DY_NONE) continue;
        const dy_entity *speaker = &d->entities.v[q->entity];
        if (!speaker->actor.country[0] && !speaker->actor.sector[0]) continue;
        uint32_t b, e;
        reported_words(d, q, &b, &e);
        for (uint32_t k = b; k < e; k++) {
            uint32_t n, v;
            if (!(d->toks.v[k].lex & LEX_STANCE) || !pt_longest(&m->stance_pt, d, k, e, &n, &v)) continue;
            /* "the Russia collusion probe": a word naming another noun's topic is no judgement */
            lang_tag_sentence(d, m, d->toks.v[k].sent);
            const char *last = d->pos ? d->pos[k + n - 1] : NULL, *next = k + n < e && d->pos ? d->pos[k + n] : NULL;
            bool modifier = last && next && !strncmp(last, "NN", 2) && !strncmp(next, "NN", 2);
            /* "illegal immigrants": a word naming the kind of the actor right after it */
            size_t after = ment_first_at(d, k + n);
            modifier = modifier || (after < d->mentions.n && d->mentions.v[after].tok_begin == k + n &&
                                    d->mentions.v[after].kind != MK_NAME && d->mentions.v[after].kind != MK_PRONOUN);
            if (negated(d, b, k) || modifier) {
                k += n - 1;
                continue;
            }
            /* the target: named in the stance word's sentence within the reported words, else anywhere in them */
            const dy_sentence *s = &d->sents.v[d->toks.v[k].sent];
            uint32_t tgt = other_actor(d, b > s->tok_begin ? b : s->tok_begin, e < s->tok_end ? e : s->tok_end, q->entity);
            if (tgt == DY_NONE) tgt = other_actor(d, b, e, q->entity);
            if (tgt == DY_NONE) break;
            dy_span cue = {d->toks.v[k].start, d->toks.v[k + n - 1].end};
            event_add(d, m, d->toks.v[k].sent, m->verbs.v[v].cameo, cue, speaker_mention(d, q), tgt);
            break;
        }
    }
}
