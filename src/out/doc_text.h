/* doc_text.h - one article as a short human-readable summary (dyad extract --format text):
 * the people and organisations with their actor codes, who said what, and the events. */
#ifndef DY_DOC_TEXT_H
#define DY_DOC_TEXT_H
#include "../know/model.h"
#include "../util/strbuf.h"

void doc_write_text(sb *out, const dy_doc *d, const dy_model *m, const char *id);
#endif
