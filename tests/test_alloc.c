/* test_alloc.c: every out-of-memory path of the arena, the text buffer, the integer
 * program, the loader and the renderers runs.  Each test replays one scenario with
 * the Nth allocation failing (model/alloc.h), for N = 0, 1, 2, ... until a run meets
 * no fault, once with that allocation alone failing and once with every allocation
 * from it on failing; each run must report the failure it met, and only that, and
 * leave nothing half-done.  Leaks show under the sanitizers and valgrind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../model/alloc.h"
#include "../model/arena.h"
#include "orgwork/buf.h"
#include "program.h"
#include "orgwork/render.h"
#include "orgwork/schedule.h"

/* A scenario returns true when it met (and reported) an allocation failure. */
typedef bool (*scenario)(void);

/* Runs s with the Nth allocation failing for N = 0, 1, ... until a run meets no
 * fault; returns how many runs met one. */
static long every_fault(scenario s, bool sticky)
{
    long runs = 0;
    for (long n = 0;; n++) {
        ow_alloc_fail_after(n, sticky);
        bool failed = s();
        long faults = ow_alloc_faults();
        ow_alloc_fail_after(-1, false);
        if (faults == 0) {
            assert_false(failed);
            return runs;
        }
        assert_true(failed);
        runs++;
        assert_true(runs < 100000);
    }
}

/* ---- arena ------------------------------------------------------------------- */

static bool arena_scenario(void)
{
    ow_arena *a = ow_arena_new();
    if (a == NULL)
        return true;
    bool failed = false;
    /* Enough small allocations to fill several blocks, then a one-off large one. */
    for (int i = 0; i < 3000; i++) {
        unsigned char *p = ow_arena_alloc(a, 24);
        if (p == NULL) {
            failed = true;
            continue;
        }
        for (int k = 0; k < 24; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xA5, 24);
    }
    char *big = ow_arena_calloc(a, 1000, 100);
    if (big == NULL)
        failed = true;
    char *s = ow_arena_strdup(a, "Proposed organization of work");
    if (s == NULL)
        failed = true;
    else
        assert_string_equal(s, "Proposed organization of work");
    ow_arena_free(a);
    return failed;
}

static void test_arena_faults(void **state)
{
    (void)state;
    assert_true(every_fault(arena_scenario, false) >= 5);
    assert_true(every_fault(arena_scenario, true) >= 5);
}

/* ---- buf --------------------------------------------------------------------- */

static bool buf_scenario(void)
{
    ow_buf b = OW_BUF_INIT;
    char expected[64];
    size_t before = 0;
    bool failed = false;
    for (int i = 0; i < 4000 && !b.failed; i++) {
        before = b.len;
        snprintf(expected, sizeof expected, "meeting %d, ", i);
        if (i % 3 == 0)
            ow_buf_printf(&b, "meeting %d, ", i);
        else if (i % 3 == 1)
            ow_buf_puts(&b, expected);
        else
            for (const char *c = expected; *c != '\0'; c++)
                ow_buf_putc(&b, *c);
        if (b.failed) {
            /* A failed append leaves the text as it was before it. */
            failed = true;
            assert_true(b.len >= before);
        } else {
            assert_int_equal(b.len, before + strlen(expected));
            assert_memory_equal(b.data + before, expected, strlen(expected));
            assert_int_equal(b.data[b.len], '\0');
        }
    }
    ow_buf_free(&b);
    assert_null(b.data);
    return failed;
}

static void test_buf_faults(void **state)
{
    (void)state;
    assert_true(every_fault(buf_scenario, false) >= 5);
    assert_true(every_fault(buf_scenario, true) >= 5);
}

static char scratch[64];

/* Writes a file whole and reads it back; a failure leaves no file, or the old one. */
static bool file_scenario(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/annex.txt", scratch);
    static const char text[] = "Proposed organization of work\n";
    ow_error err;
    ow_status rc = ow_write_file_atomic(path, text, sizeof text - 1, &err);
    if (rc != OW_OK) {
        assert_int_equal(rc, OW_INTERNAL);
        assert_int_equal(access(path, F_OK), -1);
        return true;
    }
    char *data = NULL;
    size_t len = 0;
    rc = ow_read_file(path, 1000, &data, &len, &err);
    assert_int_equal(unlink(path), 0);
    if (rc != OW_OK) {
        assert_int_equal(rc, OW_INTERNAL);
        assert_string_equal(err.message, "out of memory");
        return true;
    }
    assert_int_equal(len, sizeof text - 1);
    assert_string_equal(data, text);
    free(data);
    return false;
}

static void test_file_faults(void **state)
{
    (void)state;
    snprintf(scratch, sizeof scratch, "/tmp/ow-alloc-XXXXXX");
    assert_non_null(mkdtemp(scratch));
    assert_true(every_fault(file_scenario, false) >= 2);
    assert_true(every_fault(file_scenario, true) >= 1);
    assert_int_equal(rmdir(scratch), 0);
}

/* ---- program ----------------------------------------------------------------- */

/* A program of 150 columns and 40 rows, each row holding up to 150 entries: enough
 * to grow every array several times.  Once an allocation fails the program stays
 * failed, and freeing it frees all it holds. */
static bool program_scenario(void)
{
    ow_program *p = ow_program_new();
    if (p == NULL)
        return true;
    enum { COLS = 150, ROWS = 40 };
    int cols[COLS];
    for (int j = 0; j < COLS; j++)
        cols[j] = ow_program_col(p, j % 2 ? OW_COL_BINARY : OW_COL_CONTINUOUS, 0, 1, j, "x(%d)", j);
    for (int i = 0; i < ROWS; i++) {
        int r = ow_program_row(p, OW_ROW_LE, i, "row(%d)", i);
        for (int j = 0; j < COLS; j += 1 + i % 3)
            ow_program_add(p, r, cols[j], 1.0 + j);
    }
    bool failed = ow_program_failed(p);
    if (!failed) {
        assert_int_equal(ow_program_n_cols(p), COLS);
        assert_int_equal(ow_program_n_rows(p), ROWS);
        for (size_t i = 0; i < ROWS; i++) {
            ow_program_row_info info;
            ow_program_get_row(p, i, &info);
            assert_int_equal(info.n, (COLS + i % 3) / (1 + i % 3));
        }
    }
    ow_program_free(p);
    return failed;
}

static void test_program_faults(void **state)
{
    (void)state;
    assert_true(every_fault(program_scenario, false) >= 20);
    assert_true(every_fault(program_scenario, true) >= 20);
}

/* ---- the loader and the renderers, through the arena and the buffer ------------ */

static ow_instance *subject; /* the instance a scenario works on */
static ow_schedule *subject_schedule;

static bool load_scenario(void)
{
    ow_instance *inst = NULL;
    ow_error err;
    ow_status rc = ow_instance_load(OW_SOURCE_DIR "/instances/som-2024.yaml", &inst, &err);
    if (rc != OW_OK) {
        assert_int_equal(rc, OW_INTERNAL);
        assert_null(inst);
        assert_non_null(strstr(err.message, "out of memory"));
        return true;
    }
    assert_int_equal(inst->n_bodies, subject->n_bodies);
    ow_instance_free(inst);
    return false;
}

static void test_load_faults(void **state)
{
    (void)state;
    assert_true(every_fault(load_scenario, false) >= 2);
    assert_true(every_fault(load_scenario, true) >= 2);
}

static ow_format render_format;

/* A failed rendering leaves the caller's buffer as it was. */
static bool render_scenario(void)
{
    ow_buf out = OW_BUF_INIT;
    ow_buf_puts(&out, "kept");
    if (out.failed) {
        ow_buf_free(&out);
        return true;
    }
    ow_error err;
    ow_status rc = ow_render(subject, subject_schedule, render_format, NULL, &out, &err);
    bool failed = rc != OW_OK;
    if (failed) {
        assert_int_equal(rc, OW_INTERNAL);
        assert_string_equal(ow_buf_str(&out), "kept");
    } else {
        assert_true(out.len > 4);
    }
    ow_buf_free(&out);
    return failed;
}

static void test_render_faults(void **state)
{
    (void)state;
    /* One body, and a period of several bodies with joint meetings (the overview). */
    static const char *const names[] = {"som-2024", "ctoc-2024-period"};
    /* xlsx is left out: libxlsxwriter allocates on its own, past the injection. */
    static const ow_format formats[] = {OW_FORMAT_MD,  OW_FORMAT_TEXT, OW_FORMAT_HTML,
                                        OW_FORMAT_CSV, OW_FORMAT_ICS,  OW_FORMAT_JSON,
                                        OW_FORMAT_SVG, OW_FORMAT_DOCX, OW_FORMAT_ODT};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        char path[512];
        ow_error err;
        snprintf(path, sizeof path, "%s/instances/%s.yaml", OW_SOURCE_DIR, names[k]);
        assert_int_equal(ow_instance_load(path, &subject, &err), OW_OK);
        snprintf(path, sizeof path, "%s/tests/golden/%s.json", OW_SOURCE_DIR, names[k]);
        assert_int_equal(ow_schedule_read_json(subject, path, &subject_schedule, &err), OW_OK);
        for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
            render_format = formats[i];
            assert_true(every_fault(render_scenario, false) >= 2);
            assert_true(every_fault(render_scenario, true) >= 2);
        }
        ow_schedule_free(subject_schedule);
        ow_instance_free(subject);
    }
    subject = NULL;
}

static int load_som2024(void **state)
{
    (void)state;
    ow_error err;
    return ow_instance_load(OW_SOURCE_DIR "/instances/som-2024.yaml", &subject, &err) != OW_OK;
}

static int free_som2024(void **state)
{
    (void)state;
    ow_instance_free(subject);
    subject = NULL;
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_faults),
        cmocka_unit_test(test_buf_faults),
        cmocka_unit_test(test_file_faults),
        cmocka_unit_test(test_program_faults),
        cmocka_unit_test_setup_teardown(test_load_faults, load_som2024, free_som2024),
        cmocka_unit_test(test_render_faults),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
