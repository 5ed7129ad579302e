/* test_text.c - the text layer and the containers under it: UTF-8 validation, tokens
 * (Penn-Treebank splits, offsets, keys), the hash table, the arena, SHA-256. */
#include "harness.h"
#include "core/doc.h"
#include "know/model.h"
#include "text/tokenize.h"
#include "text/utf8.h"
#include "util/hashmap.h"
#include "util/sha256.h"
#include <stdint.h>

static dy_model *model;

/* Tokenize text and return the tokens' texts joined by '|'. */
static const char *tokens_of(const char *text) {
    static char out[2048];
    dy_doc d;
    doc_init(&d);
    doc_reset(&d, text, (uint32_t)strlen(text));
    tok_run(&d, &model->abbrevs, &model->vocab);
    size_t p = 0;
    for (size_t i = 0; i < d.toks.n && p < sizeof out - 64; i++) {
        if (i) out[p++] = '|';
        uint32_t n = d.toks.v[i].end - d.toks.v[i].start;
        memcpy(out + p, text + d.toks.v[i].start, n);
        p += n;
    }
    out[p] = '\0';
    doc_free(&d);
    return out;
}

TEST(utf8_validation) {
    CHECK(u8_validate("plain ascii", 11) == SIZE_MAX);
    CHECK(u8_validate("caf\xc3\xa9", 5) == SIZE_MAX);
    CHECK(u8_validate("caf\xe9 au lait", 12) == 3);             /* Latin-1 byte */
    CHECK(u8_validate("ab\xc0\xaf", 4) == 2);                    /* overlong '/' */
    CHECK(u8_validate("x\xed\xa0\x80", 4) == 1);                 /* surrogate */
    CHECK(u8_validate("\xf4\x90\x80\x80", 4) == 0);              /* above U+10FFFF */
    CHECK(u8_validate("12345678\xe2\x80", 10) == 8);            /* truncated after the fast path */
}

TEST(tokens_penn_treebank) {
    CHECK_STR(tokens_of("He didn't go."), "He|did|n't|go|.");
    CHECK_STR(tokens_of("Mr. Trump\xe2\x80\x99s desire"), "Mr.|Trump|\xe2\x80\x99s|desire");
    CHECK_STR(tokens_of("They're here, aren't they?"), "They|'re|here|,|are|n't|they|?");
    CHECK_STR(tokens_of("the U.S. and S.A. Miller"), "the|U.S.|and|S.A.|Miller");
    CHECK_STR(tokens_of("a kid-glove approach"), "a|kid-glove|approach");
    CHECK_STR(tokens_of("$4.5 billion, 3.5% and 1,000 troops on 9/11"),
              "$|4.5|billion|,|3.5|%|and|1,000|troops|on|9/11");
    CHECK_STR(tokens_of("see https://example.com/a.b?x=1. Next"), "see|https://example.com/a.b?x=1|.|Next");
    CHECK_STR(tokens_of("mail smiller@washingtontimes.com."), "mail|smiller@washingtontimes.com|.");
    CHECK_STR(tokens_of("\xe2\x80\x9cYes,\xe2\x80\x9d she said \"no\" -- then\xe2\x80\xa6 wait..."),
              "\xe2\x80\x9c|Yes|,|\xe2\x80\x9d|she|said|\"|no|\"|--|then|\xe2\x80\xa6|wait|...");
    CHECK_STR(tokens_of("O'Brien met Sen. Warren"), "O'Brien|met|Sen.|Warren");
    CHECK_STR(tokens_of("Rep. Gwen Moore (D-Wis.) and Sen. Ed Ray, R-N.Y., said"),
              "Rep.|Gwen|Moore|(|D-Wis.|)|and|Sen.|Ed|Ray|,|R-N.Y.|,|said");
    CHECK_STR(tokens_of("a well-to-do family."), "a|well-to-do|family|.");
}

TEST(token_flags_and_keys) {
    const char *text = "\xe2\x80\x9cNATO\xe2\x80\x9d said \"x\" Caf\xc3\xa9\nTrump\xe2\x80\x99s";
    dy_doc d;
    doc_init(&d);
    doc_reset(&d, text, (uint32_t)strlen(text));
    tok_run(&d, &model->abbrevs, &model->vocab);
    CHECK(d.toks.n == 10);
    CHECK(d.toks.v[0].kind == TK_QUOTE && (d.toks.v[0].flags & TF_QOPEN));
    CHECK((d.toks.v[1].flags & TF_ALLCAP) && strcmp(d.toks.v[1].key, "nato") == 0);
    CHECK(d.toks.v[2].kind == TK_QUOTE && (d.toks.v[2].flags & TF_QCLOSE));
    CHECK(d.toks.v[4].kind == TK_QUOTE && (d.toks.v[4].flags & TF_QOPEN));   /* straight, by context */
    CHECK(d.toks.v[6].kind == TK_QUOTE && (d.toks.v[6].flags & TF_QCLOSE));
    CHECK_STR(d.toks.v[7].key, "caf\xc3\xa9");
    CHECK(d.toks.v[8].flags & TF_NEWLINE);
    CHECK_STR(d.toks.v[9].key, "'s");                                        /* ’ folded to ' */
    for (size_t i = 0; i < d.toks.n; i++) CHECK(d.toks.v[i].key_hash == hm_hash(d.toks.v[i].key, d.toks.v[i].key_len));
    doc_free(&d);
}

TEST(hashmap_put_get_grow) {
    hashmap m;
    hm_init(&m);
    char key[32];
    for (uint32_t i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "key-%u", i);
        hm_put(&m, key, strlen(key), i * 3);
    }
    CHECK(m.count == 5000);
    uint32_t v = 0;
    bool all = true;
    for (uint32_t i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "key-%u", i);
        all = all && hm_get(&m, key, strlen(key), &v) && v == i * 3;
    }
    CHECK(all);
    CHECK(!hm_get(&m, "key-5000", 8, &v));
    hm_put(&m, "key-7", 5, 1);
    CHECK(hm_get(&m, "key-7", 5, &v) && v == 1 && m.count == 5000);
    hm_free(&m);
}

TEST(arena_vectors_survive_growth) {
    dy_arena a;
    dy_arena_init(&a, 256);
    DY_VEC(uint32_t) v = {0};
    for (uint32_t i = 0; i < 10000; i++) DY_PUSH(&a, v) = i;
    bool ok = v.n == 10000;
    for (uint32_t i = 0; ok && i < 10000; i++) ok = v.v[i] == i;
    CHECK(ok);
    dy_arena_reset(&a);
    uint32_t *z = dy_arena_alloc(&a, 100 * sizeof *z);
    bool zero = true;
    for (int i = 0; i < 100; i++) zero = zero && z[i] == 0;
    CHECK(zero);
    dy_arena_free(&a);
}

TEST(sha256_known_vectors) {
    char hex[65];
    sha256_hex("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *long_msg = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(long_msg, strlen(long_msg), hex);
    CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

int main(void) {
    model = model_load();
    RUN(utf8_validation);
    RUN(tokens_penn_treebank);
    RUN(token_flags_and_keys);
    RUN(hashmap_put_get_grow);
    RUN(arena_vectors_survive_growth);
    RUN(sha256_known_vectors);
    model_free(model);
    DONE();
}
