/* dyad.h - the public interface of libdyad: news text in, who-did-what-to-whom out.
 *
 *   dyad_model *m = dyad_model_load();          // once; read-only, shareable by threads
 *   dyad_doc *d = dyad_doc_new();               // one per thread, reused per article
 *   const char *err = dyad_process(m, d, &article);
 *   dyad_write_json(out, m, d, &article);       // SPEC.md schema 1, or an error object
 *
 * All spans in the output are UTF-8 byte offsets into the article text. */
#ifndef DYAD_H
#define DYAD_H
#include <stddef.h>

#define DYAD_VERSION "0.1.0"
#define DYAD_DEFAULT_MAX_BYTES (10u * 1000u * 1000u)

typedef struct dy_model dyad_model;
typedef struct dy_doc dyad_doc;
typedef struct sb dyad_buf;

typedef struct dyad_article {
    const char *id;          /* required */
    const char *text;        /* not copied; must outlive processing and writing */
    size_t len;
    const char *published;   /* "YYYY-MM-DD" or ISO 8601 timestamp, or NULL */
    size_t max_bytes;        /* larger articles are refused; 0 = DYAD_DEFAULT_MAX_BYTES */
    const char *url;         /* or NULL */
    int indirect;            /* nonzero: reported speech as indirect quotes too */
    int whole_attributions;  /* nonzero: quotes as PolNeAR annotates attributions (quotes.h);
                                implies indirect */
} dyad_article;

dyad_model *dyad_model_load(void);
void dyad_model_free(dyad_model *m);
dyad_doc *dyad_doc_new(void);
void dyad_doc_free(dyad_doc *d);

/* Run the whole pipeline. Returns NULL on success, or a message saying why the article
 * cannot be processed ("invalid UTF-8 at byte 1043"); the message lives in the doc. */
const char *dyad_process(const dyad_model *m, dyad_doc *d, const dyad_article *a);
/* Pipeline stages, for benchmarks: dyad_process_timed adds each stage's seconds to
 * seconds[stage] (an array of DYAD_STAGE_COUNT). */
enum dyad_stage { DYAD_STAGE_CHECK, DYAD_STAGE_TOKENS, DYAD_STAGE_SENTENCES, DYAD_STAGE_LANG,
                  DYAD_STAGE_MENTIONS, DYAD_STAGE_QUOTES, DYAD_STAGE_EVENTS, DYAD_STAGE_COUNT };
extern const char *const dyad_stage_names[DYAD_STAGE_COUNT];
const char *dyad_process_timed(const dyad_model *m, dyad_doc *d, const dyad_article *a, double *seconds);
/* Part-of-speech tags, chunks and entities for a processed article (extraction itself runs
 * only the entity recogniser): for benchmarks and callers that want the tags. */
void dyad_tag_language(const dyad_model *m, dyad_doc *d);
/* Counts of the last processed article: sentences and tokens. */
size_t dyad_doc_sentences(const dyad_doc *d);
size_t dyad_doc_tokens(const dyad_doc *d);

/* Append the article's JSON object (no trailing newline); error != NULL writes an error object. */
void dyad_write_json(dyad_buf *out, const dyad_model *m, const dyad_doc *d, const dyad_article *a,
                     const char *error);
/* GDELT 2.0 event table: the header line, and one row per event of an article (none for
 * an article with an error). */
void dyad_write_gdelt_header(dyad_buf *out);
void dyad_write_gdelt(dyad_buf *out, const dyad_model *m, const dyad_doc *d, const dyad_article *a, const char *error);
/* CoNLL-2003 columns of an article (word POS CHUNK NER a line, a blank line after each
 * sentence), after dyad_tag_language; nothing for an article with an error. */
void dyad_write_conll(dyad_buf *out, const dyad_doc *d, const char *error);
/* Append a short human-readable summary of the article (ends with a newline). */
void dyad_write_text(dyad_buf *out, const dyad_model *m, const dyad_doc *d, const dyad_article *a,
                     const char *error);
#endif
