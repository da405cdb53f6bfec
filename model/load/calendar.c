/* calendar.c: the instance keys of the period: calendar (days, weekdays,
 * holidays, slots), rooms and services. */
#include "stages.h"

#include "orgwork/timezone.h"

#include <stdio.h>
#include <string.h>

/* ---- Days of the calendar -------------------------------------------------------- */

static void calendar_range(const ow_calendar *cal, char *out, size_t size)
{
    char a[11], b[11];
    ow_date_iso(cal->days[0], a);
    ow_date_iso(cal->days[cal->n_days - 1], b);
    snprintf(out, size, "%s to %s", a, b);
}

ow_status outside_calendar(loader *ld, const node *n, const char *key)
{
    char range[32];
    calendar_range(&ld->inst->calendar, range, sizeof range);
    return fail(ld, n->loc, "%s %s is outside the calendar (%s)", key, n->text, range);
}

/* The index of a working day of the calendar given as a date. */
ow_status get_working_day(loader *ld, const node *n, const char *key, int *out)
{
    ow_status rc = OW_OK;
    const ow_calendar *cal = &ld->inst->calendar;
    ow_date d;
    OW_CALL(get_date(ld, n, key, &d));
    for (int i = 0; i < cal->n_days; i++) {
        if (cal->days[i] == d) {
            *out = i;
            return OW_OK;
        }
    }
    if (d < cal->days[0] || d > cal->days[cal->n_days - 1])
        return outside_calendar(ld, n, key);
    if (cal->weekday_mask & (1u << ow_date_weekday(d)))
        return fail(ld, n->loc, "%s %s is not a working day of the calendar (it is a holiday)", key,
                    n->text);
    return fail(ld, n->loc, "%s %s is not a working day of the calendar (it is a %s)", key, n->text,
                ow_weekday_name(ow_date_weekday(d)));
done:
    return rc;
}

ow_status inside_window(loader *ld, const ow_body *body, const node *n, const char *key, int day)
{
    if (day >= body->window_from && day <= body->window_to)
        return OW_OK;
    char a[11], b[11];
    ow_date_iso(ld->inst->calendar.days[body->window_from], a);
    ow_date_iso(ld->inst->calendar.days[body->window_to], b);
    return fail(ld, n->loc, "%s %s is outside the body's window (%s to %s)", key, n->text, a, b);
}

/* ---- Calendar, rooms, services --------------------------------------------------- */

static const char *const CALENDAR_KEYS[] = {
    "start",    "days",     "end", "weekdays", "holidays", "slots", "slots_by_weekday",
    "slots_on", "timezone", NULL};
KEYS_FIT(CALENDAR_KEYS);

static const char *const WEEKDAY_NAMES[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const WEEKDAY_LONG_NAMES[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};

/* 0 = Monday … 6 = Sunday for "mon" or "Monday" (any case); 7 when n names none. */
static int weekday_of(const node *e)
{
    char low[16] = "";
    if (e->kind == NODE_SCALAR && e->len < sizeof low)
        for (size_t i = 0; i <= e->len; i++)
            low[i] = (char)(e->text[i] >= 'A' && e->text[i] <= 'Z' ? e->text[i] - 'A' + 'a'
                                                                   : e->text[i]);
    int w = 0;
    while (w < 7 && strcmp(low, WEEKDAY_NAMES[w]) != 0 && strcmp(low, WEEKDAY_LONG_NAMES[w]) != 0)
        w++;
    return w;
}

static ow_status load_weekdays(loader *ld, const node *list, unsigned *mask)
{
    ow_status rc = OW_OK;
    OW_CALL(expect_list(ld, list, "weekdays", 7));
    if (list->n == 0)
        return fail(ld, list->loc,
                    "weekdays lists no day (expected some of mon, tue, wed, thu, fri, sat, sun)");
    unsigned m = 0;
    for (const node *e = list->first; e != NULL; e = e->next) {
        int w = weekday_of(e);
        if (w == 7)
            return wrong_type(ld, e, "a weekday (mon, tue, wed, thu, fri, sat or sun)", "weekdays");
        m |= 1u << w;
    }
    *mask = m;
done:
    return rc;
}

typedef struct placed_slot {
    ow_slot slot;
    const node *n;
} placed_slot;

/* A list of time slots (key names it in errors) into out[], sorted; *n_out set. */
static ow_status read_slots(loader *ld, const node *list, const char *key, ow_slot *out,
                            size_t *n_out)
{
    ow_status rc = OW_OK;
    placed_slot placed[OW_MAX_SLOTS];
    OW_CALL(expect_list(ld, list, key, OW_MAX_SLOTS));
    if (list->n == 0)
        return fail(ld, list->loc,
                    "%s lists no slot (expected a list such as [\"10:00-13:00\", \"15:00-18:00\"])",
                    key);
    size_t k = 0;
    for (const node *e = list->first; e != NULL; e = e->next, k++) {
        if (e->kind != NODE_SCALAR || !ow_slot_parse(e->text, &placed[k].slot))
            return wrong_type(ld, e, "a time slot HH:MM-HH:MM (start before end)", key);
        placed[k].n = e;
        /* Insertion sort: the slots are few, and a day's order is their time order. */
        for (size_t j = k; j > 0 && placed[j].slot.start < placed[j - 1].slot.start; j--) {
            placed_slot t = placed[j];
            placed[j] = placed[j - 1];
            placed[j - 1] = t;
        }
    }
    for (size_t i = 1; i < k; i++) {
        if (placed[i].slot.start < placed[i - 1].slot.end) {
            /* Point at whichever of the two was written later. */
            const node *later = placed[i].n->loc.line > placed[i - 1].n->loc.line ||
                                        (placed[i].n->loc.line == placed[i - 1].n->loc.line &&
                                         placed[i].n->loc.column > placed[i - 1].n->loc.column)
                                    ? placed[i].n
                                    : placed[i - 1].n;
            const node *other = later == placed[i].n ? placed[i - 1].n : placed[i].n;
            return fail(ld, later->loc, "slot \"%s\" overlaps slot \"%s\" (slots may not overlap)",
                        later->text, other->text);
        }
    }
    for (size_t i = 0; i < k; i++)
        out[i] = placed[i].slot;
    *n_out = k;
done:
    return rc;
}

static ow_status load_slots(loader *ld, const node *list, ow_calendar *cal)
{
    ow_status rc = OW_OK;
    ow_slot slots[OW_MAX_SLOTS];
    size_t k = 0;
    OW_CALL(read_slots(ld, list, "slots", slots, &k));
    cal->slots = ow_arena_calloc(ld->arena, k, sizeof *cal->slots);
    if (cal->slots == NULL)
        return out_of_memory(ld);
    memcpy(cal->slots, slots, k * sizeof *slots);
    cal->n_slots = k;
done:
    return rc;
}

/* `slots_by_weekday: {fri: [...]}` and `slots_on: {2024-07-11: [...]}`: the slots of
 * some days instead of `slots`.  Read once the working days are known: a date must
 * be one of them, a weekday a working weekday.  The grid (n_slots) becomes the most
 * slots a day has, `slots` is padded to it, and the day's own list gives the times
 * (ow_calendar_day_slots). */
static ow_status load_day_slots(loader *ld, const node *by_weekday, const node *on)
{
    ow_status rc = OW_OK;
    ow_calendar *cal = &ld->inst->calendar;
    size_t n = (by_weekday != NULL ? by_weekday->n : 0) + (on != NULL ? on->n : 0);
    if (by_weekday != NULL)
        OW_CALL(expect_map(ld, by_weekday, "slots_by_weekday"));
    if (on != NULL)
        OW_CALL(expect_map(ld, on, "slots_on"));
    cal->day_slots = ow_arena_calloc(ld->arena, n + 1, sizeof *cal->day_slots);
    if (cal->day_slots == NULL)
        return out_of_memory(ld);
    /* Dates first: a date's entry comes before its weekday's. */
    for (const node *k = on != NULL ? on->first : NULL; k != NULL; k = k->next->next) {
        ow_day_slots *e = &cal->day_slots[cal->n_day_slots];
        e->weekday = -1;
        e->loc = k->loc;
        OW_CALL(get_date(ld, k, "slots_on", &e->date));
        int day = -1;
        for (int d = 0; d < cal->n_days; d++)
            if (cal->days[d] == e->date)
                day = d;
        if (day < 0)
            return fail(ld, k->loc, "slots_on %s is not a working day of the calendar", k->text);
        for (size_t j = 0; j < cal->n_day_slots; j++)
            if (cal->day_slots[j].date == e->date)
                return fail(ld, k->loc, "slots_on %s given twice (first at line %d)", k->text,
                            cal->day_slots[j].loc.line);
        OW_CALL(read_slots(ld, k->next, "slots_on", e->slots, &e->n_slots));
        cal->n_day_slots++;
    }
    for (const node *k = by_weekday != NULL ? by_weekday->first : NULL; k != NULL;
         k = k->next->next) {
        ow_day_slots *e = &cal->day_slots[cal->n_day_slots];
        e->loc = k->loc;
        e->weekday = weekday_of(k);
        if (e->weekday == 7)
            return wrong_type(ld, k, "a weekday (mon, tue, wed, thu, fri, sat or sun)",
                              "slots_by_weekday");
        if (!(cal->weekday_mask & (1u << e->weekday)))
            return fail(
                ld, k->loc,
                "slots_by_weekday %s is not a working weekday of the calendar (add it to weekdays)",
                k->text);
        for (size_t j = 0; j < cal->n_day_slots; j++)
            if (cal->day_slots[j].weekday == e->weekday)
                return fail(ld, k->loc, "slots_by_weekday %s given twice (first at line %d)",
                            k->text, cal->day_slots[j].loc.line);
        OW_CALL(read_slots(ld, k->next, "slots_by_weekday", e->slots, &e->n_slots));
        cal->n_day_slots++;
    }
    if (cal->n_day_slots == 0)
        return OW_OK;
    size_t width = cal->n_slots;
    for (size_t j = 0; j < cal->n_day_slots; j++)
        if (cal->day_slots[j].n_slots > width)
            width = cal->day_slots[j].n_slots;
    ow_slot *padded = ow_arena_calloc(ld->arena, width, sizeof *padded);
    if (padded == NULL)
        return out_of_memory(ld);
    memcpy(padded, cal->slots, cal->n_slots * sizeof *padded);
    cal->n_regular = cal->n_slots;
    cal->slots = padded;
    cal->n_slots = width;
done:
    return rc;
}

ow_status load_calendar(loader *ld, const node *map)
{
    ow_status rc = OW_OK;
    ow_calendar *cal = &ld->inst->calendar;
    fields f;
    OW_CALL(read_fields(ld, map, "calendar", "calendar", CALENDAR_KEYS, &f));
    cal->loc = map->loc;
    const node *start = field(&f, "start"), *days = field(&f, "days"), *end = field(&f, "end");
    if (start == NULL)
        return fail(ld, map->loc,
                    "missing key \"start\" in calendar (expected the first day, YYYY-MM-DD)");
    OW_CALL(get_date(ld, start, "start", &cal->start));
    if (days != NULL && end != NULL)
        return fail(ld, field_key(&f, "end")->loc, "give calendar days or end, not both");
    if (days == NULL && end == NULL)
        return fail(ld, map->loc,
                    "missing key \"days\" in calendar (expected days: N or end: YYYY-MM-DD)");
    cal->weekday_mask = OW_WEEKDAYS_DEFAULT;
    if (field(&f, "weekdays") != NULL)
        OW_CALL(load_weekdays(ld, field(&f, "weekdays"), &cal->weekday_mask));
    const node *hol = field(&f, "holidays");
    if (hol != NULL) {
        OW_CALL(expect_list(ld, hol, "holidays", OW_MAX_DAYS));
        cal->holidays = ow_arena_calloc(ld->arena, hol->n, sizeof *cal->holidays);
        if (cal->holidays == NULL && hol->n > 0)
            return out_of_memory(ld);
        for (const node *e = hol->first; e != NULL; e = e->next)
            OW_CALL(get_date(ld, e, "holidays", &cal->holidays[cal->n_holidays++]));
    }
    if (field(&f, "slots") != NULL) {
        OW_CALL(load_slots(ld, field(&f, "slots"), cal));
    } else {
        static const ow_slot defaults[2] = {{10 * 60, 13 * 60}, {15 * 60, 18 * 60}};
        cal->slots = ow_arena_calloc(ld->arena, 2, sizeof *cal->slots);
        if (cal->slots == NULL)
            return out_of_memory(ld);
        memcpy(cal->slots, defaults, sizeof defaults);
        cal->n_slots = 2;
    }
    cal->standard_slot = cal->slots[0].end - cal->slots[0].start;
    cal->timezone = OW_DEFAULT_TIMEZONE;
    const node *tz = field(&f, "timezone");
    if (tz != NULL) {
        OW_CALL(copy_text(ld, tz, "timezone", OW_MAX_ID, &cal->timezone));
        if (!ow_timezone_known(cal->timezone))
            return fail(ld, tz->loc,
                        "unknown time zone \"%s\" (expected an IANA name such as Europe/Vienna "
                        "or America/New_York)",
                        cal->timezone);
    }
    if (days != NULL) {
        OW_CALL(get_int(ld, days, "days", 1, OW_MAX_DAYS, &cal->n_days));
    } else {
        ow_date last;
        OW_CALL(get_date(ld, end, "end", &last));
        if (last < cal->start)
            return fail(ld, end->loc, "calendar end %s is before its start %s", end->text,
                        start->text);
        int n = ow_calendar_count_days(cal->start, last, cal->weekday_mask, cal->holidays,
                                       cal->n_holidays);
        if (n == 0)
            return fail(ld, end->loc, "the calendar from %s to %s holds no working day",
                        start->text, end->text);
        if (n > OW_MAX_DAYS)
            return fail(ld, end->loc,
                        "the calendar from %s to %s holds %d working days (at most %d)",
                        start->text, end->text, n, OW_MAX_DAYS);
        cal->n_days = n;
    }
    cal->days = ow_arena_calloc(ld->arena, (size_t)cal->n_days, sizeof *cal->days);
    if (cal->days == NULL)
        return out_of_memory(ld);
    if (!ow_calendar_working_days(cal->start, cal->n_days, cal->weekday_mask, cal->holidays,
                                  cal->n_holidays, cal->days))
        return fail(ld, map->loc, "the calendar does not hold %d working days within 20 years",
                    cal->n_days);
    if (ow_calendar_past_last_year(cal->days[cal->n_days - 1])) {
        char last[16];
        ow_date_iso(cal->days[cal->n_days - 1], last);
        return fail(ld, map->loc,
                    "the calendar runs to %s, past 2999-12-31 (the last date orgwork reads "
                    "back from a schedule)",
                    last);
    }
    if (field(&f, "slots_by_weekday") != NULL || field(&f, "slots_on") != NULL)
        OW_CALL(load_day_slots(ld, field(&f, "slots_by_weekday"), field(&f, "slots_on")));
done:
    return rc;
}

/* A list of distinct names (rooms, languages). */
ow_status load_names(loader *ld, const node *list, const char *key, size_t max, const char ***out,
                     size_t *n_out)
{
    ow_status rc = OW_OK;
    OW_CALL(expect_list(ld, list, key, max));
    const char **names = ow_arena_calloc(ld->arena, list->n + 1, sizeof *names);
    if (names == NULL)
        return out_of_memory(ld);
    size_t k = 0;
    for (const node *e = list->first; e != NULL; e = e->next, k++) {
        OW_CALL(copy_text(ld, e, key, OW_MAX_TEXT, &names[k]));
        for (size_t j = 0; j < k; j++)
            if (strcmp(names[j], names[k]) == 0)
                return fail(ld, e->loc, "\"%s\" listed twice in %s", names[k], key);
    }
    *out = names;
    *n_out = k;
done:
    return rc;
}

static const char *const SERVICES_KEYS[] = {"languages", "interpretation_teams", NULL};
KEYS_FIT(SERVICES_KEYS);

ow_status load_services(loader *ld, const node *map)
{
    ow_status rc = OW_OK;
    fields f;
    OW_CALL(read_fields(ld, map, "services", "services", SERVICES_KEYS, &f));
    if (field(&f, "languages") != NULL)
        OW_CALL(load_names(ld, field(&f, "languages"), "languages", MAX_LANGUAGES,
                           &ld->inst->languages, &ld->inst->n_languages));
    if (field(&f, "interpretation_teams") != NULL)
        OW_CALL(get_int(ld, field(&f, "interpretation_teams"), "interpretation_teams", 1, MAX_TEAMS,
                        &ld->inst->interpretation_teams));
done:
    return rc;
}
