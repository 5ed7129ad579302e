#include "events.h"
#include "dates.h"
#include <string.h>

static bool actor_mention(const dy_doc *d, const dy_mention *mn) {
    if (mn->kind != MK_NAME || mn->entity == DY_NONE) return false;
    const dy_entity *e = &d->entities.v[mn->entity];
    return e->actor.country[0] || e->actor.sector[0];
}

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

/* The place of a sentence: a country or capital named after in/at/to. */
static void find_place(const dy_doc *d, const dy_model *m, const dy_sentence *s, dy_event *ev) {
    for (size_t mi = 0; mi < d->mentions.n; mi++) {
        const dy_mention *mn = &d->mentions.v[mi];
        if (mn->tok_begin < s->tok_begin || mn->tok_end > s->tok_end || mn->type != ET_GPE) continue;
        if (mn->tok_begin == s->tok_begin) continue;
        const char *prev = d->toks.v[mn->tok_begin - 1].key;
        if (strcmp(prev, "in") != 0 && strcmp(prev, "at") != 0 && strcmp(prev, "to") != 0) continue;
        uint32_t n, v;
        ev->place_span = (dy_span){mn->start, mn->end};
        if (pt_longest(&m->country_pt, d, mn->tok_begin, mn->tok_end, &n, &v)) ev->place = v;
        return;
    }
}

/* An event verb or noun at token k: the dictionary's phrases, else the word's verb lemma
 * ("re-invites" is not listed; its lemma may be). */
static bool event_cue(const dy_doc *d, const dy_model *m, uint32_t k, uint32_t end, uint32_t *n, uint32_t *v) {
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
    return true;
}

void event_run(dy_doc *d, const dy_model *m) {
    for (size_t si = 0; si < d->sents.n; si++) {
        const dy_sentence *s = &d->sents.v[si];
        if (d->toks.v[s->tok_begin].flags & TF_BOILER) continue;
        /* Mentions of this sentence (mentions are in text order). */
        size_t mb = 0;
        while (mb < d->mentions.n && d->mentions.v[mb].tok_begin < s->tok_begin) mb++;
        size_t me = mb;
        while (me < d->mentions.n && d->mentions.v[me].tok_begin < s->tok_end) me++;
        if (me == mb) continue;
        bool in_quote = false;
        for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
            const dy_token *t = &d->toks.v[k];
            if (t->kind == TK_QUOTE && !(t->flags & TF_QSINGLE)) in_quote = !in_quote;
            uint32_t n, v;
            if (in_quote || t->kind != TK_WORD || !event_cue(d, m, k, s->tok_end, &n, &v)) continue;
            if (negated_or_hypothetical(d, s->tok_begin, k)) { k += n - 1; continue; }
            const kb_verb *verb = &m->verbs.v[v];
            uint32_t src = DY_NONE, tgt = DY_NONE;
            for (size_t mi = mb; mi < me; mi++) {
                const dy_mention *mn = &d->mentions.v[mi];
                if (!actor_mention(d, mn)) continue;
                if (mn->tok_end <= k) src = (uint32_t)mi;
                else if (mn->tok_begin >= k + n && tgt == DY_NONE) tgt = (uint32_t)mi;
            }
            /* "criticism from Democrats": the actor after from/by acts on the one before. */
            if (verb->noun && tgt != DY_NONE && d->mentions.v[tgt].tok_begin == k + n + 1 &&
                (strcmp(d->toks.v[k + n].key, "from") == 0 || strcmp(d->toks.v[k + n].key, "by") == 0)) {
                uint32_t x = src;
                src = tgt;
                tgt = x;
            }
            if (src == DY_NONE || (tgt != DY_NONE && d->mentions.v[src].entity == d->mentions.v[tgt].entity)) {
                k += n - 1;
                continue;
            }
            dy_event *ev = &DY_PUSH(&d->arena, d->events);
            ev->sent = (uint32_t)si;
            ev->source = arg_of(d, src);
            ev->target = arg_of(d, tgt);
            memcpy(ev->cameo, verb->cameo, sizeof ev->cameo);
            ev->cue = (dy_span){t->start, d->toks.v[k + n - 1].end};
            ev->date = date_in_sentence(d, m, (uint32_t)si);
            ev->place = DY_NONE;
            find_place(d, m, s, ev);
            k += n - 1;
        }
    }
}
