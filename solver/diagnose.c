/* diagnose.c: causes of infeasibility found before solving. */
#include "diagnose.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int per_day(const ow_instance *inst, const ow_body *body)
{
    int ns = (int)inst->calendar.n_slots;
    return body->meetings_per_day > 0 && body->meetings_per_day < ns ? body->meetings_per_day : ns;
}

/* Meetings the body can hold: its limit, within the slots of its window. */
static int meetings_available(const ow_instance *inst, const ow_body *body)
{
    ow_body unlimited = *body; /* every slot of its window it may meet in */
    unlimited.meetings = 0;
    int window = ow_body_max_meetings(inst, &unlimited);
    return body->meetings > 0 && body->meetings < window ? body->meetings : window;
}

int ow_diagnose_min_meetings(const ow_instance *inst, size_t b)
{
    int len = ow_calendar_longest_slot(&inst->calendar);
    int need = ow_body_total_minutes(&inst->bodies[b]);
    return len > 0 ? (need + len - 1) / len : 0;
}

int ow_diagnose_min_days(const ow_instance *inst, size_t b)
{
    int pd = per_day(inst, &inst->bodies[b]);
    int m = ow_diagnose_min_meetings(inst, b);
    return (m + pd - 1) / pd;
}

/* Appends "<body name>: <sentence>\n". */
static void cause(ow_buf *why, const ow_body *body, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void cause(ow_buf *why, const ow_body *body, const char *fmt, ...)
{
    char text[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    ow_buf_printf(why, "%s: %s\n", body->name, text);
}

/* Joint meetings of items whose owner meets without interpretation but a guest with
 * it: interpreted meetings that no interpreted body's own agenda counts. */
static int interpreted_guest_meetings(const ow_instance *inst)
{
    int n = 0;
    for (size_t a = 0; a < inst->n_bodies; a++) {
        if (inst->bodies[a].interpretation)
            continue;
        for (size_t i = 0; i < inst->bodies[a].n_items; i++) {
            const ow_item *it = &inst->bodies[a].items[i];
            bool interpreted = false;
            for (size_t q = 0; q < it->n_joint; q++)
                interpreted = interpreted || inst->bodies[it->joint_with[q]].interpretation;
            n += interpreted;
        }
    }
    return n;
}

static void day_words(const ow_instance *inst, int d, char *out, size_t size)
{
    ow_date_long(inst->calendar.days[d], out, size);
}

/* Causes that involve several bodies: windows of consecutive or joint bodies,
 * rooms and interpretation teams against the meetings needed. */
static void precheck_shared(const ow_instance *inst, ow_buf *why)
{
    char d1[48], d2[48];
    for (size_t q = 0; q < inst->n_rules; q++) {
        const ow_rule *rule = &inst->rules[q];
        for (size_t x = 0; x + 1 < rule->n_bodies; x++) {
            const ow_body *p = &inst->bodies[rule->bodies[x]],
                          *n = &inst->bodies[rule->bodies[x + 1]];
            if (p->window_to + 1 < n->window_from) {
                day_words(inst, p->window_to, d1, sizeof d1);
                day_words(inst, n->window_from, d2, sizeof d2);
                ow_buf_printf(
                    why,
                    "%s and %s must meet consecutively, but the window of %s ends "
                    "on %s, %d working day%s before that of %s starts (%s); move a window "
                    "or drop the rule\n",
                    p->id, n->id, p->id, d1, n->window_from - p->window_to - 1,
                    n->window_from - p->window_to - 1 == 1 ? "" : "s", n->id, d2);
            } else if (n->window_to < p->window_from) {
                day_words(inst, n->window_to, d1, sizeof d1);
                day_words(inst, p->window_from, d2, sizeof d2);
                ow_buf_printf(why,
                              "%s must meet after %s, but the window of %s ends on %s, before "
                              "that of %s starts (%s)\n",
                              n->id, p->id, n->id, d1, p->id, d2);
            }
            if (p->room >= 0 && n->room >= 0 && p->room != n->room)
                ow_buf_printf(why,
                              "%s and %s must meet consecutively in one room, but %s is set to "
                              "%s and %s to %s\n",
                              p->id, n->id, p->id, inst->rooms[p->room], n->id,
                              inst->rooms[n->room]);
        }
    }
    for (size_t a = 0; a < inst->n_bodies; a++) {
        const ow_body *owner = &inst->bodies[a];
        for (size_t i = 0; i < owner->n_items; i++) {
            const ow_item *it = &owner->items[i];
            for (size_t q = 0; q < it->n_joint; q++) {
                const ow_body *g = &inst->bodies[it->joint_with[q]];
                if (g->window_to < owner->window_from || owner->window_to < g->window_from)
                    ow_buf_printf(why,
                                  "item %s of %s is held jointly with %s, but their windows "
                                  "have no day in common\n",
                                  it->label, owner->id, g->id);
            }
        }
    }
    if (inst->n_bodies < 2)
        return;
    int slots = 0; /* the slots of every day (its own list, with slots_on) */
    for (int d = 0; d < inst->calendar.n_days; d++) {
        size_t n;
        ow_calendar_day_slots(&inst->calendar, d, &n);
        slots += (int)n;
    }
    /* Every count is a lower bound (a relaxation): each body's own agenda over the
     * longest slot.  A joint meeting is one meeting, in one room, with one team,
     * however many bodies attend: it is counted once, in its owner's agenda (the
     * guests' joint meetings hold none of their own items). */
    int need = 0, interpreted = interpreted_guest_meetings(inst);
    for (size_t b = 0; b < inst->n_bodies; b++) {
        int m = ow_diagnose_min_meetings(inst, b);
        need += m;
        if (inst->bodies[b].interpretation)
            interpreted += m;
    }
    int rooms = slots * (int)inst->n_rooms;
    if (need > rooms)
        ow_buf_printf(why,
                      "the bodies need at least %d meetings together but %d room%s over %d "
                      "slots give %d; add a room or days\n",
                      need, (int)inst->n_rooms, inst->n_rooms == 1 ? "" : "s", slots, rooms);
    int teams = slots * inst->interpretation_teams;
    if (inst->interpretation_teams > 0 && interpreted > teams)
        ow_buf_printf(why,
                      "the bodies meeting with interpretation need at least %d meetings "
                      "together but %d interpretation team%s over %d slots give %d; add a team or "
                      "days, or let a body meet without interpretation\n",
                      interpreted, inst->interpretation_teams,
                      inst->interpretation_teams == 1 ? "" : "s", slots, teams);
}

/* With `order: free`, after, first and last must leave some order: no item may have
 * to come both before and after another.  One sentence per body (two items marked
 * first, or last, are said on their own). */
static void precheck_circle(const ow_instance *inst, size_t b, ow_buf *why)
{
    const ow_body *body = &inst->bodies[b];
    size_t n = body->n_items;
    int firsts = 0, lasts = 0;
    for (size_t i = 0; i < n; i++) {
        firsts += body->items[i].first;
        lasts += body->items[i].last;
    }
    if (n < 2 || firsts > 1 || lasts > 1)
        return;
    /* before[q * n + i]: item q must come before item i, directly or through others. */
    bool *before = calloc(n * n, sizeof *before);
    if (before == NULL)
        return; /* the solver then says no schedule exists, without the reason */
    for (size_t i = 0; i < n; i++) {
        const ow_item *it = &body->items[i];
        for (size_t a = 0; a < it->n_after; a++)
            before[it->after[a] * n + i] = true;
        for (size_t q = 0; q < n; q++) {
            if (q != i && it->first)
                before[i * n + q] = true;
            if (q != i && it->last)
                before[q * n + i] = true;
        }
    }
    for (size_t m = 0; m < n; m++)
        for (size_t q = 0; q < n; q++)
            for (size_t i = 0; q != m && before[q * n + m] && i < n; i++)
                before[q * n + i] |= before[m * n + i];
    for (size_t q = 0; q < n; q++)
        for (size_t i = q + 1; i < n; i++)
            if (before[q * n + i] && before[i * n + q]) {
                cause(why, body,
                      "items %s and %s must each come after the other (by their after, first "
                      "and last rules); no order of the agenda keeps both",
                      body->items[q].label, body->items[i].label);
                free(before);
                return;
            }
    free(before);
}

/* `held: all`: every meeting of the window's count, or of `meetings`, is held and
 * takes at least a piece of an item (or is a joint meeting as a guest).  An item
 * has at most one piece a meeting, each of at least max(1, min_part) minutes, and
 * one piece when it may not split or is set to a meeting or a slot. */
static void precheck_held(const ow_instance *inst, size_t b, ow_buf *why)
{
    const ow_body *body = &inst->bodies[b];
    int window = (body->window_to - body->window_from + 1) * per_day(inst, body);
    int want = body->meetings > 0 ? body->meetings : ow_body_max_meetings(inst, body);
    if (want > window) {
        cause(why, body, "held: all asks for %d meetings but its window has %d slots", want,
              window);
        return;
    }
    long pieces = 0;
    for (size_t i = 0; i < body->n_items; i++) {
        const ow_item *it = &body->items[i];
        int g = it->min_part > 1 ? it->min_part : 1;
        bool whole = !it->split || it->n_joint > 0 || it->meeting != OW_MEETING_ANY ||
                     it->pin != OW_PIN_NONE;
        pieces += whole ? 1 : it->max_minutes / g;
    }
    for (size_t a = 0; a < inst->n_bodies; a++)
        for (size_t i = 0; i < inst->bodies[a].n_items; i++)
            for (size_t q = 0; q < inst->bodies[a].items[i].n_joint; q++)
                pieces += inst->bodies[a].items[i].joint_with[q] == b;
    if (pieces < want)
        cause(why, body,
              "held: all asks for %d meetings but its agenda fills at most %ld (a meeting takes "
              "at least a piece of an item)",
              want, pieces);
}

ow_status ow_diagnose_precheck(const ow_instance *inst, ow_buf *why)
{
    size_t before = why->len;
    int len = ow_calendar_longest_slot(&inst->calendar);
    char w1[64], w2[64], w3[64];
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const ow_body *body = &inst->bodies[b];
        int n = (int)body->n_items;
        int have = meetings_available(inst, body);
        int need = ow_body_total_minutes(body);
        int window_days = body->window_to - body->window_from + 1;
        if (need > have * len) {
            int min_m = ow_diagnose_min_meetings(inst, b);
            ow_duration_words(need, w1, sizeof w1);
            ow_duration_words(have * len, w2, sizeof w2);
            ow_duration_words(need - have * len, w3, sizeof w3);
            ow_buf_printf(why,
                          "%s: the agenda needs %s but %d meeting%s give%s %s; add a meeting "
                          "or shorten items by %s (at least %d meetings, over %d day%s, would be "
                          "needed)\n",
                          body->name, w1, have, have == 1 ? "" : "s", have == 1 ? "s" : "", w2, w3,
                          min_m, ow_diagnose_min_days(inst, b),
                          ow_diagnose_min_days(inst, b) == 1 ? "" : "s");
        }
        if (body->held_all)
            precheck_held(inst, b, why);
        int n_last = 0, last_minutes = 0, first_seen = -1, last_seen = -1;
        for (int i = 0; i < n; i++) {
            const ow_item *it = &body->items[i];
            if (it->first) {
                if (first_seen >= 0)
                    cause(why, body, "items %s and %s are both marked first",
                          body->items[first_seen].label, it->label);
                else if (i != 0 && !body->order_free)
                    cause(why, body,
                          "item %s is marked first but the agenda takes item %s before it",
                          it->label, body->items[0].label);
                first_seen = i;
            }
            if (it->last && i != n - 1 && !body->order_free)
                cause(why, body, "item %s is marked last but the agenda takes item %s after it",
                      it->label, body->items[n - 1].label);
            if (it->last && body->order_free) {
                if (last_seen >= 0)
                    cause(why, body, "items %s and %s are both marked last",
                          body->items[last_seen].label, it->label);
                last_seen = i;
            }
            for (size_t a = 0; a < it->n_after; a++) {
                size_t j = it->after[a];
                if ((int)j > i && !body->order_free)
                    cause(why, body,
                          "item %s must follow item %s, but the agenda takes %s first; "
                          "reorder the agenda",
                          it->label, body->items[j].label, it->label);
            }
            int mk = it->meeting > 0             ? it->meeting
                     : it->pin == OW_PIN_MEETING ? it->pin_meeting
                                                 : 0;
            if (mk > have) {
                cause(why, body,
                      "item %s is set to meeting %d but the body holds at most %d meetings",
                      it->label, mk, have);
            } else if (mk > 0 && !body->order_free) {
                int before_i = 0;
                for (int j = 0; j < i; j++)
                    before_i += body->items[j].min_minutes;
                if (before_i + it->min_minutes > mk * len) {
                    ow_duration_words(before_i, w1, sizeof w1);
                    cause(why, body,
                          "item %s is set to meeting %d but the items before it need %s, "
                          "more than those meetings give",
                          it->label, mk, w1);
                }
            }
            if (it->day > window_days) {
                cause(why, body, "item %s is set to day %d but the session has %d days", it->label,
                      it->day, window_days);
            }
            if (it->day_from > window_days) {
                cause(why, body,
                      "item %s may not be taken before day %d but the session has %d days",
                      it->label, it->day_from, window_days);
            }
            if (!it->split && it->min_minutes > len) {
                ow_duration_words(it->min_minutes, w1, sizeof w1);
                ow_duration_words(len, w2, sizeof w2);
                cause(why, body, "item %s (%s) may not be split but a meeting lasts at most %s",
                      it->label, w1, w2);
            }
            if (it->min_part > len) {
                ow_duration_words(it->min_part, w1, sizeof w1);
                ow_duration_words(len, w2, sizeof w2);
                cause(why, body,
                      "item %s asks for pieces of at least %s but a meeting lasts at most %s",
                      it->label, w1, w2);
            }
            if (it->meeting == OW_MEETING_LAST) {
                n_last++;
                last_minutes += it->min_minutes;
            }
        }
        if (body->order_free)
            precheck_circle(inst, b, why);
        if (n_last > 1 && last_minutes > len) {
            ow_duration_words(last_minutes, w1, sizeof w1);
            ow_duration_words(len, w2, sizeof w2);
            cause(why, body,
                  "the items set to the last meeting need %s together but a meeting "
                  "lasts at most %s",
                  w1, w2);
        }
    }
    precheck_shared(inst, why);
    return why->len > before ? OW_INFEASIBLE : OW_OK;
}
