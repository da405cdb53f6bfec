/* test_check.c: the independent checker and the JSON schedule reader.  A valid
 * schedule passes with its exact objective; a hand-broken copy of it is caught for
 * every rule of SPEC §3; bad JSON is refused naming the place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../model/arena.h"
#include "orgwork/buf.h"
#include "orgwork/check.h"
#include "orgwork/instance.h"
#include "orgwork/schedule.h"

/* The 2024 seed (CTOC/COP/WG.7/2024/1) for WG.7, after WG.4 in the same room
 * (the Conference's "consecutively with other working groups"), beside an
 * uninterpreted expert meeting that holds one item jointly with WG.4: WG.4's third
 * meeting is that joint meeting, holding only the joint piece of EXP's item 1.
 * Every constraint the checker knows is set so that the layout below keeps it. */
static const char INSTANCE[] =
    "orgwork: 1\n"
    "calendar:\n"
    "  start: 2024-07-08\n"
    "  days: 5\n"
    "  slots: [\"10:00-13:00\", \"15:00-18:00\"]\n"
    "rooms: [Plenary, Room B]\n"
    "services:\n"
    "  interpretation_teams: 1\n"
    "bodies:\n"
    "  - id: WG.4\n"
    "    name: Working Group on Firearms\n"
    "    meetings: 3\n"
    "    order: free\n"
    "    agenda:\n"
    "      - {item: \"1\", title: Review, duration: 3h, after: [\"2\"]}\n"
    "      - {item: \"2\", title: Opening, duration: 3h}\n"
    "  - id: EXP\n"
    "    name: Expert Meeting\n"
    "    interpretation: false\n"
    "    agenda:\n"
    "      - {item: \"1\", title: Exchange, duration: 3h, joint_with: [WG.4]}\n"
    "      - {item: \"2\", title: Closing, duration: 1h}\n"
    "  - id: WG.7\n"
    "    name: Working Group on the Smuggling of Migrants\n"
    "    meetings: 4\n"
    "    meetings_per_day: 2\n"
    "    room: Plenary\n"
    "    window: {from: 2024-07-11, to: 2024-07-12}\n"
    "    pin: {from: 2024-07-11}\n"
    "    agenda:\n"
    "      - item: \"1\"\n"
    "        title: Organizational matters\n"
    "        subitems:\n"
    "          - {item: a, title: Opening of the meeting, duration: 10m, first: true}\n"
    "          - {item: b, title: Adoption of the agenda, duration: 20m, day: 2024-07-11}\n"
    "      - {item: \"2\", title: Preventing and combating, duration: 4h30m}\n"
    "      - {item: \"3\", title: Protection, duration: 2h, min_part: 1h}\n"
    "      - {item: \"4\", title: Review Mechanism, duration: 2h, split: false, day: 2}\n"
    "      - {item: \"5\", title: Other matters, duration: 15m, meeting: last, "
    "pin: {meeting: 4}}\n"
    "      - {item: \"6\", title: Adoption of the report, duration: 1h30m, meeting: last, "
    "last: true, pin: {date: 2024-07-12, slot: \"15:00-18:00\"}}\n"
    "rules:\n"
    "  - consecutive: [WG.4, WG.7]\n";

#define MEETING(n, date, start, end, room, items)                                                  \
    "{\"n\": " #n ", \"date\": \"" date "\", \"start\": \"" start "\", \"end\": \"" end            \
    "\", \"room\": \"" room "\", \"items\": [" items "]}"
#define PIECE(id, minutes, continued)                                                              \
    "{\"item\": \"" id "\", \"minutes\": " #minutes ", \"continued\": " #continued "}"
#define JOINT_PIECE(body, id, minutes)                                                             \
    "{\"item\": \"" id "\", \"body\": \"" body "\", \"minutes\": " #minutes                        \
    ", \"continued\": false}"

static const char SCHEDULE[] =
    "{\"orgwork\": 1, \"status\": \"optimal\", \"objective\": 67,\n"
    " \"solver\": {\"name\": \"glpk\", \"gap\": 0.0},\n"
    " \"rooms\": [\"Plenary\", \"Room B\"],\n"
    " \"bodies\": [\n"
    "  {\"id\": \"WG.4\", \"name\": \"Working Group on Firearms\", \"meetings\": [\n"
    "   " MEETING(
        1, "2024-07-09", "15:00", "18:00", "Plenary",
        PIECE(
            "2", 180,
            false)) ",\n"
                    "   " MEETING(
                        2, "2024-07-10", "10:00", "13:00", "Plenary",
                        PIECE(
                            "1", 180,
                            false)) ",\n"
                                    "   " MEETING(
                                        3, "2024-07-10", "15:00", "18:00", "Plenary",
                                        JOINT_PIECE(
                                            "EXP", "1",
                                            180)) "]},\n"
                                                  "  {\"id\": \"EXP\", \"meetings\": [\n"
                                                  "   " MEETING(
                                                      1, "2024-07-10", "15:00", "18:00", "Plenary",
                                                      PIECE(
                                                          "1", 180,
                                                          false)) ",\n"
                                                                  "   " MEETING(
                                                                      2, "2024-07-11", "10:00",
                                                                      "13:00", "Room B",
                                                                      PIECE(
                                                                          "2", 60,
                                                                          false)) "]},\n"
                                                                                  "  {\"id\": "
                                                                                  "\"WG.7\", "
                                                                                  "\"meetings\": "
                                                                                  "[\n"
                                                                                  "   " MEETING(
                                                                                      1,
                                                                                      "2024-07-11",
                                                                                      "10:00",
                                                                                      "13:00",
                                                                                      "Plenary",
                                                                                      PIECE("1(a)", 10, false) ", " PIECE("1(b)", 20, false) ", " PIECE(
                                                                                          "2", 150,
                                                                                          false)) ",\n"
                                                                                                  "   " MEETING(
                                                                                                      2,
                                                                                                      "2024-07-11",
                                                                                                      "15:00",
                                                                                                      "18:00",
                                                                                                      "Plenary",
                                                                                                      PIECE("2", 120, true) ", " PIECE(
                                                                                                          "3",
                                                                                                          60,
                                                                                                          false)) ",\n"
                                                                                                                  "   " MEETING(
                                                                                                                      3,
                                                                                                                      "2024-07-12",
                                                                                                                      "10:00",
                                                                                                                      "13:00",
                                                                                                                      "Plenary",
                                                                                                                      PIECE("3", 60, true) ", " PIECE(
                                                                                                                          "4",
                                                                                                                          120,
                                                                                                                          false)) ",\n"
                                                                                                                                  "   " MEETING(
                                                                                                                                      4,
                                                                                                                                      "2024-07-12",
                                                                                                                                      "15:00",
                                                                                                                                      "18:00",
                                                                                                                                      "Plenary",
                                                                                                                                      PIECE("5", 15, false) ", " PIECE(
                                                                                                                                          "6",
                                                                                                                                          90,
                                                                                                                                          false)) "]}]}\n";

enum { WG4 = 0, EXP = 1, WG7 = 2 };

typedef struct fixture {
    ow_instance *inst;
    ow_schedule *s;
    ow_check_report report;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    ow_error err;
    if (ow_instance_load_string("test.yaml", INSTANCE, strlen(INSTANCE), &f->inst, &err) != OW_OK ||
        ow_schedule_read_json_string(f->inst, "schedule.json", SCHEDULE, strlen(SCHEDULE), &f->s,
                                     &err) != OW_OK) {
        ow_error_print(&err, stderr);
        ow_instance_free(f->inst);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ow_check_report_free(&f->report);
    ow_schedule_free(f->s);
    ow_instance_free(f->inst);
    free(f);
    return 0;
}

static ow_meeting *find_meeting(fixture *f, size_t body, int n)
{
    for (size_t i = 0; i < f->s->n_meetings; i++)
        if (f->s->meetings[i].body == body && f->s->meetings[i].n == n)
            return &f->s->meetings[i];
    fail_msg("no meeting %d of body %zu", n, body);
    return NULL;
}

static ow_item *find_item(fixture *f, size_t body, const char *id)
{
    int k = ow_body_find_item(&f->inst->bodies[body], id);
    assert_true(k >= 0);
    return &f->inst->bodies[body].items[k];
}

/* Replaces a meeting's pieces: spec is "id:minutes[:c],…" (":c" = continued);
 * "BODY/id" is the joint piece of another body's item. */
static void set_pieces(fixture *f, ow_meeting *m, const char *spec)
{
    ow_piece pieces[16];
    size_t n = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok != NULL;
         tok = strtok_r(NULL, ",", &save)) {
        char *colon = strchr(tok, ':');
        assert_non_null(colon);
        *colon = '\0';
        char *slash = strchr(tok, '/');
        size_t owner = m->body;
        if (slash != NULL) {
            *slash = '\0';
            int b = ow_instance_find_body(f->inst, tok);
            assert_true(b >= 0);
            owner = (size_t)b;
            tok = slash + 1;
        }
        int k = ow_body_find_item(&f->inst->bodies[owner], tok);
        assert_true(k >= 0 && n < 16);
        pieces[n] = (ow_piece){0};
        pieces[n].item = (size_t)k;
        pieces[n].joint = slash != NULL;
        pieces[n].owner = owner;
        pieces[n].minutes = atoi(colon + 1);
        pieces[n].continued = strstr(colon + 1, ":c") != NULL;
        n++;
    }
    m->pieces = ow_arena_calloc(f->s->arena, n + 1, sizeof *m->pieces);
    assert_non_null(m->pieces);
    memcpy(m->pieces, pieces, n * sizeof *pieces);
    m->n_pieces = n;
}

/* Moves a meeting to another working day (index into the calendar) and slot. */
static void move(fixture *f, ow_meeting *m, int day, int slot)
{
    m->day = day;
    m->date = f->inst->calendar.days[day];
    m->slot = slot;
    m->start = f->inst->calendar.slots[slot].start;
    m->end = f->inst->calendar.slots[slot].end;
}

static void run_check(fixture *f)
{
    ow_error err;
    ow_check_report_free(&f->report);
    assert_int_equal(ow_check(f->inst, f->s, &f->report, &err), OW_OK);
}

static void print_report(const ow_check_report *r)
{
    ow_buf text = OW_BUF_INIT;
    ow_check_report_text(r, &text);
    fprintf(stderr, "%s", ow_buf_str(&text));
    ow_buf_free(&text);
}

/* Asserts some violation of rule has a message containing part. */
static void expect(fixture *f, const char *rule, const char *part)
{
    run_check(f);
    for (size_t k = 0; k < f->report.n_violations; k++)
        if (strcmp(f->report.violations[k].rule, rule) == 0 &&
            strstr(f->report.violations[k].message, part) != NULL)
            return;
    print_report(&f->report);
    fail_msg("no [%s] violation containing \"%s\"", rule, part);
}

static size_t count_rule(const ow_check_report *r, const char *rule)
{
    size_t n = 0;
    for (size_t k = 0; k < r->n_violations; k++)
        n += strcmp(r->violations[k].rule, rule) == 0;
    return n;
}

/* ---- The valid schedule ---------------------------------------------------- */

static void test_valid_schedule_passes(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->s->status, OW_SOLVE_OPTIMAL);
    assert_int_equal(f->s->n_meetings, 9);
    ow_meeting *joint = find_meeting(f, WG4, 3);
    assert_true(joint->pieces[0].joint);
    assert_int_equal(joint->pieces[0].owner, EXP);
    assert_string_equal(ow_piece_item(f->inst, joint, &joint->pieces[0])->title, "Exchange");
    run_check(f);
    if (f->report.n_violations != 0)
        print_report(&f->report);
    assert_int_equal(f->report.n_violations, 0);
    /* 2 "(continued)" pieces (2 and 3); 9 meetings, the joint one counting for WG.4
     * and EXP each; WG.4 2 days + EXP 2 + WG.7 2; 1 (b), 2, 3, 4 and 6 do not open
     * their meetings, and the joint piece is neither continued nor late. */
    const ow_objective_terms *t = &f->report.objective;
    assert_int_equal(t->continued, 2);
    assert_int_equal(t->meetings, 9);
    assert_int_equal(t->days, 6);
    assert_int_equal(t->late_starts, 5);
    assert_int_equal(t->total, 2 * OW_WEIGHT_CONTINUED + 9 * OW_WEIGHT_MEETINGS +
                                   6 * OW_WEIGHT_DAYS + 5 * OW_WEIGHT_LATE_START);
    assert_int_equal(t->total, 67);
    ow_buf text = OW_BUF_INIT;
    ow_check_report_text(&f->report, &text);
    assert_string_equal(ow_buf_str(&text),
                        "objective: 67 (2 continued, 9 meetings, 6 days, 5 late starts)\n"
                        "OK: the schedule keeps every rule\n");
    ow_buf_free(&text);
}

/* The objective counts continued pieces from the schedule, not from the flags. */
static void test_objective_ignores_flags(void **state)
{
    fixture *f = *state;
    find_meeting(f, WG7, 2)->pieces[0].continued = false;
    ow_objective_terms t;
    ow_schedule_objective(f->inst, f->s, &t);
    assert_int_equal(t.continued, 2);
    f->inst->weights.continued = 100;
    ow_schedule_objective(f->inst, f->s, &t);
    assert_int_equal(t.total, 67 - 2 * OW_WEIGHT_CONTINUED + 200);
}

/* ---- [calendar] ------------------------------------------------------------ */

static void test_calendar_not_working_day(void **state)
{
    fixture *f = *state;
    ow_meeting *m = find_meeting(f, WG7, 4);
    m->date += 1; /* Saturday, 13 July */
    m->day = -1;
    expect(f, "calendar", "Saturday, 13 July 2024 is not a working day of the calendar");
}

static void test_calendar_window(void **state)
{
    fixture *f = *state;
    move(f, find_meeting(f, WG7, 1), 2, 0); /* Wednesday, before the window */
    expect(f, "calendar",
           "outside the body's window, Thursday, 11 July 2024 to Friday, "
           "12 July 2024");
}

static void test_calendar_slot(void **state)
{
    fixture *f = *state;
    ow_meeting *m = find_meeting(f, WG7, 3);
    m->start = 9 * 60;
    m->end = 12 * 60;
    m->slot = -1;
    expect(f, "calendar",
           "meeting 3 (Friday, 12 July 2024, 9 a.m.\xE2\x80\x93"
           "12 noon): 09:00-12:00 is not one of the calendar's meeting slots");
}

/* ---- [room] [interpretation] ------------------------------------------------ */

static void test_room_unknown(void **state)
{
    fixture *f = *state;
    find_meeting(f, EXP, 2)->room = -1;
    expect(f, "room",
           "Expert Meeting, meeting 2 (Thursday, 11 July 2024, 10 a.m.\xE2\x80\x93"
           "1 p.m.): the room is not one of the instance's rooms");
}

static void test_room_fixed(void **state)
{
    fixture *f = *state;
    find_meeting(f, WG7, 4)->room = 1;
    expect(f, "room",
           "meeting 4 (Friday, 12 July 2024, 3\xE2\x80\x93"
           "6 p.m.): held in Room B, "
           "but the body must use Plenary");
}

static void test_room_clash(void **state)
{
    fixture *f = *state;
    find_meeting(f, EXP, 2)->room = 0;
    expect(f, "room", "are both in Plenary at the same time");
    /* The joint meeting of EXP and WG.4 in Plenary is not a clash. */
    assert_int_equal(count_rule(&f->report, "room"), 1);
}

static void test_interpretation(void **state)
{
    fixture *f = *state;
    /* The valid schedule runs EXP beside WG.7 because EXP has no interpreters. */
    f->inst->bodies[EXP].interpretation = true;
    expect(f, "interpretation",
           "Thursday, 11 July 2024, 10 a.m.\xE2\x80\x93"
           "1 p.m.: 2 interpreted meetings at once "
           "(Expert Meeting in Room B, Working Group on the Smuggling of Migrants in Plenary) "
           "but 1 interpretation team");
}

/* ---- [meetings] ------------------------------------------------------------ */

static void test_meetings_limit(void **state)
{
    fixture *f = *state;
    f->inst->bodies[WG7].meetings = 3;
    expect(f, "meetings",
           "Working Group on the Smuggling of Migrants: holds 4 meetings but "
           "conference services allow 3");
}

static void test_meetings_per_day(void **state)
{
    fixture *f = *state;
    f->inst->bodies[WG7].meetings_per_day = 1;
    expect(f, "meetings", "holds 2 meetings on Thursday, 11 July 2024 but at most 1 a day");
}

static void test_meetings_same_slot(void **state)
{
    fixture *f = *state;
    move(f, find_meeting(f, WG7, 2), 3, 0);
    expect(f, "meetings", "take place at the same time");
}

static void test_meetings_numbering(void **state)
{
    fixture *f = *state;
    find_meeting(f, WG7, 2)->n = 5;
    expect(f, "meetings",
           "meeting 5 (Thursday, 11 July 2024, 3\xE2\x80\x93"
           "6 p.m.) is the body's meeting 2 in date and time order");
}

/* ---- [duration] [capacity] -------------------------------------------------- */

static void test_duration_sum(void **state)
{
    fixture *f = *state;
    find_meeting(f, WG7, 4)->pieces[1].minutes = 80;
    expect(f, "duration", "the pieces of item 6 add up to 80 min but the item needs 90 min");
}

static void test_duration_missing(void **state)
{
    fixture *f = *state;
    find_meeting(f, WG7, 4)->n_pieces = 1;
    expect(f, "duration", "item 6 is missing from the schedule (it needs 1 h 30 min)");
}

static void test_duration_nonpositive_piece(void **state)
{
    fixture *f = *state;
    set_pieces(f, find_meeting(f, WG7, 4), "5:15,6:90,4:0:c");
    expect(f, "duration", "item 4 has a piece of 0 min");
}

static void test_duration_twice_in_meeting(void **state)
{
    fixture *f = *state;
    set_pieces(f, find_meeting(f, WG7, 2), "2:60:c,3:60,2:60:c");
    expect(f, "duration", "item 2 is taken twice in the meeting");
}

static void test_capacity(void **state)
{
    fixture *f = *state;
    find_meeting(f, WG7, 1)->pieces[2].minutes = 170;
    find_meeting(f, WG7, 2)->pieces[0].minutes = 100;
    run_check(f);
    assert_int_equal(f->report.n_violations, 1);
    assert_string_equal(f->report.violations[0].rule, "capacity");
    assert_string_equal(f->report.violations[0].message,
                        "Working Group on the Smuggling of Migrants, meeting 1 (Thursday, "
                        "11 July 2024, 10 a.m.\xE2\x80\x93"
                        "1 p.m.): holds 200 min but the slot "
                        "has 180 min");
    ow_buf text = OW_BUF_INIT;
    ow_check_report_text(&f->report, &text);
    assert_non_null(strstr(ow_buf_str(&text), "\n1 broken rule\n"));
    assert_true(strncmp(ow_buf_str(&text), "[capacity] Working Group", 24) == 0);
    ow_buf_free(&text);
}

/* ---- [contiguity] [continued] [order] [after] [first] [last] ------------------ */

static void test_contiguity(void **state)
{
    fixture *f = *state;
    set_pieces(f, find_meeting(f, WG7, 3), "4:120");
    set_pieces(f, find_meeting(f, WG7, 4), "3:60:c,5:15,6:90");
    expect(f, "contiguity",
           "item 3 is taken in meetings 2, 4, which are not consecutive "
           "meetings of the body");
}

static void test_continued_flag(void **state)
{
    fixture *f = *state;
    find_meeting(f, WG7, 2)->pieces[0].continued = false;
    find_meeting(f, WG7, 4)->pieces[0].continued = true;
    expect(f, "continued",
           "meeting 2 (Thursday, 11 July 2024, 3\xE2\x80\x93"
           "6 p.m.): item 2 continues an earlier piece but is not marked "
           "continued");
    expect(f, "continued", "item 5 is marked continued but this is its first piece");
}

static void test_order(void **state)
{
    fixture *f = *state;
    set_pieces(f, find_meeting(f, WG7, 3), "4:120,3:60:c");
    expect(f, "order",
           "meeting 3 (Friday, 12 July 2024, 10 a.m.\xE2\x80\x93"
           "1 p.m.): item 4 starts before item 3 is finished, against the agenda "
           "order");
}

static void test_order_free_body(void **state)
{
    fixture *f = *state;
    /* WG.4 takes 2 before 1 in the valid schedule: order: free and after: [2]. */
    f->inst->bodies[WG4].order_free = false;
    expect(f, "order", "Working Group on Firearms, meeting 1");
}

static void test_run_on_free_body(void **state)
{
    fixture *f = *state;
    /* WG.4 (order: free) splits item 1 over its two meetings with item 2 between. */
    set_pieces(f, find_meeting(f, WG4, 1), "1:60,2:120");
    set_pieces(f, find_meeting(f, WG4, 2), "2:60:c,1:120:c");
    expect(f, "contiguity",
           "item 1 goes on in the body's next meeting, but item 2 follows it in this one");
}

static void test_run_on_opens_free_body(void **state)
{
    fixture *f = *state;
    set_pieces(f, find_meeting(f, WG4, 1), "2:150,1:30");
    set_pieces(f, find_meeting(f, WG4, 2), "2:30:c,1:150:c");
    expect(f, "contiguity",
           "item 1 goes on from the body's previous meeting, but item 2 opens this one");
}

static void test_after(void **state)
{
    fixture *f = *state;
    set_pieces(f, find_meeting(f, WG4, 1), "1:180");
    set_pieces(f, find_meeting(f, WG4, 2), "2:180");
    expect(f, "after", "item 1 must follow item 2 but starts before it is finished");
    assert_int_equal(count_rule(&f->report, "order"), 0);
}

static void test_first(void **state)
{
    fixture *f = *state;
    set_pieces(f, find_meeting(f, WG7, 1), "1(b):20,1(a):10,2:150");
    expect(f, "first",
           "item 1 (a) must be the first thing the body does in the session, but "
           "item 1 (b) opens the meeting");
}

static void test_last(void **state)
{
    fixture *f = *state;
    set_pieces(f, find_meeting(f, WG7, 4), "6:90,5:15");
    expect(f, "last",
           "item 6 must be the last thing the body does in the session, but item 5 "
           "closes the meeting");
}

/* ---- [meeting] [day] [split] [min_part] [pin] -------------------------------- */

static void test_meeting_number(void **state)
{
    fixture *f = *state;
    find_item(f, WG7, "2")->meeting = 1;
    expect(f, "meeting",
           "meeting 2 (Thursday, 11 July 2024, 3\xE2\x80\x93"
           "6 p.m.): item 2 must be taken in the body's meeting 1");
}

static void test_meeting_last(void **state)
{
    fixture *f = *state;
    find_item(f, WG7, "4")->meeting = OW_MEETING_LAST;
    expect(f, "meeting", "item 4 must be taken in the body's last meeting");
}

static void test_day_number(void **state)
{
    fixture *f = *state;
    find_item(f, WG7, "4")->day = 1;
    expect(f, "day",
           "item 4 must be taken on day 1 of the body's session, Thursday, "
           "11 July 2024");
}

static void test_day_date(void **state)
{
    fixture *f = *state;
    ow_item *item = find_item(f, WG7, "1(b)");
    item->day_date += 1;
    expect(f, "day", "item 1 (b) must be taken on Friday, 12 July 2024");
}

static void test_split(void **state)
{
    fixture *f = *state;
    find_item(f, WG7, "2")->split = false;
    expect(f, "split",
           "Working Group on the Smuggling of Migrants: item 2 may not be split "
           "but is taken in 2 pieces");
}

static void test_min_part(void **state)
{
    fixture *f = *state;
    find_item(f, WG7, "3")->min_part = 90;
    expect(f, "min_part", "item 3 has a piece of 60 min, less than its smallest part of 90 min");
    /* An item shorter than its min_part only needs to be whole. */
    find_item(f, WG7, "3")->min_part = 0;
    find_item(f, WG7, "5")->min_part = 30;
    run_check(f);
    assert_int_equal(count_rule(&f->report, "min_part"), 0);
}

static void test_pin_meeting(void **state)
{
    fixture *f = *state;
    find_item(f, WG7, "5")->pin_meeting = 3;
    expect(f, "pin", "item 5 is pinned to the body's meeting 3");
}

static void test_pin_slot(void **state)
{
    fixture *f = *state;
    find_item(f, WG7, "6")->pin_slot = 0;
    expect(f, "pin",
           "item 6 is pinned to Friday, 12 July 2024, 10 a.m.\xE2\x80\x93"
           "1 p.m.");
}

static void test_pin_from(void **state)
{
    fixture *f = *state;
    f->inst->bodies[WG7].pin_from = 4;
    expect(f, "pin",
           "meeting 1 (Thursday, 11 July 2024, 10 a.m.\xE2\x80\x93"
           "1 p.m.): the body's first meeting is pinned to Friday, 12 July 2024");
}

/* ---- [consecutive] [joint] ---------------------------------------------------- */

static void test_consecutive_idle_day(void **state)
{
    fixture *f = *state;
    move(f, find_meeting(f, WG4, 1), 0, 0);
    move(f, find_meeting(f, WG4, 2), 0, 1);
    move(f, find_meeting(f, WG4, 3), 1, 0);
    move(f, find_meeting(f, EXP, 1), 1, 0);
    run_check(f);
    assert_int_equal(f->report.n_violations, 1);
    expect(f, "consecutive",
           "leaves 1 idle working day after Working Group on Firearms, "
           "meeting 3 (Tuesday, 9 July 2024");
}

static void test_consecutive_overlap(void **state)
{
    fixture *f = *state;
    move(f, find_meeting(f, WG4, 2), 3, 1);
    expect(f, "consecutive",
           "starts before Working Group on Firearms, meeting 2 (Thursday, "
           "11 July 2024, 3\xE2\x80\x93"
           "6 p.m.) ends");
}

static void test_consecutive_room(void **state)
{
    fixture *f = *state;
    find_meeting(f, WG4, 1)->room = 1;
    find_meeting(f, WG4, 2)->room = 1;
    find_meeting(f, WG4, 3)->room = 1;
    find_meeting(f, EXP, 1)->room = 1;
    expect(f, "consecutive",
           "held in Plenary, but the bodies meeting consecutively with it "
           "meet in Room B");
}

static void test_joint(void **state)
{
    fixture *f = *state;
    find_meeting(f, EXP, 1)->room = 1;
    expect(f, "joint",
           "Expert Meeting, meeting 1 (Wednesday, 10 July 2024, 3\xE2\x80\x93"
           "6 p.m.): joint item 1 is not held with the Working Group on Firearms, "
           "which has no meeting in Room B at that time");
    expect(f, "joint",
           "Working Group on Firearms, meeting 3 (Wednesday, 10 July 2024, "
           "3\xE2\x80\x93"
           "6 p.m.): holds joint item 1 of the Expert Meeting, but "
           "that body does not hold it in Plenary at that time");
    assert_int_equal(count_rule(&f->report, "joint"), 2);
}

static size_t count_containing(const ow_check_report *r, const char *part)
{
    size_t n = 0;
    for (size_t k = 0; k < r->n_violations; k++)
        n += strstr(r->violations[k].message, part) != NULL;
    return n;
}

/* WG.4 then EXP consecutively: their joint meeting belongs to both sessions, so EXP
 * may open with it (here it is also WG.4's last); the order then holds for EXP's
 * next meeting, after WG.4's last (docs/model.md, "consecutive"). */
static void test_joint_in_consecutive_sessions(void **state)
{
    fixture *f = *state;
    f->inst->rules[0].bodies[1] = EXP;
    run_check(f);
    assert_int_equal(count_containing(&f->report, "starts before"), 0);
    assert_int_equal(count_containing(&f->report, "idle working day"), 0);
    move(f, find_meeting(f, EXP, 2), 4, 0);
    expect(f, "consecutive",
           "Expert Meeting, meeting 2 (Friday, 12 July 2024, 10 a.m.\xE2\x80\x93"
           "1 p.m.) leaves 1 idle working day after Working Group on Firearms, "
           "meeting 3 (Wednesday, 10 July 2024, 3\xE2\x80\x93"
           "6 p.m.)");
}

/* The joint meeting is one of WG.4's meetings, for its limit as for its numbering. */
static void test_joint_counts_as_meeting(void **state)
{
    fixture *f = *state;
    f->inst->bodies[WG4].meetings = 2;
    expect(f, "meetings",
           "Working Group on Firearms: holds 3 meetings but conference "
           "services allow 2");
}

static void test_joint_piece_wrong(void **state)
{
    fixture *f = *state;
    ow_meeting *m = find_meeting(f, WG4, 3);
    m->pieces[0].minutes = 120;
    m->pieces[0].continued = true;
    expect(f, "joint",
           "Working Group on Firearms, meeting 3 (Wednesday, 10 July 2024, "
           "3\xE2\x80\x93"
           "6 p.m.): joint item 1 of the Expert Meeting takes "
           "120 min here but needs 180 min");
    expect(f, "joint",
           "joint item 1 of the Expert Meeting is marked continued, but a joint "
           "item is held whole");
    /* The piece is no item of WG.4's own: no [continued] or [duration] for it there. */
    assert_int_equal(count_rule(&f->report, "continued"), 0);
    assert_int_equal(count_rule(&f->report, "duration"), 0);
}

static void test_joint_item_not_joint(void **state)
{
    fixture *f = *state;
    set_pieces(f, find_meeting(f, WG4, 3), "EXP/2:60");
    expect(f, "joint",
           "holds item 2 of the Expert Meeting as a joint item, but that item is "
           "not joint with the body");
    expect(f, "joint",
           "Expert Meeting, meeting 1 (Wednesday, 10 July 2024, 3\xE2\x80\x93"
           "6 p.m.): joint item 1 is not held with the Working Group on Firearms, "
           "whose meeting in Plenary at that time does not hold it");
    /* Two bodies in one room that are not one joint meeting clash. */
    expect(f, "room", "are both in Plenary at the same time");
    set_pieces(f, find_meeting(f, WG7, 4), "5:15,6:90,WG.4/1:30");
    expect(f, "joint",
           "holds item 1 of the Working Group on Firearms as a joint item, but "
           "that item is not joint with the body");
}

static void test_joint_alone_and_whole(void **state)
{
    fixture *f = *state;
    set_pieces(f, find_meeting(f, WG4, 3), "EXP/1:180,2:0:c");
    expect(f, "joint",
           "the joint meeting on item 1 of the Expert Meeting holds other pieces "
           "too, but a joint meeting holds the joint item alone");
    set_pieces(f, find_meeting(f, EXP, 1), "1:120,2:60");
    set_pieces(f, find_meeting(f, EXP, 2), "");
    expect(f, "joint",
           "Expert Meeting, meeting 1 (Wednesday, 10 July 2024, 3\xE2\x80\x93"
           "6 p.m.): joint item 1 shares the meeting with other items, but a joint "
           "meeting holds the joint item alone");
    set_pieces(f, find_meeting(f, EXP, 1), "1:120");
    set_pieces(f, find_meeting(f, EXP, 2), "1:60:c,2:60");
    expect(f, "joint",
           "Expert Meeting: joint item 1 is taken in 2 pieces, but a joint item is "
           "held whole in one joint meeting");
}

/* A joint meeting needs one interpretation team, however many bodies attend. */
static void test_joint_one_team(void **state)
{
    fixture *f = *state;
    f->inst->bodies[EXP].interpretation = true;
    run_check(f);
    assert_int_equal(count_rule(&f->report, "interpretation"), 1);
    expect(f, "interpretation", "Thursday, 11 July 2024");
}

/* Violations come out rule by rule in a fixed order, whatever order meetings are
 * stored in. */
static void test_deterministic_order(void **state)
{
    fixture *f = *state;
    find_meeting(f, WG7, 1)->pieces[2].minutes = 170;
    find_meeting(f, WG7, 4)->room = 1;
    run_check(f);
    assert_int_equal(f->report.n_violations, 4);
    assert_string_equal(f->report.violations[0].rule, "room");
    assert_string_equal(f->report.violations[1].rule, "duration");
    assert_string_equal(f->report.violations[2].rule, "capacity");
    assert_string_equal(f->report.violations[3].rule, "consecutive");
    ow_meeting tmp = f->s->meetings[0];
    f->s->meetings[0] = f->s->meetings[f->s->n_meetings - 1];
    f->s->meetings[f->s->n_meetings - 1] = tmp;
    ow_check_report first = f->report;
    memset(&f->report, 0, sizeof f->report);
    run_check(f);
    assert_int_equal(f->report.n_violations, first.n_violations);
    for (size_t k = 0; k < first.n_violations; k++)
        assert_string_equal(f->report.violations[k].message, first.violations[k].message);
    ow_check_report_free(&first);
}

/* ---- Reading JSON ------------------------------------------------------------ */

static void read_fails(fixture *f, const char *json, int line, int column, const char *message)
{
    ow_schedule *s = NULL;
    ow_error err;
    ow_status rc = ow_schedule_read_json_string(f->inst, "bad.json", json, strlen(json), &s, &err);
    assert_int_equal(rc, OW_INPUT);
    assert_null(s);
    assert_string_equal(err.file, "bad.json");
    assert_int_equal(err.loc.line, line);
    assert_int_equal(err.loc.column, column);
    if (strstr(err.message, message) == NULL)
        fail_msg("message \"%s\" lacks \"%s\"", err.message, message);
}

#define WG7_MEETING(fields)                                                                        \
    "{\"orgwork\": 1, \"status\": \"optimal\", \"bodies\": [{\"id\": \"WG.7\", "                   \
    "\"meetings\": [" fields "]}]}"

static void test_read_syntax_error(void **state)
{
    read_fails(*state, "{\"orgwork\": 1,\n  \"status\": optimal}", 2, 19,
               "not a valid JSON schedule: invalid token near 'optimal'");
    read_fails(*state, "{\"orgwork\": 1, \"orgwork\": 1}", 1, 24,
               "not a valid JSON schedule: duplicate object key near '\"orgwork\"'");
}

static void test_read_wrong_type(void **state)
{
    read_fails(*state, WG7_MEETING("{\"n\": \"1\"}"), 0, 0,
               "bodies[0].meetings[0].n: expected a whole number");
    read_fails(*state,
               WG7_MEETING("{\"n\": 1, \"date\": \"2024-07-11\", \"start\": \"10:00\", "
                           "\"end\": \"13:00\", \"room\": \"Plenary\", \"items\": ["
                           "{\"item\": \"2\", \"minutes\": 1e3, \"continued\": false}]}"),
               0, 0, "bodies[0].meetings[0].items[0].minutes: expected a whole number");
    read_fails(*state,
               WG7_MEETING(MEETING(1, "2024-07-11", "10:00", "13:00", "Plenary",
                                   PIECE("2", 9999999, false))),
               0, 0, "items[0].minutes: 9999999 is out of range (-100000 to 100000)");
    read_fails(*state, "[]", 0, 0, "expected an object {\"orgwork\": 1");
    read_fails(*state, "{\"orgwork\": 2, \"status\": \"optimal\"}", 0, 0,
               "orgwork: this is format version 1 of orgwork; the file must say \"orgwork\": 1");
    read_fails(*state,
               WG7_MEETING(MEETING(1, "2024-07-11", "10:00", "13:00", "Plenary",
                                   "{\"item\": \"2\", \"minutes\": 30, "
                                   "\"continued\": \"no\"}")),
               0, 0, "bodies[0].meetings[0].items[0].continued: expected true or false");
}

static void test_read_missing_key(void **state)
{
    read_fails(*state, "{\"orgwork\": 1}", 0, 0, "missing key \"status\"");
    read_fails(*state, WG7_MEETING("{\"n\": 1, \"date\": \"2024-07-11\"}"), 0, 0,
               "bodies[0].meetings[0]: missing key \"start\"");
}

static void test_read_unknown_ids(void **state)
{
    read_fails(
        *state,
        WG7_MEETING(MEETING(1, "2024-07-11", "10:00", "13:00", "Plenary", PIECE("9", 30, false))),
        0, 0, "bodies[0].meetings[0].items[0].item: WG.7 has no agenda item \"9\"");
    read_fails(*state,
               "{\"orgwork\": 1, \"status\": \"optimal\", \"bodies\": [{\"id\": \"WG.9\", "
               "\"meetings\": []}]}",
               0, 0, "bodies[0].id: the instance has no body \"WG.9\"");
    read_fails(*state,
               "{\"orgwork\": 1, \"status\": \"optimal\", \"bodies\": [{\"id\": \"WG.7\", "
               "\"meetings\": []}, {\"id\": \"WG.7\", \"meetings\": []}]}",
               0, 0, "bodies[1].id: body WG.7 is listed twice");
}

static void test_read_bad_date_and_time(void **state)
{
    read_fails(*state, WG7_MEETING(MEETING(1, "2024-02-30", "10:00", "13:00", "Plenary", "")), 0, 0,
               "bodies[0].meetings[0].date: cannot read \"2024-02-30\" as a date");
    read_fails(*state, WG7_MEETING(MEETING(1, "2024-07-11", "10h", "13:00", "Plenary", "")), 0, 0,
               "bodies[0].meetings[0].start: cannot read \"10h\" as a time");
    read_fails(*state, WG7_MEETING(MEETING(1, "2024-07-11", "13:00", "10:00", "Plenary", "")), 0, 0,
               "the meeting ends at 10:00, not after it starts at 13:00");
}

/* Dates off the calendar, odd times and unknown rooms are read, for the checker. */
static void test_read_keeps_what_the_checker_reports(void **state)
{
    fixture *f = *state;
    const char *json = WG7_MEETING(MEETING(7, "2024-07-13", "09:00", "12:00", "Annex", ""));
    ow_schedule *s = NULL;
    ow_error err;
    assert_int_equal(ow_schedule_read_json_string(f->inst, "x.json", json, strlen(json), &s, &err),
                     OW_OK);
    assert_int_equal(s->n_meetings, 1);
    assert_int_equal(s->meetings[0].body, WG7);
    assert_int_equal(s->meetings[0].n, 7);
    assert_int_equal(s->meetings[0].day, -1);
    assert_int_equal(s->meetings[0].slot, -1);
    assert_int_equal(s->meetings[0].room, -1);
    assert_int_equal(s->meetings[0].start, 9 * 60);
    ow_schedule_free(s);
}

static void test_read_infeasible(void **state)
{
    fixture *f = *state;
    const char *json = "{\"orgwork\": 1, \"status\": \"infeasible\"}";
    ow_schedule *s = NULL;
    ow_error err;
    assert_int_equal(ow_schedule_read_json_string(f->inst, "x.json", json, strlen(json), &s, &err),
                     OW_OK);
    assert_int_equal(s->status, OW_SOLVE_INFEASIBLE);
    assert_int_equal(s->n_meetings, 0);
    /* Checked all the same, it holds none of the 11 items of the three agendas. */
    assert_int_equal(ow_check(f->inst, s, &f->report, &err), OW_OK);
    assert_int_equal(f->report.n_violations, 11);
    assert_int_equal(count_rule(&f->report, "duration"), 11);
    assert_int_equal(f->report.objective.total, 0);
    ow_schedule_free(s);
}

static void test_read_file(void **state)
{
    fixture *f = *state;
    assert_true(f->s->objective == 67.0);
    ow_schedule *s = NULL;
    ow_error err;
    assert_int_equal(ow_schedule_read_json(f->inst, "/nonexistent/schedule.json", &s, &err),
                     OW_INPUT);
    assert_null(s);
    assert_string_equal(err.file, "/nonexistent/schedule.json");
}

static void test_read_joint_piece(void **state)
{
    fixture *f = *state;
    read_fails(*state,
               WG7_MEETING(MEETING(1, "2024-07-11", "10:00", "13:00", "Plenary",
                                   JOINT_PIECE("WG.9", "1", 30))),
               0, 0, "bodies[0].meetings[0].items[0].body: the instance has no body \"WG.9\"");
    read_fails(*state,
               WG7_MEETING(MEETING(1, "2024-07-11", "10:00", "13:00", "Plenary",
                                   JOINT_PIECE("EXP", "3", 30))),
               0, 0, "bodies[0].meetings[0].items[0].item: EXP has no agenda item \"3\"");
    /* Naming the meeting's own body is an ordinary piece; joint_with is not read. */
    const char *json =
        WG7_MEETING("{\"n\": 1, \"date\": \"2024-07-11\", \"start\": \"10:00\", "
                    "\"end\": \"13:00\", \"room\": \"Plenary\", "
                    "\"joint_with\": [\"nobody\"], \"items\": [" JOINT_PIECE("WG.7", "2", 30) "]}");
    ow_schedule *s = NULL;
    ow_error err;
    assert_int_equal(ow_schedule_read_json_string(f->inst, "x.json", json, strlen(json), &s, &err),
                     OW_OK);
    assert_false(s->meetings[0].pieces[0].joint);
    assert_int_equal(s->meetings[0].pieces[0].item, 2);
    ow_schedule_free(s);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_valid_schedule_passes),
        T(test_objective_ignores_flags),
        T(test_calendar_not_working_day),
        T(test_calendar_window),
        T(test_calendar_slot),
        T(test_room_unknown),
        T(test_room_fixed),
        T(test_room_clash),
        T(test_interpretation),
        T(test_meetings_limit),
        T(test_meetings_per_day),
        T(test_meetings_same_slot),
        T(test_meetings_numbering),
        T(test_duration_sum),
        T(test_duration_missing),
        T(test_duration_nonpositive_piece),
        T(test_duration_twice_in_meeting),
        T(test_capacity),
        T(test_contiguity),
        T(test_continued_flag),
        T(test_order),
        T(test_order_free_body),
        T(test_run_on_free_body),
        T(test_run_on_opens_free_body),
        T(test_after),
        T(test_first),
        T(test_last),
        T(test_meeting_number),
        T(test_meeting_last),
        T(test_day_number),
        T(test_day_date),
        T(test_split),
        T(test_min_part),
        T(test_pin_meeting),
        T(test_pin_slot),
        T(test_pin_from),
        T(test_consecutive_idle_day),
        T(test_consecutive_overlap),
        T(test_consecutive_room),
        T(test_joint),
        T(test_joint_counts_as_meeting),
        T(test_joint_in_consecutive_sessions),
        T(test_joint_piece_wrong),
        T(test_joint_item_not_joint),
        T(test_joint_alone_and_whole),
        T(test_joint_one_team),
        T(test_deterministic_order),
        T(test_read_syntax_error),
        T(test_read_wrong_type),
        T(test_read_missing_key),
        T(test_read_unknown_ids),
        T(test_read_bad_date_and_time),
        T(test_read_keeps_what_the_checker_reports),
        T(test_read_infeasible),
        T(test_read_file),
        T(test_read_joint_piece),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
