/* objective.c: the objective of a schedule, recomputed from the schedule alone so
 * that `orgwork check` can confirm what the solver reports (docs/model.md).
 *
 * Meetings are compared by date and start time, not by their numbers: a
 * hand-edited schedule may number them wrongly, and the checker reports that
 * separately.  The scans are pairwise and allocate nothing, so the function cannot
 * fail; schedules are small (a session holds tens of meetings) and the JSON reader
 * caps their size.
 *
 * A joint piece (an item of another body, held in their joint meeting) is not on
 * the attending body's agenda: its meeting counts as one of the body's meetings and
 * days, but the piece is never "(continued)" or a late start there; the owner's
 * meeting counts those. */
#include "orgwork/schedule.h"

#include <stdbool.h>

/* True when meeting a comes before meeting b in time; the index breaks ties so
 * that two meetings at the same time still have an order. */
static bool earlier(const ow_schedule *s, size_t a, size_t b)
{
    const ow_meeting *x = &s->meetings[a], *y = &s->meetings[b];
    if (x->date != y->date)
        return x->date < y->date;
    if (x->start != y->start)
        return x->start < y->start;
    return a < b;
}

static bool holds_item(const ow_meeting *m, size_t item)
{
    for (size_t k = 0; k < m->n_pieces; k++)
        if (!m->pieces[k].joint && m->pieces[k].item == item)
            return true;
    return false;
}

/* True when an earlier meeting of the same body holds a piece of item. */
static bool held_before(const ow_schedule *s, size_t meeting, size_t item)
{
    const ow_meeting *m = &s->meetings[meeting];
    for (size_t j = 0; j < s->n_meetings; j++)
        if (s->meetings[j].body == m->body && earlier(s, j, meeting) &&
            holds_item(&s->meetings[j], item))
            return true;
    return false;
}

/* True when an earlier meeting of the same body falls on the same date. */
static bool date_seen_before(const ow_schedule *s, size_t meeting)
{
    const ow_meeting *m = &s->meetings[meeting];
    for (size_t j = 0; j < meeting; j++)
        if (s->meetings[j].body == m->body && s->meetings[j].date == m->date)
            return true;
    return false;
}

static bool earlier_in_meeting(const ow_meeting *m, size_t position)
{
    for (size_t k = 0; k < position; k++)
        if (!m->pieces[k].joint && m->pieces[k].item == m->pieces[position].item)
            return true;
    return false;
}

/* Minutes the pieces of body b's item give it in the schedule. */
static long item_minutes(const ow_schedule *s, size_t b, size_t item)
{
    long total = 0;
    for (size_t i = 0; i < s->n_meetings; i++) {
        const ow_meeting *m = &s->meetings[i];
        if (m->body != b)
            continue;
        for (size_t k = 0; k < m->n_pieces; k++)
            if (!m->pieces[k].joint && m->pieces[k].item == item)
                total += m->pieces[k].minutes;
    }
    return total;
}

/* Minutes the items of flexible estimates take more or less than them (an item
 * missing from the schedule counts nothing: the checker reports it).  Sets
 * *flexible when some item's duration is flexible. */
static long deviation(const ow_instance *inst, const ow_schedule *s, bool *flexible)
{
    long total = 0;
    *flexible = false;
    for (size_t b = 0; b < inst->n_bodies; b++)
        for (size_t i = 0; i < inst->bodies[b].n_items; i++) {
            const ow_item *it = &inst->bodies[b].items[i];
            if (it->min_minutes == it->max_minutes)
                continue;
            *flexible = true;
            long got = it->has_estimate ? item_minutes(s, b, i) : 0;
            if (got > 0)
                total += got > it->minutes ? got - it->minutes : it->minutes - got;
        }
    return total;
}

void ow_schedule_objective(const ow_instance *inst, const ow_schedule *s, ow_objective_terms *out)
{
    ow_objective_terms t = {0, 0, 0, 0, 0, false, 0};
    for (size_t i = 0; i < s->n_meetings; i++) {
        const ow_meeting *m = &s->meetings[i];
        t.meetings++;
        if (!date_seen_before(s, i))
            t.days++;
        for (size_t k = 0; k < m->n_pieces; k++) {
            size_t item = m->pieces[k].item;
            if (m->pieces[k].joint)
                continue;
            if (held_before(s, i, item))
                t.continued++;
            /* An item's first piece is its first occurrence in its earliest meeting;
             * it starts late when something else opened that meeting. */
            else if (k > 0 && !earlier_in_meeting(m, k))
                t.late_starts++;
        }
    }
    const ow_weights *w = &inst->weights;
    t.total = (long)w->continued * t.continued + (long)w->meetings * t.meetings +
              (long)w->days * t.days + (long)w->late_start * t.late_starts;
    t.deviation = deviation(inst, s, &t.flexible);
    t.total += (long)w->deviation * t.deviation;
    *out = t;
}
