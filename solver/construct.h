/* construct.h: a first plan at once — a greedy schedule built body by body without
 * any search, so that a period has an answer before the exact search finds one. */
#ifndef ORGWORK_CONSTRUCT_H
#define ORGWORK_CONSTRUCT_H

#include "orgwork/instance.h"
#include "orgwork/schedule.h"

/* A schedule for inst built greedily (docs/model.md, "A first plan"): the bodies in
 * the order planning in turn takes them (a consecutive rule's bodies one after the
 * other, else by the start of their window), each taking its agenda in agenda order
 * in the earliest slots and rooms left, a joint item where every body attending may
 * meet.  The schedule is verified by ow_check before it is returned: status
 * feasible, its objective computed from it, gap 1 (no bound known).  NULL when the
 * instance has a rule the construction does not handle (pins, items set to a
 * meeting or a day, items after another body's, `held: all`), when it finds no
 * place for a body, when the result breaks a rule, or when out of memory. */
ow_schedule *ow_construct(const ow_instance *inst);

#endif
