#include "dates.h"
#include <string.h>

/* Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's days_from_civil. */
static long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static dy_date civil_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    return (dy_date){(int16_t)(y + (m <= 2)), (int8_t)m, (int8_t)d};
}

dy_date date_add_days(dy_date d, int days) {
    return civil_from_days(days_from_civil(d.y, d.m, d.d) + days);
}

dy_date date_in_sentence(const dy_doc *d, const dy_model *m, uint32_t sent) {
    dy_date none = {0, 0, 0}, pub = d->published;
    if (!pub.y) return none;
    const dy_sentence *s = &d->sents.v[sent];
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
        const dy_token *t = &d->toks.v[k];
        if (t->kind != TK_WORD) continue;
        int mo = (t->lex & LEX_MONTH) ? (int)model_word_value(m, t) : 0;
        if (mo && k + 1 < s->tok_end && d->toks.v[k + 1].kind == TK_NUM) {
            int day = 0;
            for (const char *p = d->toks.v[k + 1].key; *p >= '0' && *p <= '9'; p++) day = day * 10 + (*p - '0');
            if (day >= 1 && day <= 31 && d->toks.v[k + 1].end - d->toks.v[k + 1].start <= 2) {
                dy_date r = {pub.y, (int8_t)mo, (int8_t)day};
                if (days_from_civil(r.y, r.m, r.d) > days_from_civil(pub.y, pub.m, pub.d) + 7) r.y--;
                return r;
            }
        }
        int wd = (t->lex & LEX_WEEKDAY) ? (int)model_word_value(m, t) : -1;
        if (wd >= 0) {
            long p = days_from_civil(pub.y, pub.m, pub.d);
            int pub_wd = (int)(((p % 7) + 7 + 3) % 7);   /* 1970-01-01 was a Thursday */
            int back = (pub_wd - wd + 7) % 7;
            return civil_from_days(p - back);
        }
        if (strcmp(t->key, "today") == 0) return pub;
        if (strcmp(t->key, "yesterday") == 0) return date_add_days(pub, -1);
        if (strcmp(t->key, "tomorrow") == 0) return date_add_days(pub, 1);
    }
    return none;
}


/* Year numbers that set a deadline rather than tell when: "expire in 2021", "by 2030". */
static bool deadline_word(const char *w) {
    static const char *const words[] = {"until", "till", "by", "through", "before", "expire", "expires",
                                        "expiring", "due", "slated", "scheduled", "next"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(w, words[i]) == 0) return true;
    return false;
}

dy_date date_article_era(const dy_doc *d) {
    if (d->published.y) return d->published;
    int latest = 0;
    for (uint32_t k = 0; k < d->toks.n; k++) {
        const dy_token *t = &d->toks.v[k];
        if (t->kind != TK_NUM || t->key_len != 4 || t->end - t->start != 4) continue;
        int y = 0;
        for (int i = 0; i < 4 && t->key[i] >= '0' && t->key[i] <= '9'; i++) y = y * 10 + (t->key[i] - '0');
        if (y < 1900 || y > 2099 || y <= latest) continue;
        bool deadline = false;
        for (uint32_t j = k; j > 0 && j + 3 > k && !deadline; j--) deadline = deadline_word(d->toks.v[j - 1].key);
        if (!deadline) latest = y;
    }
    return latest ? (dy_date){(int16_t)(latest + 1), 7, 1} : (dy_date){0, 0, 0};
}
