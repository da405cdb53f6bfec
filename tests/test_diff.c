/* test_diff.c: `orgwork diff` on small JSON schedules.  Each kind of change gives its
 * exact line; items are matched by id whatever the order of meetings; bad files are
 * refused at the line and column, or the JSON path, of the mistake. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "orgwork/buf.h"
#include "orgwork/diff.h"

#define PIECE(id, minutes) "{\"item\": \"" id "\", \"minutes\": " #minutes ", \"continued\": false}"
#define MEETING(date, start, end, room, pieces)                                                    \
    "{\"n\": 1, \"date\": \"" date "\", \"start\": \"" start "\", \"end\": \"" end                 \
    "\", \"room\": \"" room "\", \"items\": [" pieces "]}"
#define BODY(id, meetings) "{\"id\": \"" id "\", \"name\": \"x\", \"meetings\": [" meetings "]}"
#define SCHEDULE(bodies)   "{\"orgwork\": 1, \"status\": \"optimal\", \"bodies\": [" bodies "]}"

/* The 2024 seed's annex (CTOC/COP/WG.7/2024/1), meeting by meeting. */
#define THU_AM(pieces) MEETING("2024-07-11", "10:00", "13:00", "Plenary", pieces)
#define THU_PM(pieces) MEETING("2024-07-11", "15:00", "18:00", "Plenary", pieces)
#define FRI_AM(pieces) MEETING("2024-07-12", "10:00", "13:00", "Plenary", pieces)
#define FRI_PM(pieces) MEETING("2024-07-12", "15:00", "18:00", "Plenary", pieces)
#define M1             THU_AM(PIECE("1(a)", 10) "," PIECE("1(b)", 20) "," PIECE("2", 150))
#define M2             THU_PM(PIECE("2", 75) "," PIECE("3", 105))
#define M3             FRI_AM(PIECE("3", 105) "," PIECE("4", 60))
#define M4             FRI_PM(PIECE("5", 15) "," PIECE("6", 120))
#define WG7            BODY("WG.7", M1 "," M2 "," M3 "," M4)

/* Runs the diff, expecting success, and checks the text and the count. */
static void expect_diff(const char *a, const char *b, const char *want, int want_changes)
{
    ow_buf out = OW_BUF_INIT;
    ow_error err;
    int n = -1;
    ow_status rc = ow_diff_strings("a.json", a, strlen(a), "b.json", b, strlen(b), &out, &n, &err);
    if (rc != OW_OK)
        ow_error_print(&err, stderr);
    assert_int_equal(rc, OW_OK);
    assert_string_equal(ow_buf_str(&out), want);
    assert_int_equal(n, want_changes);
    ow_buf_free(&out);
}

/* Runs the diff, expecting OW_INPUT; leaves the error in *err and checks that the
 * out-parameters were not touched. */
static void expect_refusal(const char *a, const char *b, ow_error *err)
{
    ow_buf out = OW_BUF_INIT;
    int n = -1;
    ow_status rc = ow_diff_strings("a.json", a, strlen(a), "b.json", b, strlen(b), &out, &n, err);
    assert_int_equal(rc, OW_INPUT);
    assert_int_equal(err->code, OW_INPUT);
    assert_null(out.data);
    assert_int_equal(n, -1);
}

static void identical(void **state)
{
    (void)state;
    expect_diff(SCHEDULE(WG7), SCHEDULE(WG7), "No item moved.\n", 0);
}

static void meeting_order_does_not_matter(void **state)
{
    (void)state;
    expect_diff(SCHEDULE(WG7), SCHEDULE(BODY("WG.7", M4 "," M2 "," M1 "," M3)), "No item moved.\n",
                0);
}

static void moved_split_item(void **state)
{
    (void)state;
    const char *b =
        SCHEDULE(BODY("WG.7", M1 "," THU_PM(PIECE("2", 75)) "," M3 "," M4 "," MEETING(
                                  "2024-07-15", "10:00", "13:00", "Plenary", PIECE("3", 210))));
    expect_diff(SCHEDULE(WG7), b,
                "WG.7: item 3 moves to Friday, 12 July 2024, 10 a.m.–1 p.m.; Monday, 15 July "
                "2024, 10 a.m.–1 p.m. (was Thursday, 11 July 2024, 3–6 p.m.; Friday, 12 July "
                "2024, 10 a.m.–1 p.m.)\n"
                "1 change.\n",
                1);
}

static void moved_single_piece(void **state)
{
    (void)state;
    const char *b = SCHEDULE(BODY("WG.7", M1 "," M2 "," FRI_AM(PIECE("3", 105)) "," FRI_PM(PIECE(
                                              "4", 60) "," PIECE("5", 15) "," PIECE("6", 120))));
    expect_diff(SCHEDULE(WG7), b,
                "WG.7: item 4 moves from Friday, 12 July 2024, 10 a.m.–1 p.m. "
                "to Friday, 12 July 2024, 3–6 p.m.\n"
                "1 change.\n",
                1);
}

static void split_changes(void **state)
{
    (void)state;
    /* Item 2 gains a third meeting; item 3 loses its second. */
    const char *b =
        SCHEDULE(BODY("WG.7", M1 "," THU_PM(PIECE("2", 45) "," PIECE("3", 135)) "," FRI_AM(
                                  PIECE("2", 30) "," PIECE("4", 60)) "," M4));
    expect_diff(SCHEDULE(WG7), b,
                "WG.7: item 2 now runs over 3 meetings (was 2): Thursday, 11 July 2024, "
                "10 a.m.–1 p.m. and 3–6 p.m.; Friday, 12 July 2024, 10 a.m.–1 p.m.\n"
                "WG.7: item 3 now runs over 1 meeting (was 2): Thursday, 11 July 2024, 3–6 p.m.\n"
                "2 changes.\n",
                2);
}

static void room_change(void **state)
{
    (void)state;
    const char *b =
        SCHEDULE(BODY("WG.7", M1 "," M2 "," MEETING("2024-07-12", "10:00", "13:00", "Board Room D",
                                                    PIECE("3", 105) "," PIECE("4", 60)) "," M4));
    expect_diff(SCHEDULE(WG7), b,
                "WG.7: item 3 changes rooms: Thursday, 11 July 2024, 3–6 p.m. in Plenary; "
                "Friday, 12 July 2024, 10 a.m.–1 p.m. in Board Room D\n"
                "WG.7: item 4 moves to Board Room D (was Plenary)\n"
                "2 changes.\n",
                2);
}

static void minutes_only(void **state)
{
    (void)state;
    const char *b =
        SCHEDULE(BODY("WG.7", M1 "," THU_PM(PIECE("2", 90) "," PIECE("3", 90)) "," M3 "," M4));
    expect_diff(SCHEDULE(WG7), b,
                "WG.7: item 2 keeps its meetings, with different minutes\n"
                "WG.7: item 3 keeps its meetings, with different minutes\n"
                "2 changes.\n",
                2);
}

static void new_and_dropped(void **state)
{
    (void)state;
    /* B drops item 6 and body WG.4, adds item 7 and body WG.9; WG.4 comes first in A,
     * so its line comes first; WG.9, only in B, comes last. */
    const char *a = SCHEDULE(
        BODY("WG.4", MEETING("2024-07-10", "10:00", "13:00", "Plenary", PIECE("1", 60))) "," WG7);
    const char *b = SCHEDULE(
        BODY("WG.7", M1 "," M2 "," M3 "," FRI_PM(PIECE("5", 15) "," PIECE("7", 120))) "," BODY(
            "WG.9", MEETING("2024-07-15", "10:00", "13:00", "Plenary", PIECE("1", 60))));
    expect_diff(a, b,
                "body WG.4 is no longer scheduled\n"
                "WG.7: item 6 is no longer scheduled\n"
                "WG.7: item 7 is new\n"
                "body WG.9 is new\n"
                "4 changes.\n",
                4);
}

static void infeasible_input(void **state)
{
    (void)state;
    const char *none = "{\"orgwork\": 1, \"status\": \"infeasible\", \"objective\": null}";
    expect_diff(none, SCHEDULE(WG7), "body WG.7 is new\n1 change.\n", 1);
    expect_diff(SCHEDULE(WG7), none, "body WG.7 is no longer scheduled\n1 change.\n", 1);
    expect_diff(none, none, "No item moved.\n", 0);
}

/* A joint meeting is listed under each attending body; its item is the owner's. */
static void joint_meeting_counted_once(void **state)
{
    (void)state;
#define JOINT(date)                                                                                \
    BODY("WG.4", MEETING(date, "15:00", "18:00", "Room D", PIECE("4", 180)))                       \
    "," BODY("WG.7", MEETING(date, "15:00", "18:00", "Room D",                                     \
                             "{\"item\": \"4\", \"body\": \"WG.4\", \"minutes\": 180}"))
    const char *a = SCHEDULE(JOINT("2024-07-02"));
    const char *b = SCHEDULE(JOINT("2024-07-03"));
#undef JOINT
    expect_diff(a, b,
                "WG.4: item 4 moves from Tuesday, 2 July 2024, 3–6 p.m. "
                "to Wednesday, 3 July 2024, 3–6 p.m.\n"
                "1 change.\n",
                1);
}

static void syntax_error_at_line_and_column(void **state)
{
    (void)state;
    ow_error err;
    expect_refusal(SCHEDULE(WG7), "{\n  \"orgwork\": 1,\n  \"status\" \"optimal\"\n}\n", &err);
    assert_string_equal(err.file, "b.json");
    assert_int_equal(err.loc.line, 3);
    assert_int_equal(err.loc.column, 20);
    assert_non_null(strstr(err.message, "not a valid JSON schedule"));

    expect_refusal("{\"orgwork\": 1, \"orgwork\": 1}", SCHEDULE(WG7), &err);
    assert_string_equal(err.file, "a.json");
    assert_non_null(strstr(err.message, "duplicate"));
}

static void wrong_shape_names_the_path(void **state)
{
    (void)state;
    ow_error err;
    expect_refusal(SCHEDULE(BODY("WG.7", M1 "," THU_PM("{\"item\": 2, \"minutes\": 75}"))),
                   SCHEDULE(WG7), &err);
    assert_int_equal(err.loc.line, 0);
    assert_string_equal(err.message,
                        "bodies[0].meetings[1].items[0].item: expected a string such as \"1(a)\"");

    expect_refusal(SCHEDULE(WG7),
                   SCHEDULE(BODY("WG.7", MEETING("2024-02-30", "10:00", "13:00", "Plenary", ""))),
                   &err);
    assert_string_equal(err.message, "bodies[0].meetings[0].date: cannot read \"2024-02-30\" as a "
                                     "date (expected YYYY-MM-DD)");

    expect_refusal(SCHEDULE(WG7 "," WG7), SCHEDULE(WG7), &err);
    assert_string_equal(err.message, "bodies[1].id: body WG.7 is listed twice");

    expect_refusal(SCHEDULE(WG7), "{\"orgwork\": 1, \"status\": \"optimal\"}", &err);
    assert_string_equal(err.message, "missing key \"bodies\"");

    expect_refusal(SCHEDULE(WG7), "[]", &err);
    assert_string_equal(err.file, "b.json");
}

static void limits(void **state)
{
    (void)state;
    ow_buf out = OW_BUF_INIT;
    ow_error err;
    const char *a = SCHEDULE(WG7);
    assert_int_equal(ow_diff_strings("a.json", a, strlen(a), "big.json", a,
                                     (size_t)OW_DIFF_MAX_BYTES + 1, &out, NULL, &err),
                     OW_INPUT);
    assert_string_equal(err.file, "big.json");
    assert_non_null(strstr(err.message, "larger than"));

    /* One meeting holding more pieces than the cap. */
    ow_buf big = OW_BUF_INIT;
    ow_buf_puts(&big, "{\"orgwork\": 1, \"status\": \"optimal\", \"bodies\": [{\"id\": \"X\", "
                      "\"meetings\": [{\"date\": \"2024-07-11\", \"start\": \"10:00\", "
                      "\"end\": \"13:00\", \"room\": \"\", \"items\": [");
    for (int k = 0; k <= OW_DIFF_MAX_PIECES; k++)
        ow_buf_printf(&big, "%s{\"item\": \"%d\", \"minutes\": 1}", k ? "," : "", k);
    ow_buf_puts(&big, "]}]}]}");
    assert_false(big.failed);
    assert_int_equal(
        ow_diff_strings("a.json", a, strlen(a), "big.json", big.data, big.len, &out, NULL, &err),
        OW_INPUT);
    assert_non_null(strstr(err.message, "more than the 100000 item pieces"));
    assert_null(out.data);
    ow_buf_free(&big);
}

static void files(void **state)
{
    (void)state;
    ow_buf out = OW_BUF_INIT;
    ow_error err;
    assert_int_equal(
        ow_diff_files("tests/no-such-file.json", "tests/no-such-file.json", &out, NULL, &err),
        OW_INPUT);
    assert_string_equal(err.file, "tests/no-such-file.json");

    char path[] = "/tmp/test_diff_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(SCHEDULE(WG7), f);
    fclose(f);
    int n = -1;
    assert_int_equal(ow_diff_files(path, path, &out, &n, &err), OW_OK);
    assert_string_equal(ow_buf_str(&out), "No item moved.\n");
    assert_int_equal(n, 0);
    remove(path);
    ow_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(identical),
        cmocka_unit_test(meeting_order_does_not_matter),
        cmocka_unit_test(moved_split_item),
        cmocka_unit_test(moved_single_piece),
        cmocka_unit_test(split_changes),
        cmocka_unit_test(room_change),
        cmocka_unit_test(minutes_only),
        cmocka_unit_test(new_and_dropped),
        cmocka_unit_test(infeasible_input),
        cmocka_unit_test(joint_meeting_counted_once),
        cmocka_unit_test(syntax_error_at_line_and_column),
        cmocka_unit_test(wrong_shape_names_the_path),
        cmocka_unit_test(limits),
        cmocka_unit_test(files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
