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

static const char *const CALENDAR_KEYS[] = {"start",    "days",  "end",      "weekdays",
                                            "holidays", "slots", "timezone", NULL};

static ow_status load_weekdays(loader *ld, const node *list, unsigned *mask)
{
    static const char *const names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    static const char *const long_names[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};
    ow_status rc = OW_OK;
    OW_CALL(expect_list(ld, list, "weekdays", 7));
    if (list->n == 0)
        return fail(ld, list->loc,
                    "weekdays lists no day (expected some of mon, tue, wed, thu, fri, sat, sun)");
    unsigned m = 0;
    for (const node *e = list->first; e != NULL; e = e->next) {
        char low[16] = "";
        if (e->kind == NODE_SCALAR && e->len < sizeof low)
            for (size_t i = 0; i <= e->len; i++)
                low[i] = (char)(e->text[i] >= 'A' && e->text[i] <= 'Z' ? e->text[i] - 'A' + 'a'
                                                                       : e->text[i]);
        int w = 0;
        while (w < 7 && strcmp(low, names[w]) != 0 && strcmp(low, long_names[w]) != 0)
            w++;
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

static ow_status load_slots(loader *ld, const node *list, ow_calendar *cal)
{
    ow_status rc = OW_OK;
    placed_slot placed[OW_MAX_SLOTS];
    OW_CALL(expect_list(ld, list, "slots", OW_MAX_SLOTS));
    if (list->n == 0)
        return fail(
            ld, list->loc,
            "slots lists no slot (expected a list such as [\"10:00-13:00\", \"15:00-18:00\"])");
    size_t k = 0;
    for (const node *e = list->first; e != NULL; e = e->next, k++) {
        if (e->kind != NODE_SCALAR || !ow_slot_parse(e->text, &placed[k].slot))
            return wrong_type(ld, e, "a time slot HH:MM-HH:MM (start before end)", "slots");
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
    cal->slots = ow_arena_calloc(ld->arena, k, sizeof *cal->slots);
    if (cal->slots == NULL)
        return out_of_memory(ld);
    for (size_t i = 0; i < k; i++)
        cal->slots[i] = placed[i].slot;
    cal->n_slots = k;
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
