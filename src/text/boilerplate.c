#include "boilerplate.h"
#include <string.h>

#define BOILER_MAX_BYTES 240   /* longer paragraphs are reporting, whatever they mention */

/* The first boilerplate phrase of the paragraph: its token in *at, and in *closes whether
 * it ends the line ("… despite market jitters Read more"). */
static bool has_phrase(const dy_doc *d, const dy_model *m, const dy_para *p, uint32_t *at, bool *closes) {
    for (uint32_t k = p->tok_begin; k < p->tok_end; k++) {
        uint32_t n, v;
        if (pt_longest(&m->boiler_pt, d, k, p->tok_end, &n, &v)) {
            uint32_t e = k + n;
            while (e < p->tok_end && d->toks.v[e].kind == TK_PUNCT) e++;
            *at = k;
            *closes = e == p->tok_end;
            return true;
        }
    }
    return false;
}

/* The name that opens a contact line: capitalised words and initials before the phrase. */
static void find_byline(dy_doc *d, const dy_para *p, uint32_t phrase_at) {
    uint32_t k = p->tok_begin;
    while (k < phrase_at && d->toks.v[k].kind != TK_WORD) k++;   /* bullets, dashes */
    uint32_t b = k;
    while (k < phrase_at && d->toks.v[k].kind == TK_WORD && (d->toks.v[k].flags & TF_CAP)) k++;
    if (k > b && k == phrase_at) d->byline_name = (dy_span){d->toks.v[b].start, d->toks.v[k - 1].end};
    for (uint32_t e = p->tok_begin; e < p->tok_end; e++)
        if (d->toks.v[e].kind == TK_EMAIL) {
            d->byline_email = (dy_span){d->toks.v[e].start, d->toks.v[e].end};
            break;
        }
}

void boil_run(dy_doc *d, const dy_model *m) {
    size_t np = d->paras.n;
    for (size_t i = 0; i < np; i++) {
        dy_para *p = &d->paras.v[i];
        if (p->end - p->start > BOILER_MAX_BYTES) continue;
        uint32_t at = p->tok_begin;
        bool closes = false, phrase = has_phrase(d, m, p, &at, &closes);
        bool email = false;
        for (uint32_t k = p->tok_begin; k < p->tok_end; k++)
            if (d->toks.v[k].kind == TK_EMAIL || d->toks.v[k].kind == TK_URL) email = true;
        /* Inside the article a phrase counts only where it opens or closes the line ("Media
         * playback is unsupported...", "Image copyright...", "... Read more"): a short
         * paragraph of reporting may well mention copyright. */
        bool trailing = i + 3 >= np;
        uint32_t first_word = p->tok_begin;
        while (first_word < p->tok_end && d->toks.v[first_word].kind != TK_WORD) first_word++;
        if (phrase && !trailing && at > first_word + 1 && !closes) phrase = false;
        if (!phrase && !(email && trailing)) continue;
        p->boilerplate = true;
        for (uint32_t k = p->tok_begin; k < p->tok_end; k++) d->toks.v[k].flags |= TF_BOILER;
        if (span_empty(d->byline_name) && phrase && email) find_byline(d, p, at);
    }
}
