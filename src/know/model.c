/* model.c - parses the built-in dictionaries into hash and phrase tables.
 *
 * Every dictionary is a small text file (the header of each file in data/ gives its format); loading them all
 * takes a few milliseconds, so there is no separate compiled model format yet. */
#include "model.h"
#include "../util/die.h"
#include "tsv.h"
#include "../lang/clusters.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const lang_task_names[LT_COUNT] = {"pos", "chunk", "ner"};

#define DATA(name)                          \
    extern const char dy_data_##name[];     \
    extern const unsigned long long dy_data_##name##_size;
DATA(abbreviations)
DATA(starters)
DATA(cues)
DATA(countries)
DATA(regions)
DATA(territories)
DATA(gazetteer)
DATA(actors)
DATA(roles)
DATA(verbs)
DATA(stances)
DATA(cameo)
DATA(boilerplate)
DATA(words)
DATA(model_pos)
DATA(model_chunk)
DATA(model_ner)
DATA(clusters)
#define OPEN(r, name) tsv_open((r), dy_data_##name, (size_t)dy_data_##name##_size)

static bool field_is(tsv_field f, const char *s) { return f.n == strlen(s) && memcmp(f.p, s, f.n) == 0; }

static const char *str(dy_model *m, tsv_field f) { return dy_arena_strndup(&m->arena, f.p, f.n); }

/* Lower-case ASCII copy of a field into buf (for single-word hash keys). */
static size_t lower_into(tsv_field f, char *buf, size_t cap) {
    size_t n = f.n < cap ? f.n : cap;
    for (size_t i = 0; i < n; i++) {
        char c = f.p[i];
        buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    return n;
}

int date_cmp(dy_date a, dy_date b) {
    if (a.y != b.y) return a.y < b.y ? -1 : 1;
    if (a.m != b.m) return a.m < b.m ? -1 : 1;
    if (a.d != b.d) return a.d < b.d ? -1 : 1;
    return 0;
}

bool date_parse(const char *s, size_t n, dy_date *out) {
    if (n < 10) return false;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return false;
        } else if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    int y = atoi(s), mo = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
    out->y = (int16_t)y;
    out->m = (int8_t)mo;
    out->d = (int8_t)d;
    return true;
}

static void set_code(char *dst, tsv_field f) {
    if (f.n == 0 || field_is(f, "-")) {
        dst[0] = '\0';
        return;
    }
    tsv_copy(f, dst, 4);
}

static uint8_t parse_type(tsv_field f) {
    if (field_is(f, "PERSON")) return ET_PERSON;
    if (field_is(f, "ORG")) return ET_ORG;
    if (field_is(f, "GPE")) return ET_GPE;
    if (field_is(f, "LOC")) return ET_LOC;
    if (field_is(f, "NORP")) return ET_NORP;
    return ET_MISC;
}

static void mark(dy_model *m, const char *key, size_t n, uint32_t bit);

static void load_words(dy_model *m) {
    tsv_reader r;
    tsv_field f[3];
    char buf[64];
    OPEN(&r, abbreviations);
    while (tsv_next(&r, f, 3) >= 2) {
        uint32_t cls = field_is(f[1], "title")    ? ABBR_TITLE
                       : field_is(f[1], "number") ? ABBR_NUMBER
                       : field_is(f[1], "suffix") ? ABBR_SUFFIX
                                                  : ABBR_OTHER;
        hm_put(&m->abbrevs, buf, lower_into(f[0], buf, sizeof buf), cls);
    }
    OPEN(&r, starters);
    while (tsv_next(&r, f, 1) >= 1) mark(m, buf, lower_into(f[0], buf, sizeof buf), LEX_STARTER);
    OPEN(&r, boilerplate);
    while (tsv_next(&r, f, 1) >= 1) pt_add(&m->boiler_pt, &m->vocab, f[0].p, f[0].n, &m->abbrevs, 1, NULL);
}

static void mark(dy_model *m, const char *key, size_t n, uint32_t bit) {
    uint32_t bits = 0;
    hm_get(&m->vocab, key, n, &bits);
    hm_put(&m->vocab, key, n, bits | bit);
}

static void load_closed_classes(dy_model *m) {
    static const struct { const char *name; uint32_t bit; } classes[] = {
        {"pronoun", LEX_PRONOUN}, {"month", LEX_MONTH}, {"weekday", LEX_WEEKDAY},
        {"particle", LEX_PARTICLE}, {"locative", LEX_LOCATIVE},
        {"npstop", LEX_NPSTOP},   {"cuemod", LEX_CUEMOD},     {"irrealis", LEX_IRREALIS},
        {"regional", LEX_REGIONAL}, {"vessel", LEX_VESSEL}};
    static const char *const genders[] = {"unknown", "male", "female", "plural", "neuter"};
    tsv_reader r;
    tsv_field f[3];
    char buf[64];
    OPEN(&r, words);
    int n;
    while ((n = tsv_next(&r, f, 3)) != 0) {
        if (n < 3) dy_die("data/words.tsv line %d: expected 3 fields", r.line);
        size_t kl = lower_into(f[0], buf, sizeof buf);
        size_t c = 0;
        while (c < sizeof classes / sizeof *classes && !field_is(f[1], classes[c].name)) c++;
        if (c == sizeof classes / sizeof *classes) dy_die("data/words.tsv line %d: unknown class", r.line);
        mark(m, buf, kl, classes[c].bit);
        uint32_t value = 0;
        if (classes[c].bit == LEX_PRONOUN) {
            while (value < 5 && !field_is(f[2], genders[value])) value++;
            if (value == 5) dy_die("data/words.tsv line %d: unknown gender", r.line);
        } else if (f[2].n && f[2].p[0] >= '0' && f[2].p[0] <= '9') {
            value = (uint32_t)atoi(f[2].p);
        }
        if (classes[c].bit & (LEX_PRONOUN | LEX_MONTH | LEX_WEEKDAY)) hm_put(&m->word_values, buf, kl, value);
    }
}

uint32_t model_word_value(const dy_model *m, const dy_token *t) {
    uint32_t v = 0;
    hm_get_hashed(&m->word_values, t->key, t->key_len, t->key_hash, &v);
    return v;
}

static void load_cues(dy_model *m) {
    tsv_reader r;
    tsv_field f[3];
    OPEN(&r, cues);
    int n;
    while ((n = tsv_next(&r, f, 3)) != 0) {
        if (n < 3) dy_die("data/cues.tsv line %d: expected 3 fields", r.line);
        kb_cue *c = &DY_PUSH(&m->arena, m->cues);
        c->lemma = str(m, f[1]);
        c->kind = field_is(f[2], "tell")   ? CUE_TELL
                  : field_is(f[2], "prep") ? CUE_PREP
                  : field_is(f[2], "name") ? CUE_NAMING
                  : field_is(f[2], "view") ? CUE_VIEW
                  : field_is(f[2], "open") ? CUE_OPEN
                                           : CUE_VERB;
        pt_add(c->kind == CUE_VIEW ? &m->view_pt : &m->cue_pt, &m->vocab, f[0].p, f[0].n, &m->abbrevs,
               (uint32_t)(m->cues.n - 1), NULL);
    }
}

static void load_countries(dy_model *m) {
    tsv_reader r;
    tsv_field f[7], names[64];
    OPEN(&r, countries);
    int n;
    while ((n = tsv_next(&r, f, 7)) != 0) {
        if (n < 7) dy_die("data/countries.tsv line %d: expected 7 fields", r.line);
        uint32_t idx = (uint32_t)m->countries.n;
        kb_country *c = &DY_PUSH(&m->arena, m->countries);
        tsv_copy(f[0], c->iso3, sizeof c->iso3);
        c->name = str(m, f[1]);
        pt_add(&m->country_pt, &m->vocab, f[1].p, f[1].n, &m->abbrevs, idx << 2 | CM_NAME, NULL);
        int k = tsv_split(f[2], '|', names, 64);
        for (int i = 0; i < k && i < 64; i++)
            pt_add(&m->country_pt, &m->vocab, names[i].p, names[i].n, &m->abbrevs, idx << 2 | CM_NAME, NULL);
        k = tsv_split(f[3], '|', names, 64);
        for (int i = 0; i < k && i < 64; i++)
            pt_add(&m->country_pt, &m->vocab, names[i].p, names[i].n, &m->abbrevs, idx << 2 | CM_DEMONYM, NULL);
        if (f[4].n) pt_add(&m->country_pt, &m->vocab, f[4].p, f[4].n, &m->abbrevs, idx << 2 | CM_CAPITAL, NULL);
    }
}

static void load_territories(dy_model *m) {
    tsv_reader r;
    tsv_field f[3];
    OPEN(&r, territories);
    int n;
    while ((n = tsv_next(&r, f, 3)) != 0) {
        if (n < 2) dy_die("data/territories.tsv line %d: expected a territory and its sovereign", r.line);
        kb_territory *t = &DY_PUSH(&m->arena, m->territories);
        tsv_copy(f[0], t->iso3, sizeof t->iso3);
        tsv_copy(f[1], t->sovereign, sizeof t->sovereign);
    }
}

const char *model_sovereign(const dy_model *m, const char *iso3) {
    for (size_t i = 0; i < m->territories.n; i++)
        if (!strcmp(m->territories.v[i].iso3, iso3)) return m->territories.v[i].sovereign;
    return iso3;
}

/* A place under one of its names, chained after the places already called so; a world
 * region ("Asia", no country) goes first, and so does a state whose name no city of its
 * country has. */
static void add_place_name(dy_model *m, tsv_field name, uint32_t idx) {
    uint32_t first;
    if (pt_add(&m->place_pt, &m->vocab, name.p, name.n, &m->abbrevs, idx, &first)) return;
    /* a world region; a state no city of its own country shares its name with ("Florida"
     * is the state, not the Cuban town; "Washington" stays the capital) */
    bool ahead = !m->places.v[idx].iso3[0];
    if (!ahead && m->places.v[idx].kind == PK_REGION) {
        ahead = true;
        for (uint32_t p = first; p != DY_NONE; p = m->places.v[p].next)
            if (!strcmp(m->places.v[p].iso3, m->places.v[idx].iso3)) ahead = false;
    }
    if (ahead) {
        m->places.v[idx].next = first;
        pt_set(&m->place_pt, &m->vocab, name.p, name.n, &m->abbrevs, idx);
        return;
    }
    while (m->places.v[first].next != DY_NONE && first != idx) first = m->places.v[first].next;
    if (first != idx) m->places.v[first].next = idx;
}

/* Cities first (most populous first, as the gazetteer is sorted), then regions: "New York"
 * and "Washington" are cities before they are states. */
static void load_places(dy_model *m) {
    tsv_reader r;
    tsv_field f[6], names[8];
    OPEN(&r, gazetteer);
    int n;
    while ((n = tsv_next(&r, f, 6)) != 0) {
        if (n < 6) dy_die("gazetteer line %d: expected 6 fields", r.line);
        kb_place *p = &DY_PUSH(&m->arena, m->places);
        p->name = str(m, f[0]);
        tsv_copy(f[1], p->iso3, sizeof p->iso3);
        if (!field_is(f[2], "-")) tsv_copy(f[2], p->admin, sizeof p->admin);
        p->kind = PK_CITY;
        p->lat = (float)atof(f[3].p);
        p->lon = (float)atof(f[4].p);
        p->population = (uint32_t)strtoul(f[5].p, NULL, 10);
        p->next = DY_NONE;
        add_place_name(m, f[0], (uint32_t)m->places.n - 1);
    }
    OPEN(&r, regions);
    while ((n = tsv_next(&r, f, 4)) != 0) {
        if (n < 3) dy_die("data/regions.tsv line %d: expected 4 fields", r.line);
        kb_place *p = &DY_PUSH(&m->arena, m->places);
        p->name = str(m, f[0]);
        set_code(p->iso3, f[1]);   /* "-": a world region */
        set_code(p->admin, f[2]);
        p->kind = PK_REGION;
        p->next = DY_NONE;
        uint32_t idx = (uint32_t)m->places.n - 1;
        add_place_name(m, f[0], idx);
        int k = n >= 4 ? tsv_split(f[3], '|', names, 8) : 0;
        for (int i = 0; i < k; i++) add_place_name(m, names[i], idx);
    }
}

static void parse_date_field(tsv_field f, dy_date *d, int line) {
    memset(d, 0, sizeof *d);
    if (f.n == 0 || field_is(f, "-")) return;
    if (!date_parse(f.p, f.n, d)) dy_die("data/actors.tsv line %d: bad date", line);
}

/* Countries whose people's names put the family name first: "Kim" is Kim Jong Un's, "Xi"
 * Xi Jinping's. */
static bool family_name_first(const char *iso3) {
    static const char *const codes[] = {"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM", "KHM", "SGP"};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        if (!strcmp(iso3, codes[i])) return true;
    return false;
}

void model_add_surname(dy_model *m, const char *name, size_t len, uint32_t idx) {
    const char *p = name, *end = name + len;
    const char *b = p, *e = end;
    if (family_name_first(m->actors.v[idx].code.country)) {
        e = memchr(p, ' ', len);
        if (!e) return;
    } else {
        /* the last word, before a generational suffix ("Robert F. Kennedy Jr.") */
        for (;;) {
            b = e;
            while (b > p && b[-1] != ' ') b--;
            if (b == p) return;   /* a single name: the dictionary lists it whole */
            size_t wl = (size_t)(e - b);
            bool suffix = (wl == 3 && (!memcmp(b, "Jr.", 3) || !memcmp(b, "Sr.", 3) || !memcmp(b, "III", 3))) ||
                          (wl == 2 && !memcmp(b, "II", 2));
            if (!suffix) break;
            e = b - 1;
        }
    }
    uint32_t first;
    if (pt_add(&m->surname_pt, &m->vocab, b, (size_t)(e - b), &m->abbrevs, idx, &first)) return;
    while (m->actors.v[first].same_surname != DY_NONE) first = m->actors.v[first].same_surname;
    m->actors.v[first].same_surname = idx;
}

static void load_actors(dy_model *m) {
    tsv_reader r;
    tsv_field f[6], names[32];
    OPEN(&r, actors);
    int n;
    while ((n = tsv_next(&r, f, 6)) != 0) {
        if (n < 6) dy_die("data/actors.tsv line %d: expected 6 fields", r.line);
        uint32_t idx = (uint32_t)m->actors.n;
        kb_actor *a = &DY_PUSH(&m->arena, m->actors);
        int k = tsv_split(f[0], '|', names, 32);
        if (k == 0) dy_die("data/actors.tsv line %d: no name", r.line);
        a->name = str(m, names[0]);
        a->type = parse_type(f[1]);
        set_code(a->code.country, f[2]);
        a->stateless = field_is(f[2], "-");
        set_code(a->code.sector, f[3]);
        parse_date_field(f[4], &a->from, r.line);
        parse_date_field(f[5], &a->until, r.line);
        a->next = a->same_surname = DY_NONE;
        bool later_period = false;
        for (int i = 0; i < k && i < 32; i++) {
            uint32_t first;
            if (!pt_add(&m->actor_pt, &m->vocab, names[i].p, names[i].n, &m->abbrevs, idx, &first)) {
                /* Another period of an actor already known: chain it (same canonical name only). */
                kb_actor *p = &m->actors.v[first];
                if (first == idx || strcmp(p->name, a->name) != 0) continue;   /* an alias written twice */
                later_period = true;
                while (p->next != DY_NONE && p->next != idx) p = &m->actors.v[p->next];
                if (p != a && p->next == DY_NONE) p->next = idx;
            }
        }
        if (a->type == ET_PERSON && !later_period) model_add_surname(m, names[0].p, names[0].n, idx);
    }
}

static bool ends_with(tsv_field f, const char *suffix) {
    size_t n = strlen(suffix);
    return f.n >= n && memcmp(f.p + f.n - n, suffix, n) == 0;
}

/* Gender a title or role word implies: "Mrs.", "spokeswoman", "king". */
static uint8_t role_gender(tsv_field f) {
    static const char *const male[] = {"mr.", "mr", "sir", "lord", "king", "prince", "father", "brother"};
    static const char *const female[] = {"mrs.", "mrs", "ms.", "ms", "miss", "madam", "dame", "lady",
                                         "queen", "princess", "sister"};
    for (size_t i = 0; i < sizeof female / sizeof *female; i++)
        if (field_is(f, female[i])) return G_FEMALE;
    for (size_t i = 0; i < sizeof male / sizeof *male; i++)
        if (field_is(f, male[i])) return G_MALE;
    if (ends_with(f, "woman") || ends_with(f, "women")) return G_FEMALE;
    if (ends_with(f, "man") || ends_with(f, "men")) return G_MALE;
    return G_UNKNOWN;
}

static void load_roles(dy_model *m) {
    tsv_reader r;
    tsv_field f[4];
    OPEN(&r, roles);
    int n;
    while ((n = tsv_next(&r, f, 4)) != 0) {
        if (n < 3) dy_die("data/roles.tsv line %d: expected 4 fields", r.line);
        kb_role *ro = &DY_PUSH(&m->arena, m->roles);
        set_code(ro->code.sector, f[1]);
        ro->kind = field_is(f[2], "title") ? ROLE_TITLE : field_is(f[2], "honorific") ? ROLE_HONORIFIC : ROLE_NOUN;
        ro->stateless = n >= 4 && field_is(f[3], "none");
        if (n >= 4 && !ro->stateless) set_code(ro->code.country, f[3]);
        ro->gender = role_gender(f[0]);
        ro->plural = f[0].n > 3 && f[0].p[f[0].n - 1] == 's' && !strchr("sui", f[0].p[f[0].n - 2]);
        pt_add(&m->role_pt, &m->vocab, f[0].p, f[0].n, &m->abbrevs, (uint32_t)(m->roles.n - 1), NULL);
    }
}

/* Event words: "phrase <TAB> cameo [<TAB> verb|noun]" lines into m->verbs and table pt. */
static void load_event_words(dy_model *m, tsv_reader *r, const char *file, phrase_table *pt) {
    tsv_field f[3];
    int n;
    while ((n = tsv_next(r, f, 3)) != 0) {
        if (n < 2) dy_die("%s line %d: expected a phrase and a CAMEO code", file, r->line);
        kb_verb *v = &DY_PUSH(&m->arena, m->verbs);
        tsv_copy(f[1], v->cameo, sizeof v->cameo);
        v->noun = n >= 3 && field_is(f[2], "noun");
        pt_add(pt, &m->vocab, f[0].p, f[0].n, &m->abbrevs, (uint32_t)(m->verbs.n - 1), NULL);
    }
}

static void load_verbs(dy_model *m) {
    tsv_reader r;
    OPEN(&r, verbs);
    load_event_words(m, &r, "data/verbs.tsv", &m->verb_pt);
    OPEN(&r, stances);
    load_event_words(m, &r, "data/stances.tsv", &m->stance_pt);
    int n;
    OPEN(&r, cameo);
    tsv_field g[5];
    while ((n = tsv_next(&r, g, 5)) != 0) {
        if (n < 4) dy_die("data/cameo.tsv line %d: expected 5 fields", r.line);
        kb_cameo *c = &DY_PUSH(&m->arena, m->cameo);
        tsv_copy(g[0], c->code, sizeof c->code);
        if (!field_is(g[1], "-")) tsv_copy(g[1], c->plover, sizeof c->plover);
        c->goldstein = (float)atof(g[2].p);
        c->quad = (uint8_t)atoi(g[3].p);
        hm_put(&m->cameo_map, c->code, strlen(c->code), (uint32_t)(m->cameo.n - 1));
    }
}

/* The built-in models; an empty file (before the first `dyad train`) means none. */
static void load_builtin_taggers(dy_model *m) {
    const char *blobs[LT_COUNT] = {dy_data_model_pos, dy_data_model_chunk, dy_data_model_ner};
    const unsigned long long sizes[LT_COUNT] = {dy_data_model_pos_size, dy_data_model_chunk_size,
                                                dy_data_model_ner_size};
    char err[128];
    for (int t = 0; t < LT_COUNT; t++) {
        if (!sizes[t]) continue;
        if (!ap_open(&m->taggers[t], blobs[t], (size_t)sizes[t], err, sizeof err))
            dy_die("built-in model models/%s.ap: %s", lang_task_names[t], err);
        m->has_tagger[t] = true;
    }
}

bool model_load_taggers(dy_model *m, const char *dir, char *err, size_t errlen) {
    for (int t = 0; t < LT_COUNT; t++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.ap", dir, lang_task_names[t]);
        int fd = open(path, O_RDONLY);
        if (fd < 0) continue;
        struct stat st;
        void *p = MAP_FAILED;
        if (fstat(fd, &st) == 0 && st.st_size > 0) p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        close(fd);
        if (p == MAP_FAILED) {
            snprintf(err, errlen, "%s: cannot map", path);
            return false;
        }
        char why[128];
        if (!ap_open(&m->taggers[t], p, (size_t)st.st_size, why, sizeof why)) {
            munmap(p, (size_t)st.st_size);
            snprintf(err, errlen, "%s: %s", path, why);
            return false;
        }
        if (m->mapped[t]) munmap(m->mapped[t], m->mapped_size[t]);
        m->mapped[t] = p;
        m->mapped_size[t] = (size_t)st.st_size;
        m->has_tagger[t] = true;
    }
    return true;
}

dy_model *model_load(void) {
    dy_model *m = calloc(1, sizeof *m);
    if (!m) dy_die("out of memory (model)");
    dy_arena_init(&m->arena, 1 << 16);
    hm_init(&m->abbrevs);
    hm_init(&m->vocab);
    hm_init(&m->word_values);
    hm_init(&m->cameo_map);
    pt_init(&m->cue_pt, LEX_CUE);
    pt_init(&m->view_pt, LEX_VIEW);
    pt_init(&m->country_pt, LEX_COUNTRY);
    pt_init(&m->place_pt, LEX_PLACE);
    pt_init(&m->actor_pt, LEX_ACTOR);
    pt_init(&m->surname_pt, LEX_SURNAME);
    pt_init(&m->role_pt, LEX_ROLE);
    pt_init(&m->verb_pt, LEX_VERB);
    pt_init(&m->stance_pt, LEX_STANCE);
    pt_init(&m->boiler_pt, LEX_BOILER);
    load_words(m);
    load_closed_classes(m);
    load_cues(m);
    load_countries(m);
    load_territories(m);
    load_places(m);
    load_actors(m);
    load_roles(m);
    load_verbs(m);
    load_builtin_taggers(m);
    lemma_load(&m->lemmas);
    hm_init(&m->word_classes);
    clusters_load(&m->word_classes, dy_data_clusters, (size_t)dy_data_clusters_size);
    return m;
}

void model_free(dy_model *m) {
    if (!m) return;
    hm_free(&m->abbrevs);
    lemma_free(&m->lemmas);
    hm_free(&m->word_classes);
    hm_free(&m->vocab);
    hm_free(&m->word_values);
    hm_free(&m->cameo_map);
    pt_free(&m->cue_pt);
    pt_free(&m->view_pt);
    pt_free(&m->country_pt);
    pt_free(&m->place_pt);
    pt_free(&m->actor_pt);
    pt_free(&m->surname_pt);
    pt_free(&m->role_pt);
    pt_free(&m->verb_pt);
    pt_free(&m->stance_pt);
    pt_free(&m->boiler_pt);
    dy_arena_free(&m->arena);
    for (int t = 0; t < LT_COUNT; t++)
        if (m->mapped[t]) munmap(m->mapped[t], m->mapped_size[t]);
    free(m);
}

const kb_actor *model_actor_on(const dy_model *m, uint32_t first, dy_date when) {
    const kb_actor *a = &m->actors.v[first], *before = NULL;
    for (;;) {
        if (!when.y) {
            if (a->next == DY_NONE) return a;   /* undated article: the latest period */
        } else {
            bool after_from = !a->from.y || date_cmp(when, a->from) >= 0;
            bool before_until = !a->until.y || date_cmp(when, a->until) <= 0;
            if (after_from && before_until) return a;
            if (after_from) before = a;
        }
        if (a->next == DY_NONE) break;
        a = &m->actors.v[a->next];
    }
    /* No period holds the date: the latest one that began before it, else the first. */
    return before ? before : &m->actors.v[first];
}

const kb_cameo *model_cameo(const dy_model *m, const char *code) {
    uint32_t i;
    return hm_gets(&m->cameo_map, code, &i) ? &m->cameo.v[i] : NULL;
}
