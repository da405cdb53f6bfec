/* calendar.c: dates as day numbers, times of day, durations and the house style
 * the seeds' annexes use for them. */
#include "orgwork/calendar.h"

#include <stdio.h>
#include <string.h>

#define MIN_YEAR     1900
#define MAX_YEAR     2999
#define MAX_DURATION 100000
/* Scale of the fixed-point numbers in durations: exact for "1.5h", no floats. */
#define SCALE 1000000LL

/* Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm). */
static int days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : n[m - 1];
}

bool ow_date_from_ymd(int year, int month, int day, ow_date *out)
{
    if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
        return false;
    *out = days_from_civil(year, month, day);
    return true;
}

void ow_date_to_ymd(ow_date d, int *year, int *month, int *day)
{
    int z = d + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int m = mp + (mp < 10 ? 3 : -9);
    *day = doy - (153 * mp + 2) / 5 + 1;
    *month = m;
    *year = yoe + era * 400 + (m <= 2);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads exactly n digits. */
static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool ow_date_parse(const char *s, ow_date *out)
{
    int y, m, d;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) ||
        !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
        return false;
    return ow_date_from_ymd(y, m, d, out);
}

int ow_date_weekday(ow_date d)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    return ((d % 7) + 7 + 3) % 7;
}

bool ow_calendar_past_last_year(ow_date d)
{
    int y, m, day;
    ow_date_to_ymd(d, &y, &m, &day);
    return y > MAX_YEAR;
}

void ow_date_iso(ow_date d, char out[11])
{
    int y, m, day;
    ow_date_to_ymd(d, &y, &m, &day);
    /* Written digit by digit: the compiler cannot prove snprintf's ranges fit. */
    int v[3] = {y, m, day};
    const int width[3] = {4, 2, 2};
    char *p = out;
    for (int k = 0; k < 3; k++) {
        for (int w = width[k] - 1, x = v[k]; w >= 0; w--, x /= 10)
            p[w] = (char)('0' + x % 10);
        p += width[k];
        *p++ = k < 2 ? '-' : '\0';
    }
}

const char *ow_weekday_name(int weekday)
{
    static const char *const names[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                         "Friday", "Saturday", "Sunday"};
    return weekday >= 0 && weekday < 7 ? names[weekday] : "";
}

const char *ow_month_name(int month)
{
    static const char *const names[12] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
    return month >= 1 && month <= 12 ? names[month - 1] : "";
}

void ow_date_long(ow_date d, char *out, size_t size)
{
    int y, m, day;
    ow_date_to_ymd(d, &y, &m, &day);
    snprintf(out, size, "%s, %d %s %d", ow_weekday_name(ow_date_weekday(d)), day, ow_month_name(m),
             y);
}

bool ow_time_parse(const char *s, int *minutes)
{
    /* "9:30" is as clear as "09:30", so the hour may have one digit. */
    size_t n = strlen(s);
    int h, m;
    if (n == 4 && s[1] == ':') {
        if (!digits(s, 1, &h) || !digits(s + 2, 2, &m))
            return false;
    } else if (n == 5 && s[2] == ':') {
        if (!digits(s, 2, &h) || !digits(s + 3, 2, &m))
            return false;
    } else {
        return false;
    }
    if (m > 59 || h > 24 || (h == 24 && m != 0))
        return false;
    *minutes = h * 60 + m;
    return true;
}

void ow_time_hhmm(int minutes, char out[6])
{
    if (minutes < 0 || minutes > 24 * 60)
        minutes = 0;
    snprintf(out, 6, "%02d:%02d", minutes / 60, minutes % 60);
}

bool ow_slot_parse(const char *s, ow_slot *out)
{
    const char *dash = strchr(s, '-');
    if (dash == NULL)
        return false;
    char a[8], b[8];
    const char *as = s, *ae = dash, *bs = dash + 1, *be = s + strlen(s);
    while (as < ae && *as == ' ')
        as++;
    while (ae > as && ae[-1] == ' ')
        ae--;
    while (bs < be && *bs == ' ')
        bs++;
    while (be > bs && be[-1] == ' ')
        be--;
    if (ae - as >= (long)sizeof a || be - bs >= (long)sizeof b)
        return false;
    memcpy(a, as, (size_t)(ae - as));
    a[ae - as] = '\0';
    memcpy(b, bs, (size_t)(be - bs));
    b[be - bs] = '\0';
    ow_slot slot;
    if (!ow_time_parse(a, &slot.start) || !ow_time_parse(b, &slot.end) || slot.start >= slot.end)
        return false;
    *out = slot;
    return true;
}

/* Noon and midnight carry no a.m./p.m. in the house style: "12 noon". */
static bool is_special_time(int t)
{
    return t == 0 || t == 12 * 60 || t == 24 * 60;
}

static void house_time(int t, bool meridiem, char *out, size_t size)
{
    if (t == 12 * 60) {
        snprintf(out, size, "12 noon");
        return;
    }
    if (t == 0 || t == 24 * 60) {
        snprintf(out, size, "12 midnight");
        return;
    }
    int h = t / 60, m = t % 60;
    int h12 = h % 12 == 0 ? 12 : h % 12;
    const char *suffix = !meridiem ? "" : h < 12 ? " a.m." : " p.m.";
    if (m != 0)
        snprintf(out, size, "%d.%02d%s", h12, m, suffix);
    else
        snprintf(out, size, "%d%s", h12, suffix);
}

void ow_slot_house(ow_slot slot, char *out, size_t size)
{
    char a[24], b[24];
    /* "3–6 p.m.": when both ends share a meridiem it is written once, at the end. */
    bool same = !is_special_time(slot.start) && !is_special_time(slot.end) &&
                (slot.start < 12 * 60) == (slot.end < 12 * 60);
    house_time(slot.start, !same, a, sizeof a);
    house_time(slot.end, true, b, sizeof b);
    snprintf(out, size, "%s\xE2\x80\x93%s", a, b);
}

static bool is_space(char c)
{
    return c == ' ';
}

/* A non-negative decimal "12", "1.5" as a fixed-point number times SCALE. */
static bool parse_decimal(const char **p, long long *out)
{
    const char *s = *p;
    long long whole = 0, frac = 0, scale = SCALE;
    int n = 0;
    while (is_digit(*s)) {
        if (++n > 7)
            return false;
        whole = whole * 10 + (*s++ - '0');
    }
    if (n == 0)
        return false;
    if (*s == '.') {
        s++;
        int f = 0;
        while (is_digit(*s)) {
            if (++f > 6)
                return false;
            scale /= 10;
            frac += (*s++ - '0') * scale;
        }
        if (f == 0)
            return false;
    }
    *out = whole * SCALE + frac;
    *p = s;
    return true;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Reads a word of letters and tells whether it is one of the NULL-ended names. */
static bool unit_is(const char **p, const char *const *names)
{
    const char *s = *p;
    size_t n = 0;
    while (lower(s[n]) >= 'a' && lower(s[n]) <= 'z')
        n++;
    for (size_t i = 0; names[i] != NULL; i++) {
        if (strlen(names[i]) != n)
            continue;
        size_t k = 0;
        while (k < n && lower(s[k]) == names[i][k])
            k++;
        if (k == n) {
            *p = s + n;
            return true;
        }
    }
    return false;
}

static const char *const HOUR_UNITS[] = {"h", "hr", "hrs", "hour", "hours", NULL};
static const char *const MINUTE_UNITS[] = {"m", "min", "mins", "minute", "minutes", NULL};
static const char *const MEETING_UNITS[] = {"meeting", "meetings", NULL};

bool ow_duration_parse(const char *s, int slot_minutes, int *minutes)
{
    const char *p = s;
    long long first, second, total;
    while (is_space(*p))
        p++;
    if (!parse_decimal(&p, &first))
        return false;
    while (is_space(*p))
        p++;
    if (*p == '\0') {
        total = first;
    } else if (unit_is(&p, HOUR_UNITS)) {
        total = first * 60;
        while (is_space(*p))
            p++;
        if (*p != '\0') {
            if (!parse_decimal(&p, &second))
                return false;
            while (is_space(*p))
                p++;
            if (!unit_is(&p, MINUTE_UNITS))
                return false;
            total += second;
        }
    } else if (unit_is(&p, MINUTE_UNITS)) {
        total = first;
    } else if (unit_is(&p, MEETING_UNITS)) {
        if (slot_minutes <= 0)
            return false;
        total = first * slot_minutes;
    } else {
        return false;
    }
    while (is_space(*p))
        p++;
    if (*p != '\0')
        return false;
    long long rounded = (total + SCALE / 2) / SCALE;
    if (rounded <= 0 || rounded > MAX_DURATION)
        return false;
    *minutes = (int)rounded;
    return true;
}

void ow_duration_words(int minutes, char *out, size_t size)
{
    int h = minutes / 60, m = minutes % 60;
    if (h > 0 && m > 0)
        snprintf(out, size, "%d h %d min", h, m);
    else if (h > 0)
        snprintf(out, size, "%d h", h);
    else
        snprintf(out, size, "%d min", m);
}

static bool is_holiday(ow_date d, const ow_date *holidays, size_t n_holidays)
{
    for (size_t i = 0; i < n_holidays; i++)
        if (holidays[i] == d)
            return true;
    return false;
}

static bool is_working(ow_date d, unsigned mask, const ow_date *holidays, size_t n_holidays)
{
    return (mask & (1u << ow_date_weekday(d))) != 0 && !is_holiday(d, holidays, n_holidays);
}

bool ow_calendar_working_days(ow_date start, int n_days, unsigned weekday_mask,
                              const ow_date *holidays, size_t n_holidays, ow_date *days)
{
    /* Twenty years bounds the search when the mask and holidays leave few days. */
    const int horizon = 20 * 366;
    int found = 0;
    for (int i = 0; i < horizon && found < n_days; i++) {
        if (is_working(start + i, weekday_mask, holidays, n_holidays))
            days[found++] = start + i;
    }
    return n_days >= 0 && found == n_days;
}

int ow_calendar_count_days(ow_date start, ow_date end, unsigned weekday_mask,
                           const ow_date *holidays, size_t n_holidays)
{
    int n = 0;
    for (ow_date d = start; d <= end; d++)
        n += is_working(d, weekday_mask, holidays, n_holidays);
    return n;
}

static const char *const ONES[20] = {"zero",    "one",     "two",       "three",    "four",
                                     "five",    "six",     "seven",     "eight",    "nine",
                                     "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                     "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const TENS[10] = {"",      "",      "twenty",  "thirty", "forty",
                                     "fifty", "sixty", "seventy", "eighty", "ninety"};

/* Words for 0..99. */
static void below_hundred(int n, char *out, size_t size)
{
    if (n < 20)
        snprintf(out, size, "%s", ONES[n]);
    else if (n % 10 == 0)
        snprintf(out, size, "%s", TENS[n / 10]);
    else
        snprintf(out, size, "%s-%s", TENS[n / 10], ONES[n % 10]);
}

void ow_number_words(int n, char *out, size_t size)
{
    if (n < 0 || n > 999) {
        snprintf(out, size, "%d", n);
        return;
    }
    if (n < 100) {
        below_hundred(n, out, size);
        return;
    }
    char rest[32];
    if (n % 100 == 0) {
        snprintf(out, size, "%s hundred", ONES[n / 100]);
        return;
    }
    below_hundred(n % 100, rest, sizeof rest);
    snprintf(out, size, "%s hundred and %s", ONES[n / 100], rest);
}
