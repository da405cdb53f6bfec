/* test_formulation.c: the integer program of a body with `order: free`
 * (solver/formulation/free.c, docs/model.md "Free order"), built and solved
 * directly, without the precheck that stands before it in ow_solve: the program
 * alone must prove what it claims. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "solve_support.h"

#include "formulation/formulation.h"
#include "mip.h"
#include "program.h"

/* Item 6 comes last and on the first day, so the whole agenda (200 minutes) would
 * have to fit in the first day's 180. */
static const char *day_bound =
    "orgwork: 1\n"
    "calendar:\n"
    "  start: 2024-07-08\n"
    "  days: 2\n"
    "  slots: [\"12:00-13:00\", \"13:00-15:00\"]\n"
    "rooms: [R1, R2]\n"
    "services: {interpretation_teams: 1}\n"
    "bodies:\n"
    "  - id: A\n"
    "    name: Body A\n"
    "    order: free\n"
    "    agenda:\n"
    "      - {item: \"1\", title: Item 1, duration: 30m}\n"
    "      - {item: \"2\", title: Item 2, duration: 45m, after: [\"1\"]}\n"
    "      - {item: \"3\", title: Item 3, duration: 45m}\n"
    "      - {item: \"4\", title: Item 4, duration: 30m, after: [\"1\"]}\n"
    "      - {item: \"5\", title: Item 5, duration: 20m, meeting: last}\n"
    "      - {item: \"6\", title: Item 6, duration: 30m, last: true, day: 1}\n";

static ow_formulation *build(const ow_instance *inst)
{
    ow_formulation *f = NULL;
    ow_error err;
    ow_error_clear(&err);
    assert_int_equal(ow_formulation_build(inst, &f, &err), OW_OK);
    return f;
}

/* The rows whose name begins with prefix. */
static int count_rows(const ow_program *p, const char *prefix, double *rhs)
{
    int n = 0;
    for (size_t i = 0; i < ow_program_n_rows(p); i++) {
        ow_program_row_info info;
        ow_program_get_row(p, i, &info);
        if (strncmp(info.name, prefix, strlen(prefix)) == 0) {
            n++;
            if (rhs != NULL)
                *rhs = info.rhs;
        }
    }
    return n;
}

/* The program itself says there is no schedule: GLPK proves it (the precedes rows
 * tie the last item's meeting to every other item's, meeting by meeting).  The time
 * limit only keeps a failing run finite; the status is what is asserted. */
static void test_last_on_day_one_proven_infeasible(void **state)
{
    (void)state;
    ow_instance *inst = load(day_bound, 0, 0);
    ow_formulation *f = build(inst);
    const ow_program *p = ow_formulation_program(f);
    /* Items 1..5 before item 6 (last), items 2 and 4 after item 1: 7 pairs, a row for
     * each but the last of the four meetings. */
    assert_int_equal(count_rows(p, "precedes[", NULL), 7 * 3);
    ow_mip_options mo = {.time_limit = 120, .scale = 1};
    ow_mip_result res = {0};
    ow_error err;
    ow_error_clear(&err);
    assert_int_equal(ow_mip_solve(p, &mo, &res, &err), OW_OK);
    assert_int_equal(res.status, OW_MIP_INFEASIBLE);
    ow_mip_result_free(&res);
    ow_formulation_free(f);
    ow_instance_free(inst);
}

/* Two 2-hour items alike in everything but their names, and one unlike them. */
#define TWINS(first, second)                                                                       \
    HEAD(2)                                                                                        \
    BODY "  order: free\n" AGENDA ITEM("1", 150m, "") ITEM(first, 2h, "") ITEM(second, 2h, "")

/* Interchangeable items get one twins row; re-planning lifts it to what any schedule
 * satisfies, since keeping items in place tells them apart. */
static void test_twins_row_lifted_by_keep(void **state)
{
    (void)state;
    ow_instance *inst = load(TWINS("X", "Y"), 0, 0);
    ow_schedule *s = NULL;
    ow_buf why = OW_BUF_INIT;
    ow_error err;
    ow_error_clear(&err);
    ow_solve_options opts = {0};
    assert_int_equal(ow_solve(inst, &opts, &s, &why, &err), OW_OK);
    assert_int_equal(s->status, OW_SOLVE_OPTIMAL);
    check_schedule(inst, s);
    ow_formulation *f = build(inst);
    double rhs = 1;
    assert_int_equal(count_rows(ow_formulation_program(f), "twins[", &rhs), 1);
    assert_true(rhs == 0);
    int kept = -1;
    assert_int_equal(ow_formulation_keep(f, s, &kept, &err), OW_OK);
    assert_int_equal(kept, 3);
    assert_int_equal(count_rows(ow_formulation_program(f), "twins[", &rhs), 1);
    assert_true(rhs < 0);
    ow_formulation_free(f);
    ow_schedule_free(s);
    ow_buf_free(&why);
    ow_instance_free(inst);
}

/* An item named by another's `after` is not interchangeable with one that is not. */
static void test_no_twins_when_named_apart(void **state)
{
    (void)state;
    ow_instance *inst =
        load(HEAD(2) BODY "  order: free\n" AGENDA ITEM("1", 150m, ", after: [\"X\"]")
                 ITEM("X", 2h, "") ITEM("Y", 2h, ""),
             0, 0);
    ow_formulation *f = build(inst);
    assert_int_equal(count_rows(ow_formulation_program(f), "twins[", NULL), 0);
    ow_formulation_free(f);
    ow_instance_free(inst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_last_on_day_one_proven_infeasible),
        cmocka_unit_test(test_twins_row_lifted_by_keep),
        cmocka_unit_test(test_no_twins_when_named_apart),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    ow_solve_shutdown();
    return failed;
}
