/* boilerplate.h - site furniture that is not reporting: contact and byline lines,
 * comment policies, copyright notices, player and newsletter prompts.
 *
 * A short paragraph holding a phrase of data/boilerplate.txt, or a short trailing line
 * with an e-mail address, is marked (dy_para.boilerplate, TF_BOILER on its tokens); later
 * stages produce no quotes, entities or events from it. A contact line ("S.A. Miller can
 * be reached at smiller@...") also fills doc->byline_name and byline_email. */
#ifndef DY_BOILERPLATE_H
#define DY_BOILERPLATE_H
#include "../know/model.h"

void boil_run(dy_doc *d, const dy_model *m);
#endif
