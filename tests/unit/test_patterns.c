/* test_patterns.c - the TABARI/PETRARCH dictionary layer and the pattern coders: phrase
 * syntax, the verb, actor and agent loaders of both formats, the matcher, and the two
 * coders on hand-written sentences and trees with small hand-written dictionaries. */
#include "harness.h"
#include "code/petrarch.h"
#include "code/tabari.h"
#include "know/actdict.h"
#include "know/verbdict.h"
#include "know/wordpat.h"
#include "../../include/dyad.h"
#include "core/doc.h"
#include "know/model.h"
#include <stdlib.h>
#include <unistd.h>

/* Write text to a new temporary file; returns its path (static buffer per slot). */
static const char *temp_file(int slot, const char *text) {
    static char paths[8][64];
    snprintf(paths[slot], sizeof paths[slot], "/tmp/dyad-test-XXXXXX");
    int fd = mkstemp(paths[slot]);
    if (fd < 0) return NULL;
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return paths[slot];
}

static const wp_elem *el(const wp_store *s, wp_seq q, uint32_t i) { return &s->elems.v[q.first + i]; }

TEST(phrase_syntax) {
    wp_store s;
    wp_init(&s, true);
    char err[128];
    wp_seq q;
    const char *pat = "SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS";
    CHECK(wp_parse(&s, pat, strlen(pat), &q, err, sizeof err));
    CHECK(q.n == 6);
    CHECK(el(&s, q, 0)->kind == WP_WORD && el(&s, q, 0)->exact && el(&s, q, 0)->linked);   /* SUGGESTED_+ */
    CHECK(el(&s, q, 1)->kind == WP_TGT && !el(&s, q, 1)->linked);
    CHECK(el(&s, q, 2)->kind == WP_VERB);
    CHECK(el(&s, q, 3)->exact && el(&s, q, 3)->linked);                                     /* DEMAND_{ */
    CHECK(el(&s, q, 4)->kind == WP_ALT && el(&s, q, 4)->n == 2 && el(&s, q, 4)->linked);
    const wp_seq *alts = &s.alts.v[el(&s, q, 4)->ref];
    CHECK(el(&s, alts[0], 0)->exact && !el(&s, alts[1], 0)->exact);                         /* GENEVA_ | INTERNATIONAL */
    CHECK(wp_parse(&s, "REAL~_PLEASANT", 14, &q, err, sizeof err));
    CHECK(!el(&s, q, 0)->exact && el(&s, q, 0)->linked);                                    /* stem, then at once */
    CHECK(wp_parse(&s, "IN_ *", 5, &q, err, sizeof err) && el(&s, q, 0)->exact && !el(&s, q, 0)->linked);
    CHECK(wp_parse(&s, "BARAD-DUR", 9, &q, err, sizeof err) && q.n == 2 && el(&s, q, 0)->linked);
    CHECK(!wp_parse(&s, "* &NOSUCH", 9, &q, err, sizeof err));
    CHECK(strstr(err, "undeclared synset") != NULL);
    CHECK(!wp_parse(&s, "* { A | B", 9, &q, err, sizeof err));
    uint32_t syn = wp_synset_new(&s, "&TIETYPES", 9);
    CHECK(wp_synset_add(&s, syn, "MILITARY", 8, err, sizeof err) && wp_synset_add(&s, syn, "ECONOMIC", 8, err, sizeof err));
    CHECK(wp_parse(&s, "* NEW_&TIETYPES_RELATIONS", 25, &q, err, sizeof err));
    CHECK(el(&s, q, 2)->kind == WP_SYN && el(&s, q, 2)->linked);
    CHECK(wp_length(&s, q) == 3 + 1 + 1 + 9);   /* NEW_ &TIETYPES_ RELATIONS: synsets count nothing */
    wp_free(&s);
}

TEST(word_matching) {
    wp_store s;
    wp_init(&s, true);
    char err[64];
    wp_seq q;
    CHECK(wp_parse(&s, "SYRI DEPART_ BAN= LIBYA_", 24, &q, err, sizeof err));
    wp_elem stem = *el(&s, q, 0), verb = *el(&s, q, 1), frozen = *el(&s, q, 2), noun = *el(&s, q, 3);
    verb.endings = WE_VERB, noun.endings = WE_NOUN, frozen.endings = WE_VERB;
    CHECK(wp_word_matches(&stem, "SYRIANS", 7) && !wp_word_matches(&stem, "SYRACUSE", 8));
    CHECK(wp_word_matches(&verb, "DEPARTED", 8) && wp_word_matches(&verb, "DEPARTING", 9));
    CHECK(!wp_word_matches(&verb, "DEPARTX", 7) && !wp_word_matches(&verb, "DEPART'S", 8));
    CHECK(wp_word_matches(&frozen, "BAN", 3) && !wp_word_matches(&frozen, "BANED", 5));
    CHECK(wp_word_matches(&noun, "LIBYA'S", 7) && !wp_word_matches(&noun, "LIBYAQ", 6));
    wp_free(&s);
}

static const char *tabari_verbs =
    "<SYNSETS>\n&CURRENCY\n+DOLLAR\n+SWISS_FRANC\n</SYNSETS>\n"
    "ACCUSE  [112] ; a comment\n"
    "- * OF SPYING [111]\n"
    "BREAK_ [1717]\n{ BROKE_ BROKEN_DOWN_ }\n- * TREATY [161]\n"
    "CONTRIBUT [070]\n- * &CURRENCY [903]\n- * DOLLAR [071]\n"
    "OPPOS [112]\n- + WAS * BY_ $ [042]\n"
    "MEET [031:031]\n- % * [032]\n"
    "- * { GHI | JKL [001]\n"
    "~~FINISH\n";

TEST(tabari_verbs_file) {
    vd_dict d;
    vd_init(&d, VF_TABARI);
    char err[256];
    const char *path = temp_file(0, tabari_verbs);
    CHECK(vd_load(&d, path, VF_TABARI, err, sizeof err));
    CHECK(d.verbs.n == 5 && d.roots.n == 7);
    CHECK(d.wp.skipped == 1 && strstr(d.wp.first_error, ":18: '{' without '}'") != NULL);
    const vd_verb *brk = &d.verbs.v[1];
    CHECK(!strcmp(brk->code, "1717") && brk->npat == 1);
    uint32_t r = vd_root_at(&d, "BROKEN", 6);
    CHECK(r != UINT32_MAX && d.roots.v[r].verb == 1 && d.roots.v[r].words.n == 2);
    const vd_verb *con = &d.verbs.v[2];
    CHECK(!strcmp(d.pats.v[con->first_pat].code, "071"));   /* * DOLLAR is longer than * &CURRENCY */
    CHECK(!strcmp(d.verbs.v[4].code, "031:031"));
    vd_free(&d);
    unlink(path);
    vd_init(&d, VF_TABARI);
    CHECK(!vd_load(&d, "/nonexistent/x.verbs", VF_TABARI, err, sizeof err) && strstr(err, "cannot read"));
    vd_free(&d);
}

static const char *petrarch_verbs =
    "<!-- a comment\n over lines -->\n"
    "&GENINT\n+GENEVA\n+INTERNATIONAL\n\n"
    "--- CRITICIZE [121] ---\n"
    "CRITICIZE  # pas\nDOWNPLAY [014]\n"
    "BAN {BANS BANNED}\n"
    "+CORDON_OFF {+CORDONED_OFF}\n"
    "WIRE_+TAP\n"
    "- * &GENINT_CONVENTIONS [111]\n"
    "- $ * + [122]\n";

TEST(petrarch_verbs_file) {
    vd_dict d;
    vd_init(&d, VF_PETRARCH);
    char err[256];
    enum vd_format f;
    const char *path = temp_file(1, petrarch_verbs);
    CHECK(vd_detect(path, &f, err, sizeof err) && f == VF_PETRARCH);
    CHECK(vd_load(&d, path, VF_PETRARCH, err, sizeof err) && d.wp.skipped == 0);
    CHECK(d.verbs.n == 1 && d.verbs.v[0].npat == 2);
    uint32_t r = vd_root_at(&d, "CRITICIZED", 10);   /* regular forms */
    CHECK(r != UINT32_MAX && !strcmp(vd_root_code(&d, &d.roots.v[r]), "121"));
    r = vd_root_at(&d, "DOWNPLAYING", 11);
    CHECK(r != UINT32_MAX && !strcmp(vd_root_code(&d, &d.roots.v[r]), "014"));
    CHECK(vd_root_at(&d, "BANNED", 6) != UINT32_MAX && vd_root_at(&d, "BANING", 6) == UINT32_MAX);
    r = vd_root_at(&d, "WIRE", 4);
    CHECK(r != UINT32_MAX && d.roots.v[r].head == 1 && d.roots.v[r].words.n == 2);
    r = vd_root_at(&d, "CORDONED", 8);
    CHECK(r != UINT32_MAX && d.roots.v[r].head == 0);
    const wp_elem *syn = &d.wp.elems.v[d.wp.alts.v[d.wp.syns.v[0].first].first];
    CHECK(syn->endings == WE_PLURAL && wp_word_matches(syn, "GENEVAS", 7));
    vd_free(&d);
    unlink(path);
}

static const char *tabari_actors =
    "<NOUN>\nFORCES_\n</NOUN>\n<ADJECTIVE>\nEVIL\n</ADJECTIVE>\n"
    "ARNOR  [ARN]\nGONDOR\n+MINAS_TIRITH\n\t[GON]\n"
    "GOLLUM ; pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601 - 990815]\n\t[HOBREB > 990816]\n"
    "THE_SHIRE [FRO/BIL/SAM]\nBOROMIR [---]\nPRINCE DOL_AMROTH [--- <950630] [DOL]\n"
    "#COMMENTED [XXX]\nBAD [ABC 9912-]\n";

TEST(actor_and_agent_files) {
    ad_dict d;
    ad_init(&d, true);
    char err[256];
    const char *actors = temp_file(2, tabari_actors);
    const char *agents = temp_file(3, "PRESIDENT_  [ ~GOVPRS] ;ns\nHUMAN_RIGHTS_ACTIVISTS_ [NGM~]\n");
    CHECK(ad_load_actors(&d, actors, false, err, sizeof err) && ad_load_agents(&d, agents, false, err, sizeof err));
    CHECK(d.wp.skipped == 1 && strstr(d.wp.first_error, "bad date restriction"));
    uint32_t e = ad_first(&d, "SMEAGOL", 7);
    CHECK(e != UINT32_MAX && d.entries.v[e].type == AT_ACTOR);
    uint32_t g = d.entries.v[e].group;
    CHECK(!strcmp(ad_code_on(&d, g, (dy_date){1994, 1, 1}), "HOB"));
    CHECK(!strcmp(ad_code_on(&d, g, (dy_date){1997, 5, 1}), "HOBGOV"));
    CHECK(!strcmp(ad_code_on(&d, g, (dy_date){2001, 1, 1}), "HOBREB"));
    e = ad_first(&d, "PRINCE", 6);
    CHECK(!strcmp(ad_code_on(&d, d.entries.v[e].group, (dy_date){1995, 1, 1}), "---"));
    CHECK(!strcmp(ad_code_on(&d, d.entries.v[e].group, (dy_date){1996, 1, 1}), "DOL"));
    CHECK(d.entries.v[ad_first(&d, "FORCES", 6)].type == AT_NOUN && d.entries.v[ad_first(&d, "EVIL", 4)].type == AT_ADJ);
    e = ad_first(&d, "PRESIDENT", 9);
    CHECK(e != UINT32_MAX && d.entries.v[e].type == AT_AGENT && !strcmp(ad_code_on(&d, d.entries.v[e].group, (dy_date){0}), "~GOVPRS"));
    ad_free(&d);
    /* PETRARCH agents: !MACRO! substitutions, {} for no plural, forms in {} */
    ad_init(&d, false);
    const char *petr = temp_file(4, "!MINST! = MINISTER, MINISTRY\n!MINST!_OF_SILLY_WALKS [~GOV]\n"
                                    "MEDIA {} [~MED]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nLAWMAKER [~LEG]\n");
    CHECK(ad_load_agents(&d, petr, true, err, sizeof err) && d.wp.skipped == 0);
    CHECK(ad_first(&d, "MINISTRY", 8) != UINT32_MAX);
    const wp_elem *last = &d.wp.elems.v[d.entries.v[ad_first(&d, "LAWMAKER", 8)].words.first];
    CHECK(wp_word_matches(last, "LAWMAKERS", 9));
    last = &d.wp.elems.v[d.entries.v[ad_first(&d, "MEDIA", 5)].words.first];
    CHECK(!wp_word_matches(last, "MEDIAS", 6));
    ad_free(&d);
    unlink(actors), unlink(agents), unlink(petr);
}

/* Matcher words from a blank-separated sentence; '@' after a word marks it an actor. */
static uint32_t words_of(const char *text, pm_word *w, char store[][24]) {
    uint32_t n = 0;
    int32_t actor = 0;
    for (const char *p = text; *p;) {
        while (*p == ' ') p++;
        size_t k = strcspn(p, " ");
        if (!k) break;
        bool is_actor = p[k - 1] == '@';
        snprintf(store[n], 24, "%.*s", (int)(k - is_actor), p);
        w[n] = (pm_word){store[n], (uint16_t)(k - is_actor), is_actor ? actor++ : -1, -1};
        n++, p += k;
    }
    return n;
}

TEST(matcher) {
    wp_store s;
    wp_init(&s, true);
    char err[64], store[16][24];
    pm_word w[16];
    uint32_t n = words_of("ERIADOR@ WAS FIERCELY OPPOSED BY OSGILIATH@", w, store);
    uint32_t up[] = {2, 1, 0}, low[] = {4, 5};
    wp_seq q;
    pm_result r;
    CHECK(wp_parse(&s, "+ WAS * BY $", 12, &q, err, sizeof err));
    CHECK(n == 6 && pm_match(&s, q, w, up, 3, low, 2, &r));
    CHECK(r.tgt.actor == 0 && r.src.actor == 1 && r.tokens);
    CHECK(wp_parse(&s, "+ WAS_* BY $", 12, &q, err, sizeof err));
    CHECK(!pm_match(&s, q, w, up, 3, low, 2, &r));   /* WAS must come right before the verb */
    CHECK(wp_parse(&s, "* { BY_OSGILIATH | AGAINST }", 28, &q, err, sizeof err));
    CHECK(pm_match(&s, q, w, up, 3, low, 2, &r) && r.len == 2 + 1 + 9);   /* BY_OSGILIATH */
    wp_free(&s);
}

TEST(tabari_coder) {
    char err[256];
    ad_dict ad;
    vd_dict vd;
    ad_init(&ad, true);
    vd_init(&vd, VF_TABARI);
    const char *actors = temp_file(5, tabari_actors), *verbs = temp_file(6, tabari_verbs);
    CHECK(ad_load_actors(&ad, actors, false, err, sizeof err) && vd_load(&vd, verbs, VF_TABARI, err, sizeof err));
    tb_options o;
    tb_defaults(&o);
    tw_parse *p = malloc(sizeof *p);
    tw_init(p);
    tw_dicts dc = {&ad, &vd, NULL};
    tb_result *res = malloc(sizeof *res);
    const char *s1 = "Arnor on Monday accused Gondor of spying on its borders for years.";
    tb_code(p, &dc, &o, s1, strlen(s1), (dy_date){1995, 1, 1}, NULL, res);
    CHECK(res->status == TB_CODED && res->nevents == 1);
    CHECK(!strcmp(res->events[0].src, "ARN") && !strcmp(res->events[0].tgt, "GON") && !strcmp(res->events[0].code, "111"));
    const char *s2 = "Gondor was bitterly opposed by Arnor in the talks over the border this week.";
    tb_code(p, &dc, &o, s2, strlen(s2), (dy_date){1995, 1, 1}, NULL, res);   /* passive voice */
    CHECK(res->nevents == 1 && !strcmp(res->events[0].src, "ARN") && !strcmp(res->events[0].tgt, "GON"));
    const char *s3 = "Arnor and the evil Gondor will meet in Minas Tirith next week to talk trade.";
    tb_code(p, &dc, &o, s3, strlen(s3), (dy_date){1995, 1, 1}, NULL, res);   /* % compound, paired code */
    CHECK(res->nevents == 2 && !strcmp(res->events[0].code, "032"));
    const char *s4 = "The Shire will contribute a million swiss francs to Arnor after the war.";
    tb_code(p, &dc, &o, s4, strlen(s4), (dy_date){1995, 1, 1}, NULL, res);   /* coded compound, synset */
    CHECK(res->nevents == 3 && !strcmp(res->events[2].src, "SAM") && !strcmp(res->events[2].code, "903"));
    const char *s5 = "Arnor saw a break with Gondor coming after years of tension here.";
    tb_code(p, &dc, &o, s5, strlen(s5), (dy_date){1995, 1, 1}, NULL, res);   /* "a break": a noun */
    CHECK(res->status == TB_CODED && res->nevents == 0);
    const char *s6 = "Arnor accused Gondor.";
    tb_code(p, &dc, &o, s6, strlen(s6), (dy_date){1995, 1, 1}, NULL, res);
    CHECK(res->status == TB_SHORT);
    tw_free(p);
    free(p);
    free(res);
    vd_free(&vd);
    ad_free(&ad);
    unlink(actors), unlink(verbs);
}

TEST(petrarch_coder) {
    char err[256];
    ad_dict ad;
    vd_dict vd;
    ad_init(&ad, false);
    vd_init(&vd, VF_PETRARCH);
    const char *actors = temp_file(5, "ARNOR [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\n");
    const char *agents = temp_file(6, "GOVERNMENT [~GOV]\n");
    const char *verbs = temp_file(7, "--- CRITICIZE [121] ---\nCRITICIZE\n- * &GENINT [111]\n"
                                     "&GENINT\n+GENEVA\n");
    CHECK(ad_load_actors(&ad, actors, true, err, sizeof err) && ad_load_agents(&ad, agents, true, err, sizeof err));
    CHECK(vd_load(&vd, verbs, VF_PETRARCH, err, sizeof err));
    pt_options o;
    pt_defaults(&o);
    pt_dicts dc = {&ad, &vd, NULL, 0};
    pt_state *st = pt_new();
    pt_result res;
    const char *tree = "(ROOT (S (NP (NP (NNP Gondor) (POS 's)) (NN government)) (VP (VBD criticized) "
                       "(NP (NNP Arnor))) (. .)))";
    pt_code(st, &dc, &o, "Gondor's government criticized Arnor.", tree, strlen(tree), (dy_date){0}, &res);
    CHECK(res.status == PT_CODED && res.nevents == 1);
    CHECK(!strcmp(res.events[0].src, "GONGOV") && !strcmp(res.events[0].tgt, "ARN") && !strcmp(res.events[0].code, "121"));
    const char *passive = "(ROOT (S (NP (NNP Arnor)) (VP (VBD was) (VP (VBN criticized) (PP (IN by) "
                          "(NP (NNP Minas) (NNP Tirith))))) (. .)))";
    pt_code(st, &dc, &o, "Arnor was criticized by Minas Tirith.", passive, strlen(passive), (dy_date){0}, &res);
    CHECK(res.nevents == 1 && !strcmp(res.events[0].src, "GON") && !strcmp(res.events[0].tgt, "ARN"));
    pt_code(st, &dc, &o, "x", "(ROOT (S (NP (NNP Arnor))", 24, (dy_date){0}, &res);
    CHECK(res.status == PT_BAD_PARSE);
    pt_delete(st);
    vd_free(&vd);
    ad_free(&ad);
    unlink(actors), unlink(agents), unlink(verbs);
}

/* dyad extract --verbs: patterns over dyad's own tokens, tags and actor mentions. */
TEST(extract_with_verb_patterns) {
    char err[256];
    dyad_model *m = dyad_model_load();
    vd_dict vd;
    vd_init(&vd, VF_TABARI);
    const char *verbs = temp_file(0, "ACCUSE [112]\n- * OF SPYING [111]\n- * OF NOTHING [---]\n");
    CHECK(vd_load(&vd, verbs, VF_TABARI, err, sizeof err));
    m->verb_patterns = &vd;
    dyad_doc *d = dyad_doc_new();
    const char *text = "Russia accused Ukraine of spying on its navy on Monday.";
    dyad_article a = {.id = "t", .text = text, .len = strlen(text), .published = "2020-01-01"};
    CHECK(dyad_process(m, d, &a) == NULL);
    CHECK(d->events.n == 1 && !strcmp(d->events.v[0].cameo, "111"));
    if (d->events.n == 1) {
        const dy_event *ev = &d->events.v[0];
        CHECK(!strcmp(d->entities.v[d->mentions.v[ev->source.mention].entity].actor.country, "RUS"));
        CHECK(!strcmp(d->entities.v[d->mentions.v[ev->target.mention].entity].actor.country, "UKR"));
        CHECK(!strncmp(text + ev->cue.start, "accused", 7));
    }
    const char *null = "Russia accused Ukraine of nothing at all on Monday, officials said.";
    dyad_article b = {.id = "u", .text = null, .len = strlen(null), .published = "2020-01-01"};
    CHECK(dyad_process(m, d, &b) == NULL && d->events.n == 0);   /* a null-coded pattern silences the verb */
    dyad_doc_free(d);
    m->verb_patterns = NULL;
    dyad_model_free(m);
    vd_free(&vd);
    unlink(verbs);
}

int main(void) {
    RUN(phrase_syntax);
    RUN(word_matching);
    RUN(tabari_verbs_file);
    RUN(petrarch_verbs_file);
    RUN(actor_and_agent_files);
    RUN(matcher);
    RUN(tabari_coder);
    RUN(petrarch_coder);
    RUN(extract_with_verb_patterns);
    DONE();
}
