/* doc_conll.c - CoNLL-2003 columns. A token never holds a space in dyad's tokenizer, but a
 * no-break or other odd space inside one would split the column, so bytes below 0x21 become
 * '_'. */
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
