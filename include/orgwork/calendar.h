/* calendar.h: dates, times of day, durations and the working days of a session. */
#ifndef ORGWORK_CALENDAR_H
#define ORGWORK_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

/* A date is a day number: days since 1970-01-01 (proleptic Gregorian). */
typedef int ow_date;

/* Parses an ISO date "YYYY-MM-DD" (years 1900..2999), rejecting impossible dates
 * such as 2024-02-30.  Returns true and sets *out on success. */
bool ow_date_parse(const char *s, ow_date *out);

/* Builds a date; returns false for an impossible date. */
bool ow_date_from_ymd(int year, int month, int day, ow_date *out);
void ow_date_to_ymd(ow_date d, int *year, int *month, int *day);

/* 0 = Monday … 6 = Sunday. */
int ow_date_weekday(ow_date d);

/* Whether d is past 2999, the last year ow_date_parse reads: no calendar may run
 * past it, or check, diff and --keep could not read back the solver's schedule. */
bool ow_calendar_past_last_year(ow_date d);

/* Writes "2024-07-11" into out (at least 11 bytes). */
void ow_date_iso(ow_date d, char out[11]);

/* Writes "Thursday, 11 July 2024" into out (at least 40 bytes). */
void ow_date_long(ow_date d, char *out, size_t size);

/* English names: ow_weekday_name(0) is "Monday"; ow_month_name(1) is "January". */
const char *ow_weekday_name(int weekday);
const char *ow_month_name(int month);

/* Parses a time of day "HH:MM" (00:00..24:00) into minutes since midnight. */
bool ow_time_parse(const char *s, int *minutes);

/* Writes "10:00" into out (at least 6 bytes). */
void ow_time_hhmm(int minutes, char out[6]);

/* A daily meeting slot, in minutes since midnight. */
typedef struct ow_slot {
    int start;
    int end;
} ow_slot;

/* Parses "10:00-13:00" (start before end).  Returns true on success. */
bool ow_slot_parse(const char *s, ow_slot *out);

/* Writes the house style of the seeds' annexes: "10 a.m.–1 p.m.", "3–6 p.m.",
 * "10 a.m.–12 noon", "9.30 a.m.–12.30 p.m." (en dash, U+2013).  out >= 48 bytes. */
void ow_slot_house(ow_slot slot, char *out, size_t size);

/* Parses a duration: "90m", "1h30m", "1h", "1.5h", "1.5 meetings" (times
 * slot_minutes), "90" (minutes).  Result rounded to whole minutes, must be > 0 and
 * at most 100000 minutes.  Returns true and sets *minutes on success. */
bool ow_duration_parse(const char *s, int slot_minutes, int *minutes);

/* Writes "4 h 30 min", "3 h", "45 min" into out (>= 32 bytes). */
void ow_duration_words(int minutes, char *out, size_t size);

/* Weekday mask bits: 1 << ow_date_weekday(d). */
#define OW_WEEKDAYS_DEFAULT 0x1F /* mon..fri */

/* The working days of a calendar: from start, skipping days whose weekday is not
 * in the mask and holidays, until n_days working days are found.  Fills days[]
 * (caller provides room for n_days) and returns true; false if n_days exceeds
 * what 20 years of calendar could give. */
bool ow_calendar_working_days(ow_date start, int n_days, unsigned weekday_mask,
                              const ow_date *holidays, size_t n_holidays, ow_date *days);

/* Counts the working days from start to end inclusive (0 when end < start). */
int ow_calendar_count_days(ow_date start, ow_date end, unsigned weekday_mask,
                           const ow_date *holidays, size_t n_holidays);

/* English words for 0..999: "zero", "four", "twenty-one".  Larger numbers are
 * written in digits.  out >= 64 bytes. */
void ow_number_words(int n, char *out, size_t size);

#endif
