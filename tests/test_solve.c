/* test_solve.c: the solver on instances small enough to solve by hand.  Each test
 * sets one rule or objective weight so that it decides the optimum, and asserts the
 * exact objective and layout the rules give; every schedule produced must also pass
 * the independent checker with the same objective.  Default weights: continued 10,
 * meetings 2, days 4, late start 1; default slots 10:00-13:00 and 15:00-18:00.
 * 2024-07-08 is a Monday. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "solve_support.h"

/* Three items of 2 h: three whole meetings over two days (6 + 8 = 14) beat two
 * meetings with item 2 split (10 + 4 + 4 + 2 late starts = 20). */
#define THREE_2H ITEM("1", 120, "") ITEM("2", 120, "") ITEM("3", 120, "")
#define THREE_2H_WHOLE                                                                             \
    "B 1 2024-07-08 10:00-13:00 Plenary: 1=120\n"                                                  \
    "B 2 2024-07-08 15:00-18:00 Plenary: 2=120\n"                                                  \
    "B 3 2024-07-09 10:00-13:00 Plenary: 3=120\n"
#define THREE_2H_SPLIT                                                                             \
    "B 1 2024-07-08 10:00-13:00 Plenary: 1=120 2=60\n"                                             \
    "B 2 2024-07-08 15:00-18:00 Plenary: 2=60c 3=120\n"

/* --- agenda order and meetings ------------------------------------------------ */

/* One short item: one meeting in the earliest slot (2 + 4). */
static void test_tie_break_earliest_slot(void **state)
{
    (void)state;
    expect(HEAD(3) "rooms: [A, B]\n" BODY AGENDA ITEM("1", 60, ""), 6,
           "B 1 2024-07-08 10:00-13:00 A: 1=60\n");
}

/* 1 + 3 would fill a meeting, but 2 comes between them: 1 | 2, 3 (4 + 4 + 1). */
static void test_agenda_order(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA ITEM("1", 120, "") ITEM("2", 120, "") ITEM("3", 60, ""), 9,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=120\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 2=120 3=60\n");
}

/* 4 h cannot sit in one 3 h meeting: 3 h then 1 h continued (10 + 4 + 4). */
static void test_meeting_never_over_slot(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA ITEM("1", 240, ""), 18,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=180\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 1=60c\n");
}

/* A 400 min item runs over three consecutive meetings (20 + 6 + 8). */
static void test_split_consecutive_meetings(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA ITEM("1", 400, ""), 34,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=180\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 1=180c\n"
           "B 3 2024-07-09 10:00-13:00 Plenary: 1=40c\n");
}

/* With continued weighing 1, splitting item 2 pays (1 + 4 + 4 + 2 = 11); split: false
 * forbids it, leaving three meetings over two days (6 + 8 = 14). */
static void test_split_false(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA THREE_2H "objective: {continued: 1}\n", 11, THREE_2H_SPLIT);
    expect(HEAD(2) BODY AGENDA ITEM("1", 120, "") ITEM("2", 120, ", split: false")
               ITEM("3", 120, "") "objective: {continued: 1}\n",
           14, THREE_2H_WHOLE);
}

/* 2 h + 4 h: without min_part item 2 takes the last hour of meeting 1 (10 + 4 + 4 + 1);
 * with min_part 2 h neither that 1 h piece nor a 3 h + 1 h split is allowed, so item
 * 2 is cut 2 h + 2 h in meetings 2 and 3 (10 + 6 + 8). */
static void test_min_part(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA ITEM("1", 120, "") ITEM("2", 240, ""), 19,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=120 2=60\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 2=180c\n");
    expect(HEAD(2) BODY AGENDA ITEM("1", 120, "") ITEM("2", 240, ", min_part: 2h"), 24,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=120\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 2=120\n"
           "B 3 2024-07-09 10:00-13:00 Plenary: 2=120c\n");
}

/* --- items set to a meeting, a day, a slot ------------------------------------ */

/* Item 2 in meeting 2: two meetings (4 + 4) instead of one (2 + 4 + 1). */
static void test_meeting_k(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA ITEM("1", 60, "") ITEM("2", 60, ""), 7,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=60 2=60\n");
    expect(HEAD(2) BODY AGENDA ITEM("1", 60, "") ITEM("2", 60, ", meeting: 2"), 8,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=60\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 2=60\n");
}

/* 1 h, 1 h, 1 h 30: 1, 2 | 3 and 1 | 2, 3 both cost 4 + 4 + 1; the tie-break takes
 * items as early as possible, but item 2 set to the last meeting must sit with 3. */
static void test_meeting_last(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA ITEM("1", 60, "") ITEM("2", 60, "") ITEM("3", 90, ""), 9,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=60 2=60\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 3=90\n");
    expect(HEAD(2) BODY AGENDA ITEM("1", 60, "") ITEM("2", 60, ", meeting: last") ITEM("3", 90, ""),
           9,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=60\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 2=60 3=90\n");
}

/* Item 2 on the second day of the session: two meetings on two days (4 + 8). */
static void test_day_k(void **state)
{
    (void)state;
    expect(HEAD(3) BODY AGENDA ITEM("1", 60, "") ITEM("2", 60, ", day: 2"), 12,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=60\n"
           "B 2 2024-07-09 10:00-13:00 Plenary: 2=60\n");
}

/* The session's day 2 counts from the body's first day: a window from Wednesday puts
 * item 2 on Thursday (4 + 8). */
static void test_day_k_in_window(void **state)
{
    (void)state;
    expect(HEAD(5) BODY "  window: {from: 2024-07-10}\n" AGENDA ITEM("1", 60, "")
               ITEM("2", 60, ", day: 2"),
           12,
           "B 1 2024-07-10 10:00-13:00 Plenary: 1=60\n"
           "B 2 2024-07-11 10:00-13:00 Plenary: 2=60\n");
}

/* Item 2 on Wednesday: cheapest is to hold the single meeting then (2 + 4 + 1). */
static void test_day_date(void **state)
{
    (void)state;
    expect(HEAD(3) BODY AGENDA ITEM("1", 60, "") ITEM("2", 60, ", day: 2024-07-10"), 7,
           "B 1 2024-07-10 10:00-13:00 Plenary: 1=60 2=60\n");
}

/* Item 3 pinned to meeting 3: one item a meeting beats 1, 2 | (empty) | 3
 * (6 + 8 = 14). */
static void test_pin_meeting(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA ITEM("1", 60, "") ITEM("2", 60, "")
               ITEM("3", 60, ", pin: {meeting: 3}"),
           14,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=60\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 2=60\n"
           "B 3 2024-07-09 10:00-13:00 Plenary: 3=60\n");
}

/* Item 2 pinned to Tuesday afternoon: the one meeting is held then (2 + 4 + 1). */
static void test_pin_slot(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA ITEM("1", 60, "")
               ITEM("2", 60, ", pin: {date: 2024-07-09, slot: \"15:00-18:00\"}"),
           7, "B 1 2024-07-09 15:00-18:00 Plenary: 1=60 2=60\n");
}

/* With late starts at 100, item 1 gets its own meeting before the pinned slot, on the
 * same day (4 + 4) rather than on Monday morning, the earlier slot (4 + 8). */
static void test_pin_slot_late_start(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA ITEM("1", 60, "") ITEM(
               "2", 60,
               ", pin: {date: 2024-07-09, slot: \"15:00-18:00\"}") "objective: {late_start: 100}\n",
           8,
           "B 1 2024-07-09 10:00-13:00 Plenary: 1=60\n"
           "B 2 2024-07-09 15:00-18:00 Plenary: 2=60\n");
}

/* --- body rules ----------------------------------------------------------------- */

/* The body must start on Tuesday. */
static void test_body_pin_from(void **state)
{
    (void)state;
    expect(HEAD(3) BODY "  pin: {from: 2024-07-09}\n" AGENDA ITEM("1", 60, ""), 6,
           "B 1 2024-07-09 10:00-13:00 Plenary: 1=60\n");
}

/* Two meetings at most: item 2 must be split (10 + 4 + 4 + 2); the same through
 * --meetings 2. */
static void test_meetings_limit(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA THREE_2H, 14, THREE_2H_WHOLE);
    expect(HEAD(2) BODY "  meetings: 2\n" AGENDA THREE_2H, 20, THREE_2H_SPLIT);
    expect_days_meetings(HEAD(2) BODY AGENDA THREE_2H, 0, 2, 20, THREE_2H_SPLIT);
}

/* One meeting a day: the second full item goes to Tuesday (4 + 8). */
static void test_meetings_per_day(void **state)
{
    (void)state;
    expect(HEAD(2) BODY "  meetings_per_day: 1\n" AGENDA ITEM("1", 180, "") ITEM("2", 180, ""), 12,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=180\n"
           "B 2 2024-07-09 10:00-13:00 Plenary: 2=180\n");
}

/* A window of Tuesday only. */
static void test_window(void **state)
{
    (void)state;
    expect(HEAD(5) BODY "  window: {from: 2024-07-09, to: 2024-07-09}\n" AGENDA ITEM("1", 180, "")
               ITEM("2", 180, ""),
           8,
           "B 1 2024-07-09 10:00-13:00 Plenary: 1=180\n"
           "B 2 2024-07-09 15:00-18:00 Plenary: 2=180\n");
}

/* The body's own room, not the first one. */
static void test_fixed_room(void **state)
{
    (void)state;
    expect(HEAD(1) "rooms: [A, B]\n" BODY "  room: B\n" AGENDA ITEM("1", 60, ""), 6,
           "B 1 2024-07-08 10:00-13:00 B: 1=60\n");
}

/* --- shared resources ----------------------------------------------------------- */

/* One room, two interpretation teams: X keeps Monday (10 + 4 + 4), Y takes the first
 * free slot, Tuesday morning (2 + 4); any other layout gives X a second day. */
static void test_shared_room(void **state)
{
    (void)state;
    expect(
        HEAD(2) "services: {interpretation_teams: 2}\n"
                "bodies:\n"
                "  - id: X\n    name: Body X\n    agenda:\n" ITEM(
                    "1", 360, "") "  - id: Y\n    name: Body Y\n    agenda:\n" ITEM("1", 180, ""),
        24,
        "X 1 2024-07-08 10:00-13:00 Plenary: 1=180\n"
        "X 2 2024-07-08 15:00-18:00 Plenary: 1=180c\n"
        "Y 1 2024-07-09 10:00-13:00 Plenary: 1=180\n");
}

/* Two rooms, one team: Y (interpreted) cannot meet beside X and waits for Tuesday;
 * Z meets without interpreters, beside X on Monday morning in room B. */
static void test_interpretation_teams(void **state)
{
    (void)state;
    expect(
        HEAD(2) "rooms: [A, B]\n"
                "bodies:\n"
                "  - id: X\n    name: Body X\n    room: A\n    agenda:\n" ITEM(
                    "1", 360,
                    "") "  - id: Y\n    name: Body Y\n    agenda:\n" ITEM("1", 180,
                                                                          "") "  - id: Z\n    "
                                                                              "name: Body Z\n    "
                                                                              "interpretation: "
                                                                              "false\n    "
                                                                              "agenda:\n" ITEM(
                                                                                  "1", 180, ""),
        30,
        "X 1 2024-07-08 10:00-13:00 A: 1=180\n"
        "X 2 2024-07-08 15:00-18:00 A: 1=180c\n"
        "Y 1 2024-07-09 10:00-13:00 A: 1=180\n"
        "Z 1 2024-07-08 10:00-13:00 B: 1=180\n");
}

/* --- the calendar --------------------------------------------------------------- */

/* From Friday 12 July, with Monday 15 a holiday: the second working day is Tuesday. */
static void test_weekends_and_holidays(void **state)
{
    (void)state;
    expect("orgwork: 1\n"
           "calendar: {start: 2024-07-12, days: 2, holidays: [2024-07-15]}\n" BODY
           "  meetings_per_day: 1\n" AGENDA ITEM("1", 180, "") ITEM("2", 180, ""),
           12,
           "B 1 2024-07-12 10:00-13:00 Plenary: 1=180\n"
           "B 2 2024-07-16 10:00-13:00 Plenary: 2=180\n");
}

/* Meeting on Mondays and Wednesdays, one meeting a day: 540 min fill three meetings
 * exactly, on Monday 8, Wednesday 10 and Monday 15 (20 + 6 + 12 + 2); item 2 runs over
 * all three, 100 + 180 + 100 (each piece at least its min_part). */
static void test_weekdays(void **state)
{
    (void)state;
    expect("orgwork: 1\n"
           "calendar: {start: 2024-07-08, days: 3, weekdays: [mon, wed]}\n" BODY
           "  meetings_per_day: 1\n" AGENDA ITEM("1", 80, "") ITEM("2", 380, ", min_part: 100")
               ITEM("3", 80, ""),
           40,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=80 2=100\n"
           "B 2 2024-07-10 10:00-13:00 Plenary: 2=180c\n"
           "B 3 2024-07-15 10:00-13:00 Plenary: 2=100c 3=80\n");
}

/* A 1 h slot and a 3 h slot: 2 h fits only the second; 200 min is cut 60 + 140 on
 * Monday (10 + 4 + 4) rather than 180 + 20 over two days (10 + 4 + 8). */
static void test_slots_of_different_lengths(void **state)
{
    (void)state;
    expect(
        "orgwork: 1\n"
        "calendar: {start: 2024-07-08, days: 2, slots: [\"09:00-10:00\", \"10:00-13:00\"]}\n" BODY
            AGENDA ITEM("1", 120, ""),
        6, "B 1 2024-07-08 10:00-13:00 Plenary: 1=120\n");
    expect(
        "orgwork: 1\n"
        "calendar: {start: 2024-07-08, days: 2, slots: [\"09:00-10:00\", \"10:00-13:00\"]}\n" BODY
            AGENDA ITEM("1", 200, ""),
        18,
        "B 1 2024-07-08 09:00-10:00 Plenary: 1=60\n"
        "B 2 2024-07-08 10:00-13:00 Plenary: 1=140c\n");
}

/* --- objective weights ---------------------------------------------------------- */

/* Free continuations: two packed meetings (0 + 4 + 4 + 2) beat three (6 + 8). */
static void test_weight_continued(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA THREE_2H "objective: {continued: 10}\n", 14, THREE_2H_WHOLE);
    expect(HEAD(2) BODY AGENDA THREE_2H "objective: {continued: 0}\n", 10, THREE_2H_SPLIT);
}

/* Meetings at 20: two meetings (10 + 40 + 4 + 2) beat three (60 + 8). */
static void test_weight_meetings(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA THREE_2H "objective: {meetings: 20}\n", 56, THREE_2H_SPLIT);
}

/* Days at 20: one day (10 + 4 + 20 + 2) beats two (6 + 40). */
static void test_weight_days(void **state)
{
    (void)state;
    expect(HEAD(2) BODY AGENDA THREE_2H "objective: {days: 20}\n", 36, THREE_2H_SPLIT);
}

/* Late starts at 10: each item opens a meeting (4 + 4) rather than 2 + 4 + 10. */
static void test_weight_late_start(void **state)
{
    (void)state;
    expect(HEAD(1) BODY AGENDA ITEM("1", 60, "") ITEM("2", 60, "") "objective: {late_start: 10}\n",
           8,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=60\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 2=60\n");
}

/* --- what-if overrides ---------------------------------------------------------- */

/* Four full items do not fit one day; --days 2 gives Tuesday (8 + 8). */
static void test_override_days(void **state)
{
    (void)state;
    static const char text[] = HEAD(1) BODY AGENDA ITEM("1", 180, "") ITEM("2", 180, "")
        ITEM("3", 180, "") ITEM("4", 180, "");
    expect_infeasible(text, "Body: the agenda needs 12 h but 2 meetings give 6 h; add a "
                            "meeting or shorten items by 6 h (at least 4 meetings, over 2 "
                            "days, would be needed)\n");
    expect_days_meetings(text, 2, 0, 16,
                         "B 1 2024-07-08 10:00-13:00 Plenary: 1=180\n"
                         "B 2 2024-07-08 15:00-18:00 Plenary: 2=180\n"
                         "B 3 2024-07-09 10:00-13:00 Plenary: 3=180\n"
                         "B 4 2024-07-09 15:00-18:00 Plenary: 4=180\n");
}

/* --- no schedule ---------------------------------------------------------------- */

/* --- order: free ---------------------------------------------------------------- */

#define FREE_FOUR ITEM("1", 120, "") ITEM("2", 120, "") ITEM("3", 60, "") ITEM("4", 60, "")

/* Agenda order must split item 2 to fit two meetings (10 + 4 + 4 + 3 late starts);
 * free order pairs 1 with 3 and 2 with 4 and splits nothing (4 + 4 + 2). */
static void test_free_order_packs(void **state)
{
    (void)state;
    expect(HEAD(2) BODY "  meetings: 2\n" AGENDA FREE_FOUR, 21,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=120 2=60\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 2=60c 3=60 4=60\n");
    expect(HEAD(2) BODY "  meetings: 2\n  order: free\n" AGENDA FREE_FOUR, 10,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=120 3=60\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 2=120 4=60\n");
}

/* first, last and after hold whatever the agenda's order: 3 opens, 4 follows 2, 1
 * closes (4 + 4 + 2 late starts). */
static void test_free_order_rules(void **state)
{
    (void)state;
    expect(HEAD(2) BODY "  order: free\n" AGENDA ITEM("1", 60, ", last: true") ITEM("2", 60, "")
               ITEM("3", 60, ", first: true") ITEM("4", 60, ", after: [\"2\"]"),
           10,
           "B 1 2024-07-08 10:00-13:00 Plenary: 3=60 2=60 4=60\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 1=60\n");
}

/* An item over three meetings closes the first, has the second to itself and opens
 * the third (20 + 6 + 8 + 2 late starts). */
static void test_free_order_runs_on(void **state)
{
    (void)state;
    expect(HEAD(2) BODY "  order: free\n" AGENDA ITEM("1", 60, "") ITEM("2", 400, "")
               ITEM("3", 60, ""),
           36,
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=60 3=60 2=60\n"
           "B 2 2024-07-08 15:00-18:00 Plenary: 2=180c\n"
           "B 3 2024-07-09 10:00-13:00 Plenary: 2=160c\n");
}

/* Rules that leave no order are said before solving. */
static void test_free_order_circle(void **state)
{
    (void)state;
    expect_infeasible(HEAD(2) BODY "  order: free\n" AGENDA ITEM("1", 60, ", after: [\"3\"]")
                          ITEM("2", 60, ", after: [\"1\"]") ITEM("3", 60, ", after: [\"2\"]"),
                      "Body: items 1 and 2 must each come after the other (by their after, "
                      "first and last rules); no order of the agenda keeps both\n");
    expect_infeasible(HEAD(2) BODY "  order: free\n" AGENDA ITEM("1", 60, ", first: true")
                          ITEM("2", 60, ", last: true") ITEM("3", 60, ", last: true"),
                      "Body: items 2 and 3 are both marked last\n");
}

static void test_infeasible_too_long(void **state)
{
    (void)state;
    expect_infeasible(HEAD(2) BODY "  meetings: 2\n" AGENDA ITEM("1", 400, ""),
                      "Body: the agenda needs 6 h 40 min but 2 meetings give 6 h; add a "
                      "meeting or shorten items by 40 min (at least 3 meetings, over 2 days, "
                      "would be needed)\n");
}

static void test_infeasible_first_last(void **state)
{
    (void)state;
    expect_infeasible(HEAD(2) BODY AGENDA ITEM("1", 60, "") ITEM("2", 60, ", first: true"),
                      "Body: item 2 is marked first but the agenda takes item 1 before it\n");
    expect_infeasible(HEAD(2) BODY AGENDA ITEM("1", 60, ", last: true") ITEM("2", 60, ""),
                      "Body: item 1 is marked last but the agenda takes item 2 after it\n");
}

static void test_infeasible_meeting_beyond_limit(void **state)
{
    (void)state;
    expect_infeasible(HEAD(2) BODY "  meetings: 2\n" AGENDA ITEM("1", 60, ", meeting: 3"),
                      "Body: item 1 is set to meeting 3 but the body holds at most 2 "
                      "meetings\n");
}

static void test_infeasible_unsplittable(void **state)
{
    (void)state;
    expect_infeasible(HEAD(2) BODY AGENDA ITEM("1", 240, ", split: false"),
                      "Body: item 1 (4 h) may not be split but a meeting lasts at most 3 h\n");
}

static void test_infeasible_day_beyond_window(void **state)
{
    (void)state;
    expect_infeasible(HEAD(2) BODY AGENDA ITEM("1", 60, ", day: 3"),
                      "Body: item 1 is set to day 3 but the session has 2 days\n");
}

/* Each rule alone can be met, but item 2 on Monday cannot follow item 1 on Tuesday:
 * only the solver finds that. */
static void test_infeasible_rules_together(void **state)
{
    (void)state;
    expect_infeasible(HEAD(2) BODY "  meetings_per_day: 1\n" AGENDA ITEM(
                          "1", 60, ", pin: {date: 2024-07-09, slot: \"10:00-13:00\"}")
                          ITEM("2", 120, ", day: 2024-07-08"),
                      "Body: no schedule keeps these rules together, even with every room to "
                      "itself; relax one of them: item 1 pinned to Tuesday, 9 July 2024, "
                      "10 a.m.\u20131 p.m. (test.yaml:8); item 2 on Monday, 8 July 2024 "
                      "(test.yaml:9)\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_free_order_packs),
        cmocka_unit_test(test_free_order_rules),
        cmocka_unit_test(test_free_order_runs_on),
        cmocka_unit_test(test_free_order_circle),
        cmocka_unit_test(test_tie_break_earliest_slot),
        cmocka_unit_test(test_agenda_order),
        cmocka_unit_test(test_meeting_never_over_slot),
        cmocka_unit_test(test_split_consecutive_meetings),
        cmocka_unit_test(test_split_false),
        cmocka_unit_test(test_min_part),
        cmocka_unit_test(test_meeting_k),
        cmocka_unit_test(test_meeting_last),
        cmocka_unit_test(test_day_k),
        cmocka_unit_test(test_day_k_in_window),
        cmocka_unit_test(test_day_date),
        cmocka_unit_test(test_pin_meeting),
        cmocka_unit_test(test_pin_slot),
        cmocka_unit_test(test_pin_slot_late_start),
        cmocka_unit_test(test_body_pin_from),
        cmocka_unit_test(test_meetings_limit),
        cmocka_unit_test(test_meetings_per_day),
        cmocka_unit_test(test_window),
        cmocka_unit_test(test_fixed_room),
        cmocka_unit_test(test_shared_room),
        cmocka_unit_test(test_interpretation_teams),
        cmocka_unit_test(test_weekends_and_holidays),
        cmocka_unit_test(test_weekdays),
        cmocka_unit_test(test_slots_of_different_lengths),
        cmocka_unit_test(test_weight_continued),
        cmocka_unit_test(test_weight_meetings),
        cmocka_unit_test(test_weight_days),
        cmocka_unit_test(test_weight_late_start),
        cmocka_unit_test(test_override_days),
        cmocka_unit_test(test_infeasible_too_long),
        cmocka_unit_test(test_infeasible_first_last),
        cmocka_unit_test(test_infeasible_meeting_beyond_limit),
        cmocka_unit_test(test_infeasible_unsplittable),
        cmocka_unit_test(test_infeasible_day_beyond_window),
        cmocka_unit_test(test_infeasible_rules_together),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
