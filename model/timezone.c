/* timezone.c: time zones by IANA name, from the system's tzdata through the C
 * library's own time zone code (TZ, tzset, localtime_r). */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* tm_gmtoff, tm_zone */
#include "orgwork/timezone.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DAY_SECONDS 86400
/* How far before the period the last transitions of standard and daylight time are
 * looked for: a year and a month covers both in every zone that keeps a yearly rule. */
#define LOOKBACK_SECONDS ((time_t)400 * DAY_SECONDS)
/* The most components a VTIMEZONE gets (transitions within the period plus the two
 * before it); periods are weeks long, so this is never reached by a real zone. */
#define MAX_RULES 64

/* A name as tzdata spells it: parts of letters, digits, '_', '-', '+' separated by
 * single '/', none starting with '.' (no "..", no absolute path, no hidden file). */
static bool safe_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 255)
        return false;
    bool part_start = true;
    for (const char *p = name; *p != '\0'; p++) {
        char c = *p;
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '+' || (c == '.' && !part_start);
        if (c == '/') {
            if (part_start)
                return false;
            part_start = true;
            continue;
        }
        if (!ok)
            return false;
        part_start = false;
    }
    return !part_start;
}

bool ow_timezone_known(const char *name)
{
    if (name == NULL || !safe_name(name))
        return false;
    const char *dir = getenv("TZDIR");
    if (dir == NULL || dir[0] == '\0')
        dir = "/usr/share/zoneinfo";
    char path[4096];
    int len = snprintf(path, sizeof path, "%s/%s", dir, name);
    if (len < 0 || (size_t)len >= sizeof path)
        return false;
    /* A zone is a TZif file; directories ("Europe") and other files are not. */
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    char magic[4];
    bool ok = fread(magic, 1, sizeof magic, f) == sizeof magic && memcmp(magic, "TZif", 4) == 0;
    fclose(f);
    return ok;
}

/* The zone's state at an instant. */
typedef struct {
    long offset; /* seconds east of UTC */
    int dst;
    char name[16];
} zone_state;

static zone_state state_at(time_t t)
{
    struct tm tm;
    zone_state s = {0, 0, ""};
    if (localtime_r(&t, &tm) == NULL)
        return s;
    s.offset = tm.tm_gmtoff;
    s.dst = tm.tm_isdst > 0;
    snprintf(s.name, sizeof s.name, "%s", tm.tm_zone != NULL ? tm.tm_zone : "");
    return s;
}

static bool same_state(const zone_state *a, const zone_state *b)
{
    return a->offset == b->offset && a->dst == b->dst && strcmp(a->name, b->name) == 0;
}

/* A transition: at instant at (UTC) the zone goes from state from to state to. */
typedef struct {
    time_t at;
    zone_state from, to;
} transition;

/* The first instant after lo (whose state differs from hi's) at which the state is
 * hi's, lo < hi: a bisection to the second. */
static time_t bisect(time_t lo, time_t hi)
{
    zone_state h = state_at(hi);
    while (hi - lo > 1) {
        time_t mid = lo + (hi - lo) / 2;
        zone_state m = state_at(mid);
        if (same_state(&m, &h))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* The local wall clock of an instant in a given offset, as a date and seconds. */
static void wall_clock(time_t at, long offset, ow_date *date, long *seconds)
{
    time_t local = at + offset;
    time_t day = local / DAY_SECONDS;
    if (local % DAY_SECONDS < 0)
        day--;
    *date = (ow_date)day;
    *seconds = (long)(local - day * DAY_SECONDS);
}

/* A yearly rule "the n-th (or last, n = -1) weekday of month at a wall clock time". */
typedef struct {
    int month, weekday, nth;
    long seconds;
} yearly;

static yearly rule_of(const transition *t)
{
    ow_date d;
    long secs;
    wall_clock(t->at, t->from.offset, &d, &secs);
    int y, m, day;
    ow_date_to_ymd(d, &y, &m, &day);
    int days_in_month = 31;
    ow_date probe;
    while (!ow_date_from_ymd(y, m, days_in_month, &probe))
        days_in_month--;
    yearly r = {m, ow_date_weekday(d), day > days_in_month - 7 ? -1 : (day - 1) / 7 + 1, secs};
    return r;
}

/* Whether the zone makes transition t's change by rule r in year y; sets *at. */
static bool follows_rule(const transition *t, const yearly *r, int y, time_t *at)
{
    ow_date first;
    if (y < 1900 || y > 2999 || !ow_date_from_ymd(y, r->month, 1, &first))
        return false;
    ow_date d;
    if (r->nth > 0) {
        d = first + (r->weekday - ow_date_weekday(first) + 7) % 7 + 7 * (r->nth - 1);
    } else {
        int last = 31;
        while (!ow_date_from_ymd(y, r->month, last, &d))
            last--;
        d -= (ow_date_weekday(d) - r->weekday + 7) % 7;
    }
    *at = (time_t)d * DAY_SECONDS + r->seconds - t->from.offset;
    zone_state before = state_at(*at - 1), after = state_at(*at);
    return same_state(&before, &t->from) && same_state(&after, &t->to);
}

/* A VTIMEZONE component: a transition repeated yearly from first to last. */
typedef struct {
    transition t;
    time_t first, last;
    yearly rule;
    int count;
} component;

static void put_offset(ow_buf *out, const char *prop, long offset)
{
    char sign = offset < 0 ? '-' : '+';
    long a = offset < 0 ? -offset : offset;
    ow_buf_printf(out, "%s:%c%02ld%02ld", prop, sign, a / 3600, a / 60 % 60);
    if (a % 60 != 0)
        ow_buf_printf(out, "%02ld", a % 60);
    ow_buf_puts(out, "\r\n");
}

/* DATE-TIME: local (no suffix) or UTC (Z). */
static void put_time(ow_buf *out, time_t at, long offset, bool utc)
{
    ow_date d;
    long s;
    wall_clock(at, offset, &d, &s);
    int y, m, day;
    ow_date_to_ymd(d, &y, &m, &day);
    ow_buf_printf(out, "%04d%02d%02dT%02ld%02ld%02ld%s", y, m, day, s / 3600, s / 60 % 60, s % 60,
                  utc ? "Z" : "");
}

static void put_component(ow_buf *out, const component *c)
{
    static const char *const days[7] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    const char *kind = c->t.to.dst ? "DAYLIGHT" : "STANDARD";
    ow_buf_printf(out, "BEGIN:%s\r\nTZNAME:%s\r\n", kind, c->t.to.name);
    put_offset(out, "TZOFFSETFROM", c->t.from.offset);
    put_offset(out, "TZOFFSETTO", c->t.to.offset);
    ow_buf_puts(out, "DTSTART:");
    put_time(out, c->first, c->t.from.offset, false);
    ow_buf_puts(out, "\r\n");
    if (c->count > 1) {
        ow_buf_puts(out, "RRULE:FREQ=YEARLY;UNTIL=");
        put_time(out, c->last, 0, true);
        ow_buf_printf(out, ";BYDAY=%d%s;BYMONTH=%d\r\n", c->rule.nth, days[c->rule.weekday],
                      c->rule.month);
    }
    ow_buf_printf(out, "END:%s\r\n", kind);
}

/* The transition t as a component: extended to the years before and after it (up to
 * end) in which the zone makes the same change by the same yearly rule. */
static component extend(const transition *t, time_t end)
{
    component c = {*t, t->at, t->at, rule_of(t), 1};
    ow_date d;
    long s;
    wall_clock(t->at, t->from.offset, &d, &s);
    int y0, m, day;
    ow_date_to_ymd(d, &y0, &m, &day);
    time_t at;
    for (int y = y0 - 1; follows_rule(t, &c.rule, y, &at); y--)
        c.first = at, c.count++;
    for (int y = y0 + 1; follows_rule(t, &c.rule, y, &at) && at < end; y++)
        c.last = at, c.count++;
    return c;
}

/* The VTIMEZONE of the zone TZ now names: the observances in force at start and
 * the transitions before end, as components in the order of their first use. */
static bool put_vtimezone(const char *name, time_t start, time_t end, ow_buf *out)
{
    transition found[MAX_RULES];
    size_t n = 0;
    transition last_std = {0}, last_dst = {0};
    bool has_std = false, has_dst = false;
    /* A scan by hours over the period and by days over the year before it (zones
     * change at most twice a year: a day's step sees every change and costs 24 times
     * fewer calls), with a bisection to the second at each change. */
    time_t t = start - LOOKBACK_SECONDS;
    zone_state prev = state_at(t);
    for (; t < end;) {
        time_t next = t < start ? (t + DAY_SECONDS < start ? t + DAY_SECONDS : start) : t + 3600;
        zone_state s = state_at(next);
        if (!same_state(&s, &prev)) {
            time_t at = bisect(t, next);
            transition tr = {at, state_at(at - 1), state_at(at)};
            if (at <= start) {
                if (tr.to.dst)
                    last_dst = tr, has_dst = true;
                else
                    last_std = tr, has_std = true;
            } else if (at < end && n < MAX_RULES - 2) {
                found[n++] = tr;
            }
            prev = s;
        }
        t = next;
    }
    component comps[MAX_RULES];
    size_t nc = 0;
    if (!has_std && !has_dst) {
        /* No change of offset in the year before: one observance from the start. */
        zone_state s = state_at(start);
        component c = {{start, s, s}, start, start, {0, 0, 0, 0}, 1};
        comps[nc++] = c;
    }
    transition candidates[MAX_RULES];
    size_t ncand = 0;
    if (has_dst)
        candidates[ncand++] = last_dst;
    if (has_std)
        candidates[ncand++] = last_std;
    for (size_t i = 0; i < n; i++)
        candidates[ncand++] = found[i];
    for (size_t i = 0; i < ncand; i++) {
        component c = extend(&candidates[i], end);
        bool dup = false;
        for (size_t k = 0; k < nc && !dup; k++)
            dup = comps[k].first == c.first;
        if (!dup)
            comps[nc++] = c;
    }
    /* Earliest first (insertion sort: a handful of components). */
    for (size_t i = 1; i < nc; i++)
        for (size_t k = i; k > 0 && comps[k].first < comps[k - 1].first; k--) {
            component tmp = comps[k];
            comps[k] = comps[k - 1];
            comps[k - 1] = tmp;
        }
    ow_buf_printf(out, "BEGIN:VTIMEZONE\r\nTZID:%s\r\n", name);
    /* The property calendar programs (Evolution, Thunderbird) match to their own zone
     * database by name. */
    ow_buf_printf(out, "X-LIC-LOCATION:%s\r\nTZUNTIL:", name);
    put_time(out, end, 0, true);
    ow_buf_puts(out, "\r\n");
    for (size_t i = 0; i < nc; i++)
        put_component(out, &comps[i]);
    ow_buf_puts(out, "END:VTIMEZONE\r\n");
    return true;
}

bool ow_timezone_vtimezone(const char *name, ow_date from, ow_date to, ow_buf *out)
{
    if (name == NULL || strcmp(name, "UTC") == 0 || !ow_timezone_known(name))
        return false;
    /* The C library reads the zone named by TZ: set it for the computation and put
     * the previous value back.  Not thread-safe (setenv, tzset): called only from
     * the thread that renders. */
    const char *old = getenv("TZ");
    char *saved = old != NULL ? strdup(old) : NULL;
    if (old != NULL && saved == NULL)
        return false;
    size_t len = strlen(name);
    char *tz = malloc(len + 2);
    if (tz == NULL) {
        free(saved);
        return false;
    }
    tz[0] = ':';
    memcpy(tz + 1, name, len + 1);
    bool ok = setenv("TZ", tz, 1) == 0;
    free(tz);
    if (ok) {
        tzset();
        ok = put_vtimezone(name, (time_t)from * DAY_SECONDS, (time_t)(to + 1) * DAY_SECONDS, out);
    }
    if (saved != NULL)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    tzset();
    free(saved);
    return ok;
}
