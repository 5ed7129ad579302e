/* test_lang.c - the language layer: the built-in models load and tag plain sentences the
 * way any reader would; the perceptron trains, saves and reloads deterministically and
 * refuses corrupt files; lemmas follow WordNet and morphy. */
#include "harness.h"
#include "core/doc.h"
#include "know/model.h"
#include "lang/lang.h"
#include "lang/lemma.h"
#include "lang/perceptron.h"
#include "text/sentences.h"
#include "text/tokenize.h"
#include <stdlib.h>

static dy_model *model;
static dy_doc doc;

static void tag(const char *text) {
    doc_reset(&doc, text, (uint32_t)strlen(text));
    tok_run(&doc, &model->abbrevs, &model->vocab);
    sent_run(&doc, model);
    lang_run(&doc, model, LANG_ALL);
}

/* Labels of the tokens joined by spaces. */
static const char *labels(const char **tags) {
    static char out[1024];
    size_t p = 0;
    for (size_t i = 0; i < doc.toks.n && tags; i++) p += (size_t)snprintf(out + p, sizeof out - p, "%s%s", i ? " " : "", tags[i]);
    out[p] = '\0';
    return out;
}

TEST(builtin_models_load) {
    CHECK(model->has_tagger[LT_POS] && model->has_tagger[LT_CHUNK] && model->has_tagger[LT_NER]);
    CHECK(model->taggers[LT_POS].nlabels >= 40);
    CHECK(ap_label_id(&model->taggers[LT_NER], "B-PER") >= 0);
}

TEST(pos_tags_of_a_plain_sentence) {
    tag("The president said on Friday that he invited the two leaders to Moscow .");
    CHECK_STR(labels(doc.pos), "DT NN VBD IN NNP IN PRP VBD DT CD NNS TO NNP .");
}

TEST(chunks_of_a_plain_sentence) {
    tag("The foreign minister met his counterpart in Berlin .");
    CHECK_STR(labels(doc.chunk), "B-NP I-NP I-NP B-VP B-NP I-NP B-PP B-NP O");
}

TEST(entities_of_a_plain_sentence) {
    tag("Russian President Vladimir Putin met German Chancellor Angela Merkel in Berlin on Tuesday .");
    CHECK_STR(labels(doc.ner), "B-MISC O B-PER I-PER O B-MISC O B-PER I-PER O B-LOC O O O");
}

/* Save the trainers' model to a scratch file and open it from buf (which it must fit). */
static bool save_and_open(ap_trainer *t, int n, int prune, char *buf, size_t cap, ap_model *m) {
    const char *path = "build/test-toy.ap";
    char err[128];
    if (!ap_trainer_save(t, n, path, prune, NULL)) return false;
    FILE *f = fopen(path, "rb");
    size_t len = f ? fread(buf, 1, cap, f) : 0;
    if (f) fclose(f);
    remove(path);
    return len < cap && ap_open(m, buf, len, err, sizeof err);
}

TEST(perceptron_learns_saves_and_reloads) {
    /* A toy task: the label is whether feature 7 is present. */
    ap_trainer t;
    ap_trainer_init(&t);
    int no = ap_trainer_label(&t, "no"), yes = ap_trainer_label(&t, "yes");
    float scores[AP_MAX_LABELS];
    for (int epoch = 0; epoch < 5; epoch++)
        for (uint64_t i = 1; i < 200; i++) {
            uint64_t f[3] = {1000 + i % 13, i % 2 ? 7 : 8, 99};
            ap_trainer_score(&t, f, 3, scores);
            ap_trainer_update(&t, f, 3, i % 2 ? yes : no, ap_best(scores, t.nlabels));
        }
    const char *a = "build/test-toy-a.ap", *b = "build/test-toy-b.ap";
    CHECK(ap_trainer_save(&t, 1, a, 0, NULL));
    CHECK(ap_trainer_save(&t, 1, b, 0, NULL));
    ap_trainer_free(&t);
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    char ba[1 << 16], bb[1 << 16];
    size_t na = fa ? fread(ba, 1, sizeof ba, fa) : 0, nb = fb ? fread(bb, 1, sizeof bb, fb) : 0;
    if (fa) fclose(fa);
    if (fb) fclose(fb);
    CHECK(na > 0 && na == nb && memcmp(ba, bb, na) == 0);
    ap_model m;
    char err[128];
    CHECK(ap_open(&m, ba, na, err, sizeof err));
    int32_t s[AP_MAX_LABELS];
    uint64_t fy[3] = {1003, 7, 99}, fn[3] = {1003, 8, 99};
    ap_score(&m, fy, 3, s);
    CHECK(ap_best_int(s, m.nlabels) == yes);
    ap_score(&m, fn, 3, s);
    CHECK(ap_best_int(s, m.nlabels) == no);
    /* A truncated or overwritten file is refused, not trusted. */
    CHECK(!ap_open(&m, ba, na / 2, err, sizeof err));
    ba[0] = 'X';
    CHECK(!ap_open(&m, ba, na, err, sizeof err));
    remove(a);
    remove(b);
}

TEST(lemmas) {
    char buf[64];
    const lemmatizer *lz = &model->lemmas;
    CHECK_STR(lemma_of(lz, "invited", 7, LP_VERB, buf, sizeof buf), "invite");
    CHECK_STR(lemma_of(lz, "said", 4, LP_VERB, buf, sizeof buf), "say");
    CHECK_STR(lemma_of(lz, "met", 3, LP_VERB, buf, sizeof buf), "meet");
    CHECK_STR(lemma_of(lz, "countries", 9, LP_NOUN, buf, sizeof buf), "country");
    CHECK_STR(lemma_of(lz, "criticized", 10, LP_VERB, buf, sizeof buf), "criticize");
    CHECK_STR(lemma_of(lz, "wolves", 6, LP_NOUN, buf, sizeof buf), "wolf");
    CHECK_STR(lemma_of(lz, "visits", 6, LP_VERB, buf, sizeof buf), "visit");
    CHECK(lemma_pos_of_tag("VBD") == LP_VERB && lemma_pos_of_tag("NNS") == LP_NOUN && lemma_pos_of_tag("DT") < 0);
}

TEST(pruning_keeps_fixed_entries_and_trainers_share_one_blob) {
    ap_trainer t[2];
    int no = 0, yes = 1;
    for (int k = 0; k < 2; k++) {
        ap_trainer_init(&t[k]);
        ap_trainer_label(&t[k], "no");
        ap_trainer_label(&t[k], "yes");
    }
    uint64_t f7[1] = {7}, f9[1] = {9}, f11[1] = {11};
    for (int i = 0; i < 100; i++) ap_trainer_update(&t[0], f7, 1, yes, no);
    ap_trainer_update(&t[0], f11, 1, yes, no);   /* a tiny averaged weight: pruned */
    ap_trainer_fix(&t[0], 500, yes, 0.01f);      /* tinier still, but fixed: kept */
    for (int i = 0; i < 20; i++) ap_trainer_update(&t[1], f9, 1, no, yes);
    ap_trainer_fix(&t[1], 600, no, 1.0f);
    static char buf[1 << 16];
    ap_model m;
    CHECK(save_and_open(t, 2, 3000, buf, sizeof buf, &m));
    for (int k = 0; k < 2; k++) ap_trainer_free(&t[k]);
    uint32_t count;
    CHECK(ap_single_label(&m, 500) == yes && ap_single_label(&m, 600) == no);
    CHECK(ap_weights_of(&m, 11, &count) == NULL);
    int32_t s[AP_MAX_LABELS];
    ap_score(&m, f7, 1, s);
    CHECK(ap_best_int(s, m.nlabels) == yes);
    ap_score(&m, f9, 1, s);   /* the second trainer's feature, in the same table */
    CHECK(ap_best_int(s, m.nlabels) == no);
}

TEST(an_ensemble_adds_the_averaged_weights_of_its_members) {
    ap_trainer a, b;
    int no = 0, yes = 1;
    ap_trainer *both[2] = {&a, &b};
    for (int k = 0; k < 2; k++) {
        ap_trainer_init(both[k]);
        ap_trainer_label(both[k], "no");
        ap_trainer_label(both[k], "yes");
    }
    uint64_t f7[1] = {7}, f9[1] = {9};
    for (int i = 0; i < 10; i++) ap_trainer_update(&a, f7, 1, yes, no);   /* a says yes to 7 */
    for (int i = 0; i < 30; i++) ap_trainer_update(&b, f7, 1, no, yes);   /* b says no, louder */
    for (int i = 0; i < 5; i++) ap_trainer_update(&b, f9, 1, yes, no);    /* only b knows 9 */
    ap_trainer_fix(&b, 500, no, 1.0f);                                     /* b's dictionary: not added */
    float before[AP_MAX_LABELS], after[AP_MAX_LABELS];
    ap_trainer_score(&a, f7, 1, before);
    ap_trainer_add(&a, &b);
    ap_trainer_score(&a, f7, 1, after);
    CHECK(before[yes] > before[no] && after[no] > after[yes]);
    ap_trainer_score(&a, f9, 1, after);
    CHECK(after[yes] > after[no]);
    static char buf[1 << 16];
    ap_model m;
    CHECK(save_and_open(&a, 1, 0, buf, sizeof buf, &m));
    for (int k = 0; k < 2; k++) ap_trainer_free(both[k]);
    int32_t s[AP_MAX_LABELS];
    ap_score(&m, f7, 1, s);
    CHECK(ap_best_int(s, m.nlabels) == no);
    CHECK(ap_single_label(&m, 500) < 0);
}

TEST(dense_rows_and_sparse_weights_add_up) {
    /* Feature 1 learns a weight for each of 20 labels (a dense row), feature 2 for two. */
    ap_trainer t;
    ap_trainer_init(&t);
    char name[8];
    for (int l = 0; l < 20; l++) {
        snprintf(name, sizeof name, "L%d", l);
        ap_trainer_label(&t, name);
    }
    uint64_t f1[1] = {1}, f2[1] = {2}, both[2] = {1, 2};
    for (int l = 0; l < 20; l++)
        for (int k = 0; k <= l; k++) ap_trainer_update(&t, f1, 1, l, (l + 1) % 20);
    for (int k = 0; k < 5; k++) ap_trainer_update(&t, f2, 1, 3, 4);
    static char buf[1 << 16];
    ap_model m;
    CHECK(save_and_open(&t, 1, 0, buf, sizeof buf, &m));
    ap_trainer_free(&t);
    CHECK(m.ndense == 1 && m.nweights == 2);
    int32_t s1[AP_MAX_LABELS], s2[AP_MAX_LABELS], s12[AP_MAX_LABELS];
    ap_score(&m, f1, 1, s1);
    ap_score(&m, f2, 1, s2);
    ap_score(&m, both, 2, s12);
    int nonzero = 0;
    for (uint32_t l = 0; l < m.nlabels; l++) {
        CHECK(s12[l] == s1[l] + s2[l]);
        nonzero += s1[l] != 0;
    }
    CHECK(nonzero >= 19 && s2[3] > 0 && s2[4] < 0 && s2[0] == 0);
    /* A dense row is no lexicon entry: no sparse weights to read. */
    uint32_t count;
    CHECK(ap_weights_of(&m, 1, &count) == NULL && count == 0 && ap_weights_of(&m, 2, &count) && count == 2);
}

int main(void) {
    model = model_load();
    doc_init(&doc);
    RUN(builtin_models_load);
    RUN(pos_tags_of_a_plain_sentence);
    RUN(chunks_of_a_plain_sentence);
    RUN(entities_of_a_plain_sentence);
    RUN(perceptron_learns_saves_and_reloads);
    RUN(pruning_keeps_fixed_entries_and_trainers_share_one_blob);
    RUN(dense_rows_and_sparse_weights_add_up);
    RUN(an_ensemble_adds_the_averaged_weights_of_its_members);
    RUN(lemmas);
    doc_free(&doc);
    model_free(model);
    DONE();
}
