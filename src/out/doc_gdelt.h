/* doc_gdelt.h - an article's events as tab-separated rows in the column order of the
 * GDELT 2.0 event table (dyad extract --format gdelt). Columns dyad does not fill are
 * empty; see doc_gdelt.c for which are filled and how. */
#ifndef DY_DOC_GDELT_H
#define DY_DOC_GDELT_H
#include "../know/model.h"
#include "../util/strbuf.h"

/* The header line (column names, tab-separated, newline-terminated). */
void gdelt_write_header(sb *out);
/* One row per event; event ids are "<article id>-<n>", SOURCEURL the article's url or id. */
void doc_write_gdelt(sb *out, const dy_doc *d, const dy_model *m, const char *id, const char *url);
#endif
