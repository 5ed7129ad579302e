/* doc_json.h - one article as a SPEC.md schema-1 JSON object (one line, no newline). */
#ifndef DY_DOC_JSON_H
#define DY_DOC_JSON_H
#include "../know/model.h"
#include "../util/strbuf.h"

void doc_write_json(sb *out, const dy_doc *d, const dy_model *m, const char *id);
/* {"id": ..., "error": ...} for an article that could not be processed. */
void doc_write_error(sb *out, const char *id, const char *error);
#endif
