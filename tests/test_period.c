/* test_period.c: the solver on conference periods — several bodies sharing rooms,
 * interpretation teams and days, consecutive rules and joint meetings.  Each test
 * asserts the layout the rules force, and every schedule passes the checker.
 * 2024-07-08 is a Monday; default slots 10:00-13:00 and 15:00-18:00. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "decompose.h"
#include "solve_support.h"

/* A body of one item of the given minutes. */
#define ONE(id, minutes, extra)                                                                    \
    "  - {id: " id ", name: Group " id extra ", agenda: [{item: \"1\", title: Debate, "            \
    "duration: " #minutes "}]}\n"

/* Two bodies in one room meet one after the other, never in the same slot. */
static void test_one_room_no_clash(void **state)
{
    (void)state;
    expect(HEAD(2) "bodies:\n" ONE("A", 120, "") ONE("B", 120, ""), 12,
           "A 1 2024-07-08 10:00-13:00 Plenary: 1=120\n"
           "B 1 2024-07-08 15:00-18:00 Plenary: 1=120\n");
}

/* Two rooms but one interpretation team: the interpreted bodies still take turns,
 * while a body without interpretation meets beside them. */
static void test_interpretation_teams(void **state)
{
    (void)state;
    expect(HEAD(2) "rooms: [R1, R2]\nservices: {interpretation_teams: 1}\nbodies:\n" ONE(
               "A", 120, "") ONE("B", 120, ""),
           12,
           "A 1 2024-07-08 10:00-13:00 R1: 1=120\n"
           "B 1 2024-07-08 15:00-18:00 R1: 1=120\n");
    expect(HEAD(2) "rooms: [R1, R2]\nservices: {interpretation_teams: 1}\nbodies:\n" ONE(
               "A", 120, "") ONE("B", 120, ", interpretation: false"),
           12,
           "A 1 2024-07-08 10:00-13:00 R1: 1=120\n"
           "B 1 2024-07-08 10:00-13:00 R2: 1=120\n");
}

/* consecutive: [B, A] puts B first although A comes first in the file. */
static void test_consecutive_order(void **state)
{
    (void)state;
    expect(HEAD(3) "bodies:\n" ONE("A", 120, "")
               ONE("B", 120, "") "rules:\n  - consecutive: [B, A]\n",
           12,
           "A 1 2024-07-08 15:00-18:00 Plenary: 1=120\n"
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=120\n");
}

/* With two rooms, consecutive bodies share one room: B cannot take the free room in
 * A's slot, nor leave an idle working day. */
static void test_consecutive_same_room_no_idle_day(void **state)
{
    (void)state;
    expect(HEAD(3) "rooms: [R1, R2]\nservices: {interpretation_teams: 2}\nbodies:\n" ONE(
               "A", 300, "") ONE("B", 120, "") "rules:\n  - consecutive: [A, B]\n",
           24,
           "A 1 2024-07-08 10:00-13:00 R1: 1=180\n"
           "A 2 2024-07-08 15:00-18:00 R1: 1=120c\n"
           "B 1 2024-07-09 10:00-13:00 R1: 1=120\n");
}

/* A window late in the calendar: the consecutive body before it must end the day
 * before it starts (no idle working day), not on the first day. */
static void test_consecutive_no_idle_day_before_window(void **state)
{
    (void)state;
    expect(HEAD(5) "bodies:\n" ONE(
               "A", 120,
               "") "  - {id: B, name: Group B, window: {from: 2024-07-11, to: 2024-07-12}, agenda: "
                   "[{item: \"1\", title: Debate, duration: 120}]}\n"
                   "rules:\n  - consecutive: [A, B]\n",
           12,
           "A 1 2024-07-10 10:00-13:00 Plenary: 1=120\n"
           "B 1 2024-07-11 10:00-13:00 Plenary: 1=120\n");
}

/* A joint item is held once, alone, in a meeting both bodies attend; the guest shows
 * it in its own meeting at the same time and place. */
static void test_joint_meeting(void **state)
{
    (void)state;
    expect(HEAD(3) "bodies:\n"
                   "  - id: A\n    name: Group A\n    agenda:\n"
                   "      - {item: \"1\", title: Own, duration: 60}\n"
                   "      - {item: \"2\", title: Shared, duration: 120, joint_with: [B]}\n"
                   "  - id: B\n    name: Group B\n    agenda:\n"
                   "      - {item: \"1\", title: Own, duration: 60}\n",
           20,
           "A 1 2024-07-08 10:00-13:00 Plenary: 1=60\n"
           "A 2 2024-07-08 15:00-18:00 Plenary: 2=120\n"
           "B 1 2024-07-08 15:00-18:00 Plenary: 2=120\n"
           "B 2 2024-07-09 10:00-13:00 Plenary: 1=60\n");
}

/* Consecutive bodies with a joint item: the joint meeting may open the second
 * body's session before the first one closes. */
static void test_joint_opens_consecutive_session(void **state)
{
    (void)state;
    expect(HEAD(3) "bodies:\n"
                   "  - id: A\n    name: Group A\n    agenda:\n"
                   "      - {item: \"1\", title: Shared, duration: 120, joint_with: [B]}\n"
                   "      - {item: \"2\", title: Report, duration: 60}\n"
                   "  - id: B\n    name: Group B\n    agenda:\n"
                   "      - {item: \"1\", title: Own, duration: 60}\n"
                   "rules:\n  - consecutive: [A, B]\n",
           20,
           "A 1 2024-07-08 10:00-13:00 Plenary: 1=120\n"
           "A 2 2024-07-08 15:00-18:00 Plenary: 2=60\n"
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=120\n"
           "B 2 2024-07-09 10:00-13:00 Plenary: 1=60\n");
}

/* The same with both bodies under `order: free`: the owner takes its joint item
 * alone and whole, and the guest's joint meeting still opens its session. */
static void test_free_order_joint_consecutive(void **state)
{
    (void)state;
    expect(HEAD(3) "bodies:\n"
                   "  - id: A\n    name: Group A\n    order: free\n    agenda:\n"
                   "      - {item: \"1\", title: Shared, duration: 120, joint_with: [B]}\n"
                   "      - {item: \"2\", title: Report, duration: 60}\n"
                   "      - {item: \"3\", title: Close, duration: 30}\n"
                   "  - id: B\n    name: Group B\n    order: free\n    agenda:\n"
                   "      - {item: \"1\", title: Own, duration: 60}\n"
                   "rules:\n  - consecutive: [A, B]\n",
           21,
           "A 1 2024-07-08 10:00-13:00 Plenary: 1=120\n"
           "A 2 2024-07-08 15:00-18:00 Plenary: 2=60 3=30\n"
           "B 1 2024-07-08 10:00-13:00 Plenary: 1=120\n"
           "B 2 2024-07-09 10:00-13:00 Plenary: 1=60\n");
}

/* Not enough room slots, nor interpretation, for what the bodies need: the reasons
 * in words. */
static void test_rooms_infeasible(void **state)
{
    (void)state;
    expect_infeasible(HEAD(1) "bodies:\n" ONE("A", 120, "") ONE("B", 120, "") ONE("C", 120, ""),
                      "the bodies need at least 3 meetings together but 1 room over 2 slots give "
                      "2; add a room or days\n"
                      "the bodies meeting with interpretation need at least 3 meetings together "
                      "but 1 interpretation team over 2 slots give 2; add a team or days, or let "
                      "a body meet without interpretation\n");
}

/* Periods planned unit by unit (solver/decompose.c): a body, or bodies tied by a
 * joint item, that cannot be scheduled even with every room to themselves. */
#define GROUP_A_RULES                                                                              \
    "  - id: A\n    name: Group A\n    meetings_per_day: 1\n    agenda:\n"                         \
    "      - {item: \"1\", title: One, duration: 1h}\n"                                            \
    "      - {item: \"2\", title: Two, duration: 1h, meeting: 2}\n"                                \
    "      - {item: \"3\", title: Three, duration: 1h, day: 1}\n"

/* The rules of Group A no schedule keeps together (a deletion filter): with one
 * meeting a day, item 2 in the second meeting is on the second day, and item 3 after
 * it cannot be on the first; each of the three is needed. */
#define GROUP_A_CONFLICT                                                                           \
    "Group A: no schedule keeps these rules together, even with every room to itself; relax one "  \
    "of them: at most 1 meeting a day (meetings_per_day) (test.yaml:4); item 2 in meeting 2 "      \
    "(test.yaml:9); item 3 on day 1 (test.yaml:10)\n"

static void test_unit_infeasible(void **state)
{
    (void)state;
    expect_infeasible(HEAD(3) "bodies:\n" GROUP_A_RULES ONE("B", 60, ""), GROUP_A_CONFLICT);
    expect_infeasible(HEAD(3) "bodies:\n" GROUP_A_RULES
                              "  - id: B\n    name: Group B\n    agenda:\n"
                              "      - {item: \"1\", title: Debate, duration: 1h, joint_with: "
                              "[A]}\n" ONE("C", 60, ""),
                      "Group A and Group B, which meet jointly or consecutively: no schedule "
                      "keeps every rule of theirs, even with every room to themselves\n");
}

/* The planner answers OW_OK whenever it ran, the outcome in its result: a unit with
 * no schedule even alone is INFEASIBLE, with no schedule and the reason in why. */
static void test_unit_infeasible_outcome(void **state)
{
    (void)state;
    ow_instance *inst = load(HEAD(3) "bodies:\n" GROUP_A_RULES ONE("B", 60, ""), 0, 0);
    ow_decompose_result plan = {.outcome = OW_DECOMPOSE_PLANNED};
    ow_buf why = OW_BUF_INIT;
    ow_error err;
    ow_error_clear(&err);
    ow_solve_options opts = {0};
    assert_int_equal(ow_decompose_solve(inst, &opts, false, &plan, &why, &err), OW_OK);
    assert_int_equal(plan.outcome, OW_DECOMPOSE_INFEASIBLE);
    assert_null(plan.schedule);
    assert_string_equal(ow_buf_str(&why), GROUP_A_CONFLICT);
    ow_buf_free(&why);
    ow_instance_free(inst);
}

/* Plans text unit by unit with the planner itself (ow_decompose_solve, without the
 * whole program the solver falls back to) and runs the checker on what it returns.
 * A dead end (no plan) passes only when dead_end_ok; layout, when not NULL, is the
 * plan expected. */
static void expect_plan(const char *text, bool dead_end_ok, const char *layout)
{
    ow_instance *inst = load(text, 0, 0);
    ow_schedule *s = NULL;
    ow_buf why = OW_BUF_INIT, got = OW_BUF_INIT;
    ow_error err;
    ow_error_clear(&err);
    ow_solve_options opts = {0};
    ow_decompose_result plan = {.outcome = OW_DECOMPOSE_STOPPED};
    assert_true(ow_decompose_applies(inst));
    assert_int_equal(ow_decompose_solve(inst, &opts, false, &plan, &why, &err), OW_OK);
    s = plan.schedule;
    if (!dead_end_ok)
        assert_int_equal(plan.outcome, OW_DECOMPOSE_PLANNED);
    else
        assert_true(plan.outcome == OW_DECOMPOSE_PLANNED || plan.outcome == OW_DECOMPOSE_DEAD_END);
    assert_true((plan.outcome == OW_DECOMPOSE_PLANNED) == (s != NULL));
    if (s != NULL) {
        check_schedule(inst, s);
        assert_true(plan.bound <= s->objective); /* a lower bound */
        describe(inst, s, &got);
        if (layout != NULL)
            assert_string_equal(ow_buf_str(&got), layout);
    }
    ow_buf_free(&got);
    ow_buf_free(&why);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

/* Planning in turn takes P first (both windows open on Monday; P is listed first),
 * and P's best schedule alone fills Monday, where Q alone may meet: a dead end.
 * Planned again with Q first, P moves to Tuesday and the plan holds. */
static void test_unit_plan_again_after_dead_end(void **state)
{
    (void)state;
    expect_plan(HEAD(2) "bodies:\n"
                        "  - id: P\n    name: Group P\n"
                        "    agenda: [{item: \"1\", title: Debate, duration: 6h}]\n"
                        "  - id: Q\n    name: Group Q\n"
                        "    window: {from: 2024-07-08, to: 2024-07-08}\n"
                        "    agenda: [{item: \"1\", title: Debate, duration: 3h}]\n",
                false, NULL);
}

/* Planned unit after unit, a unit of two bodies finds one interpretation team left
 * where an earlier body meets: its own program must not use two there. */
static void test_unit_plan_counts_teams_in_use(void **state)
{
    (void)state;
    expect_plan(HEAD(3) "rooms: [R1, R2, R3]\nservices: {interpretation_teams: 2}\n"
                        "bodies:\n"
                        "  - id: S\n    name: Group S\n"
                        "    window: {from: 2024-07-08, to: 2024-07-08}\n"
                        "    agenda: [{item: \"1\", title: Debate, duration: 3h}]\n"
                        "  - id: A\n    name: Group A\n    agenda:\n"
                        "      - {item: \"1\", title: Own, duration: 3h, day: 2024-07-08}\n"
                        "      - {item: \"2\", title: Shared, duration: 1h, joint_with: [B]}\n"
                        "  - id: B\n    name: Group B\n    agenda:\n"
                        "      - {item: \"1\", title: Own, duration: 3h, day: 2024-07-08}\n",
                false, NULL);
}

/* Planned body after body, the bodies of a consecutive rule keep one room even
 * where an earlier body holds that room in one of their slots (Z in R1 on Tuesday
 * afternoon: Y, after X in R1, once took R2 there). */
static void test_unit_plan_keeps_rule_room(void **state)
{
    (void)state;
#define ROOM_RULE_PERIOD                                                                           \
    HEAD(3)                                                                                        \
    "rooms: [R1, R2]\nservices: {interpretation_teams: 2}\nbodies:\n"                              \
    "  - id: Z\n    name: Group Z\n    agenda: [{item: "                                           \
    "\"1\", title: Debate, duration: 3h, pin: {date: "                                             \
    "2024-07-09, slot: \"15:00-18:00\"}}]\n"                                                       \
    "  - id: X\n    name: Group X\n"                                                               \
    "    window: {from: 2024-07-09, to: 2024-07-09}\n"                                             \
    "    agenda: [{item: \"1\", title: Debate, duration: 3h}]\n"                                   \
    "  - id: Y\n    name: Group Y\n"                                                               \
    "    agenda: [{item: \"1\", title: Debate, duration: 7h}]\n"                                   \
    "rules:\n  - consecutive: [X, Y]\n"
    /* With X in R1, Y finds too few slots there: a dead end, after which the whole
     * program is solved; never a plan that moves Y to R2. */
    expect_plan(ROOM_RULE_PERIOD, true, NULL);
    expect(ROOM_RULE_PERIOD, 46,
           "Z 1 2024-07-09 15:00-18:00 R2: 1=180\n"
           "X 1 2024-07-09 10:00-13:00 R1: 1=180\n"
           "Y 1 2024-07-09 15:00-18:00 R1: 1=180\n"
           "Y 2 2024-07-10 10:00-13:00 R1: 1=180c\n"
           "Y 3 2024-07-10 15:00-18:00 R1: 1=60c\n");
#undef ROOM_RULE_PERIOD
}

/* Planned in turn, a body that another follows ends late enough for it: Y cannot
 * start before Wednesday, so X (which alone would meet on Monday) ends on Tuesday or
 * later, with no idle working day between them. */
static void test_unit_plan_ends_for_follower(void **state)
{
    (void)state;
    expect_plan(HEAD(3) "bodies:\n"
                        "  - id: X\n    name: Group X\n"
                        "    agenda: [{item: \"1\", title: Debate, duration: 3h}]\n"
                        "  - id: Y\n    name: Group Y\n"
                        "    window: {from: 2024-07-10, to: 2024-07-10}\n"
                        "    agenda: [{item: \"1\", title: Debate, duration: 3h}]\n"
                        "rules:\n  - consecutive: [X, Y]\n",
                false,
                "X 1 2024-07-09 10:00-13:00 Plenary: 1=180\n"
                "Y 1 2024-07-10 10:00-13:00 Plenary: 1=180\n");
}

/* A body after two others (rules [A, C] and [B, C]) cannot be planned in turn on its
 * own: the rules then join the units, which works when the three already form one
 * unit through a joint item, and the whole program is needed when they do not. */
static void test_unit_rules_join_units(void **state)
{
    (void)state;
#define AFTER_TWO(joint)                                                                           \
    HEAD(3)                                                                                        \
    "rooms: [R1, R2]\nservices: {interpretation_teams: 2}\nbodies:\n"                              \
    "  - id: A\n    name: Group A\n    agenda:\n"                                                  \
    "      - {item: \"1\", title: Debate, duration: 2h}\n"                                         \
    "      - {item: \"2\", title: Shared, duration: 1h" joint "}\n"                                \
    "  - id: B\n    name: Group B\n"                                                               \
    "    agenda: [{item: \"1\", title: Debate, duration: 3h}]\n"                                   \
    "  - id: C\n    name: Group C\n"                                                               \
    "    agenda: [{item: \"1\", title: Debate, duration: 3h}]\n"                                   \
    "  - id: D\n    name: Group D\n"                                                               \
    "    agenda: [{item: \"1\", title: Debate, duration: 3h}]\n"                                   \
    "rules:\n  - consecutive: [A, C]\n  - consecutive: [B, C]\n"
    ow_instance *inst = load(AFTER_TWO(""), 0, 0);
    assert_false(ow_decompose_applies(inst));
    ow_instance_free(inst);
    expect_plan(AFTER_TWO(", joint_with: [C]"), false, NULL);
#undef AFTER_TWO
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_room_no_clash),
        cmocka_unit_test(test_interpretation_teams),
        cmocka_unit_test(test_consecutive_order),
        cmocka_unit_test(test_consecutive_same_room_no_idle_day),
        cmocka_unit_test(test_consecutive_no_idle_day_before_window),
        cmocka_unit_test(test_joint_meeting),
        cmocka_unit_test(test_joint_opens_consecutive_session),
        cmocka_unit_test(test_free_order_joint_consecutive),
        cmocka_unit_test(test_rooms_infeasible),
        cmocka_unit_test(test_unit_infeasible),
        cmocka_unit_test(test_unit_infeasible_outcome),
        cmocka_unit_test(test_unit_plan_again_after_dead_end),
        cmocka_unit_test(test_unit_plan_counts_teams_in_use),
        cmocka_unit_test(test_unit_plan_keeps_rule_room),
        cmocka_unit_test(test_unit_plan_ends_for_follower),
        cmocka_unit_test(test_unit_rules_join_units),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    ow_solve_shutdown();
    return failed;
}
