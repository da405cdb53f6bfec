/* gen.c: a seeded generator of tiny instances (docs/formats.md): 1 to 3 bodies, 1 to 3
 * working days of 1 to 3 slots, 1 or 2 rooms, 2 to 6 items in all, and every item
 * and body rule (the day windows `day: last`, `not_before_day`, `not_after_day`,
 * and a body's `slots`, `not_during`, `only_during` and `reserved` included), days with slots of
 * their own (`slots_on`, `slots_by_weekday`), pins, windows, free order, joint
 * items, consecutive rules, interpretation teams, held: all and flexible
 * durations (flex, ranges), each drawn with a small probability so that
 * most instances have a schedule and many have one rule that binds. */
#include "differential.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

uint64_t dt_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static int pick(uint64_t *st, int n)
{
    return (int)(dt_next(st) % (uint64_t)n);
}

/* True with probability percent/100. */
static bool chance(uint64_t *st, int percent)
{
    return pick(st, 100) < percent;
}

typedef struct out {
    char *p;
    size_t len, cap;
} out;

static void put(out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->p + o->len, o->cap - o->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n < o->cap - o->len ? (size_t)n : o->cap - o->len - 1;
}

static const char *slot_pool[] = {"08:00-10:00", "10:00-12:00", "12:00-13:00",
                                  "13:00-15:00", "15:00-16:30", "16:30-18:00"};

/* Working days from a Monday: 2024-07-08 is one. */
static void day_date(int start_weekday, int k, char *buf, size_t size)
{
    /* k-th working day (0-based) of a calendar starting on weekday start_weekday. */
    int wd = start_weekday, day = 8 + start_weekday, seen = 0;
    for (;;) {
        if (wd < 5) {
            if (seen == k)
                break;
            seen++;
        }
        day++;
        wd = (wd + 1) % 7;
    }
    snprintf(buf, size, "2024-07-%02d", day % 100);
}

size_t dt_generate(uint64_t seed, bool period, char *buf, size_t size)
{
    uint64_t st = seed * 0x2545f4914f6cdd1dull + (period ? 7 : 3);
    /* Rules added later draw from a stream of their own, so that every seed keeps
     * the instance it had before them, plus the new rules. */
    uint64_t st2 = seed * 0x9e3779b97f4a7c15ull + (period ? 11 : 5);
    /* held: all and flexible durations: a third stream. */
    uint64_t st3 = seed * 0xd1b54a32d192ed03ull + (period ? 13 : 17);
    out o = {buf, 0, size};
    int n_days = 1 + pick(&st, 3), n_slots = 2 + pick(&st, 2), n_rooms = 1 + pick(&st, 2);
    int start_wd = pick(&st, 5);
    int n_bodies = period ? 2 + pick(&st, 2) : 1;
    int teams = 1 + (chance(&st, 30) ? 1 : 0);
    int first_slot = pick(&st, 6 - n_slots + 1);
    char date[24];
    day_date(start_wd, 0, date, sizeof date);
    put(&o, "orgwork: 1\ncalendar:\n  start: %s\n  days: %d\n  slots: [", date, n_days);
    for (int s = 0; s < n_slots; s++)
        put(&o, "%s\"%s\"", s ? ", " : "", slot_pool[first_slot + s]);
    put(&o, "]\n");
    /* Days with slots of their own: one date, or one weekday (which the calendar
     * may not have), one to three slots of the pool. */
    static const char *const weekdays[] = {"mon", "tue", "wed", "thu", "fri"};
    for (int kind = 0; kind < 2; kind++) {
        if (!chance(&st2, kind == 0 ? 12 : 8))
            continue;
        int count = 1 + pick(&st2, 3), at = pick(&st2, 6 - count + 1);
        char when[24];
        if (kind == 0)
            day_date(start_wd, pick(&st2, n_days), when, sizeof when);
        else
            snprintf(when, sizeof when, "%s", weekdays[pick(&st2, 5)]);
        put(&o, "  %s: {%s: [", kind == 0 ? "slots_on" : "slots_by_weekday", when);
        for (int s = 0; s < count; s++)
            put(&o, "%s\"%s\"", s ? ", " : "", slot_pool[at + s]);
        put(&o, "]}\n");
    }
    put(&o, "rooms: [");
    for (int r = 0; r < n_rooms; r++)
        put(&o, "%sR%d", r ? ", " : "", r + 1);
    put(&o, "]\nservices: {interpretation_teams: %d}\n", teams);
    if (chance(&st, 20))
        put(&o, "objective: {continued: %d, meetings: %d, days: %d, late_start: %d}\n",
            pick(&st, 12), pick(&st, 4), pick(&st, 6), pick(&st, 3));
    /* Items: 2 to 6 in all, at least one a body. */
    int total = 2 + pick(&st, 5);
    if (total < n_bodies)
        total = n_bodies;
    int per[3] = {1, period ? 1 : 0, n_bodies > 2 ? 1 : 0};
    for (int k = n_bodies; k < total; k++)
        per[pick(&st, n_bodies)]++;
    static const int durations[] = {15, 20, 30, 30, 30, 45, 45, 60, 90};
    put(&o, "bodies:\n");
    for (int b = 0; b < n_bodies; b++) {
        put(&o, "  - id: %c\n    name: Body %c\n", 'A' + b, 'A' + b);
        bool meetings = chance(&st, 15);
        if (meetings)
            put(&o, "    meetings: %d\n", 2 + pick(&st, 3));
        if (chance(&st3, meetings ? 30 : 4))
            put(&o, "    held: all\n");
        if (chance(&st, 15))
            put(&o, "    meetings_per_day: %d\n", 1 + pick(&st, 2));
        int wf = 0, wt = n_days - 1;
        if (n_days > 1 && chance(&st, 20)) {
            wf = pick(&st, n_days);
            wt = wf + pick(&st, n_days - wf);
            char a[24], z[24];
            day_date(start_wd, wf, a, sizeof a);
            day_date(start_wd, wt, z, sizeof z);
            put(&o, "    window: {from: %s, to: %s}\n", a, z);
        }
        if (chance(&st, 35))
            put(&o, "    interpretation: false\n");
        if (n_rooms > 1 && chance(&st, 20))
            put(&o, "    room: R%d\n", 1 + pick(&st, n_rooms));
        bool free_order = per[b] > 1 && chance(&st, 20);
        if (free_order)
            put(&o, "    order: free\n");
        static const int tolerances[] = {10, 25, 50};
        if (!free_order && chance(&st3, 8))
            put(&o, "    flex: %d%%\n", tolerances[pick(&st3, 3)]);
        if (chance(&st, 8)) {
            char a[24];
            day_date(start_wd, wf + pick(&st, wt - wf + 1), a, sizeof a);
            put(&o, "    pin: {from: %s}\n", a);
        }
        /* Slots kept for or from a body (from the second stream, as above). */
        if (chance(&st2, 10)) {
            int a = pick(&st2, n_slots), z = pick(&st2, n_slots);
            put(&o, "    slots: [\"%s\"", slot_pool[first_slot + a]);
            if (z != a)
                put(&o, ", \"%s\"", slot_pool[first_slot + z]);
            put(&o, "]\n");
        }
        if (chance(&st2, 10)) {
            char a[24];
            day_date(start_wd, wf + pick(&st2, wt - wf + 1), a, sizeof a);
            int whole = chance(&st2, 40), sl = pick(&st2, n_slots);
            if (whole)
                put(&o, "    not_during: [{date: %s}]\n", a);
            else
                put(&o, "    not_during: [{date: %s, slot: \"%s\"}]\n", a,
                    slot_pool[first_slot + sl]);
        }
        if (chance(&st2, 8)) {
            char a[24];
            day_date(start_wd, wf + pick(&st2, wt - wf + 1), a, sizeof a);
            int whole = chance(&st2, 50), sl = pick(&st2, n_slots);
            if (whole)
                put(&o, "    only_during: [{date: %s}]\n", a);
            else
                put(&o, "    only_during: [{date: %s, slot: \"%s\"}]\n", a,
                    slot_pool[first_slot + sl]);
        }
        /* One body reserves: two reserving one slot are refused when read. */
        if (b == 0 && n_bodies > 1 && chance(&st2, 12)) {
            char a[24];
            day_date(start_wd, pick(&st2, n_days), a, sizeof a);
            put(&o, "    reserved: [{date: %s, slot: \"%s\"}]\n", a,
                slot_pool[first_slot + pick(&st2, n_slots)]);
        }
        put(&o, "    agenda:\n");
        for (int i = 0; i < per[b]; i++) {
            int d = durations[pick(&st, 9)];
            /* A range only where no item is joint (one body), never with free order. */
            bool ranged = !period && !free_order && chance(&st3, 6);
            if (ranged)
                put(&o, "      - {item: \"%d\", title: Item %d, duration: %dm..%dm", i + 1, i + 1,
                    d / 2, d + d / 2);
            else
                put(&o, "      - {item: \"%d\", title: Item %d, duration: %dm", i + 1, i + 1, d);
            if (chance(&st, 15))
                put(&o, ", split: false");
            if (d >= 60 && chance(&st, 12))
                put(&o, ", min_part: %dm", d >= 120 && chance(&st, 50) ? 60 : 30);
            /* Mostly where agenda order allows them, sometimes where it does not. */
            if (chance(&st, i == 0 ? 15 : 2))
                put(&o, ", first: true");
            if (chance(&st, i == per[b] - 1 ? 15 : 2))
                put(&o, ", last: true");
            if (chance(&st, 8)) {
                int k = pick(&st, 4);
                if (k == 0)
                    put(&o, ", meeting: last");
                else if (k == 1)
                    put(&o, ", meeting: first");
                else
                    put(&o, ", meeting: %d", k);
            }
            bool has_day = chance(&st, 8);
            if (has_day) {
                if (chance(&st, 50)) {
                    put(&o, ", day: %d", 1 + pick(&st, n_days));
                } else {
                    char a[24];
                    day_date(start_wd, wf + pick(&st, wt - wf + 1), a, sizeof a);
                    put(&o, ", day: %s", a);
                }
            }
            /* Beside a `day:` the windows are left out (a second `day` key, or a
             * window that leaves out the day, is refused when the file is read). */
            if (chance(&st2, 8)) {
                int k = pick(&st2, 3), within = 1 + pick(&st2, n_days);
                if (!has_day && k == 0)
                    put(&o, ", day: last");
                else if (!has_day && k == 1)
                    put(&o, ", not_before_day: %d", within);
                else if (!has_day)
                    put(&o, ", not_after_day: %d", within);
            }
            if (per[b] > 1 && chance(&st, 10)) {
                int a = chance(&st, 80) && i > 0 ? pick(&st, i) : pick(&st, per[b]);
                if (a != i)
                    put(&o, ", after: [\"%d\"]", a + 1);
            }
            bool joint = n_bodies > 1 && chance(&st, 18);
            if (joint) {
                int other = pick(&st, n_bodies - 1);
                if (other >= b)
                    other++;
                put(&o, ", joint_with: [%c", 'A' + other);
                if (n_bodies == 3 && chance(&st, 25))
                    put(&o, ", %c", 'A' + 3 - b - other);
                put(&o, "]");
            }
            if (chance(&st, 7)) {
                if (chance(&st, 50)) {
                    put(&o, ", pin: {meeting: %d}", 1 + pick(&st, 3));
                } else {
                    char a[24];
                    day_date(start_wd, wf + pick(&st, wt - wf + 1), a, sizeof a);
                    put(&o, ", pin: {date: %s, slot: \"%s\"}", a,
                        slot_pool[first_slot + pick(&st, n_slots)]);
                }
            }
            /* An item's own tolerance (a range takes none; a joint item none). */
            if (!joint && !free_order && chance(&st3, 8) && !ranged)
                put(&o, ", flex: %d%%", tolerances[pick(&st3, 3)]);
            put(&o, "}\n");
        }
    }
    if (n_bodies > 1 && chance(&st, 30)) {
        int a = pick(&st, n_bodies), z = pick(&st, n_bodies - 1);
        if (z >= a)
            z++;
        put(&o, "rules:\n  - consecutive: [%c, %c", 'A' + a, 'A' + z);
        if (n_bodies == 3 && chance(&st, 30))
            put(&o, ", %c", 'A' + 3 - a - z);
        put(&o, "]\n");
    }
    return o.len;
}
