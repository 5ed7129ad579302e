/* dates.h - the day a sentence talks about, resolved against the publication date.
 *
 * Understands weekdays ("Friday": the latest such day on or before publication),
 * month-day ("July 16", "Jan. 5": in the publication year, or the year before when that
 * would lie in the future; "July 16, 2018" as written), months ("in July", "July 2018":
 * their first day), years ("in 2016": January 1), periods ("last week": seven days back;
 * "next month", "last year": their first day) and today/yesterday/tomorrow. Returns {0}
 * when the sentence names no day, or only a relative one and the article has no
 * publication date. */
#ifndef DY_DATES_H
#define DY_DATES_H
#include "../know/model.h"

dy_date date_in_sentence(const dy_doc *d, const dy_model *m, uint32_t sent);
dy_date date_add_days(dy_date d, int days);

/* The date the article speaks from, for choosing an actor's period in the dictionaries:
 * the publication date, else mid-year after the latest year its text names that is not a
 * deadline ("expire in 2021") - news looks back on years before its own -, else {0}.
 * Needs the tokens. */
dy_date date_article_era(const dy_doc *d);

#endif
