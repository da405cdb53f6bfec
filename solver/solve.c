/* solve.c: the path instance -> program -> GLPK -> schedule. */
#include "orgwork/solve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "construct.h"
#include "decode.h"
#include "decompose.h"
#include "diagnose.h"
#include "formulation/formulation.h"
#include "../model/arena.h"
#include "mip.h"
#include "packed.h"
#include "pool.h"
#include "orgwork/check.h"

static ow_status no_schedule(ow_schedule **out, ow_solve_status status, ow_error *err)
{
    const ow_loc none = {0, 0};
    ow_schedule *s = ow_schedule_new();
    if (s == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    s->status = status;
    *out = s;
    return OW_OK;
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

static bool has_free_order(const ow_instance *inst)
{
    for (size_t b = 0; b < inst->n_bodies; b++)
        if (inst->bodies[b].order_free)
            return true;
    return false;
}

/* A body with `order: free` may also take its items in agenda order, or in the
 * order that packs its meetings (solver/packed.c), and the path model finds that
 * schedule fast: the better of the two stands in when a limit stops the free search
 * (docs/model.md, "Free order").  With packed, only bodies that ow_packed_order
 * reorders change; NULL when there is none such (or no schedule, or no memory). */
static ow_schedule *in_order_schedule(const ow_instance *inst, double time_limit, bool packed)
{
    ow_instance fixed = *inst;
    ow_body *bodies = malloc(inst->n_bodies * sizeof *bodies);
    size_t **perm = calloc(inst->n_bodies, sizeof *perm);
    ow_schedule *s = NULL;
    ow_formulation *f = NULL;
    ow_mip_result res = {0};
    ow_buf ignored = OW_BUF_INIT;
    ow_error err;
    ow_error_clear(&err);
    bool ok = bodies != NULL && perm != NULL, moved = false;
    for (size_t b = 0; ok && b < inst->n_bodies; b++) {
        const ow_body *body = &inst->bodies[b];
        bodies[b] = *body;
        bodies[b].order_free = false;
        if (!packed || !body->order_free)
            continue;
        perm[b] = malloc((body->n_items + 1) * sizeof **perm);
        ow_item *items = malloc((body->n_items + 1) * sizeof *items);
        if (perm[b] != NULL && items != NULL && ow_packed_order(inst, b, perm[b])) {
            for (size_t i = 0; i < body->n_items; i++)
                items[i] = body->items[perm[b][i]];
            bodies[b].items = items;
            moved = true;
        } else {
            free(items);
            free(perm[b]);
            perm[b] = NULL;
        }
    }
    fixed.bodies = bodies;
    if (ok && (moved || !packed) && ow_diagnose_precheck(&fixed, &ignored) == OW_OK &&
        ow_formulation_build(&fixed, &f, &err) == OW_OK) {
        ow_mip_options mo = {.time_limit = time_limit, .scale = ow_formulation_scale(f)};
        if (ow_mip_solve(ow_formulation_program(f), &mo, &res, &err) == OW_OK &&
            (res.status == OW_MIP_OPTIMAL || res.status == OW_MIP_FEASIBLE) &&
            ow_decode(f, res.x, OW_SOLVE_FEASIBLE, &s, &err) != OW_OK)
            s = NULL;
    }
    /* Back to the items' own places, and checked against the file as it is. */
    for (size_t m = 0; s != NULL && moved && m < s->n_meetings; m++) {
        ow_meeting *mt = &s->meetings[m];
        for (size_t p = 0; p < mt->n_pieces; p++) {
            size_t owner = mt->pieces[p].joint ? mt->pieces[p].owner : mt->body;
            if (perm[owner] != NULL)
                mt->pieces[p].item = perm[owner][mt->pieces[p].item];
        }
    }
    if (s != NULL && moved) {
        ow_check_report report;
        memset(&report, 0, sizeof report);
        if (ow_check(inst, s, &report, &err) != OW_OK || report.n_violations > 0 ||
            report.n_unlisted > 0) {
            ow_schedule_free(s);
            s = NULL;
        }
        ow_check_report_free(&report);
    }
    ow_mip_result_free(&res);
    ow_formulation_free(f);
    ow_buf_free(&ignored);
    for (size_t b = 0; perm != NULL && b < inst->n_bodies; b++)
        if (perm[b] != NULL) {
            free(bodies[b].items);
            free(perm[b]);
        }
    free(perm);
    free(bodies);
    return s;
}

/* Of the schedules that stand in when the whole program does no better (agenda
 * order, the plan body by body; either may be NULL), the one of lower objective,
 * or NULL when there is none. */
static ow_schedule **stand_in(ow_schedule **agenda, ow_schedule **planned)
{
    if (*agenda == NULL)
        return *planned != NULL ? planned : NULL;
    if (*planned == NULL || (*agenda)->objective < (*planned)->objective)
        return agenda;
    return planned;
}

static ow_status solve_unverified(const ow_instance *inst, const ow_solve_options *opts,
                                  ow_schedule **out, ow_buf *why, ow_error *err)
{
    const ow_solve_options *asked = opts; /* the limit said in messages is the user's */
    ow_status rc = OW_OK;
    ow_formulation *f = NULL;
    ow_schedule *agenda = NULL;  /* agenda order, for bodies with `order: free` */
    ow_schedule *planned = NULL; /* the body-by-body plan the whole program may better */
    bool dead_end = false;       /* body by body found no place for a body */
    ow_mip_result res = {0};
    if (ow_diagnose_precheck(inst, why) == OW_INFEASIBLE)
        return no_schedule(out, OW_SOLVE_INFEASIBLE, err);
    double start = ow_mip_now();
    /* A first plan at once, before any search: the answer when the search finds
     * nothing better in time (docs/model.md, "A first plan"). */
    ow_schedule *first = opts->whole || opts->keep != NULL ? NULL : ow_construct(inst);
    if (first != NULL) {
        first->seconds = ow_mip_now() - start;
        if (opts->progress)
            fprintf(stderr, "\r\033[K%7.1f s  first plan %.0f\n", first->seconds, first->objective);
    }
    ow_solve_options whole = *opts;
    if (!opts->whole && opts->keep == NULL && ow_decompose_applies(inst)) {
        ow_decompose_result plan;
        rc = ow_decompose_solve(inst, opts, first != NULL, &plan, why, err);
        if (rc != OW_OK || plan.outcome == OW_DECOMPOSE_INFEASIBLE) {
            ow_schedule_free(first);
            return rc != OW_OK ? rc : no_schedule(out, OW_SOLVE_INFEASIBLE, err);
        }
        /* The bound of the units alone holds for the first plan too, whenever it
         * stands in. */
        if (first != NULL) {
            first->gap = ow_mip_gap(first->objective, plan.bound);
            if (first->gap <= 0)
                first->status = OW_SOLVE_OPTIMAL; /* it meets the bound */
        }
        if (plan.outcome == OW_DECOMPOSE_STOPPED) {
            if (first != NULL) {
                /* Stopped at the limit: the first plan answers, with its gap to the
                 * bound known (above). */
                first->seconds = ow_mip_now() - start;
                *out = first;
                return OW_OK;
            }
            stopped_reason(opts, why);
            return no_schedule(out, OW_SOLVE_UNKNOWN, err);
        }
        ow_schedule *s = plan.schedule;
        /* Every part proven best in what the parts before it left, and no limit
         * cut a search short: the plan's gap is that of planning in turn. */
        if (s != NULL && s->status == OW_SOLVE_FEASIBLE && !plan.cut && !ow_mip_interrupted())
            s->stop = OW_STOP_PLANNED;
        if (s != NULL && first != NULL && s->status != OW_SOLVE_OPTIMAL &&
            first->objective < s->objective) {
            /* The first plan is better than the one found in turn; the bound and the
             * reason the search stopped stand. */
            first->gap = ow_mip_gap(first->objective, plan.bound);
            first->seconds += s->seconds;
            first->stop = s->stop;
            ow_schedule_free(s);
            s = first;
            first = NULL;
        }
        if (s != NULL &&
            (s->status == OW_SOLVE_OPTIMAL || inst->n_bodies >= OW_DECOMPOSE_KEEP_BODIES ||
             ow_mip_interrupted() || (opts->gap > 0 && s->gap <= opts->gap))) {
            /* After Ctrl-C the plan found body by body is kept, with its gap. */
            ow_schedule_free(first);
            *out = s;
            return OW_OK;
        }
        /* The whole program may better the plan; if a limit or Ctrl-C stops it
         * first, the plan stands. */
        planned = s;
        dead_end = s == NULL;
        /* The whole program gets what is left of the time limit. */
        if (opts->time_limit > 0) {
            whole.time_limit = opts->time_limit - (ow_mip_now() - start);
            if (whole.time_limit < 0.01)
                whole.time_limit = 0.01;
        }
    }
    bool in_turn = planned != NULL; /* a plan found in turn */
    if (planned == NULL) {
        planned = first; /* it stands in as a plan found in turn would */
        first = NULL;
    }
    opts = &whole;
    if (opts->keep == NULL && has_free_order(inst)) {
        /* Within the time limit; the path model takes milliseconds where the free
         * one may take minutes, and the free search gets what is left. */
        double mark = ow_mip_now();
        agenda = in_order_schedule(inst, opts->time_limit, false);
        /* The packed order gets what agenda order left of the limit. */
        double left = opts->time_limit - (ow_mip_now() - mark);
        ow_schedule *packed = opts->time_limit <= 0 || left >= 0.01
                                  ? in_order_schedule(inst, opts->time_limit > 0 ? left : 0, true)
                                  : NULL;
        if (packed != NULL && (agenda == NULL || packed->objective < agenda->objective)) {
            ow_schedule_free(agenda);
            agenda = packed;
        } else {
            ow_schedule_free(packed);
        }
        if (opts->time_limit > 0) {
            whole.time_limit -= ow_mip_now() - mark;
            if (whole.time_limit < 0.01)
                whole.time_limit = 0.01;
        }
    }
    rc = ow_formulation_build(inst, &f, err);
    if (rc == OW_INPUT && (in_turn || dead_end)) {
        /* Planning in turn ran, and the whole program that would better its plan,
         * or stand in after its dead end, is past the size cap: the plan (or agenda
         * order, or the first plan) stands, or no schedule was found; the cap is no
         * fault of the file. */
        ow_schedule **better = stand_in(&agenda, &planned);
        if (better == NULL)
            ow_buf_printf(why,
                          "planning body by body found no place for a body, and the whole "
                          "program cannot stand in: %s\n",
                          err->message);
        ow_error_clear(err);
        if (better != NULL) {
            *out = *better;
            *better = NULL;
            rc = OW_OK;
        } else {
            rc = no_schedule(out, OW_SOLVE_UNKNOWN, err);
        }
        goto done;
    }
    if (rc != OW_OK)
        goto done;
    if (opts->keep != NULL) {
        int kept;
        OW_CALL(ow_formulation_keep(f, opts->keep, &kept, err));
    }
    /* After a dead end of planning in turn, the whole program stands in for the
     * plan: one Ctrl-C lets it search on to a first schedule, as body by body. */
    ow_mip_options mo = {.time_limit = opts->time_limit,
                         .verbose = opts->verbose,
                         .progress = opts->progress,
                         .scale = ow_formulation_scale(f),
                         .finish = dead_end,
                         .gap = opts->gap};
    OW_CALL(ow_mip_solve(ow_formulation_program(f), &mo, &res, err));
    switch (res.status) {
    case OW_MIP_OPTIMAL:
    case OW_MIP_FEASIBLE: {
        ow_schedule *s = NULL;
        OW_CALL(ow_decode(f, res.x,
                          res.status == OW_MIP_OPTIMAL ? OW_SOLVE_OPTIMAL : OW_SOLVE_FEASIBLE, &s,
                          err));
        s->gap = res.gap;
        s->seconds = res.seconds;
        if (res.stop == OW_MIP_STOP_GAP)
            s->stop = OW_STOP_GAP;
        ow_schedule **better = stand_in(&agenda, &planned);
        if (better != NULL && res.status == OW_MIP_FEASIBLE &&
            (*better)->objective < s->objective) {
            /* The search stopped at a worse schedule than agenda order or the plan
             * body by body gives; its bound still holds. */
            double gap = ow_mip_gap((*better)->objective, res.bound / ow_formulation_scale(f));
            if (*better != planned || gap < (*better)->gap)
                (*better)->gap = gap;
            (*better)->seconds = (*better == planned ? (*better)->seconds : 0) + res.seconds;
            ow_schedule_free(s);
            s = *better;
            *better = NULL;
        }
        *out = s;
        break;
    }
    case OW_MIP_INFEASIBLE: {
        double limit = OW_DIAGNOSE_SOLVE_SECONDS;
        if (inst->n_bodies == 1 && ow_diagnose_conflict(inst, ow_decompose_feasible, &limit, why)) {
            rc = no_schedule(out, OW_SOLVE_INFEASIBLE, err);
            break;
        }
        for (size_t b = 0; b < inst->n_bodies; b++) {
            int m = ow_diagnose_min_meetings(inst, b), d = ow_diagnose_min_days(inst, b);
            ow_buf_printf(why,
                          "%s: no schedule keeps every rule together; relax a pin, a day or a "
                          "meeting set for an item, a window or a consecutive rule, or give more "
                          "meetings or days (by time alone at least %d meeting%s over %d day%s "
                          "%s needed)\n",
                          inst->bodies[b].name, m, m == 1 ? "" : "s", d, d == 1 ? "" : "s",
                          m == 1 ? "is" : "are");
        }
        rc = no_schedule(out, OW_SOLVE_INFEASIBLE, err);
        break;
    }
    case OW_MIP_NO_SOLUTION: {
        ow_schedule **better = stand_in(&agenda, &planned);
        if (better != NULL) {
            /* The search's bound holds (gap 1 before its first linear program);
             * the plan keeps its own. */
            if (*better != planned)
                (*better)->gap =
                    ow_mip_gap((*better)->objective, res.bound / ow_formulation_scale(f));
            (*better)->seconds = (*better == planned ? (*better)->seconds : 0) + res.seconds;
            *out = *better;
            *better = NULL;
            break;
        }
        stopped_reason(asked, why);
        rc = no_schedule(out, OW_SOLVE_UNKNOWN, err);
        break;
    }
    }
done:
    ow_schedule_free(first);
    ow_schedule_free(planned);
    ow_schedule_free(agenda);
    ow_mip_result_free(&res);
    ow_formulation_free(f);
    return rc;
}

/* Why the search that gave s ended, unless solve_unverified said (OW_STOP_GAP when
 * GLPK's own gap test stopped it, OW_STOP_PLANNED): proven when complete; the gap
 * asked for when s is within it; else Ctrl-C, or the time limit. */
static ow_stop_reason stop_reason(const ow_solve_options *opts, const ow_schedule *s)
{
    if (s->status == OW_SOLVE_OPTIMAL || s->status == OW_SOLVE_INFEASIBLE)
        return OW_STOP_PROVEN;
    if (s->status == OW_SOLVE_FEASIBLE && opts->gap > 0 && s->gap <= opts->gap)
        return OW_STOP_GAP;
    if (ow_mip_interrupted())
        return OW_STOP_INTERRUPTED;
    if (s->stop != OW_STOP_NONE)
        return s->stop;
    return opts->default_limit ? OW_STOP_DEFAULT : OW_STOP_TIME;
}

/* Runs the independent checker (model/check.c) on s.  OW_OK when every rule holds;
 * OW_INFEASIBLE with the broken rules in *report otherwise. */
static ow_status verify(const ow_instance *inst, const ow_schedule *s, ow_check_report *report,
                        ow_error *err)
{
    memset(report, 0, sizeof *report);
    if (!ow_solve_status_has_schedule(s->status))
        return OW_OK;
    ow_status rc = ow_check(inst, s, report, err);
    if (rc != OW_OK)
        return rc;
    return report->n_violations > 0 ? OW_INFEASIBLE : OW_OK;
}

/* No answer leaves unverified: every schedule is checked before it is returned.  A
 * body-by-body plan that fails the check gives way to the whole program; a schedule
 * that still fails is an internal error naming the broken rules, never an answer. */
ow_status ow_solve(const ow_instance *inst, const ow_solve_options *opts, ow_schedule **out,
                   ow_buf *why, ow_error *err)
{
    ow_check_report report;
    ow_status rc = solve_unverified(inst, opts, out, why, err);
    if (rc != OW_OK)
        return rc;
    rc = verify(inst, *out, &report, err);
    char note[640] = "";
    if (rc == OW_INFEASIBLE && !opts->whole) {
        /* Carried in the answer for the caller to say: it is a bug of the planner in
         * turn, worth a report. */
        snprintf(note, sizeof note,
                 "the body-by-body plan breaks a rule ([%s] %s); solving the period as one "
                 "program instead",
                 report.violations[0].rule, report.violations[0].message);
        ow_check_report_free(&report);
        ow_schedule_free(*out);
        *out = NULL;
        ow_solve_options whole = *opts;
        whole.whole = true;
        rc = solve_unverified(inst, &whole, out, why, err);
        if (rc != OW_OK)
            return rc;
        rc = verify(inst, *out, &report, err);
        if (rc == OW_OK)
            (*out)->note = ow_arena_strdup((*out)->arena, note);
    }
    if (rc == OW_OK)
        (*out)->stop = stop_reason(opts, *out);
    if (rc == OW_INFEASIBLE) {
        char rules[768] = "";
        size_t used = 0;
        for (size_t k = 0; k < report.n_violations && used + 1 < sizeof rules; k++)
            used +=
                (size_t)snprintf(rules + used, sizeof rules - used, "%s[%s] %s", k > 0 ? "; " : "",
                                 report.violations[k].rule, report.violations[k].message);
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0},
                          "internal error: the schedule found breaks %zu rule%s, so none is "
                          "given: %s",
                          report.n_violations, report.n_violations == 1 ? "" : "s", rules);
        ow_schedule_free(*out);
        *out = NULL;
    }
    ow_check_report_free(&report);
    return rc;
}

void ow_solve_interrupt(void)
{
    ow_mip_interrupt();
}

void ow_solve_set_memory_limit(int megabytes)
{
    ow_mip_set_memory_limit(megabytes);
}

size_t ow_solve_jobs(int asked)
{
    return ow_pool_jobs(asked);
}

void ow_solve_shutdown(void)
{
    ow_mip_shutdown();
}
