/* doc_conll.c - CoNLL-2003 columns, separated by a space: bytes of a token below 0x21 (ASCII
 * spaces and control characters, which dyad's tokenizer does not put in tokens) would be
 * read as a column break, so they are written as '_'. */
#include "doc_conll.h"

static void tag(sb *o, const char *const *tags, uint32_t i) {
    sb_putc(o, ' ');
    sb_puts(o, tags && tags[i] ? tags[i] : "O");
}

void doc_write_conll(sb *o, const dy_doc *d) {
    sb_puts(o, "-DOCSTART- -X- -X- O\n\n");
    for (uint32_t s = 0; s < d->sents.n; s++) {
        const dy_sentence *sent = &d->sents.v[s];
        if (sent->tok_begin == sent->tok_end) continue;
        for (uint32_t i = sent->tok_begin; i < sent->tok_end; i++) {
            const dy_token *t = &d->toks.v[i];
            for (uint32_t b = t->start; b < t->end; b++) {
                unsigned char c = (unsigned char)d->text[b];
                sb_putc(o, c < 0x21 ? '_' : (char)c);
            }
            tag(o, d->pos, i);
            tag(o, d->chunk, i);
            tag(o, d->ner, i);
            sb_putc(o, '\n');
        }
        sb_putc(o, '\n');
    }
}
