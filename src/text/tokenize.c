/* tokenize.c - a hand-written scanner: one pass over the bytes, ASCII handled through
 * a class table, other code points through utf8proc's category lookup. Tokens are
 * appended to doc->toks; keys are made once per token (ASCII lower-casing in place, the
 * rare non-ASCII token through utf8proc NFC + case folding). */
#include "tokenize.h"
#include "utf8.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { C_OTHER, C_SPACE, C_NL, C_ALPHA, C_DIGIT };

static unsigned char ascii_class[128];

static void init_classes(void) {
    if (ascii_class['a']) return;
    for (int c = 0; c < 128; c++) {
        ascii_class[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? C_ALPHA
                         : (c >= '0' && c <= '9')                          ? C_DIGIT
                         : c == '\n'                                       ? C_NL
                         : c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ? C_SPACE
                                                                                        : C_OTHER;
    }
}

/* Class of the code point at s[i]; *n receives its byte length. */
static int cls_slow(const char *s, uint32_t len, uint32_t i, uint32_t *n, int32_t *cp_out);

static inline int cls_at(const char *s, uint32_t len, uint32_t i, uint32_t *n, int32_t *cp_out) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *n = 1;
        if (cp_out) *cp_out = c;
        return ascii_class[c];
    }
    return cls_slow(s, len, i, n, cp_out);
}

static int cls_slow(const char *s, uint32_t len, uint32_t i, uint32_t *n, int32_t *cp_out) {
    size_t j = i;
    int32_t cp = u8_decode(s, len, &j);
    *n = (uint32_t)(j - i);
    if (cp_out) *cp_out = cp;
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) return C_NL;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_ALPHA;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return C_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return C_NL;
    case UTF8PROC_CATEGORY_CF:   /* zero-width and soft hyphen: treat as space */
        return C_SPACE;
    default:
        return C_OTHER;
    }
}

static bool is_alnum_at(const char *s, uint32_t len, uint32_t i) {
    if (i >= len) return false;
    uint32_t n;
    int c = cls_at(s, len, i, &n, NULL);
    return c == C_ALPHA || c == C_DIGIT;
}

/* Apostrophe at s[i]: ' or ’ (U+2019); returns its byte length or 0. */
static uint32_t apostrophe_at(const char *s, uint32_t len, uint32_t i) {
    if (i < len && s[i] == '\'') return 1;
    if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99)
        return 3;
    return 0;
}

static bool ascii_ieq(const char *a, const char *lit, uint32_t n) {
    for (uint32_t k = 0; k < n; k++) {
        char c = a[k];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != lit[k]) return false;
    }
    return true;
}

/* Length of a clitic that starts at the apostrophe s[i] (’s, 're, 've, 'll, 'd, 'm), or 0. */
static uint32_t clitic_len(const char *s, uint32_t len, uint32_t i) {
    uint32_t a = apostrophe_at(s, len, i);
    if (!a) return 0;
    static const char *const clitics[] = {"s", "re", "ve", "ll", "d", "m"};
    for (size_t k = 0; k < sizeof clitics / sizeof *clitics; k++) {
        uint32_t n = (uint32_t)strlen(clitics[k]);
        if (i + a + n <= len && ascii_ieq(s + i + a, clitics[k], n) && !is_alnum_at(s, len, i + a + n))
            return a + n;
    }
    return 0;
}

/* Quote-mark code points and their direction. */
static int quote_mark(int32_t cp, uint16_t *flags) {
    switch (cp) {
    case '"': *flags = 0; return 1;
    case '\'': case '`': *flags = TF_QSINGLE; return 1;
    case 0x201C: case 0x201E: case 0x00AB: *flags = TF_QOPEN; return 1;     /* “ „ « */
    case 0x201D: case 0x00BB: *flags = TF_QCLOSE; return 1;                 /* ” » */
    case 0x2018: case 0x201A: *flags = TF_QOPEN | TF_QSINGLE; return 1;     /* ‘ ‚ */
    case 0x2019: *flags = TF_QCLOSE | TF_QSINGLE; return 1;                 /* ’ */
    default: return 0;
    }
}

/* The lookup key of s[0..n): lower-cased in one pass with its FNV-1a hash (hm_hash) when
 * the token is ASCII; *key_hash is left for the caller when it is not. */
static const char *make_key(dy_arena *a, const char *s, uint32_t n, uint32_t *key_len, uint32_t *key_hash) {
    *key_len = n;
    char *p = dy_arena_alloc_raw(a, n + 1);
    uint32_t h = 2166136261u;
    uint32_t k = 0;
    for (; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c >= 0x80) break;
        c = (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
        p[k] = (char)c;
        h = (h ^ c) * 16777619u;
    }
    if (k == n) {
        p[n] = '\0';
        *key_hash = h;
        return p;
    }
    *key_hash = 0;
    /* Typographic apostrophes become ASCII before folding, so "Trump’s" and "Trump's" match. */
    char *tmp = dy_arena_alloc(a, n + 1);
    uint32_t m = 0;
    for (uint32_t k = 0; k < n;) {
        if (k + 2 < n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
            ((unsigned char)s[k + 2] == 0x99 || (unsigned char)s[k + 2] == 0x98)) {
            tmp[m++] = '\'';
            k += 3;
        } else {
            tmp[m++] = s[k++];
        }
    }
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)tmp, m, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    if (r < 0) {
        *key_len = m;
        return dy_arena_strndup(a, tmp, m);
    }
    *key_len = (uint32_t)r;
    char *key = dy_arena_strndup(a, (const char *)out, (size_t)r);
    free(out);
    return key;
}

typedef struct scanner {
    dy_doc *d;
    const hashmap *abbrevs, *vocab;
    uint16_t pending;   /* TF_SPACE / TF_NEWLINE for the next token */
} scanner;

/* TF_CAP and TF_ALLCAP of a word: letters decoded only when the word is not ASCII. */
static uint16_t case_flags(const char *s, uint32_t len, uint32_t start, uint32_t end) {
    uint32_t upper = 0, lower = 0, n;
    bool first_upper = false, seen = false;
    for (uint32_t i = start; i < end; i += n) {
        unsigned char c = (unsigned char)s[i];
        bool up;
        n = 1;
        if (c < 0x80) {
            up = c >= 'A' && c <= 'Z';
            if (!up && !(c >= 'a' && c <= 'z')) continue;
        } else {
            int32_t cp;
            if (cls_at(s, len, i, &n, &cp) != C_ALPHA) continue;
            up = utf8proc_isupper(cp);
        }
        if (!seen) first_upper = up;
        seen = true;
        if (up) upper++;
        else lower++;
    }
    return (uint16_t)((first_upper ? TF_CAP : 0) | (upper >= 2 && lower == 0 ? TF_ALLCAP : 0));
}

void tok_push(dy_doc *d, const hashmap *vocab, uint32_t start, uint32_t end, uint16_t kind, uint16_t flags) {
    dy_token *t = &DY_PUSH(&d->arena, d->toks);
    t->start = start;
    t->end = end;
    t->kind = kind;
    t->flags = flags;
    t->key = make_key(&d->arena, d->text + start, end - start, &t->key_len, &t->key_hash);
    if (!t->key_hash) t->key_hash = hm_hash(t->key, t->key_len);
    t->lex = 0;
    /* Only words (and symbols such as ©) start dictionary phrases. */
    if (vocab && (kind == TK_WORD || kind == TK_SYM)) hm_get_hashed(vocab, t->key, t->key_len, t->key_hash, &t->lex);
    t->sent = 0;
    if (kind == TK_WORD) t->flags |= case_flags(d->text, d->len, start, end);
}

static void emit(scanner *sc, uint32_t start, uint32_t end, uint16_t kind, uint16_t flags) {
    tok_push(sc->d, sc->vocab, start, end, kind, flags | sc->pending);
    sc->pending = 0;
}

uint16_t tok_kind_of(const char *s, uint32_t n) {
    if (n == 0) return TK_PUNCT;
    uint32_t len;
    int32_t cp;
    init_classes();
    int c = cls_at(s, n, 0, &len, &cp);
    uint16_t qf;
    if (c == C_ALPHA) return TK_WORD;
    if (c == C_DIGIT) return TK_NUM;
    if (quote_mark(cp, &qf) && len == n) return TK_QUOTE;
    return TK_PUNCT;
}

static bool starts_with(const char *s, uint32_t len, uint32_t i, const char *lit) {
    uint32_t n = (uint32_t)strlen(lit);
    return i + n <= len && ascii_ieq(s + i, lit, n);
}

/* A URL from s[i]: up to whitespace, without trailing punctuation. */
static uint32_t url_end(const char *s, uint32_t len, uint32_t i) {
    uint32_t j = i;
    while (j < len && (unsigned char)s[j] > ' ' && s[j] != '"' && s[j] != '<' && s[j] != '>') {
        if ((unsigned char)s[j] == 0xE2) break;   /* curly quotes, dashes */
        j++;
    }
    while (j > i && strchr(".,;:!?)]'", s[j - 1])) j--;
    return j;
}

/* Scan a word or number starting at s[i]; returns its end. */
static uint32_t word_end(scanner *sc, uint32_t i, bool *abbrev, bool *email) {
    const char *s = sc->d->text;
    uint32_t len = sc->d->len, j = i, n;
    bool has_dot = false, only_letters_dots = true, numeric = true;
    *abbrev = *email = false;
    while (j < len) {
        unsigned char b = (unsigned char)s[j];
        int c;
        if (b < 0x80) {   /* the common case, without a call */
            c = ascii_class[b];
            n = 1;
            if (c == C_SPACE || c == C_NL) break;
        } else {
            c = cls_at(s, len, j, &n, NULL);
        }
        if (c == C_ALPHA || c == C_DIGIT) {
            if (c == C_ALPHA) numeric = false;
            j += n;
            continue;
        }
        char ch = s[j];
        uint32_t a;
        if ((a = apostrophe_at(s, len, j)) != 0) {
            /* n't: split before the n */
            if (j > i + 1 && (s[j - 1] == 'n' || s[j - 1] == 'N') && j + a < len &&
                (s[j + a] == 't' || s[j + a] == 'T') && !is_alnum_at(s, len, j + a + 1))
                return j - 1;
            if (clitic_len(s, len, j)) return j;
            if (is_alnum_at(s, len, j + a) && j > i) { j += a; continue; }   /* O'Brien */
            return j;
        }
        if (ch == '.' && is_alnum_at(s, len, j + 1)) {   /* U.S, 4.5, example.com */
            has_dot = true;
            j++;
            continue;
        }
        if ((ch == '-' || ch == '&' || ch == '/') && j > i && is_alnum_at(s, len, j + 1)) {
            if (ch == '/' && !numeric) return j;
            j++;
            continue;
        }
        if (ch == ',' && numeric && j + 3 < len && s[j + 1] >= '0' && s[j + 1] <= '9' &&
            s[j + 2] >= '0' && s[j + 2] <= '9' && s[j + 3] >= '0' && s[j + 3] <= '9' &&
            !is_alnum_at(s, len, j + 4)) {
            j += 4;
            continue;
        }
        if (ch == '@' && j > i && is_alnum_at(s, len, j + 1)) {
            *email = true;
            j++;
            continue;
        }
        break;
    }
    for (uint32_t k = i; k < j; k++)
        if (s[k] != '.' && !((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z'))) only_letters_dots = false;
    /* A trailing period belongs to abbreviations ("Mr.", "Jan."), initials ("W.", "S.A.")
     * and dotted abbreviations ("U.S."), not to "...". */
    if (!*email && j < len && s[j] == '.' && !(j + 1 < len && s[j + 1] == '.')) {
        bool single_letter = (j - i == 1) && only_letters_dots;
        bool dotted = has_dot && only_letters_dots;
        /* Party-state tags: "D-Calif.", "R-N.Y.", "I-Vt." keep the period of their state. */
        uint32_t seg = i + 2;
        if (j > seg && s[i + 1] == '-' && s[i] >= 'A' && s[i] <= 'Z') {
            bool seg_dotted = false, seg_letters = true;
            for (uint32_t k = seg; k < j; k++) {
                if (s[k] == '.') seg_dotted = true;
                else if (!((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z'))) seg_letters = false;
            }
            if (seg_letters && (seg_dotted || j - seg <= 2)) dotted = true;
            else if (seg_letters && sc->abbrevs && j + 1 - seg < 32) {
                char buf[32];
                for (uint32_t k = seg; k <= j; k++) buf[k - seg] = (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] + 32 : s[k]);
                dotted = hm_get(sc->abbrevs, buf, j + 1 - seg, NULL);
            }
        }
        bool known = false;
        if (sc->abbrevs && j + 1 - i < 32) {
            char buf[32];
            for (uint32_t k = i; k <= j; k++) {
                char c = s[k];
                buf[k - i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            }
            known = hm_get(sc->abbrevs, buf, j + 1 - i, NULL);
        }
        if (single_letter || dotted || known) {
            *abbrev = true;
            return j + 1;
        }
    }
    return j;
}

void tok_run(dy_doc *d, const hashmap *abbrevs, const hashmap *vocab) {
    init_classes();
    scanner sc = {d, abbrevs, vocab, TF_NEWLINE};
    /* News runs about five bytes a token: reserve once instead of growing by doubling. */
    if (!d->toks.cap) {
        d->toks.cap = d->len / 5 + 16;
        d->toks.v = dy_arena_alloc_raw(&d->arena, d->toks.cap * sizeof *d->toks.v);
    }
    const char *s = d->text;
    uint32_t len = d->len, i = 0, n;
    while (i < len) {
        int32_t cp;
        int c = cls_at(s, len, i, &n, &cp);
        if (c == C_SPACE) { sc.pending |= TF_SPACE; i += n; continue; }
        if (c == C_NL) { sc.pending |= TF_SPACE | TF_NEWLINE; i += n; continue; }
        if (c == C_ALPHA || c == C_DIGIT) {
            if ((s[i] == 'h' || s[i] == 'w' || s[i] == 'H' || s[i] == 'W') &&
                (starts_with(s, len, i, "http://") || starts_with(s, len, i, "https://") ||
                 starts_with(s, len, i, "www."))) {
                uint32_t e = url_end(s, len, i);
                emit(&sc, i, e, TK_URL, 0);
                i = e;
                continue;
            }
            bool abbrev, email;
            uint32_t e = word_end(&sc, i, &abbrev, &email);
            if (e == i) e = i + n;
            bool digits = c == C_DIGIT;
            emit(&sc, i, e, email ? TK_EMAIL : digits ? TK_NUM : TK_WORD, abbrev ? TF_ABBREV : 0);
            i = e;
            continue;
        }
        /* Clitics that start with an apostrophe right after a word: ’s 're n't handled above. */
        uint32_t cl;
        if (d->toks.n && !(sc.pending & TF_SPACE) && d->toks.v[d->toks.n - 1].kind == TK_WORD &&
            (cl = clitic_len(s, len, i)) != 0) {
            emit(&sc, i, i + cl, TK_WORD, 0);
            i += cl;
            continue;
        }
        uint16_t qf;
        if (quote_mark(cp, &qf)) {
            /* Two apostrophes or backticks are a double mark (''…'' in the New York Times). */
            if ((cp == '\'' || cp == '`') && i + 1 < len && s[i + 1] == s[i]) {
                n = 2;
                qf = cp == '`' ? TF_QOPEN : 0;
            }
            /* Straight marks get a direction from their surroundings. */
            if (!(qf & (TF_QOPEN | TF_QCLOSE))) {
                bool space_before = i == 0 || (sc.pending & TF_SPACE) ||
                                    strchr("([{-", s[i - 1]) != NULL;
                bool space_after = i + n >= len || strchr(" \t\r\n.,;:!?)]}-", s[i + n]) != NULL;
                if (space_before && !space_after) qf |= TF_QOPEN;
                else if (!space_before && space_after) qf |= TF_QCLOSE;
            }
            /* An apostrophe inside or after a word (’ in "Trump’s" is handled as a clitic;
             * "the Joneses’ house") is not a quote mark when it closes without an opener. */
            emit(&sc, i, i + n, TK_QUOTE, qf);
            i += n;
            continue;
        }
        /* Multi-character punctuation: "...", "--", and runs of the same dash. */
        uint32_t e = i + n;
        if (s[i] == '.' || s[i] == '-' || s[i] == '!' || s[i] == '?') {
            while (e < len && s[e] == s[i]) e++;
        }
        /* Non-ASCII dashes, bullets, ellipses and brackets are punctuation (Unicode P*);
         * currency, math and other signs are symbols. */
        uint16_t kind = TK_PUNCT;
        if (cp < 0x80 ? strchr("$%&#+=<>*^|~@", s[i]) != NULL : utf8proc_category(cp) >= UTF8PROC_CATEGORY_SM)
            kind = TK_SYM;
        emit(&sc, i, e, kind, 0);
        i = e;
    }
}

char *tok_phrase_key(dy_arena *a, const char *phrase, const hashmap *abbrevs, uint32_t *ntoks) {
    dy_doc tmp;
    doc_init(&tmp);
    dy_arena_init(&tmp.arena, 4096);   /* a phrase is a few tokens */
    doc_reset(&tmp, phrase, (uint32_t)strlen(phrase));
    tok_run(&tmp, abbrevs, NULL);
    size_t total = 1;
    for (size_t k = 0; k < tmp.toks.n; k++) total += strlen(tmp.toks.v[k].key) + 1;
    char *out = dy_arena_alloc(a, total), *p = out;
    for (size_t k = 0; k < tmp.toks.n; k++) {
        if (k) *p++ = ' ';
        size_t n = strlen(tmp.toks.v[k].key);
        memcpy(p, tmp.toks.v[k].key, n);
        p += n;
    }
    *p = '\0';
    if (ntoks) *ntoks = (uint32_t)tmp.toks.n;
    doc_free(&tmp);
    return out;
}
