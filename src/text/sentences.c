#include "sentences.h"
#include <string.h>

static bool is_terminal(const dy_token *t) {
    if (t->kind != TK_PUNCT) return false;
    const char *k = t->key;
    return k[0] == '.' || k[0] == '!' || k[0] == '?' || strcmp(k, "\xE2\x80\xA6") == 0;   /* … */
}

static bool is_ellipsis(const dy_token *t) {
    return t->kind == TK_PUNCT && (strncmp(t->key, "..", 2) == 0 || strcmp(t->key, "\xE2\x80\xA6") == 0);
}

static bool is_closer(const dy_token *t) {
    if (t->flags & TF_NEWLINE) return false;
    if (t->kind == TK_QUOTE) return !(t->flags & TF_QOPEN) || !(t->flags & TF_SPACE);
    return t->kind == TK_PUNCT && (t->key[0] == ')' || t->key[0] == ']');
}

static bool is_lower_word(const dy_token *t) {
    return t->kind == TK_WORD && !(t->flags & TF_CAP);
}

/* Words that may follow the cue of an attribution ("she said on Monday", "he asked in
 * an interview"); an object noun phrase instead ("has denied the account") means the
 * words after the quote are a sentence of their own. */
static bool attribution_tail(const dy_token *t) {
    static const char *const ok[] = {"on", "in", "at", "during", "after", "before", "as", "while", "when",
                                     "of", "to", "from", "with", "yesterday", "today", "tonight", "last",
                                     "this", "earlier", "later", "recently", "again", "afterward", "then"};
    if (t->kind != TK_WORD || (t->flags & TF_CAP)) return true;   /* punctuation, "said Smith" */
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        if (strcmp(t->key, ok[i]) == 0) return true;
    return false;
}

/* Does an attribution ("Mr. Hollis asked", "she said") follow at token j, before any
 * punctuation? Used after a quote that ends in . ? or !. */
static bool attribution_follows(const dy_doc *d, const dy_model *m, uint32_t j) {
    uint32_t n = (uint32_t)d->toks.n;
    for (uint32_t k = j; k < n && k < j + 7; k++) {
        const dy_token *t = &d->toks.v[k];
        if (k > j && (t->flags & TF_NEWLINE)) return false;
        if (t->kind == TK_PUNCT || t->kind == TK_QUOTE) return false;
        uint32_t len, v;
        if (pt_longest(&m->cue_pt, d, k, n, &len, &v) && m->cues.v[v].kind != CUE_PREP &&
            m->cues.v[v].kind != CUE_NAMING) {
            if (k + len >= n) return true;
            /* a source before the cue and a name after it: the cue reports words of its own
             * ("… escapades.\" The agency said North Korea had …") */
            const dy_token *after = &d->toks.v[k + len];
            if (k > j && after->kind == TK_WORD && (after->flags & TF_CAP) && !(after->lex & (LEX_WEEKDAY | LEX_MONTH)))
                return false;
            return attribution_tail(after);
        }
    }
    return false;
}

/* After an abbreviation: does token j begin a new sentence? */
static bool starts_sentence(const dy_doc *d, const dy_model *m, uint32_t j, uint32_t cls) {
    if (j < d->toks.n && d->toks.v[j].kind == TK_QUOTE && (d->toks.v[j].flags & TF_QOPEN)) j++;
    if (j >= d->toks.n) return false;
    const dy_token *t = &d->toks.v[j];
    if (!(t->flags & TF_CAP)) return false;
    if (t->lex & LEX_STARTER) return true;
    uint32_t n, v;
    if (pt_longest(&m->country_pt, d, j, (uint32_t)d->toks.n, &n, &v) && (v & 3) == CM_NAME) return true;
    /* "Co. Shares of ...": a capitalised word followed by a lower-case one is no name. */
    return cls == ABBR_SUFFIX && j + 1 < d->toks.n && d->toks.v[j + 1].kind == TK_WORD &&
           !(d->toks.v[j + 1].flags & TF_CAP);
}

/* Should a sentence end before token j, given that token i ended with a period or other
 * terminal and tokens (i, j) are closing marks? */
static bool split_before(const dy_doc *d, const dy_model *m, uint32_t i, uint32_t j) {
    if (j >= d->toks.n) return false;
    const dy_token *t = &d->toks.v[i], *next = &d->toks.v[j];
    if (next->flags & TF_NEWLINE) return true;
    if (next->kind == TK_PUNCT && strchr(",;:)]", next->key[0])) return false;
    if (t->kind == TK_WORD && (t->flags & TF_ABBREV)) {
        uint32_t cls = ABBR_OTHER;
        char key[32];
        size_t kl = strlen(t->key);
        if (kl < sizeof key) {
            memcpy(key, t->key, kl + 1);
            hm_gets(&m->abbrevs, key, &cls);
        }
        if (cls == ABBR_TITLE) return false;
        if (cls == ABBR_NUMBER && next->kind == TK_NUM) return false;
        return starts_sentence(d, m, j, cls);
    }
    if (is_lower_word(next)) return false;
    /* "1. Secure the border." — a list number at the start of a line. */
    if (i > 0 && t->key[0] == '.' && d->toks.v[i - 1].kind == TK_NUM && (d->toks.v[i - 1].flags & TF_NEWLINE) &&
        d->toks.v[i - 1].end - d->toks.v[i - 1].start <= 3)
        return false;
    if (is_ellipsis(t)) {
        const dy_token *w = next->kind == TK_QUOTE && j + 1 < d->toks.n ? &d->toks.v[j + 1] : next;
        return (w->flags & TF_CAP) != 0;
    }
    bool closed_quote = j > i + 1 && d->toks.v[j - 1].kind == TK_QUOTE;
    if (closed_quote && attribution_follows(d, m, j)) return false;
    return true;
}

static void close_sentence(dy_doc *d, uint32_t begin, uint32_t end, uint32_t para) {
    if (end <= begin) return;
    dy_sentence *s = &DY_PUSH(&d->arena, d->sents);
    s->tok_begin = begin;
    s->tok_end = end;
    s->start = d->toks.v[begin].start;
    s->end = d->toks.v[end - 1].end;
    s->para = para;
    for (uint32_t k = begin; k < end; k++) d->toks.v[k].sent = (uint32_t)d->sents.n - 1;
}

static void close_para(dy_doc *d, uint32_t begin, uint32_t end) {
    if (end <= begin) return;
    dy_para *p = &DY_PUSH(&d->arena, d->paras);
    p->tok_begin = begin;
    p->tok_end = end;
    p->start = d->toks.v[begin].start;
    p->end = d->toks.v[end - 1].end;
}

void sent_run(dy_doc *d, const dy_model *m) {
    uint32_t n = (uint32_t)d->toks.n, begin = 0, para_begin = 0;
    for (uint32_t i = 0; i < n; i++) {
        const dy_token *t = &d->toks.v[i];
        if (i > begin && (t->flags & TF_NEWLINE)) {
            close_sentence(d, begin, i, (uint32_t)d->paras.n);
            begin = i;
        }
        if (i > para_begin && (t->flags & TF_NEWLINE)) {
            close_para(d, para_begin, i);
            para_begin = i;
        }
        bool abbrev = t->kind == TK_WORD && (t->flags & TF_ABBREV);
        if (!is_terminal(t) && !abbrev) continue;
        uint32_t j = i + 1;
        while (j < n && is_closer(&d->toks.v[j])) j++;
        if (j < n && !(d->toks.v[j].flags & TF_NEWLINE) && split_before(d, m, i, j)) {
            close_sentence(d, begin, j, (uint32_t)d->paras.n);
            begin = j;
        }
        i = j - 1;
    }
    close_sentence(d, begin, n, (uint32_t)d->paras.n);
    close_para(d, para_begin, n);
}
