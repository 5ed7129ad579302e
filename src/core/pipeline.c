/* pipeline.c - the order of the stages, and the checks that turn bad input into an
 * error for that article instead of a crash or a silent loss (SPEC.md "Bad input"). */
#include "../../include/dyad.h"
#include "../extract/dates.h"
#include "../extract/entities.h"
#include "../extract/events.h"
#include "../extract/stances.h"
#include "../extract/mentions.h"
#include "../extract/quotes.h"
#include "../lang/lang.h"
#include "../out/doc_conll.h"
#include "../out/doc_gdelt.h"
#include "../out/doc_json.h"
#include "../out/doc_text.h"
#include "../text/boilerplate.h"
#include "../text/sentences.h"
#include "../text/tokenize.h"
#include "../text/utf8.h"
#include "../util/die.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

dyad_model *dyad_model_load(void) { return model_load(); }
void dyad_model_free(dyad_model *m) { model_free(m); }

dyad_doc *dyad_doc_new(void) {
    dy_doc *d = malloc(sizeof *d);
    if (!d) dy_die("out of memory (document)");
    doc_init(d);
    return d;
}

void dyad_doc_free(dyad_doc *d) {
    if (!d) return;
    doc_free(d);
    free(d);
}

static const char *fail(dy_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *fail(dy_doc *d, const char *fmt, ...) {
    char *msg = dy_arena_alloc(&d->arena, 128);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, 128, fmt, ap);
    va_end(ap);
    return msg;
}

/* Text that is valid UTF-8 but mostly control characters is binary data, not news. */
static size_t control_chars(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f') || ch == 0x7F) c++;
    }
    return c;
}

const char *const dyad_stage_names[DYAD_STAGE_COUNT] = {
    "checks (UTF-8, NUL, size)", "tokens", "sentences + boilerplate", "named entities", "mentions + entities",
    "quotes", "events"};

size_t dyad_doc_sentences(const dyad_doc *d) { return d->sents.n; }
void dyad_tag_language(const dyad_model *m, dyad_doc *d) { lang_run(d, m, LANG_ALL); }
size_t dyad_doc_tokens(const dyad_doc *d) { return d->toks.n; }

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Adds the time since *t to seconds[stage] and restarts the clock; no-op without seconds. */
static void lap(double *seconds, enum dyad_stage stage, double *t) {
    if (!seconds) return;
    double n = now();
    seconds[stage] += n - *t;
    *t = n;
}

const char *dyad_process(const dyad_model *m, dyad_doc *d, const dyad_article *a) {
    return dyad_process_timed(m, d, a, NULL);
}

const char *dyad_process_timed(const dyad_model *m, dyad_doc *d, const dyad_article *a, double *seconds) {
    double t = seconds ? now() : 0;
    size_t max = a->max_bytes ? a->max_bytes : DYAD_DEFAULT_MAX_BYTES;
    if (max > UINT32_MAX - 1) max = UINT32_MAX - 1;   /* offsets are 32-bit */
    doc_reset(d, a->text, 0);
    if (a->len > max) return fail(d, "article too large: %zu bytes (limit %zu)", a->len, max);
    const char *nul = memchr(a->text, '\0', a->len);
    if (nul) return fail(d, "NUL byte at byte %zu", (size_t)(nul - a->text));
    size_t bad = u8_validate(a->text, a->len);
    if (bad != SIZE_MAX) return fail(d, "invalid UTF-8 at byte %zu", bad);
    size_t ws = 0;
    while (ws < a->len && strchr(" \t\r\n\f\v", a->text[ws])) ws++;
    if (ws == a->len) return fail(d, "empty text");
    size_t ctl = control_chars(a->text, a->len);
    if (ctl * 100 > a->len) return fail(d, "binary data: %zu control characters in %zu bytes", ctl, a->len);

    doc_reset(d, a->text, (uint32_t)a->len);
    d->want_indirect = a->indirect != 0 || a->whole_attributions != 0;
    if (a->published) date_parse(a->published, strlen(a->published), &d->published);
    lap(seconds, DYAD_STAGE_CHECK, &t);
    tok_run(d, &m->abbrevs, &m->vocab);
    d->era = date_article_era(d);
    lap(seconds, DYAD_STAGE_TOKENS, &t);
    sent_run(d, m);
    boil_run(d, m);
    lap(seconds, DYAD_STAGE_SENTENCES, &t);
    lang_run(d, m, LANG_NER);
    lap(seconds, DYAD_STAGE_LANG, &t);
    ment_run(d, m);
    ent_run(d, m);
    lap(seconds, DYAD_STAGE_MENTIONS, &t);
    quote_run(d, m);
    lap(seconds, DYAD_STAGE_QUOTES, &t);
    event_run(d, m);
    stance_run(d, m);
    if (!d->want_indirect) quote_drop_indirect(d);
    if (a->whole_attributions) quote_whole_attributions(d, m);
    lap(seconds, DYAD_STAGE_EVENTS, &t);
    return NULL;
}

void dyad_write_json(dyad_buf *out, const dyad_model *m, const dyad_doc *d, const dyad_article *a,
                     const char *error) {
    if (error) doc_write_error(out, a->id, error);
    else doc_write_json(out, d, m, a->id);
}

void dyad_write_text(dyad_buf *out, const dyad_model *m, const dyad_doc *d, const dyad_article *a,
                     const char *error) {
    if (error) sb_printf(out, "== %s: error: %s\n", a->id, error);
    else doc_write_text(out, d, m, a->id);
}

void dyad_write_gdelt_header(dyad_buf *out) { gdelt_write_header(out); }

void dyad_write_conll(dyad_buf *out, const dyad_doc *d, const char *error) {
    if (!error) doc_write_conll(out, d);
}

void dyad_write_gdelt(dyad_buf *out, const dyad_model *m, const dyad_doc *d, const dyad_article *a,
                      const char *error) {
    if (!error) doc_write_gdelt(out, d, m, a->id, a->url);
}
