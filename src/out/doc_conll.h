/* doc_conll.h - an article's tokens with their part-of-speech, chunk and entity tags in the
 * four columns of CoNLL-2003 (dyad extract --format conll): a "-DOCSTART- -X- -X- O" line
 * and a blank line per article, then a line per token ("word POS CHUNK NER") and a blank
 * line after each sentence - the form `dyad train` and `dyad eval` read. */
#ifndef DY_DOC_CONLL_H
#define DY_DOC_CONLL_H
#include "../core/doc.h"
#include "../util/strbuf.h"

/* Needs the language layer's tags (lang_run with LANG_ALL); a missing one is written "O". */
void doc_write_conll(sb *out, const dy_doc *d);
#endif
