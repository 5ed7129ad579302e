/* test_store.c - the store's parts that need no server: the words of full-text search,
 * an article's record, and a round trip through an in-memory SQLite database (write,
 * the "already stored?" check, queries of each kind). tests/store.sh drives the commands
 * on SQLite files and on PostgreSQL. */
#include "harness.h"
#include "../../include/dyad.h"
#include "store/query.h"
#include "store/words.h"

static bool join_word(void *ctx, const char *w, size_t n) {
    sb *b = ctx;
    if (b->len) sb_putc(b, '|');
    sb_putn(b, w, n);
    return true;
}

static const char *words_of(const char *s) {
    static sb b;
    sb_reset(&b);
    words_each(s, strlen(s), join_word, &b);
    return b.buf ? b.buf : "";
}

TEST(words_fold_case_and_accents) {
    CHECK_STR(words_of("Putin’s U.S.-based MÜLLER, 2024!"), "putin|s|u|s|based|muller|2024");
    CHECK_STR(words_of("Zürich"), "zurich");
    CHECK_STR(words_of("caf\xe9 au\xff lait"), "caf|au|lait");   /* bad bytes part words */
    CHECK_STR(words_of("--- ..."), "");
}

typedef struct rows { int n; sb first; } rows;

static void count_row(void *ctx, const store_row *row) {
    rows *r = ctx;
    if (!r->n++) query_row_json(&r->first, row);
}

static int count(store *s, enum query_kind kind, const char *name, const char *value, sb *first) {
    query_params p = {.kind = kind};
    char err[256];
    if (name && !query_set(&p, name, value, err, sizeof err)) return -1;
    rows r = {0, {0}};
    if (!query_run(s, &p, count_row, &r, err, sizeof err)) r.n = -1;
    if (first) *first = r.first;
    else sb_free(&r.first);
    return r.n;
}

TEST(sqlite_round_trip) {
    static const char text[] = "Japanese Prime Minister Fumio Kishida met Philippine President Ferdinand Marcos "
                               "in Manila on Monday. \"We will work together,\" Kishida said.";
    dyad_model *m = dyad_model_load();
    dyad_doc *d = dyad_doc_new();
    dyad_article a = {.id = "kishida", .text = text, .len = sizeof text - 1, .published = "2024-07-08"};
    CHECK(dyad_process(m, d, &a) == NULL);
    store_article sa = {"kishida", "Kishida in Manila", NULL, NULL, "2024-07-08", text, sizeof text - 1, NULL};
    char hash[33], err[256];
    store_hash(&sa, hash);
    store_record r;
    store_record_init(&r);
    store_record_fill(&r, &sa, hash, d, m);
    CHECK(r.nrows[ST_ARTICLES] == 1 && r.nrows[ST_ENTITIES] >= 2 && r.nrows[ST_QUOTES] == 1);
    store *s = store_open(":memory:", STORE_WRITE, err, sizeof err);
    CHECK(s != NULL);
    if (!s) return;
    CHECK(!store_has(s, "kishida", hash));
    CHECK(store_put(s, &r, err, sizeof err) && store_flush(s, err, sizeof err));
    CHECK(store_has(s, "kishida", hash));
    CHECK(!store_has(s, "kishida", "0123456789abcdef0123456789abcdef"));
    CHECK(store_put(s, &r, err, sizeof err) && store_flush(s, err, sizeof err));   /* again: replaces */
    CHECK(count(s, Q_ARTICLES, NULL, NULL, NULL) == 1);
    CHECK(count(s, Q_QUOTES, "speaker", "kishida", NULL) == 1);
    CHECK(count(s, Q_QUOTES, "q", "TOGETHER", NULL) == 1);
    CHECK(count(s, Q_ARTICLES, "q", "Manila’s", NULL) == 0);
    CHECK(count(s, Q_ARTICLES, "q", "manila monday", NULL) == 1);
    CHECK(count(s, Q_ENTITIES, "country", "PHL", NULL) >= 1);
    sb first = {0};
    CHECK(count(s, Q_TEXT, "article", "kishida", &first) == 1);
    CHECK(first.buf && strstr(first.buf, "\"title\":\"Kishida in Manila\""));
    sb_free(&first);
    store_close(s);
    store_record_free(&r);
    dyad_doc_free(d);
    dyad_model_free(m);
}

int main(void) {
    RUN(words_fold_case_and_accents);
    RUN(sqlite_round_trip);
    DONE();
}
