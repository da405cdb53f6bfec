/* test_packed.c: the order that packs a free body's meetings (solver/packed.c), which
 * the path model takes beside agenda order to stand in when a limit stops the free
 * search.  Default slots: 10:00-13:00 and 15:00-18:00, 180 minutes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "packed.h"
#include "solve_support.h"

/* The item marked first opens the first meeting, an item longer than a slot has its
 * own, the others go longest first into the fullest meeting they fit, and the items
 * set to the last meeting, then the one marked last, close the session. */
static void test_order(void **state)
{
    (void)state;
    ow_instance *inst =
        load(HEAD(5) BODY "  order: free\n" AGENDA ITEM("1", 20, ", first: true") ITEM("2", 360, "")
                 ITEM("3", 150, "") ITEM("4", 30, "") ITEM("5", 150, "") ITEM("6", 20, "")
                     ITEM("7", 120, ", meeting: last") ITEM("8", 30, ", last: true"),
             0, 0);
    size_t perm[8];
    assert_true(ow_packed_order(inst, 0, perm));
    /* 1+3 | 2 | 4+5 | 6+7+8: 170, 360, 180, 170 minutes, each meeting's items in
     * agenda order but for those that open or close the session. */
    const size_t want[8] = {0, 2, 1, 3, 4, 5, 6, 7};
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(perm[i], want[i]);
    ow_instance_free(inst);
}

/* Rules this order does not keep: none is made. */
static void test_refused(void **state)
{
    (void)state;
    const char *texts[] = {
        HEAD(5) BODY "  order: free\n" AGENDA ITEM("1", 60, "") ITEM("2", 60, ", after: [\"1\"]"),
        HEAD(5) BODY "  order: free\n" AGENDA ITEM("1", 60, "") ITEM("2", 60, ", day: 2"),
        HEAD(5) BODY "  order: free\n" AGENDA ITEM("1", 60, "") ITEM("2", 60, ", meeting: 2"),
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        ow_instance *inst = load(texts[t], 0, 0);
        size_t perm[2];
        assert_false(ow_packed_order(inst, 0, perm));
        ow_instance_free(inst);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
