/* solve_support.h: helpers for the solver tests — load an instance from text, solve
 * it, describe the schedule one line a meeting, and run the independent checker on
 * every schedule produced.  Include after <cmocka.h>. */
#ifndef ORGWORK_TESTS_SOLVE_SUPPORT_H
#define ORGWORK_TESTS_SOLVE_SUPPORT_H

#include <stdio.h>
#include <string.h>

#include "orgwork/buf.h"
#include "orgwork/calendar.h"
#include "orgwork/check.h"
#include "orgwork/instance.h"
#include "orgwork/schedule.h"
#include "orgwork/solve.h"

#define HEAD(days) "orgwork: 1\ncalendar: {start: 2024-07-08, days: " #days "}\n"
#define BODY       "body:\n  id: B\n  name: Body\n"
#define AGENDA     "  agenda:\n"
/* An agenda item "k" titled "Tk" of the given minutes, with extra flow keys. */
#define ITEM(id, minutes, extra)                                                                   \
    "    - {item: \"" id "\", title: T" id ", duration: " #minutes extra "}\n"

/* Loads text (and applies the what-if overrides when nonzero); fails the test if the
 * instance does not load. */
static inline ow_instance *load(const char *text, int days, int meetings)
{
    ow_instance *inst = NULL;
    ow_error err;
    ow_error_clear(&err);
    ow_status rc = ow_instance_load_string("test.yaml", text, strlen(text), &inst, &err);
    if (rc != OW_OK)
        print_error("load: %s:%d:%d: %s\n", err.file, err.loc.line, err.loc.column, err.message);
    assert_int_equal(rc, OW_OK);
    if (days > 0 || meetings > 0) {
        rc = ow_instance_override(inst, days, meetings, &err);
        if (rc != OW_OK)
            print_error("override: %s\n", err.message);
        assert_int_equal(rc, OW_OK);
    }
    return inst;
}

/* One line a meeting: "B 1 2024-07-08 10:00-13:00 Plenary: 1=60 2=30c", where c marks
 * a piece shown as "(continued)". */
static inline void describe(const ow_instance *inst, const ow_schedule *s, ow_buf *out)
{
    for (size_t i = 0; i < s->n_meetings; i++) {
        const ow_meeting *m = &s->meetings[i];
        char date[11], start[6], end[6];
        ow_date_iso(m->date, date);
        ow_time_hhmm(m->start, start);
        ow_time_hhmm(m->end, end);
        ow_buf_printf(out, "%s %d %s %s-%s %s:", inst->bodies[m->body].id, m->n, date, start, end,
                      m->room >= 0 ? inst->rooms[m->room] : "?");
        for (size_t p = 0; p < m->n_pieces; p++) {
            const ow_piece *piece = &m->pieces[p];
            ow_buf_printf(out, " %s=%d%s", ow_piece_item(inst, m, piece)->label, piece->minutes,
                          piece->continued ? "c" : "");
        }
        ow_buf_putc(out, '\n');
    }
}

/* The checker must find nothing wrong and the same objective. */
static inline void check_schedule(const ow_instance *inst, const ow_schedule *s)
{
    ow_check_report report;
    ow_error err;
    ow_error_clear(&err);
    assert_int_equal(ow_check(inst, s, &report, &err), OW_OK);
    if (report.n_violations > 0) {
        ow_buf text = OW_BUF_INIT;
        ow_check_report_text(&report, &text);
        print_error("%s", ow_buf_str(&text));
        ow_buf_free(&text);
    }
    size_t n_violations = report.n_violations;
    long total = report.objective.total;
    ow_check_report_free(&report);
    assert_int_equal(n_violations, 0);
    assert_int_equal(total, (long)s->objective);
}

/* Solves text and asserts an optimal schedule of that objective and layout. */
static inline void expect_days_meetings(const char *text, int days, int meetings, long objective,
                                        const char *layout)
{
    ow_instance *inst = load(text, days, meetings);
    ow_schedule *s = NULL;
    ow_buf why = OW_BUF_INIT, got = OW_BUF_INIT;
    ow_error err;
    ow_error_clear(&err);
    ow_solve_options opts = {0};
    ow_status rc = ow_solve(inst, &opts, &s, &why, &err);
    if (rc != OW_OK)
        print_error("solve: %s%s\n", err.message, ow_buf_str(&why));
    assert_int_equal(rc, OW_OK);
    assert_int_equal(s->status, OW_SOLVE_OPTIMAL);
    /* No note: a body-by-body plan that broke a rule would have left one. */
    if (s->note != NULL)
        print_error("solve: note: %s\n", s->note);
    assert_null(s->note);
    check_schedule(inst, s);
    describe(inst, s, &got);
    double value = s->objective;
    assert_string_equal(ow_buf_str(&got), layout);
    assert_int_equal((long)value, objective);
    assert_true(value == (double)objective);
    ow_buf_free(&got);
    ow_buf_free(&why);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static inline void expect(const char *text, long objective, const char *layout)
{
    expect_days_meetings(text, 0, 0, objective, layout);
}

/* Solves text and asserts there is no schedule, for exactly these reasons. */
static inline void expect_infeasible(const char *text, const char *reasons)
{
    ow_instance *inst = load(text, 0, 0);
    ow_schedule *s = NULL;
    ow_buf why = OW_BUF_INIT;
    ow_error err;
    ow_error_clear(&err);
    ow_solve_options opts = {0};
    assert_int_equal(ow_solve(inst, &opts, &s, &why, &err), OW_OK);
    assert_non_null(s);
    assert_int_equal(s->status, OW_SOLVE_INFEASIBLE);
    assert_null(s->note);
    assert_int_equal(s->n_meetings, 0);
    assert_string_equal(ow_buf_str(&why), reasons);
    ow_buf_free(&why);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

#endif
