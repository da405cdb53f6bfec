/* packed.c: an order of a free body's items that packs its meetings.  The path
 * model takes an agenda order as given and finds its best schedule in
 * milliseconds; agenda order itself may waste a meeting where a reordering would
 * not (docs/model.md, "Free order"), so this order stands in beside it. */
#include "packed.h"

#include <stdint.h>
#include <stdlib.h>

#include "formulation/formulation.h"

/* Can item i of body b go anywhere but where `first`, `last` and `meeting: last`
 * put it? */
static bool placeable(const ow_instance *inst, size_t b, size_t i)
{
    const ow_item *x = &inst->bodies[b].items[i];
    return x->n_after == 0 && x->n_after_other == 0 && x->n_joint == 0 && x->pin == OW_PIN_NONE &&
           (x->meeting == OW_MEETING_ANY || x->meeting == OW_MEETING_LAST) && x->day == 0 &&
           !x->has_day_date && !x->day_last && x->day_from == 0 && x->day_to == 0 &&
           x->n_together == 0 && !ow_named_across(inst, b, i);
}

/* Where an item goes: the opening meeting (bin 0), a meeting of its own (an item
 * longer than a slot), a meeting of the best fit, or the closing one. */
enum { OPENING = 0 };

bool ow_packed_order(const ow_instance *inst, size_t b, size_t *perm)
{
    const ow_body *body = &inst->bodies[b];
    size_t n = body->n_items;
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!placeable(inst, b, i))
            return false;
    int L = ow_calendar_longest_slot(&inst->calendar);
    /* bin[i]: the meeting item i is packed in, 0 the opening one and n + 1 the
     * closing one; load[]: minutes packed in each.  At most n + 2 meetings. */
    size_t *bin = calloc(n + 1, sizeof *bin), *by_size = calloc(n + 1, sizeof *by_size);
    long *load = calloc(n + 2, sizeof *load);
    bool ok = bin != NULL && by_size != NULL && load != NULL;
    size_t closing = n + 1, used = 1; /* bins 1 .. used-1 opened so far */
    for (size_t i = 0; ok && i < n; i++) {
        const ow_item *x = &body->items[i];
        if (!x->first && !x->last && x->meeting != OW_MEETING_LAST)
            bin[i] = SIZE_MAX;
        else if (x->first)
            bin[i] = OPENING;
        else if (x->last || x->meeting == OW_MEETING_LAST)
            bin[i] = closing;
        if (bin[i] != SIZE_MAX)
            load[bin[i]] += x->minutes;
    }
    /* The others, longest first (ties in agenda order), each into the fullest
     * meeting it fits, else a new one; an item longer than a slot has its own. */
    size_t m = 0;
    for (size_t i = 0; ok && i < n; i++)
        if (bin[i] == SIZE_MAX)
            by_size[m++] = i;
    for (size_t s = 1; ok && s < m; s++)
        for (size_t t = s;
             t > 0 && body->items[by_size[t]].minutes > body->items[by_size[t - 1]].minutes; t--) {
            size_t keep = by_size[t];
            by_size[t] = by_size[t - 1];
            by_size[t - 1] = keep;
        }
    for (size_t s = 0; ok && s < m; s++) {
        size_t i = by_size[s];
        int minutes = body->items[i].minutes;
        size_t best = SIZE_MAX;
        for (size_t c = 0; c <= closing && minutes <= L; c++) {
            if (c >= used && c != closing)
                continue;
            if (load[c] + minutes <= L && (best == SIZE_MAX || load[c] > load[best]))
                best = c;
        }
        if (best == SIZE_MAX)
            best = used++;
        bin[i] = best;
        load[best] += minutes;
    }
    /* The order: meeting by meeting; in the opening one the items marked first
     * lead, in the closing one those set to the last meeting and then the item
     * marked last close it. */
    size_t k = 0;
    for (size_t c = 0; ok && c <= closing; c++) {
        if (c >= used && c != closing)
            continue;
        for (int pass = 0; pass < 3; pass++)
            for (size_t i = 0; i < n; i++) {
                const ow_item *x = &body->items[i];
                int rank = c == OPENING ? (x->first ? 0 : 1)
                                        : (x->last                         ? 2
                                           : x->meeting == OW_MEETING_LAST ? 1
                                                                           : 0);
                if (bin[i] == c && rank == pass)
                    perm[k++] = i;
            }
    }
    ok = ok && k == n;
    free(bin);
    free(by_size);
    free(load);
    return ok;
}
