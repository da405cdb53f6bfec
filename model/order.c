/* order.c: the orders meetings are put in (order.h says which output keeps which),
 * and sorting a schedule in its own. */
#include "order.h"

#include <limits.h>
#include <stdlib.h>

/* Position in the schedule's array: pointers into one array never compare equal. */
static int compare_position(const ow_meeting *x, const ow_meeting *y)
{
    return x < y ? -1 : (x > y);
}

int ow_order_time(const ow_meeting *x, const ow_meeting *y)
{
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return 0;
}

int ow_order_schedule(const void *a, const void *b)
{
    const ow_meeting *x = a, *y = b;
    if (x->body != y->body)
        return x->body < y->body ? -1 : 1;
    int c = ow_order_time(x, y);
    if (c != 0)
        return c;
    if (x->room != y->room)
        return x->room < y->room ? -1 : 1;
    return (x->n > y->n) - (x->n < y->n);
}

int ow_order_body_time(const void *a, const void *b)
{
    const ow_meeting *x = *(const ow_meeting *const *)a;
    const ow_meeting *y = *(const ow_meeting *const *)b;
    if (x->body != y->body)
        return x->body < y->body ? -1 : 1;
    int c = ow_order_time(x, y);
    return c != 0 ? c : compare_position(x, y);
}

int ow_order_annex(const void *a, const void *b)
{
    const ow_meeting *x = *(const ow_meeting *const *)a;
    const ow_meeting *y = *(const ow_meeting *const *)b;
    int c = ow_order_time(x, y);
    if (c != 0)
        return c;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    /* Equal keys: keep schedule order so the output stays deterministic. */
    return compare_position(x, y);
}

int ow_order_room(int room)
{
    return room >= 0 ? room : INT_MAX;
}

int ow_order_timetable(const void *a, const void *b)
{
    const ow_meeting *x = *(const ow_meeting *const *)a;
    const ow_meeting *y = *(const ow_meeting *const *)b;
    int c = ow_order_time(x, y);
    if (c != 0)
        return c;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (ow_order_room(x->room) != ow_order_room(y->room))
        return ow_order_room(x->room) < ow_order_room(y->room) ? -1 : 1;
    if (x->body != y->body)
        return x->body < y->body ? -1 : 1;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    return compare_position(x, y);
}

void ow_schedule_sort(ow_schedule *s)
{
    if (s->n_meetings > 1)
        qsort(s->meetings, s->n_meetings, sizeof *s->meetings, ow_order_schedule);
    int n = 0;
    for (size_t i = 0; i < s->n_meetings; i++) {
        if (i == 0 || s->meetings[i].body != s->meetings[i - 1].body)
            n = 0;
        s->meetings[i].n = ++n;
    }
}
