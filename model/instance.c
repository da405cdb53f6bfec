/* instance.c: look-ups and totals over a loaded instance. */
#include "orgwork/instance.h"

#include <string.h>

int ow_instance_find_body(const ow_instance *inst, const char *id)
{
    for (size_t i = 0; i < inst->n_bodies; i++)
        if (strcmp(inst->bodies[i].id, id) == 0)
            return (int)i;
    return -1;
}

/* Compares item ids as a planner writes them: "1(a)", "1 (a)" and "1a" are one id,
 * so spaces and parentheses are ignored on both sides. */
static bool same_item_id(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ' || *a == '(' || *a == ')')
            a++;
        while (*b == ' ' || *b == '(' || *b == ')')
            b++;
        if (*a != *b)
            return false;
        if (*a == '\0')
            return true;
        a++;
        b++;
    }
}

int ow_body_find_item(const ow_body *body, const char *id)
{
    for (size_t i = 0; i < body->n_items; i++)
        if (same_item_id(body->items[i].id, id))
            return (int)i;
    return -1;
}

int ow_body_total_minutes(const ow_body *body)
{
    int total = 0;
    for (size_t i = 0; i < body->n_items; i++)
        total += body->items[i].min_minutes;
    return total;
}

int ow_body_max_meetings(const ow_instance *inst, const ow_body *body)
{
    if (body->meetings > 0)
        return body->meetings;
    int days = body->window_to - body->window_from + 1;
    if (days < 0)
        days = 0;
    int per_day = (int)inst->calendar.n_slots;
    if (body->meetings_per_day > 0 && body->meetings_per_day < per_day)
        per_day = body->meetings_per_day;
    return days * per_day;
}

int ow_calendar_longest_slot(const ow_calendar *cal)
{
    int best = 0;
    for (size_t s = 0; s < cal->n_slots; s++) {
        int len = cal->slots[s].end - cal->slots[s].start;
        if (len > best)
            best = len;
    }
    return best;
}
