/* fuzz_pipeline.c: libFuzzer harness for the whole path a planner's file takes:
 * load, solve (with a small time limit), render in every format, read the JSON
 * back and check it.  Beyond "no crash, no leak, no undefined behaviour", the
 * independent checker must accept every schedule the solver returns and agree on
 * its objective: a disagreement is a bug in one of them. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "orgwork/buf.h"
#include "orgwork/check.h"
#include "orgwork/instance.h"
#include "orgwork/render.h"
#include "orgwork/schedule.h"
#include "orgwork/solve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The program grows with meetings × slots × rooms × items; past this the run is
 * the solver's own business (bench/), not the fuzzer's, which wants many runs a
 * second. */
#define FUZZ_MAX_WORK 20000.0

static bool small_enough(const ow_instance *inst)
{
    double work = 0;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const ow_body *body = &inst->bodies[b];
        double positions = (double)(body->window_to - body->window_from + 1) *
                           (double)inst->calendar.n_slots * (double)inst->n_rooms;
        work += ow_body_max_meetings(inst, body) * positions * ((double)body->n_items + 1);
    }
    return work <= FUZZ_MAX_WORK;
}

static void render_all(const ow_instance *inst, const ow_schedule *s, int body)
{
    /* xlsx is left out: it goes through a scratch file, which a fuzzer should not
     * write thousands of times a second. */
    static const ow_format formats[] = {OW_FORMAT_MD,   OW_FORMAT_TEXT, OW_FORMAT_HTML,
                                        OW_FORMAT_CSV,  OW_FORMAT_ICS,  OW_FORMAT_JSON,
                                        OW_FORMAT_DOCX, OW_FORMAT_ODT};
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        ow_render_options ro = {.timings = false, .body = body};
        ow_buf out = OW_BUF_INIT;
        ow_error err;
        ow_error_clear(&err);
        (void)ow_render(inst, s, formats[f], &ro, &out, &err);
        ow_buf_free(&out);
    }
}

/* The schedule as JSON, read back and checked: no broken rule, the same objective. */
static void check_roundtrip(const ow_instance *inst, const ow_schedule *s)
{
    ow_render_options ro = {.timings = false, .body = -1};
    ow_buf json = OW_BUF_INIT;
    ow_error err;
    ow_error_clear(&err);
    ow_schedule *back = NULL;
    ow_check_report rep = {0};
    if (ow_render(inst, s, OW_FORMAT_JSON, &ro, &json, &err) != OW_OK || json.failed)
        abort();
    if (ow_schedule_read_json_string(inst, "fuzz.json", ow_buf_str(&json), json.len, &back, &err) !=
        OW_OK) {
        ow_error_print(&err, stderr);
        abort();
    }
    if (ow_check(inst, back, &rep, &err) != OW_OK)
        abort();
    if (rep.n_violations > 0 || fabs((double)rep.objective.total - s->objective) > 0.5) {
        ow_buf text = OW_BUF_INIT;
        ow_check_report_text(&rep, &text);
        fprintf(stderr, "solver objective %g; checker says:\n%s\n", s->objective,
                ow_buf_str(&text));
        ow_buf_free(&text);
        abort();
    }
    ow_check_report_free(&rep);
    ow_schedule_free(back);
    ow_buf_free(&json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ow_instance *inst = NULL;
    ow_error err;
    ow_error_clear(&err);
    if (ow_instance_load_string("fuzz.yaml", (const char *)data, size, &inst, &err) != OW_OK)
        return 0;
    if (!small_enough(inst)) {
        ow_instance_free(inst);
        return 0;
    }
    ow_solve_options so = {.time_limit = 0.5};
    ow_schedule *s = NULL;
    ow_buf why = OW_BUF_INIT;
    ow_status rc = ow_solve(inst, &so, &s, &why, &err);
    if (rc == OW_INTERNAL) {
        ow_error_print(&err, stderr);
        abort();
    }
    if (rc == OW_OK) {
        bool found = s != NULL && ow_solve_status_has_schedule(s->status);
        if (s == NULL || (!found && why.len == 0))
            abort();
        render_all(inst, s, -1);
        render_all(inst, s, (int)(size % inst->n_bodies));
        if (found)
            check_roundtrip(inst, s);
    }
    ow_schedule_free(s);
    ow_buf_free(&why);
    ow_instance_free(inst);
    return 0;
}
