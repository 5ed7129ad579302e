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

static int number_of(const dy_token *t) {
    int v = 0;
    for (uint32_t i = 0; i < t->key_len; i++) {
        if (t->key[i] < '0' || t->key[i] > '9') return -1;
        v = v * 10 + (t->key[i] - '0');
    }
    return t->key_len ? v : -1;
}

static bool is_year(const dy_token *t, int *y) {
    *y = t->kind == TK_NUM && t->key_len == 4 ? number_of(t) : -1;
    return *y >= 1900 && *y <= 2099;
}

/* A month in the year it most likely has: the publication year, or the year before when the
 * day would lie more than a week after publication ("December 30" read in January). */
static dy_date in_year_of(dy_date pub, int month, int day) {
    dy_date r = {pub.y, (int8_t)month, (int8_t)day};
    if (days_from_civil(r.y, r.m, r.d) > days_from_civil(pub.y, pub.m, pub.d) + 7) r.y--;
    return r;
}

static dy_date add_months(dy_date d, int months) {
    int m = d.y * 12 + (d.m - 1) + months;
    return (dy_date){(int16_t)(m / 12), (int8_t)(m % 12 + 1), 1};
}

/* "last week", "next month", "this year": the period's first day; "last week" is the week
 * before publication, counted as seven days back. */
static bool relative_period(const dy_doc *d, uint32_t k, uint32_t end, dy_date pub, dy_date *out) {
    const char *w = d->toks.v[k].key;
    int dir = !strcmp(w, "last") || !strcmp(w, "past") ? -1 : !strcmp(w, "next") ? 1 : !strcmp(w, "this") ? 0 : 2;
    if (dir == 2 || k + 1 >= end) return false;
    const char *unit = d->toks.v[k + 1].key;
    if (!strcmp(unit, "week")) *out = date_add_days(pub, 7 * dir);
    else if (!strcmp(unit, "month")) *out = add_months(pub, dir);
    else if (!strcmp(unit, "year")) *out = (dy_date){(int16_t)(pub.y + dir), 1, 1};
    else return false;
    return true;
}

dy_date date_in_sentence(const dy_doc *d, const dy_model *m, uint32_t sent) {
    dy_date none = {0, 0, 0}, pub = d->published;
    const dy_sentence *s = &d->sents.v[sent];
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
        const dy_token *t = &d->toks.v[k];
        int y;
        if (t->kind != TK_WORD) {
            /* "in 2016": the year (its first day), which needs no publication date */
            if (is_year(t, &y) && k > s->tok_begin && !strcmp(d->toks.v[k - 1].key, "in")) return (dy_date){(int16_t)y, 1, 1};
            continue;
        }
        int mo = (t->lex & LEX_MONTH) ? (int)model_word_value(m, t) : 0;
        if (mo) {
            /* "July 16", "July 16, 2018", "July 2018", "in July" */
            const dy_token *n = k + 1 < s->tok_end ? &d->toks.v[k + 1] : NULL;
            int day = n && n->kind == TK_NUM && n->key_len <= 2 ? number_of(n) : -1;
            uint32_t after = k + (day >= 1 && day <= 31 ? 2 : 1);
            if (after + 1 < s->tok_end && !strcmp(d->toks.v[after].key, ",")) after++;
            bool year = after < s->tok_end && is_year(&d->toks.v[after], &y);
            if (day >= 1 && day <= 31) {
                if (year) return (dy_date){(int16_t)y, (int8_t)mo, (int8_t)day};
                if (pub.y) return in_year_of(pub, mo, day);
            } else if (year) {
                return (dy_date){(int16_t)y, (int8_t)mo, 1};
            } else if (pub.y && k > s->tok_begin && !strcmp(d->toks.v[k - 1].key, "in")) {
                return in_year_of(pub, mo, 1);
            }
            continue;
        }
        if (!pub.y) continue;
        int wd = (t->lex & LEX_WEEKDAY) ? (int)model_word_value(m, t) : -1;
        if (wd >= 0) {
            long p = days_from_civil(pub.y, pub.m, pub.d);
            int pub_wd = (int)(((p % 7) + 7 + 3) % 7);   /* 1970-01-01 was a Thursday */
            int back = (pub_wd - wd + 7) % 7;
            return civil_from_days(p - back);
        }
        dy_date r;
        if (relative_period(d, k, s->tok_end, pub, &r)) return r;
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
