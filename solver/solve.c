/* solve.c: the path instance -> program -> GLPK -> schedule. */
#include "orgwork/solve.h"

#include "orgwork/decompose.h"
#include "orgwork/diagnose.h"
#include "orgwork/formulation.h"
#include "orgwork/mip.h"

static ow_status no_schedule(ow_schedule **out, ow_solve_status status, ow_error *err)
{
    const ow_loc none = {0, 0};
    ow_schedule *s = ow_schedule_new();
    if (s == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    s->status = status;
    *out = s;
    return OW_INFEASIBLE;
}

/* Why a search ended without a schedule though none was proven impossible. */
static void stopped_reason(const ow_solve_options *opts, ow_buf *why)
{
    if (ow_mip_interrupted())
        ow_buf_printf(why, "the search was interrupted before any schedule was found\n");
    else
        ow_buf_printf(why,
                      "the time limit of %g s was reached before any schedule was found; "
                      "allow more time (--time-limit)\n",
                      opts->time_limit);
}

ow_status ow_solve(const ow_instance *inst, const ow_solve_options *opts, ow_schedule **out,
                   ow_buf *why, ow_error *err)
{
    ow_status rc = OW_OK;
    ow_formulation *f = NULL;
    ow_mip_result res = {0};
    if (ow_diagnose_precheck(inst, why) == OW_INFEASIBLE)
        return no_schedule(out, OW_SOLVE_INFEASIBLE, err);
    double start = ow_mip_now();
    ow_solve_options whole = *opts;
    if (!opts->whole && opts->keep == NULL && ow_decompose_applies(inst)) {
        ow_schedule *s = NULL;
        bool stopped;
        rc = ow_decompose_solve(inst, opts, &s, &stopped, why, err);
        if (rc == OW_INFEASIBLE)
            return no_schedule(out, OW_SOLVE_INFEASIBLE, err);
        if (rc != OW_OK)
            return rc;
        if (stopped) {
            stopped_reason(opts, why);
            return no_schedule(out, OW_SOLVE_UNKNOWN, err);
        }
        if (s != NULL &&
            (s->status == OW_SOLVE_OPTIMAL || inst->n_bodies >= OW_DECOMPOSE_KEEP_BODIES)) {
            *out = s;
            return OW_OK;
        }
        ow_schedule_free(s);
        /* The whole program gets what is left of the time limit. */
        if (opts->time_limit > 0) {
            whole.time_limit = opts->time_limit - (ow_mip_now() - start);
            if (whole.time_limit < 0.01)
                whole.time_limit = 0.01;
        }
    }
    opts = &whole;
    OW_CALL(ow_formulation_build(inst, &f, err));
    if (opts->keep != NULL) {
        int kept;
        OW_CALL(ow_formulation_keep(f, opts->keep, &kept, err));
    }
    ow_mip_options mo = {opts->time_limit, opts->verbose, opts->progress, ow_formulation_scale(f)};
    OW_CALL(ow_mip_solve(ow_formulation_program(f), &mo, &res, err));
    switch (res.status) {
    case OW_MIP_OPTIMAL:
    case OW_MIP_FEASIBLE: {
        ow_schedule *s = NULL;
        OW_CALL(ow_formulation_decode(
            f, res.x, res.status == OW_MIP_OPTIMAL ? OW_SOLVE_OPTIMAL : OW_SOLVE_FEASIBLE, &s,
            err));
        s->gap = res.gap;
        s->seconds = res.seconds;
        *out = s;
        break;
    }
    case OW_MIP_INFEASIBLE:
        for (size_t b = 0; b < inst->n_bodies; b++)
            ow_buf_printf(why,
                          "%s: no schedule keeps every rule together; relax a pin, a day or a "
                          "meeting set for an item, a window or a consecutive rule, or give more "
                          "meetings or days (by time alone at least %d meetings over %d day%s are "
                          "needed)\n",
                          inst->bodies[b].name, ow_diagnose_min_meetings(inst, b),
                          ow_diagnose_min_days(inst, b),
                          ow_diagnose_min_days(inst, b) == 1 ? "" : "s");
        rc = no_schedule(out, OW_SOLVE_INFEASIBLE, err);
        break;
    case OW_MIP_NO_SOLUTION:
        stopped_reason(opts, why);
        rc = no_schedule(out, OW_SOLVE_UNKNOWN, err);
        break;
    }
done:
    ow_mip_result_free(&res);
    ow_formulation_free(f);
    return rc;
}
