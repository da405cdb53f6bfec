/* test_program.c: the solver-neutral program (solver/program.h) and its loading
 * into GLPK (solver/mip.h): a column repeated in a row is summed into one entry,
 * however many entries stand between, so GLPK never sees a duplicate (it would
 * stop the process). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "mip.h"
#include "program.h"

/* The entry of col in row r: its coefficient, and how many entries name col. */
static double coef_of(const ow_program *p, int r, int col, int *times)
{
    ow_program_row_info info;
    ow_program_get_row(p, (size_t)r, &info);
    double c = 0;
    *times = 0;
    for (size_t k = 0; k < info.n; k++)
        if (info.cols[k] == col) {
            c += info.coefs[k];
            (*times)++;
        }
    return c;
}

/* A row of `between` other columns with x on both sides of them. */
static void repeated_after(int between)
{
    ow_program *p = ow_program_new();
    assert_non_null(p);
    int x = ow_program_col(p, OW_COL_CONTINUOUS, 0, 1, 1, "x");
    int row = ow_program_row(p, OW_ROW_GE, 1, "r");
    ow_program_add(p, row, x, 1);
    for (int i = 0; i < between; i++) {
        int y = ow_program_col(p, OW_COL_CONTINUOUS, 0, 1, 1, "y%d", i);
        ow_program_add(p, row, y, 1);
    }
    ow_program_add(p, row, x, 1);
    assert_false(ow_program_failed(p));
    int times;
    assert_true(coef_of(p, row, x, &times) == 2.0);
    assert_int_equal(times, 1);
    ow_program_row_info info;
    ow_program_get_row(p, (size_t)row, &info);
    assert_int_equal(info.n, (size_t)between + 1);
    /* min x + Σ y subject to 2x + Σ y >= 1: x = 1/2 costs 1/2, any y costs more. */
    ow_mip_options mo = {.scale = 1};
    ow_mip_result res = {0};
    ow_error err;
    ow_error_clear(&err);
    assert_int_equal(ow_mip_solve(p, &mo, &res, &err), OW_OK);
    assert_int_equal(res.status, OW_MIP_OPTIMAL);
    assert_true(res.objective > 0.5 - 1e-9 && res.objective < 0.5 + 1e-9);
    ow_mip_result_free(&res);
    ow_program_free(p);
}

static void test_repeated_entry_summed_near(void **state)
{
    (void)state;
    repeated_after(3);
}

/* Past the short scan back a row once did (eight entries), and far past it. */
static void test_repeated_entry_summed_far(void **state)
{
    (void)state;
    repeated_after(8);
    repeated_after(9);
    repeated_after(100);
    repeated_after(5000);
}

/* Many columns, each added to one long row several times in a shuffled order:
 * one entry each, holding the sum. */
static void test_repeated_entries_in_long_row(void **state)
{
    (void)state;
    ow_program *p = ow_program_new();
    assert_non_null(p);
    enum { N = 1000, TIMES = 3 };
    int cols[N];
    for (int i = 0; i < N; i++)
        cols[i] = ow_program_col(p, OW_COL_BINARY, 0, 1, 0, "c%d", i);
    int row = ow_program_row(p, OW_ROW_LE, 1, "long");
    for (int t = 0; t < TIMES; t++)
        for (int i = 0; i < N; i++)
            ow_program_add(p, row, cols[(i * 7 + t * 13) % N], 1.0 + t);
    assert_false(ow_program_failed(p));
    ow_program_row_info info;
    ow_program_get_row(p, (size_t)row, &info);
    assert_int_equal(info.n, (size_t)N);
    for (int i = 0; i < N; i++) {
        int times;
        assert_true(coef_of(p, row, cols[i], &times) == 6.0);
        assert_int_equal(times, 1);
    }
    ow_program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repeated_entry_summed_near),
        cmocka_unit_test(test_repeated_entry_summed_far),
        cmocka_unit_test(test_repeated_entries_in_long_row),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    ow_mip_shutdown();
    return failed;
}
