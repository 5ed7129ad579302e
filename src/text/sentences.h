/* sentences.h - sentence and paragraph boundaries over the token layer.
 *
 * A line break always ends a paragraph and a sentence. Inside a line, a sentence ends at
 * . ! ? or an ellipsis (with the closing quote marks and brackets that follow it) unless
 * the next word is lower case, punctuation continues the clause, or an attribution
 * follows a quote ("“Are you serious?” she asked." is one sentence). After an abbreviation
 * the sentence ends only when the next word is a sentence-starting function word ("...
 * moved to the U.S. He later ..."); titles (Mr., Sen.) never end one. Fills doc->sents,
 * doc->paras and every token's sent index. */
#ifndef DY_SENTENCES_H
#define DY_SENTENCES_H
#include "../know/model.h"

void sent_run(dy_doc *d, const dy_model *m);
#endif
