/* construct.h: a first plan at once — a greedy schedule built body by body without
 * any search, so that a period has an answer before the exact search finds one. */
#ifndef ORGWORK_CONSTRUCT_H
#define ORGWORK_CONSTRUCT_H

#include <stdbool.h>

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

/* The schedule `fixed` (the bodies planned so far, each with its whole agenda;
 * NULL: none) completed greedily as ow_construct lays a first plan: the bodies with
 * no meeting in fixed that lay[b] holds (every one when lay is NULL) are laid in
 * what fixed leaves (its meetings kept as they are: rooms, interpretation teams,
 * their bodies' slots); a consecutive rule partly planned goes on after its last
 * planned body's last meeting, by the next working day, in its room, and stops
 * before a body not to lay.  The result holds fixed's meetings and the new ones,
 * status feasible, gap 1; when it covers every body it is checked by ow_check (a
 * part is the caller's to check whole).  NULL as ow_construct (a body to lay with a
 * rule it does not handle, no place found, a broken rule), or when fixed does not
 * fit inst.  Planning in turn lays a unit with it when the time limit (or Ctrl-C)
 * comes before the unit is planned (docs/model.md, "Large periods"). */
ow_schedule *ow_construct_complete(const ow_instance *inst, const ow_schedule *fixed,
                                   const bool *lay);

#endif
