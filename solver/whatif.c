/* whatif.c: a sweep of variants over a pool of threads (pool.h): each variant
 * loads, solves and frees its own instance in the thread that runs it. */
#include "orgwork/whatif.h"

#include <stdlib.h>
#include <string.h>

#include "pool.h"

static size_t span(int from, int to)
{
    return from > 0 ? (size_t)(to - from + 1) : 1;
}

static size_t count(const ow_whatif_options *o)
{
    return span(o->days_from, o->days_to) * span(o->meetings_from, o->meetings_to);
}

/* The days and meetings of variant i (0 where the file's value stands). */
static void variant_values(const ow_whatif_options *o, size_t i, int *days, int *meetings)
{
    size_t nm = span(o->meetings_from, o->meetings_to);
    *days = o->days_from > 0 ? o->days_from + (int)(i / nm) : 0;
    *meetings = o->meetings_from > 0 ? o->meetings_from + (int)(i % nm) : 0;
}

/* Loads the instance of variant i, with its overrides. */
static ow_status load_variant(const ow_whatif_options *o, size_t i, ow_instance **out, int *body,
                              ow_error *err)
{
    int days, meetings;
    variant_values(o, i, &days, &meetings);
    ow_instance *inst = NULL;
    ow_status rc = o->text != NULL ? ow_instance_load_string(o->path, o->text, o->len, &inst, err)
                                   : ow_instance_load(o->path, &inst, err);
    if (rc != OW_OK)
        return rc;
    *body = -1;
    if (o->body != NULL) {
        *body = ow_instance_find_body(inst, o->body);
        if (*body < 0) {
            ow_instance_free(inst);
            return ow_error_set(err, OW_INPUT, o->path, (ow_loc){0, 0}, "no body with id '%s'",
                                o->body);
        }
    }
    rc = ow_instance_override(inst, days, o->body != NULL ? 0 : meetings, err);
    if (rc == OW_OK && o->body != NULL && meetings > 0)
        inst->bodies[*body].meetings = meetings;
    if (rc != OW_OK) {
        ow_instance_free(inst);
        return rc;
    }
    *out = inst;
    return OW_OK;
}

static void run_one(const ow_whatif_options *o, size_t i, ow_variant *v)
{
    ow_error err;
    ow_error_clear(&err);
    ow_instance *inst = NULL;
    ow_schedule *s = NULL;
    ow_buf why = OW_BUF_INIT;
    int body;
    memset(v, 0, sizeof *v);
    variant_values(o, i, &v->days, &v->meetings);
    ow_status rc = load_variant(o, i, &inst, &body, &err);
    if (rc == OW_OK) {
        v->days = inst->calendar.n_days;
        v->meetings = 0;
        for (size_t b = 0; b < inst->n_bodies; b++)
            if (body < 0 || (size_t)body == b)
                v->meetings += ow_body_max_meetings(inst, &inst->bodies[b]);
        rc = ow_solve(inst, &o->solve, &s, &why, &err);
    }
    if (rc == OW_OK && s->note != NULL)
        snprintf(v->solve_note, sizeof v->solve_note, "%s", s->note);
    if (rc == OW_OK && ow_solve_status_has_schedule(s->status)) {
        v->solved = true;
        ow_variant_from_schedule(inst, s, body, v);
    } else if (rc == OW_OK) {
        v->solved = true;
        v->status = s->status;
        v->stop = s->stop;
        const char *text = ow_buf_str(&why);
        size_t len = strcspn(text, "\n");
        snprintf(v->note, sizeof v->note, "%.*s", (int)len, text);
    } else {
        snprintf(v->note, sizeof v->note, "%.255s", err.message);
    }
    ow_buf_free(&why);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

typedef struct sweep {
    const ow_whatif_options *opts;
    ow_variant *rows;
} sweep;

static void run_task(void *ctx, size_t i)
{
    sweep *w = ctx;
    run_one(w->opts, i, &w->rows[i]);
}

size_t ow_whatif_jobs(int asked)
{
    return ow_solve_jobs(asked);
}

ow_status ow_whatif_run(const ow_whatif_options *opts, ow_variant **out, size_t *n, ow_error *err)
{
    size_t total = count(opts);
    ow_variant *rows = calloc(total, sizeof *rows);
    if (rows == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    /* With variants at once the cores are taken: each variant's period is solved on
     * one thread (its units in turn) unless told otherwise. */
    ow_whatif_options each = *opts;
    if (ow_pool_jobs(opts->jobs) > 1 && total > 1 && each.solve.jobs == 0)
        each.solve.jobs = 1;
    sweep w = {&each, rows};
    ow_pool_run(total, NULL, opts->jobs, run_task, &w);
    *out = rows;
    *n = total;
    return OW_OK;
}

ow_status ow_whatif_variant(const ow_whatif_options *opts, size_t index, ow_instance **inst,
                            ow_schedule **s, ow_buf *why, ow_error *err)
{
    int body;
    ow_instance *in = NULL;
    if (index >= count(opts))
        return ow_error_set(err, OW_INPUT, NULL, (ow_loc){0, 0},
                            "--show takes a variant number from 1 to %zu", count(opts));
    ow_status rc = load_variant(opts, index, &in, &body, err);
    if (rc != OW_OK)
        return rc;
    rc = ow_solve(in, &opts->solve, s, why, err);
    if (rc != OW_OK) {
        ow_instance_free(in);
        return rc;
    }
    *inst = in;
    return rc;
}
