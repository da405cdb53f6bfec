/* test_construct.c: the first plan (solver/construct.c) — a greedy schedule built
 * without search.  Each plan asserted here passes the checker with the objective it
 * claims; instances with rules the construction does not handle give none.
 * 2024-07-08 is a Monday; default slots 10:00-13:00 and 15:00-18:00. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "construct.h"
#include "solve_support.h"

/* The first plan of text: checked again here, and its layout compared (NULL: any). */
static void expect_plan(const char *text, const char *layout)
{
    ow_instance *inst = load(text, 0, 0);
    ow_schedule *s = ow_construct(inst);
    assert_non_null(s);
    assert_int_equal(s->status, OW_SOLVE_FEASIBLE);
    assert_true(s->objective_given);
    check_schedule(inst, s);
    if (layout != NULL) {
        ow_buf got = OW_BUF_INIT;
        describe(inst, s, &got);
        if (strcmp(ow_buf_str(&got), layout) != 0)
            print_error("layout:\n%s", ow_buf_str(&got));
        assert_string_equal(ow_buf_str(&got), layout);
        ow_buf_free(&got);
    }
    ow_schedule_free(s);
    ow_instance_free(inst);
}

/* Agenda order, each meeting filled to its slot: an item that may split is cut where
 * the slot ends, one that may not goes to the next meeting, and the items set to the
 * last meeting close the session together. */
static void test_one_body(void **state)
{
    (void)state;
    expect_plan(HEAD(5) BODY AGENDA ITEM("1", 120, "") ITEM("2", 120, "")
                    ITEM("3", 150, ", split: false") ITEM("4", 30, ", meeting: last")
                        ITEM("5", 30, ", meeting: last, last: true"),
                "B 1 2024-07-08 10:00-13:00 Plenary: 1=120 2=60\n"
                "B 2 2024-07-08 15:00-18:00 Plenary: 2=60c\n"
                "B 3 2024-07-09 10:00-13:00 Plenary: 3=150\n"
                "B 4 2024-07-09 15:00-18:00 Plenary: 4=30 5=30\n");
}

/* min_part: no piece shorter than it, so the cut moves back. */
static void test_min_part(void **state)
{
    (void)state;
    expect_plan(HEAD(5) BODY AGENDA ITEM("1", 150, "") ITEM("2", 120, ", min_part: 45"),
                "B 1 2024-07-08 10:00-13:00 Plenary: 1=150\n"
                "B 2 2024-07-08 15:00-18:00 Plenary: 2=120\n");
}

/* Two bodies, two rooms, one interpretation team: they take turns (each meeting in
 * the last free room); consecutive bodies share one room and leave no idle day. */
static void test_period(void **state)
{
    (void)state;
    expect_plan(HEAD(5) "rooms: [R1, R2]\nservices: {interpretation_teams: 1}\nbodies:\n"
                        "  - {id: A, name: Group A, agenda: [{item: \"1\", title: T, duration: "
                        "300}]}\n"
                        "  - {id: B, name: Group B, agenda: [{item: \"1\", title: T, duration: "
                        "120}]}\n",
                "A 1 2024-07-08 10:00-13:00 R2: 1=180\n"
                "A 2 2024-07-08 15:00-18:00 R2: 1=120c\n"
                "B 1 2024-07-09 10:00-13:00 R2: 1=120\n");
    expect_plan(HEAD(5) "rooms: [R1, R2]\nbodies:\n"
                        "  - {id: A, name: Group A, room: R2, agenda: [{item: \"1\", title: T, "
                        "duration: 120}]}\n"
                        "  - {id: B, name: Group B, agenda: [{item: \"1\", title: T, duration: "
                        "240}]}\n"
                        "rules:\n  - consecutive: [B, A]\n",
                "A 1 2024-07-09 10:00-13:00 R2: 1=120\n"
                "B 1 2024-07-08 10:00-13:00 R2: 1=180\n"
                "B 2 2024-07-08 15:00-18:00 R2: 1=60c\n");
}

/* A joint item: the owner holds it alone, in the first room where the body attending
 * may meet, in the same slot, inside that body's session (after its opening item,
 * before its closing one). */
static void test_joint(void **state)
{
    (void)state;
    expect_plan(HEAD(5) "rooms: [R1, R2]\nservices: {interpretation_teams: 2}\nbodies:\n"
                        "  - id: A\n    name: Group A\n    agenda:\n"
                        "      - {item: \"1\", title: T, duration: 120}\n"
                        "      - {item: \"2\", title: J, duration: 90, joint_with: [B]}\n"
                        "  - id: B\n    name: Group B\n    agenda:\n"
                        "      - {item: \"1\", title: T, duration: 60, first: true}\n"
                        "      - {item: \"2\", title: T, duration: 60, last: true}\n",
                "A 1 2024-07-08 10:00-13:00 R2: 1=120\n"
                "A 2 2024-07-08 15:00-18:00 R1: 2=90\n"
                "B 1 2024-07-08 10:00-13:00 R1: 1=60\n"
                "B 2 2024-07-08 15:00-18:00 R1: 2=90\n"
                "B 3 2024-07-09 10:00-13:00 R2: 2=60\n");
}

/* Rules the construction does not handle: no plan (the search alone answers). */
static void test_unhandled(void **state)
{
    (void)state;
    const char *texts[] = {
        HEAD(5) BODY AGENDA ITEM("1", 60, ", pin: {meeting: 2}") ITEM("2", 60, ""),
        HEAD(5) BODY AGENDA ITEM("1", 60, ", day: 2"),
        HEAD(5) BODY "  held: all\n  meetings: 2\n" AGENDA ITEM("1", 60, "") ITEM("2", 60, ""),
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        ow_instance *inst = load(texts[k], 0, 0);
        assert_null(ow_construct(inst));
        ow_instance_free(inst);
    }
    /* Past its window the agenda does not fit: no plan either. */
    ow_instance *inst = load(HEAD(1) BODY AGENDA ITEM("1", 400, ""), 0, 0);
    assert_null(ow_construct(inst));
    ow_instance_free(inst);
}

/* The instances shipped with the project: a plan for each period and session the
 * construction handles, and each passes the checker. */
static void test_instances(void **state)
{
    (void)state;
    const char *files[] = {"instances/long-session.yaml",
                           "instances/bench/M-1.yaml",
                           "instances/bench/L-1.yaml",
                           "instances/cop-session.yaml",
                           "instances/expert-group.yaml",
                           "instances/som-2013.yaml",
                           "instances/som-2017.yaml",
                           "instances/som-2020.yaml",
                           "instances/som-2024.yaml",
                           "instances/real-cfs-2004.yaml",
                           "instances/real-fao-council-2005.yaml",
                           "instances/real-fao-pc-2005.yaml"};
    for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
        ow_instance *inst = NULL;
        ow_error err;
        ow_error_clear(&err);
        assert_int_equal(ow_instance_load(files[k], &inst, &err), OW_OK);
        ow_schedule *s = ow_construct(inst);
        if (s == NULL)
            print_error("no first plan for %s\n", files[k]);
        assert_non_null(s);
        check_schedule(inst, s);
        ow_schedule_free(s);
        ow_instance_free(inst);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_body),  cmocka_unit_test(test_min_part),
        cmocka_unit_test(test_period),    cmocka_unit_test(test_joint),
        cmocka_unit_test(test_unhandled), cmocka_unit_test(test_instances),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
