/* test_sentences.c - the sentence splitter against the hand-written cases of
 * tests/data/sentences.txt (format described at the top of that file's first block:
 * "> input" with \n for line breaks, then "= sentence" lines). */
#include "harness.h"
#include "core/doc.h"
#include "know/model.h"
#include "text/sentences.h"
#include "text/tokenize.h"
#include <stdlib.h>

static dy_model *model;
static int cases, case_failures;

static void unescape(const char *in, char *out) {
    while (*in) {
        if (in[0] == '\\' && in[1] == 'n') {
            *out++ = '\n';
            in += 2;
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
}

static void check_case(const char *comment, const char *input, char **want, int nwant) {
    dy_doc d;
    doc_init(&d);
    doc_reset(&d, input, (uint32_t)strlen(input));
    tok_run(&d, &model->abbrevs, &model->vocab);
    sent_run(&d, model);
    bool ok = (int)d.sents.n == nwant;
    for (int i = 0; ok && i < nwant; i++) {
        const dy_sentence *s = &d.sents.v[i];
        ok = strlen(want[i]) == s->end - s->start && memcmp(input + s->start, want[i], s->end - s->start) == 0;
    }
    cases++;
    if (!ok) {
        case_failures++;
        th_current_failed = 1;
        fprintf(stderr, "sentence case failed: %s\n  input: %s\n", comment, input);
        for (size_t i = 0; i < d.sents.n; i++)
            fprintf(stderr, "  got:  [%.*s]\n", (int)(d.sents.v[i].end - d.sents.v[i].start), input + d.sents.v[i].start);
        for (int i = 0; i < nwant; i++) fprintf(stderr, "  want: [%s]\n", want[i]);
    }
    doc_free(&d);
}

TEST(sentence_cases_from_file) {
    FILE *f = fopen("tests/data/sentences.txt", "r");
    CHECK(f != NULL);
    if (!f) return;
    char line[4096], comment[4096] = "", input[4096] = "";
    char *want[16];
    int nwant = 0;
    bool have_input = false;
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        size_t n = got ? strlen(line) : 0;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (!got || n == 0) {
            if (have_input) check_case(comment, input, want, nwant);
            for (int i = 0; i < nwant; i++) free(want[i]);
            nwant = 0;
            have_input = false;
            if (!got) break;
            continue;
        }
        if (line[0] == '#') snprintf(comment, sizeof comment, "%s", line + 2);
        else if (line[0] == '>') { unescape(line + 2, input); have_input = true; }
        else if (line[0] == '=' && nwant < 16) want[nwant++] = strdup(line + 2);
    }
    fclose(f);
    fprintf(stderr, "sentence cases: %d, failed: %d\n", cases, case_failures);
    CHECK(cases >= 40);
}

int main(void) {
    model = model_load();
    RUN(sentence_cases_from_file);
    model_free(model);
    DONE();
}
