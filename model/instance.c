/* instance.c: look-ups and totals over a loaded instance. */
#include "orgwork/instance.h"

#include <ctype.h>
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
    for (size_t i = 0; i < body->n_items; i++) {
        if (same_item_id(body->items[i].id, id))
            return (int)i;
        for (size_t k = 0; k < body->items[i].n_together; k++)
            if (same_item_id(body->items[i].together[k], id))
                return (int)i;
    }
    return -1;
}

int ow_body_total_minutes(const ow_body *body)
{
    int total = 0;
    for (size_t i = 0; i < body->n_items; i++)
        total += body->items[i].min_minutes;
    return total;
}

static bool names(const ow_when *list, size_t n, int day, int slot)
{
    for (size_t i = 0; i < n; i++)
        if (list[i].day == day && (list[i].slot < 0 || list[i].slot == slot))
            return true;
    return false;
}

bool ow_body_may_meet(const ow_calendar *cal, const ow_body *body, int day, int slot)
{
    size_t n;
    const ow_slot *s = ow_calendar_day_slots(cal, day, &n);
    if (slot < 0 || (size_t)slot >= n)
        return false; /* the day has fewer slots */
    s += slot;
    bool time_ok = body->n_slot_times == 0;
    for (size_t i = 0; i < body->n_slot_times; i++)
        time_ok =
            time_ok || (body->slot_times[i].start == s->start && body->slot_times[i].end == s->end);
    return time_ok && !names(body->not_during, body->n_not_during, day, slot) &&
           !names(body->kept_out, body->n_kept_out, day, slot) &&
           (body->n_only_during == 0 || names(body->only_during, body->n_only_during, day, slot));
}

bool ow_body_slots_limited(const ow_instance *inst, const ow_body *body)
{
    return inst->calendar.n_day_slots > 0 || body->n_slot_times > 0 || body->n_not_during > 0 ||
           body->n_only_during > 0 || body->n_kept_out > 0;
}

int ow_body_meetings_a_day(const ow_instance *inst, const ow_body *body)
{
    int per_day = (int)inst->calendar.n_slots;
    if (body->meetings_per_day > 0 && body->meetings_per_day < per_day)
        per_day = body->meetings_per_day;
    if (!ow_body_slots_limited(inst, body))
        return per_day;
    int most = 0;
    for (int d = body->window_from; d <= body->window_to && d < inst->calendar.n_days; d++) {
        int n = 0;
        for (int s = 0; s < (int)inst->calendar.n_slots; s++)
            n += ow_body_may_meet(&inst->calendar, body, d, s);
        if (n > most)
            most = n;
    }
    return most < per_day ? most : per_day;
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
    if (!ow_body_slots_limited(inst, body))
        return days * per_day;
    int total = 0;
    for (int d = body->window_from; d <= body->window_to && d < inst->calendar.n_days; d++) {
        int n = 0;
        for (int s = 0; s < (int)inst->calendar.n_slots; s++)
            n += ow_body_may_meet(&inst->calendar, body, d, s);
        total += n < per_day ? n : per_day;
    }
    return total;
}

const ow_slot *ow_calendar_day_slots(const ow_calendar *cal, int day, size_t *n)
{
    if (cal->n_day_slots == 0 || day < 0 || day >= cal->n_days) {
        *n = cal->n_day_slots == 0 ? cal->n_slots : cal->n_regular;
        return cal->slots;
    }
    ow_date date = cal->days[day];
    const ow_day_slots *by_weekday = NULL;
    for (size_t i = 0; i < cal->n_day_slots; i++) {
        const ow_day_slots *e = &cal->day_slots[i];
        if (e->weekday < 0 && e->date == date) {
            *n = e->n_slots;
            return e->slots;
        }
        if (e->weekday >= 0 && e->weekday == ow_date_weekday(date) && by_weekday == NULL)
            by_weekday = e;
    }
    if (by_weekday != NULL) {
        *n = by_weekday->n_slots;
        return by_weekday->slots;
    }
    *n = cal->n_regular;
    return cal->slots;
}

static int longest(const ow_slot *slots, size_t n, int best)
{
    for (size_t s = 0; s < n; s++)
        if (slots[s].end - slots[s].start > best)
            best = slots[s].end - slots[s].start;
    return best;
}

int ow_calendar_longest_slot(const ow_calendar *cal)
{
    if (cal->n_day_slots == 0)
        return longest(cal->slots, cal->n_slots, 0);
    int best = 0;
    for (int d = 0; d < cal->n_days; d++) {
        size_t n;
        const ow_slot *slots = ow_calendar_day_slots(cal, d, &n);
        best = longest(slots, n, best);
    }
    return best;
}

/* Whether needle occurs in s, ignoring ASCII case. */
static bool contains_word(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s != '\0'; s++) {
        size_t i = 0;
        while (i < n && s[i] != '\0' && tolower((unsigned char)s[i]) == needle[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

bool ow_name_holds_plenaries(const char *name)
{
    if (name == NULL)
        return true;
    return !contains_word(name, "committee") && !contains_word(name, "drafting") &&
           !contains_word(name, "informal");
}
