/* packed.h: an order of a free body's items that packs its meetings, for the path
 * model to take as its agenda order (docs/model.md, "Free order"). */
#ifndef ORGWORK_PACKED_H
#define ORGWORK_PACKED_H

#include <stdbool.h>
#include <stddef.h>

#include "orgwork/instance.h"

/* Fills perm (the body's n_items entries: perm[new] = old index) with an order of
 * the items of body b that packs them into meetings of the longest slot by best fit,
 * longest item first (docs/model.md, "Free order"): the items marked first open the
 * first meeting, an item longer than a slot has meetings of its own, those set to the
 * last meeting and then the one marked last close the session, and each meeting's
 * other items keep their agenda order.  False when the body has a rule this order does
 * not keep (an `after` list, a pin, a day rule, a set meeting other than the last,
 * a joint item, `together`, or an item another body's `after` names). */
bool ow_packed_order(const ow_instance *inst, size_t b, size_t *perm);

#endif
