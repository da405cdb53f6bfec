/* test_limits.c: what keeps memory bounded inside the library: a schedule to keep
 * that repeats one piece thousands of times adds its rows once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "solve_support.h"

#include "formulation/formulation.h"
#include "program.h"

static const char *three_items =
    HEAD(2) BODY "  meetings: 3\n" AGENDA ITEM("1", 60, "") ITEM("2", 90, "") ITEM("3", 30, "");

/* The program's rows and columns once published is kept. */
static void keep_size(const ow_instance *inst, const ow_schedule *published, size_t *rows,
                      size_t *cols)
{
    ow_formulation *f = NULL;
    ow_error err;
    ow_error_clear(&err);
    assert_int_equal(ow_formulation_build(inst, &f, &err), OW_OK);
    int kept = 0;
    assert_int_equal(ow_formulation_keep(f, published, &kept, &err), OW_OK);
    assert_int_equal(kept, 3);
    *rows = ow_program_n_rows(ow_formulation_program(f));
    *cols = ow_program_n_cols(ow_formulation_program(f));
    ow_formulation_free(f);
}

static void keep_merges_repeated_pieces(void **state)
{
    (void)state;
    ow_instance *inst = load(three_items, 0, 0);
    ow_schedule *plain = NULL;
    ow_buf why = OW_BUF_INIT;
    ow_error err;
    ow_error_clear(&err);
    ow_solve_options so = {0};
    assert_int_equal(ow_solve(inst, &so, &plain, &why, &err), OW_OK);
    size_t rows, cols, rows2, cols2;
    keep_size(inst, plain, &rows, &cols);
    /* The same schedule, its first meeting followed by 20 000 copies that each take
     * up item 1 again. */
    ow_schedule *repeated = ow_schedule_new();
    assert_non_null(repeated);
    for (size_t i = 0; i < plain->n_meetings; i++) {
        ow_meeting *m = ow_schedule_add_meeting(repeated, plain->meetings[i].n_pieces);
        assert_non_null(m);
        ow_piece *pieces = m->pieces;
        *m = plain->meetings[i];
        m->pieces = pieces;
        memcpy(pieces, plain->meetings[i].pieces, m->n_pieces * sizeof *pieces);
    }
    for (int c = 0; c < 20000; c++) {
        ow_meeting *m = ow_schedule_add_meeting(repeated, 1);
        assert_non_null(m);
        ow_piece *pieces = m->pieces;
        *m = plain->meetings[0];
        m->n_pieces = 1;
        m->pieces = pieces;
        pieces[0] = plain->meetings[0].pieces[0];
    }
    keep_size(inst, repeated, &rows2, &cols2);
    assert_int_equal(rows2, rows);
    assert_int_equal(cols2, cols);
    ow_schedule_free(repeated);
    ow_schedule_free(plain);
    ow_buf_free(&why);
    ow_instance_free(inst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keep_merges_repeated_pieces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
