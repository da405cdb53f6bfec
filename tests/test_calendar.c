/* test_calendar.c: dates, times, slots, durations, working days and number words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "orgwork/calendar.h"

static ow_date date(const char *s)
{
    ow_date d = -1;
    assert_true(ow_date_parse(s, &d));
    return d;
}

static void test_date_round_trip(void **state)
{
    (void)state;
    assert_int_equal(date("1970-01-01"), 0);
    assert_int_equal(date("2024-07-11"), 19915);
    const char *samples[] = {"1900-01-01", "1900-02-28", "1900-03-01", "2000-02-29",
                             "2024-02-29", "2024-12-31", "2100-03-01", "2999-12-31"};
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        char iso[11];
        ow_date_iso(date(samples[i]), iso);
        assert_string_equal(iso, samples[i]);
    }
    int y, m, d;
    ow_date_to_ymd(date("2024-02-29"), &y, &m, &d);
    assert_int_equal(y, 2024);
    assert_int_equal(m, 2);
    assert_int_equal(d, 29);
    /* Consecutive days stay consecutive across a leap day. */
    assert_int_equal(date("2024-03-01") - date("2024-02-28"), 2);
    assert_int_equal(date("2023-03-01") - date("2023-02-28"), 1);
}

static void test_date_rejects(void **state)
{
    (void)state;
    const char *bad[] = {"2024-02-30",  "2023-02-29", "1900-02-29", "2100-02-29", "2024-13-01",
                         "2024-00-10",  "2024-04-31", "2024-7-11",  "24-07-11",   "2024/07/11",
                         "2024-07-11x", "",           "1899-12-31", "3000-01-01", "2024-07-1a"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ow_date d = 12345;
        assert_false(ow_date_parse(bad[i], &d));
        assert_int_equal(d, 12345); /* out-parameter untouched on failure */
    }
    ow_date d;
    assert_true(ow_date_parse("2000-02-29", &d));
    assert_false(ow_date_from_ymd(2024, 2, 30, &d));
    assert_true(ow_date_from_ymd(2024, 12, 31, &d));
}

static void test_weekdays_and_long_dates(void **state)
{
    (void)state;
    assert_int_equal(ow_date_weekday(date("1970-01-01")), 3); /* Thursday */
    assert_int_equal(ow_date_weekday(date("2024-07-11")), 3);
    assert_int_equal(ow_date_weekday(date("2017-09-11")), 0); /* Monday */
    assert_int_equal(ow_date_weekday(date("1969-12-28")), 6); /* Sunday, before the epoch */
    assert_string_equal(ow_weekday_name(4), "Friday");
    assert_string_equal(ow_month_name(9), "September");
    char buf[40];
    ow_date_long(date("2024-07-11"), buf, sizeof buf);
    assert_string_equal(buf, "Thursday, 11 July 2024");
    ow_date_long(date("2017-09-11"), buf, sizeof buf);
    assert_string_equal(buf, "Monday, 11 September 2017");
    ow_date_long(date("2024-02-29"), buf, sizeof buf);
    assert_string_equal(buf, "Thursday, 29 February 2024");
}

static void test_times(void **state)
{
    (void)state;
    int t = -1;
    assert_true(ow_time_parse("10:00", &t));
    assert_int_equal(t, 600);
    assert_true(ow_time_parse("9:30", &t));
    assert_int_equal(t, 570);
    assert_true(ow_time_parse("24:00", &t));
    assert_int_equal(t, 1440);
    const char *bad[] = {"24:01", "10:60", "25:00", "1000", "10:0", "ab:cd", "", "10:00 "};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(ow_time_parse(bad[i], &t));
    char hhmm[6];
    ow_time_hhmm(570, hhmm);
    assert_string_equal(hhmm, "09:30");
}

static void test_slots(void **state)
{
    (void)state;
    ow_slot s = {0, 0};
    assert_true(ow_slot_parse("10:00-13:00", &s));
    assert_int_equal(s.start, 600);
    assert_int_equal(s.end, 780);
    assert_true(ow_slot_parse("15:00 - 18:00", &s));
    assert_int_equal(s.start, 900);
    const char *bad[] = {"13:00-10:00", "10:00-10:00", "10:00", "10:00-25:00", "-", "a-b"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(ow_slot_parse(bad[i], &s));
}

static void check_house(int start, int end, const char *expected)
{
    char buf[48];
    ow_slot s = {start, end};
    ow_slot_house(s, buf, sizeof buf);
    assert_string_equal(buf, expected);
}

static void test_slot_house_style(void **state)
{
    (void)state;
    check_house(600, 780,
                "10 a.m.\xE2\x80\x93"
                "1 p.m.");
    check_house(900, 1080,
                "3\xE2\x80\x93"
                "6 p.m.");
    check_house(600, 720,
                "10 a.m.\xE2\x80\x93"
                "12 noon");
    check_house(720, 900,
                "12 noon\xE2\x80\x93"
                "3 p.m.");
    check_house(570, 750,
                "9.30 a.m.\xE2\x80\x93"
                "12.30 p.m.");
    check_house(540, 660,
                "9\xE2\x80\x93"
                "11 a.m.");
    check_house(1110, 1440,
                "6.30 p.m.\xE2\x80\x93"
                "12 midnight");
}

static void check_duration(const char *s, int expected)
{
    int m = -1;
    assert_true(ow_duration_parse(s, 180, &m));
    assert_int_equal(m, expected);
}

static void test_durations(void **state)
{
    (void)state;
    check_duration("90m", 90);
    check_duration("1h30m", 90);
    check_duration("1h 30m", 90);
    check_duration("1h", 60);
    check_duration("4h30m", 270);
    check_duration("1.5h", 90);
    check_duration("0.25h", 15);
    check_duration("1.5 meetings", 270);
    check_duration("1 meeting", 180);
    check_duration("0.5 meetings", 90);
    check_duration("90", 90);
    check_duration("45 min", 45);
    check_duration("2 hours", 120);
    check_duration("100000m", 100000);
    int m = 7;
    assert_true(ow_duration_parse("1.5 meetings", 120, &m));
    assert_int_equal(m, 180);
    /* A bare number is minutes, rounded to whole ones. */
    check_duration("1.5", 2);
    const char *bad[] = {"4h3Om",  "0m",      "0",    "-30m",   "1h30",
                         "30m1h",  "h",       "",     "1.m",    "90 seconds",
                         "1h 30x", "100001m", "1,5h", "0.001h", "1h30m extra"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        m = 7;
        assert_false(ow_duration_parse(bad[i], 180, &m));
        assert_int_equal(m, 7);
    }
    /* Meetings need a slot length to mean anything. */
    assert_false(ow_duration_parse("1 meeting", 0, &m));
}

static void test_duration_words(void **state)
{
    (void)state;
    char buf[32];
    ow_duration_words(270, buf, sizeof buf);
    assert_string_equal(buf, "4 h 30 min");
    ow_duration_words(180, buf, sizeof buf);
    assert_string_equal(buf, "3 h");
    ow_duration_words(45, buf, sizeof buf);
    assert_string_equal(buf, "45 min");
}

static void test_working_days(void **state)
{
    (void)state;
    ow_date days[5];
    ow_date start = date("2024-07-11"); /* a Thursday */
    assert_true(ow_calendar_working_days(start, 4, OW_WEEKDAYS_DEFAULT, NULL, 0, days));
    assert_int_equal(days[0], date("2024-07-11"));
    assert_int_equal(days[1], date("2024-07-12"));
    assert_int_equal(days[2], date("2024-07-15")); /* the weekend skipped */
    assert_int_equal(days[3], date("2024-07-16"));
    ow_date holidays[] = {date("2024-07-12"), date("2024-07-16")};
    assert_true(ow_calendar_working_days(start, 3, OW_WEEKDAYS_DEFAULT, holidays, 2, days));
    assert_int_equal(days[1], date("2024-07-15"));
    assert_int_equal(days[2], date("2024-07-17"));
    /* Saturdays only (bit 5). */
    assert_true(ow_calendar_working_days(start, 2, 1u << 5, NULL, 0, days));
    assert_int_equal(days[0], date("2024-07-13"));
    assert_int_equal(days[1], date("2024-07-20"));
    /* No weekday at all: nothing within twenty years. */
    assert_false(ow_calendar_working_days(start, 1, 0, NULL, 0, days));

    assert_int_equal(
        ow_calendar_count_days(start, date("2024-07-19"), OW_WEEKDAYS_DEFAULT, NULL, 0), 7);
    assert_int_equal(
        ow_calendar_count_days(start, date("2024-07-19"), OW_WEEKDAYS_DEFAULT, holidays, 2), 5);
    assert_int_equal(ow_calendar_count_days(start, start - 1, OW_WEEKDAYS_DEFAULT, NULL, 0), 0);
}

static void check_words(int n, const char *expected)
{
    char buf[64];
    ow_number_words(n, buf, sizeof buf);
    assert_string_equal(buf, expected);
}

static void test_number_words(void **state)
{
    (void)state;
    check_words(0, "zero");
    check_words(4, "four");
    check_words(13, "thirteen");
    check_words(20, "twenty");
    check_words(21, "twenty-one");
    check_words(99, "ninety-nine");
    check_words(100, "one hundred");
    check_words(105, "one hundred and five");
    check_words(342, "three hundred and forty-two");
    check_words(999, "nine hundred and ninety-nine");
    check_words(1000, "1000");
    check_words(-3, "-3");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_round_trip),
        cmocka_unit_test(test_date_rejects),
        cmocka_unit_test(test_weekdays_and_long_dates),
        cmocka_unit_test(test_times),
        cmocka_unit_test(test_slots),
        cmocka_unit_test(test_slot_house_style),
        cmocka_unit_test(test_durations),
        cmocka_unit_test(test_duration_words),
        cmocka_unit_test(test_working_days),
        cmocka_unit_test(test_number_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
