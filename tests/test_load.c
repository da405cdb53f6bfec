/* test_load.c: reading instance files, field by field, and refusing bad ones with
 * the exact message a planner sees. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "orgwork/instance.h"

static ow_date date(const char *s)
{
    ow_date d = -1;
    assert_true(ow_date_parse(s, &d));
    return d;
}

static ow_instance *load(const char *text)
{
    ow_instance *inst = NULL;
    ow_error err;
    ow_status rc = ow_instance_load_string("t.yaml", text, strlen(text), &inst, &err);
    if (rc != OW_OK)
        ow_error_print(&err, stderr);
    assert_int_equal(rc, OW_OK);
    assert_non_null(inst);
    return inst;
}

/* Loads text that must fail and checks the whole printed error line. */
static void refuse(const char *text, const char *expected)
{
    ow_instance *inst = (ow_instance *)(uintptr_t)1; /* must stay untouched */
    ow_error err;
    ow_status rc = ow_instance_load_string("t.yaml", text, strlen(text), &inst, &err);
    assert_int_equal(rc, OW_INPUT);
    assert_ptr_equal(inst, (ow_instance *)(uintptr_t)1);
    char line[2048];
    FILE *f = fmemopen(line, sizeof line, "w");
    assert_non_null(f);
    ow_error_print(&err, f);
    fclose(f);
    line[strcspn(line, "\n")] = '\0';
    assert_string_equal(line, expected);
}

static const char SINGLE[] =
    "orgwork: 1\n"
    "title: CTOC working groups, July 2024\n"
    "issued: 2024-05-02\n"
    "calendar:\n"
    "  start: 2024-07-11\n"
    "  days: 3\n"
    "  holidays: [2024-07-15]\n"
    "  slots: [\"15:00-18:00\", \"10:00-13:00\"]\n"
    "rooms: [Plenary, Room B]\n"
    "services: {languages: [English, French], interpretation_teams: 2}\n"
    "body:\n"
    "  id: WG.7\n"
    "  name: Working Group on the Smuggling of Migrants\n"
    "  session: eleventh meeting\n"
    "  meetings: 4\n"
    "  meetings_per_day: 2\n"
    "  window: {from: 2024-07-11, to: 2024-07-16}\n"
    "  interpretation: false\n"
    "  room: Room B\n"
    "  order: free\n"
    "  pin: {from: 2024-07-12}\n"
    "  agenda:\n"
    "    - item: 1\n"
    "      title: Organizational matters\n"
    "      subitems:\n"
    "        - {item: a, title: Opening of the meeting, duration: 10m, first: true}\n"
    "        - {item: \"(b)\", title: Adoption of the agenda, duration: 1.5h, meeting: first}\n"
    "    - item: \"2\"\n"
    "      title: Preventing and combating smuggling\n"
    "      duration: 1.5 meetings\n"
    "      split: true\n"
    "      min_part: 45m\n"
    "      day: 2\n"
    "      documentation: CTOC/COP/WG.7/2024/2\n"
    "      pin: {meeting: 2}\n"
    "    - {item: 3, title: Good practices, duration: 90, split: false, day: 2024-07-16,\n"
    "       pin: {date: 2024-07-16, slot: \"15:00-18:00\"}, after: [\"1 (a)\", 1b, \"2\"]}\n"
    "    - {item: 5, title: Other matters, duration: 1h15m, meeting: 3, after: \"1(b)\"}\n"
    "    - {item: 6, title: Adoption of the report, duration: 30m, meeting: last, last: true}\n"
    "objective: {continued: 7, meetings: 0, days: 9, late_start: 3}\n";

static void test_single_body(void **state)
{
    (void)state;
    ow_instance *inst = load(SINGLE);
    assert_string_equal(inst->path, "t.yaml");
    assert_string_equal(inst->title, "CTOC working groups, July 2024");
    assert_true(inst->has_issued);
    assert_int_equal(inst->issued, date("2024-05-02"));

    const ow_calendar *cal = &inst->calendar;
    assert_int_equal(cal->start, date("2024-07-11"));
    assert_int_equal(cal->n_days, 3);
    assert_int_equal(cal->days[0], date("2024-07-11"));
    assert_int_equal(cal->days[1], date("2024-07-12"));
    assert_int_equal(cal->days[2], date("2024-07-16")); /* weekend and holiday skipped */
    assert_int_equal(cal->weekday_mask, OW_WEEKDAYS_DEFAULT);
    assert_int_equal(cal->n_holidays, 1);
    assert_int_equal(cal->n_slots, 2);
    assert_int_equal(cal->slots[0].start, 600); /* sorted into time order */
    assert_int_equal(cal->slots[1].start, 900);
    assert_int_equal(cal->standard_slot, 180);
    assert_int_equal(cal->loc.line, 5);
    assert_int_equal(cal->loc.column, 3);

    assert_int_equal(inst->n_rooms, 2);
    assert_string_equal(inst->rooms[1], "Room B");
    assert_int_equal(inst->n_languages, 2);
    assert_string_equal(inst->languages[1], "French");
    assert_int_equal(inst->interpretation_teams, 2);
    assert_int_equal(inst->weights.continued, 7);
    assert_int_equal(inst->weights.meetings, 0);
    assert_int_equal(inst->weights.days, 9);
    assert_int_equal(inst->weights.late_start, 3);
    assert_int_equal(inst->n_rules, 0);

    assert_int_equal(inst->n_bodies, 1);
    const ow_body *b = &inst->bodies[0];
    assert_string_equal(b->id, "WG.7");
    assert_string_equal(b->name, "Working Group on the Smuggling of Migrants");
    assert_string_equal(b->session, "eleventh meeting");
    assert_int_equal(b->meetings, 4);
    assert_int_equal(b->meetings_loc.line, 15);
    assert_int_equal(b->meetings_loc.column, 13);
    assert_int_equal(b->meetings_per_day, 2);
    assert_true(b->has_window);
    assert_int_equal(b->window_from, 0);
    assert_int_equal(b->window_to, 2);
    assert_false(b->interpretation);
    assert_int_equal(b->room, 1);
    assert_true(b->order_free);
    assert_true(b->has_pin_from);
    assert_int_equal(b->pin_from, 1);
    assert_int_equal(b->loc.line, 12);
    assert_int_equal(b->loc.column, 3);

    assert_int_equal(b->n_items, 6);
    const ow_item *it = b->items;
    assert_string_equal(it[0].id, "1(a)");
    assert_string_equal(it[0].label, "1 (a)");
    assert_string_equal(it[0].title, "Opening of the meeting");
    assert_string_equal(it[0].parent_title, "Organizational matters");
    assert_int_equal(it[0].minutes, 10);
    assert_true(it[0].first);
    assert_false(it[0].last);
    assert_true(it[0].split);
    assert_int_equal(it[0].meeting, OW_MEETING_ANY);
    assert_int_equal(it[0].loc.line, 26);
    assert_int_equal(it[0].loc.column, 11);
    assert_int_equal(it[0].duration_loc.line, 26);
    assert_int_equal(it[0].duration_loc.column, 62);

    assert_string_equal(it[1].id, "1(b)");
    assert_string_equal(it[1].label, "1 (b)");
    assert_int_equal(it[1].minutes, 90);
    assert_int_equal(it[1].meeting, 1);

    assert_string_equal(it[2].id, "2");
    assert_null(it[2].parent_title);
    assert_int_equal(it[2].minutes, 270);
    assert_true(it[2].split);
    assert_int_equal(it[2].min_part, 45);
    assert_int_equal(it[2].day, 2);
    assert_false(it[2].has_day_date);
    assert_string_equal(it[2].documentation, "CTOC/COP/WG.7/2024/2");
    assert_int_equal(it[2].pin, OW_PIN_MEETING);
    assert_int_equal(it[2].pin_meeting, 2);
    assert_int_equal(it[2].duration_loc.line, 30);
    assert_int_equal(it[2].duration_loc.column, 17);

    assert_string_equal(it[3].id, "3");
    assert_int_equal(it[3].minutes, 90);
    assert_false(it[3].split);
    assert_true(it[3].has_day_date);
    assert_int_equal(it[3].day_date, date("2024-07-16"));
    assert_int_equal(it[3].pin, OW_PIN_SLOT);
    assert_int_equal(it[3].pin_day, 2);
    assert_int_equal(it[3].pin_slot, 1);
    assert_int_equal(it[3].n_after, 3);
    assert_int_equal(it[3].after[0], 0);
    assert_int_equal(it[3].after[1], 1);
    assert_int_equal(it[3].after[2], 2);
    assert_null(it[3].documentation);

    assert_int_equal(it[4].minutes, 75);
    assert_int_equal(it[4].meeting, 3);
    assert_int_equal(it[4].n_after, 1);
    assert_int_equal(it[4].after[0], 1);
    assert_int_equal(it[4].pin, OW_PIN_NONE);

    assert_int_equal(it[5].meeting, OW_MEETING_LAST);
    assert_true(it[5].last);
    assert_int_equal(it[5].n_joint, 0);

    assert_int_equal(ow_body_find_item(b, "1(a)"), 0);
    assert_int_equal(ow_body_find_item(b, "1 (a)"), 0);
    assert_int_equal(ow_body_find_item(b, "1a"), 0);
    assert_int_equal(ow_body_find_item(b, "6"), 5);
    assert_int_equal(ow_body_find_item(b, "1"), -1);
    assert_int_equal(ow_body_find_item(b, "7"), -1);
    assert_int_equal(ow_body_total_minutes(b), 10 + 90 + 270 + 90 + 75 + 30);
    assert_int_equal(ow_body_max_meetings(inst, b), 4);
    assert_int_equal(ow_instance_find_body(inst, "WG.7"), 0);
    assert_int_equal(ow_instance_find_body(inst, "WG.4"), -1);
    ow_instance_free(inst);
}

static const char MULTI[] =
    "orgwork: 1\n"
    "calendar: {start: 2024-07-08, end: 2024-07-12}\n"
    "bodies:\n"
    "  - id: WG.4\n"
    "    name: Working Group on Firearms\n"
    "    window: {from: 2024-07-08, to: 2024-07-09}\n"
    "    agenda:\n"
    "      - {item: 1, title: Opening, duration: 30m}\n"
    "      - {item: 2, title: Joint debate, duration: 2h, joint_with: [WG.7, TIP]}\n"
    "  - id: WG.7\n"
    "    name: Working Group on the Smuggling of Migrants\n"
    "    meetings_per_day: 1\n"
    "    agenda:\n"
    "      - {item: 1, title: Opening, duration: 30m, joint_with: WG.4}\n"
    "  - id: TIP\n"
    "    name: Working Group on Trafficking in Persons\n"
    "    agenda:\n"
    "      - {item: 1, title: Opening, duration: 30m}\n"
    "rules:\n"
    "  - consecutive: [WG.4, WG.7, TIP]\n"
    "  - {consecutive: [TIP, WG.4]}\n";

static void test_multi_body(void **state)
{
    (void)state;
    ow_instance *inst = load(MULTI);
    assert_false(inst->has_issued);
    assert_int_equal(inst->issued, date("2024-07-08"));
    assert_int_equal(inst->calendar.n_days, 5);
    assert_int_equal(inst->calendar.n_slots, 2); /* the default slots */
    assert_int_equal(inst->calendar.slots[1].end, 18 * 60);
    assert_int_equal(inst->n_rooms, 1);
    assert_string_equal(inst->rooms[0], "Plenary");
    assert_int_equal(inst->n_languages, 6);
    assert_string_equal(inst->languages[0], "Arabic");
    assert_string_equal(inst->languages[5], "Spanish");
    assert_int_equal(inst->interpretation_teams, 1);
    assert_int_equal(inst->weights.continued, OW_WEIGHT_CONTINUED);
    assert_int_equal(inst->weights.late_start, OW_WEIGHT_LATE_START);

    assert_int_equal(inst->n_bodies, 3);
    const ow_body *wg4 = &inst->bodies[0], *wg7 = &inst->bodies[1];
    assert_int_equal(wg4->window_to, 1);
    assert_false(wg7->has_window);
    assert_int_equal(wg7->window_from, 0);
    assert_int_equal(wg7->window_to, 4);
    assert_true(wg7->interpretation);
    assert_int_equal(wg7->room, -1);
    assert_int_equal(wg7->meetings, 0);
    assert_int_equal(wg7->meetings_loc.line, wg7->loc.line);
    assert_int_equal(ow_body_max_meetings(inst, wg4), 4); /* 2 days x 2 slots */
    assert_int_equal(ow_body_max_meetings(inst, wg7), 5); /* 5 days x 1 a day */
    assert_int_equal(wg4->items[1].n_joint, 2);
    assert_int_equal(wg4->items[1].joint_with[0], 1);
    assert_int_equal(wg4->items[1].joint_with[1], 2);
    assert_int_equal(wg7->items[0].n_joint, 1);
    assert_int_equal(wg7->items[0].joint_with[0], 0);

    assert_int_equal(inst->n_rules, 2);
    assert_int_equal(inst->rules[0].n_bodies, 3);
    assert_int_equal(inst->rules[0].bodies[0], 0);
    assert_int_equal(inst->rules[0].bodies[2], 2);
    assert_int_equal(inst->rules[0].loc.line, 20);
    assert_int_equal(inst->rules[1].bodies[0], 2);
    assert_int_equal(inst->rules[1].bodies[1], 0);
    assert_int_equal(ow_instance_find_body(inst, "TIP"), 2);
    ow_instance_free(inst);
}

static void test_override(void **state)
{
    (void)state;
    ow_error err;
    ow_instance *inst = load(MULTI);
    assert_int_equal(ow_instance_override(inst, 7, 3, &err), OW_OK);
    assert_int_equal(inst->calendar.n_days, 7);
    assert_int_equal(inst->calendar.days[6], date("2024-07-16"));
    assert_int_equal(inst->bodies[0].window_to, 1); /* a given window stays */
    assert_int_equal(inst->bodies[1].window_to, 6); /* the whole calendar grows */
    assert_int_equal(inst->bodies[1].meetings, 3);
    assert_int_equal(ow_instance_override(inst, 1, 0, &err), OW_OK);
    assert_int_equal(inst->calendar.n_days, 1);
    assert_int_equal(inst->bodies[0].window_to, 0); /* clipped */
    assert_int_equal(inst->bodies[2].meetings, 3);  /* 0 left meetings alone */
    ow_instance_free(inst);

    inst = load("orgwork: 1\n"
                "calendar: {start: 2024-07-11, days: 3}\n"
                "body:\n"
                "  id: WG.7\n"
                "  name: Working Group\n"
                "  window: {from: 2024-07-12}\n"
                "  agenda: [{item: 1, title: Opening, duration: 30m}]\n");
    assert_int_equal(ow_instance_override(inst, 1, 0, &err), OW_INPUT);
    assert_string_equal(err.message, "--days 1 ends the calendar on 2024-07-11, before body "
                                     "WG.7 may begin on 2024-07-12");
    assert_int_equal(err.loc.line, 4);
    assert_int_equal(inst->calendar.n_days, 3); /* unchanged on failure */
    assert_int_equal(ow_instance_override(inst, OW_MAX_DAYS + 1, 0, &err), OW_INPUT);
    assert_int_equal(inst->calendar.n_days, 3);
    assert_int_equal(ow_instance_override(inst, OW_MAX_DAYS, 0, &err), OW_OK);
    assert_int_equal(inst->calendar.n_days, OW_MAX_DAYS);
    ow_instance_free(inst);
}

#define HEAD "orgwork: 1\ncalendar:\n  start: 2024-07-11\n  days: 2\n"
#define BODY "body:\n  id: WG.7\n  name: Working Group\n  agenda:\n"

static void test_refusals(void **state)
{
    (void)state;
    refuse(HEAD BODY "    - item: 1\n      title: Opening\n      duration: 4h3Om\n",
           "t.yaml:11:17: error: cannot parse duration \"4h3Om\" (expected 90m, 1h30m, 1.5h or "
           "1.5 meetings) (in body WG.7, agenda item 1)");
    refuse(HEAD BODY "    - {item: 1, title: Opening, duration: 0h}\n",
           "t.yaml:9:43: error: duration must be more than zero, found \"0h\" (in body WG.7, "
           "agenda item 1)");
    refuse(HEAD BODY "    - {item: 1, title: Opening, durtion: 30m}\n",
           "t.yaml:9:33: error: unknown key \"durtion\" in an agenda item (expected one of: "
           "item, title, duration, subitems, split, min_part, first, last, meeting, day, "
           "not_before_day, not_after_day, after, joint_with, documentation, pin, alone, together, "
           "flex) (in body WG.7, agenda item 1)");
    refuse(HEAD "title: a\ntitle: b\n" BODY "    - {item: 1, title: O, duration: 30m}\n",
           "t.yaml:6:1: error: key \"title\" given twice in the instance (first at line 5)");
    refuse(HEAD BODY "    - {item: 1, title: O, duration: 30m}\n    - {item: 1, title: P, "
                     "duration: 30m}\n",
           "t.yaml:10:14: error: item id \"1\" used twice (first as 1 at line 9) (in body "
           "WG.7, agenda item 1)");
    refuse(HEAD BODY "    - {item: 1, title: O, duration: 30m, after: [9]}\n",
           "t.yaml:9:50: error: unknown item \"9\" in after (items of body WG.7: 1; an item of "
           "another body is BODY:ITEM) (in body "
           "WG.7, agenda item 1)");
    refuse(HEAD BODY "    - {item: 1, title: O, duration: 30m, day: 2024-07-15}\n",
           "t.yaml:9:47: error: day 2024-07-15 is outside the calendar (2024-07-11 to "
           "2024-07-12) (in body WG.7, agenda item 1)");
    refuse("orgwork: 1\ncalendar: {start: 2024-02-30, days: 1}\n",
           "t.yaml:2:19: error: impossible date \"2024-02-30\" for start (expected a real date, "
           "YYYY-MM-DD)");
    refuse("orgwork: 3\n", "t.yaml:1:10: error: unsupported format version 3 (expected "
                           "orgwork: 1)");
    refuse("", "t.yaml: error: the file is empty (expected a mapping starting with orgwork: 1)");
    refuse("# only a comment\n", "t.yaml: error: the file is empty (expected a mapping "
                                 "starting with orgwork: 1)");
    refuse("- 1\n- 2\n", "t.yaml:1:1: error: expected a mapping starting with orgwork: 1 for "
                         "the instance, found a list");
    refuse(HEAD "title: &t x\n", "t.yaml:5:8: error: anchors and aliases are not supported "
                                 "(write the value out in full)");
    refuse(HEAD "title: *t\n", "t.yaml:5:8: error: aliases are not supported (write the value "
                               "out in full)");
    refuse("orgwork: 1\ncalendar: {start: 2024-07-11, days: 2147483648}\n",
           "t.yaml:2:37: error: days 2147483648 is out of range (expected an integer from 1 "
           "to 600)");
    refuse("orgwork: 1\ncalendar: {start: 2024-07-11, days: 2, slots: [\"10:00-13:00\", "
           "\"12:30-14:00\"]}\n",
           "t.yaml:2:63: error: slot \"12:30-14:00\" overlaps slot \"10:00-13:00\" (slots may "
           "not overlap)");
    refuse("orgwork: 1\ncalendar: {start: 2024-07-11, days: 2}\nbodies: []\n",
           "t.yaml:3:9: error: bodies lists no body (expected at least one)");
    refuse("orgwork: 1\ncalendar: {start: 2024-07-11, days: 2}\n",
           "t.yaml:1:1: error: missing key \"bodies\" (expected bodies: a list of bodies, or "
           "body: one body)");
    refuse("orgwork: 1\ncalendar: {start: 2024-07-11, days: 2}\nbody: {id: A, name: B}\n",
           "t.yaml:3:7: error: missing key \"agenda\" (expected the list of agenda items) (in "
           "body A)");
    refuse("orgwork: 1\ntitle: [\n", "t.yaml:3:1: error: invalid YAML: did not find expected "
                                     "node content while parsing a flow node");
    refuse("orgwork: 1\ncalendar:\n\tstart: 2024-07-11\n",
           "t.yaml:3:1: error: tab character in indentation (YAML indents with spaces)");
    refuse("orgwork: 1\ntitle: \"caf\xc3\"\n", "t.yaml:2:13: error: cannot read the text: "
                                               "invalid trailing UTF-8 octet (expected "
                                               "UTF-8 text)");
}

static void test_refusals_multi(void **state)
{
    (void)state;
    const char *two = HEAD "bodies:\n"
                           "  - {id: A, name: Alpha, agenda: [{item: 1, title: O, duration: 1h, "
                           "joint_with: [C]}]}\n"
                           "  - {id: B, name: Beta, agenda: [{item: 1, title: O, duration: 1h}]}\n";
    refuse(two, "t.yaml:6:82: error: unknown body \"C\" in joint_with (bodies: A, B) (in body A, "
                "agenda item 1)");
    const char *dup = HEAD "bodies:\n"
                           "  - {id: A, name: Alpha, agenda: [{item: 1, title: O, duration: 1h}]}\n"
                           "  - {id: A, name: Beta, agenda: [{item: 1, title: O, duration: 1h}]}\n";
    refuse(dup, "t.yaml:7:10: error: body id \"A\" used twice (first at line 6) (in body A)");
    const char *rule =
        HEAD "bodies:\n"
             "  - {id: A, name: Alpha, agenda: [{item: 1, title: O, duration: 1h}]}\n"
             "rules:\n  - consecutive: [A, Z]\n";
    refuse(rule, "t.yaml:8:22: error: unknown body \"Z\" in consecutive (bodies: A)");
}

static void test_too_big_and_too_deep(void **state)
{
    (void)state;
    size_t n = OW_MAX_FILE_BYTES + 1;
    char *big = malloc(n + 1);
    assert_non_null(big);
    memset(big, '#', n);
    big[n] = '\0';
    ow_instance *inst = NULL;
    ow_error err;
    assert_int_equal(ow_instance_load_string("big.yaml", big, n, &inst, &err), OW_INPUT);
    assert_null(inst);
    assert_string_equal(err.message, "file is larger than 4194304 bytes, the most orgwork reads");
    free(big);

    char deep[200] = "orgwork: 1\ntitle: ";
    for (int i = 0; i < 40; i++)
        strcat(deep, "[");
    refuse(deep, "t.yaml:2:39: error: nesting deeper than 32 levels");
}

static void test_load_file(void **state)
{
    (void)state;
    ow_instance *inst = NULL;
    ow_error err;
    assert_int_equal(ow_instance_load("/nonexistent/x.yaml", &inst, &err), OW_INPUT);
    assert_null(inst);
    assert_string_equal(err.file, "/nonexistent/x.yaml");
    assert_int_equal(ow_instance_load(OW_SOURCE_DIR "/tests/bad/bad_duration.yaml", &inst, &err),
                     OW_INPUT);
    assert_int_equal(err.loc.line, 11);
    assert_int_equal(err.loc.column, 17);
    ow_instance_free(NULL);
}

/* Fixed sessions and flexible durations: held: all, the body's and the items'
 * flex, ranges, and the default left off a joint item. */
static void test_flexible(void **state)
{
    (void)state;
    ow_instance *inst = load("orgwork: 1\n"
                             "calendar: {start: 2024-07-11, days: 2}\n"
                             "bodies:\n"
                             "  - id: A\n"
                             "    name: Body A\n"
                             "    meetings: 4\n"
                             "    held: all\n"
                             "    flex: 25%\n"
                             "    agenda:\n"
                             "      - {item: 1, title: Opening, duration: 10m, flex: 0%}\n"
                             "      - {item: 2, title: Debate, duration: 1.5 meetings}\n"
                             "      - {item: 3, title: Review, duration: 0.5 meeting, flex: 10%}\n"
                             "      - {item: 4, title: Side, duration: 2h..4h}\n"
                             "      - {item: 5, title: Joint, duration: 1h, joint_with: B}\n"
                             "  - id: B\n"
                             "    name: Body B\n"
                             "    held: as_needed\n"
                             "    agenda:\n"
                             "      - {item: 1, title: Debate, duration: 1h}\n");
    const ow_body *a = &inst->bodies[0], *b = &inst->bodies[1];
    assert_true(a->held_all);
    assert_false(b->held_all);
    assert_int_equal(a->flex, 25);
    const int want[][4] = {/* minutes, min, max, has_estimate */
                           {10, 10, 10, 1},
                           {270, 203, 337, 1},
                           {90, 81, 99, 1},
                           {120, 120, 240, 0},
                           {60, 60, 60, 1}};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(a->items[i].minutes, want[i][0]);
        assert_int_equal(a->items[i].min_minutes, want[i][1]);
        assert_int_equal(a->items[i].max_minutes, want[i][2]);
        assert_int_equal(a->items[i].has_estimate, want[i][3]);
    }
    assert_int_equal(b->items[0].min_minutes, 60);
    assert_int_equal(b->items[0].max_minutes, 60);
    assert_int_equal(ow_body_total_minutes(a), 10 + 203 + 81 + 120 + 60);
    assert_int_equal(inst->weights.deviation, OW_WEIGHT_DEVIATION);
    ow_instance_free(inst);

    const char *head = "orgwork: 1\ncalendar: {start: 2024-07-11, days: 2}\n"
                       "objective: {deviation: 5}\nbody:\n  id: A\n  name: Body A\n";
    char text[512];
    snprintf(text, sizeof text,
             "%s  agenda:\n    - {item: 1, title: T, duration: 1h, flex: 100%%}\n", head);
    inst = load(text);
    assert_int_equal(inst->weights.deviation, 5);
    assert_int_equal(inst->bodies[0].items[0].min_minutes, 1);
    assert_int_equal(inst->bodies[0].items[0].max_minutes, 120);
    ow_instance_free(inst);
    snprintf(text, sizeof text, "%s  agenda:\n    - {item: 1, title: T, duration: 4h..2h}\n", head);
    refuse(text, "t.yaml:8:37: error: duration range \"4h..2h\" runs backwards (expected the "
                 "shorter end first, as in 2h..4h) (in body A, agenda item 1)");
    snprintf(text, sizeof text,
             "%s  agenda:\n    - {item: 1, title: T, duration: 1h, flex: 101%%}\n", head);
    refuse(text,
           "t.yaml:8:47: error: flex \"101%\" is out of range (expected 0% to 100%) (in body A, "
           "agenda item 1)");
    snprintf(text, sizeof text,
             "%s  meetings: 5\n  held: all\n  agenda:\n    - {item: 1, title: T, duration: 1h}\n",
             head);
    refuse(text, "t.yaml:8:9: error: held: all asks for 5 meetings but the body's window has 4 "
                 "slots (2 days, 2 a day) (in body A)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_body),    cmocka_unit_test(test_multi_body),
        cmocka_unit_test(test_override),       cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_refusals_multi), cmocka_unit_test(test_too_big_and_too_deep),
        cmocka_unit_test(test_load_file),      cmocka_unit_test(test_flexible),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
