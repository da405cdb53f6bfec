/* diagnose.c: causes of infeasibility found before solving. */
#include "diagnose.h"

#include <stdarg.h>
#include <stdint.h>
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

/* before[q * n + i]: item q of the body must come before item i (end before it
 * ends), directly or through others, by `after`, `first`, `last` and, unless the
 * order is free, agenda order.  calloc'ed (n × n), NULL when out of memory. */
static bool *order_closure(const ow_body *body)
{
    size_t n = body->n_items;
    bool *before = calloc(n * n + 1, sizeof *before);
    if (before == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        const ow_item *it = &body->items[i];
        for (size_t a = 0; a < it->n_after; a++)
            before[it->after[a] * n + i] = true;
        for (size_t q = 0; q < n; q++)
            if (q != i && ((!body->order_free && q < i) || body->items[q].first || it->last))
                before[q * n + i] = true;
    }
    for (size_t m = 0; m < n; m++)
        for (size_t q = 0; q < n; q++)
            for (size_t i = 0; q != m && before[q * n + m] && i < n; i++)
                before[q * n + i] |= before[m * n + i];
    return before;
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
    bool *before = order_closure(body); /* the order is free: no agenda order */
    if (before == NULL)
        return; /* the solver then says no schedule exists, without the reason */
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

/* The k-th item that item i of body b must follow (agenda order, after, first and
 * last in its body, items of other bodies), as a node number (off[body] + item);
 * false past the last. */
static bool follows(const ow_instance *inst, const size_t *off, size_t b, size_t i, size_t k,
                    size_t *out)
{
    const ow_body *body = &inst->bodies[b];
    const ow_item *it = &body->items[i];
    if (!body->order_free && i > 0) {
        if (k == 0) {
            *out = off[b] + i - 1;
            return true;
        }
        k--;
    }
    if (k < it->n_after) {
        *out = off[b] + it->after[k];
        return true;
    }
    k -= it->n_after;
    if (k < it->n_after_other) {
        *out = off[it->after_other[k].body] + it->after_other[k].item;
        return true;
    }
    k -= it->n_after_other;
    if (!body->order_free)
        return false;
    for (size_t q = 0; q < body->n_items; q++)
        if (q != i &&
            ((body->items[q].first && !it->first) || (it->last && !body->items[q].last)) &&
            k-- == 0) {
            *out = off[b] + q;
            return true;
        }
    return false;
}

/* An item after an item of another body: the rules of all bodies together must leave
 * an order, no item following itself through others.  Said once, naming the circle. */
static void precheck_across(const ow_instance *inst, ow_buf *why)
{
    size_t nb = inst->n_bodies, n = 0;
    bool any = false;
    for (size_t b = 0; b < nb; b++)
        for (size_t i = 0; i < inst->bodies[b].n_items; i++)
            any |= inst->bodies[b].items[i].n_after_other > 0;
    if (!any)
        return;
    size_t *off = calloc(nb + 1, sizeof *off);
    for (size_t b = 0; off != NULL && b < nb; b++) {
        off[b] = n;
        n += inst->bodies[b].n_items;
    }
    size_t *body_of = calloc(n + 1, sizeof *body_of);
    unsigned char *state = calloc(n + 1, 1); /* 0 not seen, 1 on the path, 2 done */
    size_t *stack = calloc(n + 1, sizeof *stack), *next = calloc(n + 1, sizeof *next);
    if (off == NULL || body_of == NULL || state == NULL || stack == NULL || next == NULL)
        goto done; /* the solver then says no schedule exists, without the reason */
    for (size_t b = 0; b < nb; b++)
        for (size_t i = 0; i < inst->bodies[b].n_items; i++)
            body_of[off[b] + i] = b;
    for (size_t root = 0; root < n; root++) {
        if (state[root] != 0)
            continue;
        size_t top = 0;
        stack[top++] = root;
        state[root] = 1;
        next[root] = 0;
        while (top > 0) {
            size_t v = stack[top - 1], w;
            size_t bv = body_of[v];
            if (!follows(inst, off, bv, v - off[bv], next[v]++, &w)) {
                state[v] = 2;
                top--;
                continue;
            }
            if (state[w] == 0) {
                state[w] = 1;
                next[w] = 0;
                stack[top++] = w;
                continue;
            }
            if (state[w] != 1)
                continue;
            /* A circle: w follows ... follows v follows w. */
            ow_buf text = OW_BUF_INIT;
            size_t from = top;
            while (from > 0 && stack[from - 1] != w)
                from--;
            for (size_t x = from - 1, shown = 0; x < top && shown < 8; x++, shown++) {
                size_t u = stack[x], bu = body_of[u];
                ow_buf_printf(&text, "%sitem %s of %s", x + 1 == from ? "" : ", which follows ",
                              inst->bodies[bu].items[u - off[bu]].label, inst->bodies[bu].id);
            }
            ow_buf_printf(&text, ", which follows item %s of %s",
                          inst->bodies[body_of[w]].items[w - off[body_of[w]]].label,
                          inst->bodies[body_of[w]].id);
            cause(why, &inst->bodies[body_of[w]],
                  "the after rules go round in a circle: %s; no order of the agendas keeps them "
                  "all",
                  ow_buf_str(&text));
            ow_buf_free(&text);
            goto done;
        }
    }
done:
    free(off);
    free(body_of);
    free(state);
    free(stack);
    free(next);
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

/* Minutes body b can meet on working day d at most: its longest slots of the day
 * that it may meet in, as many as its meetings a day allow. */
static int day_minutes(const ow_instance *inst, const ow_body *body, int d)
{
    size_t n;
    const ow_slot *slots = ow_calendar_day_slots(&inst->calendar, d, &n);
    int len[OW_MAX_SLOTS], k = 0, total = 0;
    for (size_t s = 0; s < n && k < OW_MAX_SLOTS; s++)
        if (ow_body_may_meet(&inst->calendar, body, d, (int)s))
            len[k++] = slots[s].end - slots[s].start;
    for (int taken = 0; taken < per_day(inst, body) && k > 0; taken++) {
        int best = 0;
        for (int x = 1; x < k; x++)
            if (len[x] > len[best])
                best = x;
        total += len[best];
        len[best] = len[--k];
    }
    return total;
}

/* Most minutes of working days [from, to] of the session that body b can meet:
 * with days counted from its first meeting (relative), the best first day of its
 * window (or its pinned start); else calendar indices. */
static long days_minutes(const ow_body *body, const int *cap, int from, int to, bool relative)
{
    int w0 = body->window_from, w1 = body->window_to;
    long best = 0;
    for (int d0 = relative ? w0 : 0; d0 <= (relative ? w1 : 0); d0++) {
        if (relative && body->has_pin_from && d0 != body->pin_from)
            continue;
        int a = (relative ? d0 + from : from), z = (relative ? d0 + to : to);
        long sum = 0;
        for (int d = a < w0 ? w0 : a; d <= z && d <= w1; d++)
            sum += cap[d - w0];
        if (sum > best)
            best = sum;
    }
    return best;
}

/* The calendar index of a date, or -1. */
static int day_index(const ow_calendar *cal, ow_date date)
{
    for (int d = 0; d < cal->n_days; d++)
        if (cal->days[d] == date)
            return d;
    return -1;
}

/* Items held to days of the session (`day`, `not_after_day`, `not_before_day`)
 * and every item that must come before them (agenda order, after, first, last),
 * or after them, must fit in the minutes those days give the body.  Said once, for
 * the first such item. */
static void precheck_day_room(const ow_instance *inst, size_t b, ow_buf *why)
{
    const ow_body *body = &inst->bodies[b];
    size_t n = body->n_items;
    int w0 = body->window_from, w1 = body->window_to;
    bool bounded = false;
    for (size_t i = 0; i < n; i++) {
        const ow_item *it = &body->items[i];
        bounded |= it->day > 0 || it->has_day_date || it->day_from > 0 || it->day_to > 0;
    }
    if (n == 0 || !bounded || w1 < w0)
        return;
    bool *before = order_closure(body);
    int *cap = calloc((size_t)(w1 - w0 + 1), sizeof *cap);
    if (before == NULL || cap == NULL)
        goto done; /* the solver then says no schedule exists, without the reason */
    for (int d = w0; d <= w1; d++)
        cap[d - w0] = day_minutes(inst, body, d);
    for (size_t x = 0; x < n; x++) {
        const ow_item *it = &body->items[x];
        /* Days it must be taken by, and from: relative to the first meeting's day
         * (0 = that day) or, for a date, calendar indices. */
        int by = INT32_MAX, from = -1;
        bool relative = !it->has_day_date;
        if (it->has_day_date) {
            by = from = day_index(&inst->calendar, it->day_date);
            if (by < 0)
                continue;
        } else {
            if (it->day > 0)
                by = from = it->day - 1;
            if (it->day_to > 0 && it->day_to - 1 < by)
                by = it->day_to - 1;
            if (it->day_from > 0 && it->day_from - 1 > from)
                from = it->day_from - 1;
        }
        for (int side = 0; side < 2; side++) {
            if ((side == 0 && by == INT32_MAX) || (side == 1 && from < 0))
                continue;
            long need = it->min_minutes;
            size_t others = 0;
            for (size_t q = 0; q < n; q++)
                if (q != x && (side == 0 ? before[q * n + x] : before[x * n + q])) {
                    need += body->items[q].min_minutes;
                    others++;
                }
            long have = side == 0
                            ? days_minutes(body, cap, relative ? 0 : w0, by, relative)
                            : days_minutes(body, cap, from, relative ? w1 - w0 : w1, relative);
            if (others == 0 || need <= have)
                continue;
            char w1s[64], w2s[64], when[96];
            ow_duration_words((int)need, w1s, sizeof w1s);
            ow_duration_words((int)have, w2s, sizeof w2s);
            if (relative)
                snprintf(when, sizeof when, "day %d of the body's session",
                         (side == 0 ? by : from) + 1);
            else
                ow_date_long(inst->calendar.days[by], when, sizeof when);
            cause(why, body,
                  "item %s must be taken %s %s, and %zu other item%s %s it: together they need "
                  "%s, but the body's meetings %s that day give at most %s",
                  it->label, side == 0 ? "by" : "from", when, others, others == 1 ? "" : "s",
                  side == 0 ? "before" : "after", w1s, side == 0 ? "up to" : "from", w2s);
            goto done;
        }
    }
done:
    free(before);
    free(cap);
}

/* The bodies of a consecutive rule meet in one room (docs/model.md, `sameroom`),
 * and rules that share a body carry that room on: two bodies so linked that must use
 * different rooms (`room`) have no schedule.  Said once, for the first such pair. */
static void precheck_rule_rooms(const ow_instance *inst, ow_buf *why)
{
    size_t nb = inst->n_bodies;
    if (inst->n_rules == 0 || inst->n_rooms < 2)
        return;
    size_t *root = malloc(nb * sizeof *root);
    if (root == NULL)
        return; /* the solver then says no schedule exists, without the reason */
    for (size_t b = 0; b < nb; b++)
        root[b] = b;
    for (size_t q = 0; q < inst->n_rules; q++) {
        const ow_rule *rule = &inst->rules[q];
        for (size_t x = 1; x < rule->n_bodies; x++) {
            size_t a = rule->bodies[0], c = rule->bodies[x];
            while (root[a] != a)
                a = root[a];
            while (root[c] != c)
                c = root[c];
            root[c] = a;
        }
    }
    for (size_t b = 0; b < nb; b++) {
        const ow_body *body = &inst->bodies[b];
        for (size_t c = 0; c < b && body->room >= 0; c++) {
            const ow_body *other = &inst->bodies[c];
            size_t rb = b, rc = c;
            while (root[rb] != rb)
                rb = root[rb];
            while (root[rc] != rc)
                rc = root[rc];
            if (other->room < 0 || other->room == body->room || rb != rc)
                continue;
            cause(why, body,
                  "consecutive rules put %s and %s in one room, but %s must use %s and %s "
                  "must use %s",
                  other->id, body->id, other->id, inst->rooms[other->room], body->id,
                  inst->rooms[body->room]);
            free(root);
            return;
        }
    }
    free(root);
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
        precheck_day_room(inst, b, why);
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
    precheck_rule_rooms(inst, why);
    precheck_across(inst, why);
    return why->len > before ? OW_INFEASIBLE : OW_OK;
}

/* ---- which rules of one body conflict (a deletion filter) ------------------------- */

typedef enum rule_kind {
    RULE_MEETINGS,
    RULE_PER_DAY,
    RULE_WINDOW,
    RULE_PIN_FROM,
    RULE_ITEM_MEETING,
    RULE_ITEM_DAY,
    RULE_ITEM_PIN,
    RULE_FIRST,
    RULE_LAST,
    RULE_SPLIT,
    RULE_MIN_PART,
    RULE_AFTER,
    RULE_HELD_ALL,
    RULE_SLOTS,
    RULE_NOT_DURING,
    RULE_ONLY_DURING,
    RULE_DAY_FROM,
    RULE_DAY_TO,
    RULE_DAY_LAST,
    RULE_ALONE
} rule_kind;

/* One rule of a body: a key of the body, or of item `item` (and for after, its
 * `index`-th entry). */
typedef struct body_rule {
    rule_kind kind;
    size_t item, index;
} body_rule;

/* The rules of body b, in file order: the body's, then each item's. */
static size_t list_rules(const ow_body *body, body_rule *out)
{
    size_t n = 0;
#define PUT(k, i, x)                                                                               \
    do {                                                                                           \
        if (out != NULL)                                                                           \
            out[n] = (body_rule){(k), (i), (x)};                                                   \
        n++;                                                                                       \
    } while (0)
    if (body->meetings > 0)
        PUT(RULE_MEETINGS, 0, 0);
    if (body->meetings_per_day > 0)
        PUT(RULE_PER_DAY, 0, 0);
    if (body->has_window)
        PUT(RULE_WINDOW, 0, 0);
    if (body->has_pin_from)
        PUT(RULE_PIN_FROM, 0, 0);
    if (body->held_all)
        PUT(RULE_HELD_ALL, 0, 0);
    if (body->n_slot_times > 0)
        PUT(RULE_SLOTS, 0, 0);
    if (body->n_not_during > 0)
        PUT(RULE_NOT_DURING, 0, 0);
    if (body->n_only_during > 0)
        PUT(RULE_ONLY_DURING, 0, 0);
    for (size_t i = 0; i < body->n_items; i++) {
        const ow_item *it = &body->items[i];
        if (it->meeting != OW_MEETING_ANY)
            PUT(RULE_ITEM_MEETING, i, 0);
        if (it->day > 0 || it->has_day_date)
            PUT(RULE_ITEM_DAY, i, 0);
        if (it->day_from > 0)
            PUT(RULE_DAY_FROM, i, 0);
        if (it->day_to > 0)
            PUT(RULE_DAY_TO, i, 0);
        if (it->day_last)
            PUT(RULE_DAY_LAST, i, 0);
        if (it->alone)
            PUT(RULE_ALONE, i, 0);
        if (it->pin != OW_PIN_NONE)
            PUT(RULE_ITEM_PIN, i, 0);
        if (it->first)
            PUT(RULE_FIRST, i, 0);
        if (it->last)
            PUT(RULE_LAST, i, 0);
        if (!it->split)
            PUT(RULE_SPLIT, i, 0);
        if (it->min_part > 0)
            PUT(RULE_MIN_PART, i, 0);
        for (size_t a = 0; a < it->n_after; a++)
            PUT(RULE_AFTER, i, a);
    }
#undef PUT
    return n;
}

/* Lifts rule r from body (whose items are a copy the caller owns; an after entry is
 * marked SIZE_MAX and dropped by compact_after). */
static void lift(ow_body *body, const ow_calendar *cal, const body_rule *r)
{
    ow_item *it = &body->items[r->item];
    switch (r->kind) {
    case RULE_MEETINGS:
        body->meetings = 0;
        break;
    case RULE_PER_DAY:
        body->meetings_per_day = 0;
        break;
    case RULE_WINDOW:
        body->has_window = false;
        body->window_from = 0;
        body->window_to = cal->n_days - 1;
        break;
    case RULE_PIN_FROM:
        body->has_pin_from = false;
        break;
    case RULE_ITEM_MEETING:
        it->meeting = OW_MEETING_ANY;
        break;
    case RULE_ITEM_DAY:
        it->day = 0;
        it->has_day_date = false;
        break;
    case RULE_ITEM_PIN:
        it->pin = OW_PIN_NONE;
        break;
    case RULE_FIRST:
        it->first = false;
        break;
    case RULE_LAST:
        it->last = false;
        break;
    case RULE_SPLIT:
        it->split = true;
        break;
    case RULE_MIN_PART:
        it->min_part = 0;
        break;
    case RULE_AFTER:
        it->after[r->index] = SIZE_MAX;
        break;
    case RULE_HELD_ALL:
        body->held_all = false;
        break;
    case RULE_SLOTS:
        body->n_slot_times = 0;
        break;
    case RULE_NOT_DURING:
        body->n_not_during = 0;
        break;
    case RULE_ONLY_DURING:
        body->n_only_during = 0;
        break;
    case RULE_DAY_FROM:
        it->day_from = 0;
        break;
    case RULE_DAY_TO:
        it->day_to = 0;
        break;
    case RULE_DAY_LAST:
        it->day_last = false;
        break;
    case RULE_ALONE:
        it->alone = false;
        break;
    }
}

static void compact_after(ow_item *it)
{
    size_t k = 0;
    for (size_t a = 0; a < it->n_after; a++)
        if (it->after[a] != SIZE_MAX)
            it->after[k++] = it->after[a];
    it->n_after = k;
}

/* Is body 0 of inst feasible with the rules not in keep lifted?  -1 out of memory. */
static int try_rules(const ow_instance *inst, const body_rule *rules, size_t n, const bool *keep,
                     ow_feasible_fn feasible, void *ctx)
{
    const ow_body *src = &inst->bodies[0];
    ow_body body = *src;
    size_t n_after = 0;
    for (size_t i = 0; i < src->n_items; i++)
        n_after += src->items[i].n_after;
    ow_item *items = calloc(src->n_items + 1, sizeof *items);
    size_t *after = calloc(n_after + 1, sizeof *after);
    if (items == NULL || after == NULL) {
        free(items);
        free(after);
        return -1;
    }
    size_t used = 0;
    for (size_t i = 0; i < src->n_items; i++) {
        items[i] = src->items[i];
        items[i].after = &after[used];
        for (size_t a = 0; a < src->items[i].n_after; a++)
            after[used++] = src->items[i].after[a];
    }
    body.items = items;
    for (size_t r = 0; r < n; r++)
        if (!keep[r])
            lift(&body, &inst->calendar, &rules[r]);
    for (size_t i = 0; i < body.n_items; i++)
        compact_after(&items[i]);
    ow_instance view = *inst;
    view.bodies = &body;
    view.n_bodies = 1;
    int ok = feasible(&view, ctx) ? 1 : 0;
    free(items);
    free(after);
    return ok;
}

/* The rule in words, with its place: "item 2 on day 1 (file.yaml:8)". */
static void say_rule(ow_buf *b, const ow_instance *inst, const ow_body *body, const body_rule *r)
{
    const ow_item *it = &body->items[r->item];
    char w[64];
    ow_loc at = it->loc;
    switch (r->kind) {
    case RULE_MEETINGS:
        ow_buf_printf(b, "at most %d meeting%s (meetings)", body->meetings,
                      body->meetings == 1 ? "" : "s");
        at = body->meetings_loc;
        break;
    case RULE_PER_DAY:
        ow_buf_printf(b, "at most %d meeting%s a day (meetings_per_day)", body->meetings_per_day,
                      body->meetings_per_day == 1 ? "" : "s");
        at = body->loc;
        break;
    case RULE_WINDOW:
        ow_buf_puts(b, "its window");
        at = body->loc;
        break;
    case RULE_PIN_FROM:
        ow_date_long(inst->calendar.days[body->pin_from], w, sizeof w);
        ow_buf_printf(b, "its start on %s (pin)", w);
        at = body->loc;
        break;
    case RULE_ITEM_MEETING:
        if (it->meeting == OW_MEETING_LAST)
            ow_buf_printf(b, "item %s in the last meeting", it->label);
        else
            ow_buf_printf(b, "item %s in meeting %d", it->label, it->meeting);
        break;
    case RULE_ITEM_DAY:
        if (it->has_day_date) {
            ow_date_long(it->day_date, w, sizeof w);
            ow_buf_printf(b, "item %s on %s", it->label, w);
        } else {
            ow_buf_printf(b, "item %s on day %d", it->label, it->day);
        }
        break;
    case RULE_ITEM_PIN:
        if (it->pin == OW_PIN_MEETING) {
            ow_buf_printf(b, "item %s pinned to meeting %d", it->label, it->pin_meeting);
        } else {
            char slot[48];
            ow_date_long(inst->calendar.days[it->pin_day], w, sizeof w);
            ow_slot_house(inst->calendar.slots[it->pin_slot], slot, sizeof slot);
            ow_buf_printf(b, "item %s pinned to %s, %s", it->label, w, slot);
        }
        break;
    case RULE_FIRST:
        ow_buf_printf(b, "item %s first", it->label);
        break;
    case RULE_LAST:
        ow_buf_printf(b, "item %s last", it->label);
        break;
    case RULE_SPLIT:
        ow_buf_printf(b, "item %s in one meeting (split: false)", it->label);
        break;
    case RULE_MIN_PART:
        ow_duration_words(it->min_part, w, sizeof w);
        ow_buf_printf(b, "item %s in pieces of at least %s (min_part)", it->label, w);
        break;
    case RULE_AFTER:
        ow_buf_printf(b, "item %s after item %s", it->label,
                      body->items[it->after[r->index]].label);
        break;
    case RULE_HELD_ALL:
        ow_buf_puts(b, "every meeting held (held: all)");
        at = body->loc;
        break;
    case RULE_SLOTS:
        ow_buf_puts(b, "its meeting times (slots)");
        at = body->loc;
        break;
    case RULE_NOT_DURING:
        ow_buf_puts(b, "the times it does not meet (not_during)");
        at = body->not_during[0].loc;
        break;
    case RULE_ONLY_DURING:
        ow_buf_puts(b, "the only times it meets (only_during)");
        at = body->only_during[0].loc;
        break;
    case RULE_DAY_FROM:
        ow_buf_printf(b, "item %s not before day %d", it->label, it->day_from);
        break;
    case RULE_DAY_TO:
        ow_buf_printf(b, "item %s not after day %d", it->label, it->day_to);
        break;
    case RULE_DAY_LAST:
        ow_buf_printf(b, "item %s on the last day", it->label);
        break;
    case RULE_ALONE:
        ow_buf_printf(b, "item %s in meetings of its own (alone)", it->label);
        break;
    }
    ow_buf_printf(b, " (%s:%d)", inst->path != NULL ? inst->path : "", at.line);
}

bool ow_diagnose_conflict(const ow_instance *inst, ow_feasible_fn feasible, void *ctx, ow_buf *why)
{
    if (inst->n_bodies != 1)
        return false;
    const ow_body *body = &inst->bodies[0];
    size_t n = list_rules(body, NULL);
    if (n == 0 || n > OW_DIAGNOSE_MAX_RULES)
        return false;
    body_rule *rules = calloc(n, sizeof *rules);
    bool *keep = calloc(n, sizeof *keep);
    bool found = false;
    if (rules == NULL || keep == NULL)
        goto done;
    list_rules(body, rules);
    for (size_t r = 0; r < n; r++)
        keep[r] = true;
    if (try_rules(inst, rules, n, keep, feasible, ctx) != 0)
        goto done; /* not proven infeasible with them all (a limit, or a rule of the period) */
    /* Without every rule it may still have no schedule (its agenda is too long for
     * the calendar): then no rule is to blame. */
    for (size_t r = 0; r < n; r++)
        keep[r] = false;
    int all_off = try_rules(inst, rules, n, keep, feasible, ctx);
    if (all_off != 1)
        goto done;
    for (size_t r = 0; r < n; r++)
        keep[r] = true;
    /* Each rule in turn: lifted for good when the body has no schedule without it
     * either.  What stays is a set no schedule keeps, each rule of it needed. */
    for (size_t r = 0; r < n; r++) {
        keep[r] = false;
        int ok = try_rules(inst, rules, n, keep, feasible, ctx);
        if (ok < 0)
            goto done;
        if (ok == 1)
            keep[r] = true;
    }
    size_t n_kept = 0;
    for (size_t r = 0; r < n; r++)
        n_kept += keep[r];
    ow_buf_printf(
        why, "%s: no schedule keeps %s, even with every room to itself; relax %s: ", body->name,
        n_kept == 1 ? "this rule" : "these rules together", n_kept == 1 ? "it" : "one of them");
    for (size_t r = 0, said = 0; r < n; r++)
        if (keep[r]) {
            if (said++ > 0)
                ow_buf_puts(why, "; ");
            say_rule(why, inst, body, &rules[r]);
        }
    ow_buf_putc(why, '\n');
    found = true;
done:
    free(rules);
    free(keep);
    return found;
}
