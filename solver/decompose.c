/* decompose.c: large periods body by body.
 *
 * Bodies interact only through rooms, interpretation teams and consecutive rules.
 * Solving each body alone, with every room free, gives a lower bound on the whole
 * objective (a relaxation: the objective is a sum over bodies).  Planning the bodies
 * one after another, each in what the earlier ones left, gives a schedule.  The gap
 * between the two is reported; when it is zero the schedule is proven optimal. */
#include "orgwork/decompose.h"

#include <stdlib.h>
#include <string.h>

#include "orgwork/formulation.h"
#include "orgwork/mip.h"

/* The instance seen by one body alone: every room, no rules.  It borrows all of
 * inst's memory and must not be freed. */
static ow_instance alone(const ow_instance *inst, size_t b)
{
    ow_instance v = *inst;
    v.n_bodies = 1;
    v.bodies = &inst->bodies[b];
    v.n_rules = 0;
    v.rules = NULL;
    return v;
}

/* Solves body b alone under lim, within time_limit seconds (<= 0: none).  On OW_OK
 * sets *out (body index b), or NULL when a limit or Ctrl-C stopped the search before
 * any schedule; OW_INFEASIBLE when none exists. */
static ow_status solve_body(const ow_instance *inst, size_t b, const ow_plan_limits *lim,
                            const ow_solve_options *opts, double time_limit, ow_schedule **out,
                            double *seconds, ow_error *err)
{
    ow_instance view = alone(inst, b);
    ow_formulation *f = NULL;
    ow_mip_result res = {0};
    ow_status rc = OW_OK;
    OW_CALL(ow_formulation_build_limited(&view, lim, &f, err));
    ow_mip_options mo = {time_limit, opts->verbose, false, ow_formulation_scale(f)};
    OW_CALL(ow_mip_solve(ow_formulation_program(f), &mo, &res, err));
    *seconds += res.seconds;
    if (res.status == OW_MIP_INFEASIBLE) {
        rc = OW_INFEASIBLE;
        goto done;
    }
    if (res.status == OW_MIP_NO_SOLUTION) {
        *out = NULL;
        goto done;
    }
    ow_schedule *s = NULL;
    OW_CALL(ow_formulation_decode(
        f, res.x, res.status == OW_MIP_OPTIMAL ? OW_SOLVE_OPTIMAL : OW_SOLVE_FEASIBLE, &s, err));
    for (size_t i = 0; i < s->n_meetings; i++)
        s->meetings[i].body = b;
    *out = s;
done:
    ow_mip_result_free(&res);
    ow_formulation_free(f);
    return rc;
}

/* Copies the meetings of part into whole. */
static ow_status merge(ow_schedule *whole, const ow_schedule *part, ow_error *err)
{
    for (size_t i = 0; i < part->n_meetings; i++) {
        const ow_meeting *m = &part->meetings[i];
        ow_meeting *c = ow_schedule_add_meeting(whole, m->n_pieces);
        if (c == NULL)
            return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        ow_piece *pieces = c->pieces;
        *c = *m;
        c->pieces = pieces;
        memcpy(pieces, m->pieces, m->n_pieces * sizeof *pieces);
    }
    return OW_OK;
}

/* Fits body b's schedule alone into what is left under lim, if every meeting finds
 * its slot with a room and an interpretation team free and the rule's order holds:
 * then planning the body again would find nothing better.  Moves the meetings to
 * the first free room of their slot and returns true. */
static bool fits(const ow_instance *inst, size_t b, const ow_plan_limits *lim, ow_schedule *s)
{
    size_t R = inst->n_rooms;
    int ns = (int)inst->calendar.n_slots;
    for (size_t i = 0; i < s->n_meetings; i++) {
        ow_meeting *m = &s->meetings[i];
        int t = m->day * ns + m->slot;
        if (t <= lim->after_slot ||
            (i == 0 && lim->first_day_by >= 0 && m->day > lim->first_day_by))
            return false;
        if (inst->bodies[b].interpretation && lim->teams_used[t] >= inst->interpretation_teams)
            return false;
        int room = -1;
        for (size_t r = 0; r < R && room < 0; r++)
            if (!lim->room_taken[(size_t)t * R + r] &&
                (inst->bodies[b].room < 0 || inst->bodies[b].room == (int)r))
                room = (int)r;
        if (room < 0)
            return false;
    }
    for (size_t i = 0; i < s->n_meetings; i++) {
        ow_meeting *m = &s->meetings[i];
        size_t t = (size_t)(m->day * ns + m->slot);
        for (size_t r = 0; r < R; r++)
            if (!lim->room_taken[t * R + r] &&
                (inst->bodies[b].room < 0 || inst->bodies[b].room == (int)r)) {
                m->room = (int)r;
                break;
            }
    }
    return true;
}

/* The rule and position of body b in a consecutive rule, or -1. */
static int rule_of(const ow_instance *inst, size_t b, size_t *pos)
{
    for (size_t q = 0; q < inst->n_rules; q++)
        for (size_t x = 0; x < inst->rules[q].n_bodies; x++)
            if (inst->rules[q].bodies[x] == b) {
                *pos = x;
                return (int)q;
            }
    return -1;
}

bool ow_decompose_applies(const ow_instance *inst)
{
    if (inst->n_bodies < OW_DECOMPOSE_MIN_BODIES)
        return false;
    /* Joint meetings tie bodies to one slot: they need the whole program.  A body in
     * two consecutive rules would need both its neighbours planned first. */
    for (size_t b = 0; b < inst->n_bodies; b++) {
        for (size_t i = 0; i < inst->bodies[b].n_items; i++)
            if (inst->bodies[b].items[i].n_joint > 0)
                return false;
        int seen = 0;
        for (size_t q = 0; q < inst->n_rules; q++)
            for (size_t x = 0; x < inst->rules[q].n_bodies; x++)
                seen += inst->rules[q].bodies[x] == b;
        if (seen > 1)
            return false;
    }
    return true;
}

/* The order bodies are planned in: by the start of their window; a consecutive
 * rule's bodies together, in the rule's order, when its first body comes up. */
static void plan_order(const ow_instance *inst, size_t *order)
{
    size_t n = 0;
    bool *done = calloc(inst->n_bodies, sizeof *done);
    while (n < inst->n_bodies) {
        size_t best = inst->n_bodies;
        for (size_t b = 0; b < inst->n_bodies; b++)
            if (!done[b] && (best == inst->n_bodies ||
                             inst->bodies[b].window_from < inst->bodies[best].window_from))
                best = b;
        size_t pos;
        int q = rule_of(inst, best, &pos);
        if (q < 0) {
            done[best] = true;
            order[n++] = best;
            continue;
        }
        for (size_t x = 0; x < inst->rules[q].n_bodies; x++) {
            size_t b = inst->rules[q].bodies[x];
            if (!done[b]) {
                done[b] = true;
                order[n++] = b;
            }
        }
    }
    free(done);
}

/* Seconds left before the deadline (0: none); negative when it has passed or the
 * search was interrupted. */
static double time_left(double deadline)
{
    if (ow_mip_interrupted())
        return -1;
    if (deadline <= 0)
        return 0;
    double left = deadline - ow_mip_now();
    return left > 0 ? left : -1;
}

ow_status ow_decompose_solve(const ow_instance *inst, const ow_solve_options *opts,
                             ow_schedule **out, bool *stopped, ow_buf *why, ow_error *err)
{
    double deadline = opts->time_limit > 0 ? ow_mip_now() + opts->time_limit : 0;
    *stopped = false;
    const ow_loc none = {0, 0};
    size_t R = inst->n_rooms;
    size_t n_global = (size_t)inst->calendar.n_days * inst->calendar.n_slots;
    int ns = (int)inst->calendar.n_slots;
    ow_status rc = OW_OK;
    ow_schedule *whole = ow_schedule_new(), *part = NULL;
    unsigned char *taken = calloc(n_global * R + 1, 1);
    int *teams = calloc(n_global + 1, sizeof *teams);
    size_t *order = calloc(inst->n_bodies, sizeof *order);
    ow_schedule **by_body = calloc(inst->n_bodies + 1, sizeof *by_body);
    double seconds = 0, bound = 0;
    if (whole == NULL || taken == NULL || teams == NULL || order == NULL || by_body == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    /* The bound: each body alone. */
    for (size_t b = 0; b < inst->n_bodies; b++) {
        double left = time_left(deadline);
        if (left < 0)
            break; /* the bound stays partial: the bodies left count as zero */
        rc = solve_body(inst, b, NULL, opts, left, &part, &seconds, err);
        if (rc == OW_INFEASIBLE) {
            /* No schedule even alone: none for the whole period either. */
            ow_buf_printf(why,
                          "%s: no schedule keeps every rule of the body, even with every "
                          "room to itself\n",
                          inst->bodies[b].name);
            goto done;
        }
        if (rc != OW_OK)
            goto done;
        /* A part stopped by a limit bounds nothing; count it as zero. */
        if (part == NULL)
            continue;
        if (part->status == OW_SOLVE_OPTIMAL)
            bound += part->objective;
        by_body[b] = part;
        part = NULL;
    }
    /* The schedule: body after body, each in what is left. */
    plan_order(inst, order);
    for (size_t x = 0; x < inst->n_bodies; x++) {
        size_t b = order[x], pos;
        ow_plan_limits lim = {taken, teams, -1, -1};
        int q = rule_of(inst, b, &pos);
        if (q >= 0 && pos > 0) {
            /* After the body before it in the rule, with no idle working day. */
            size_t prev = inst->rules[q].bodies[pos - 1];
            for (size_t i = 0; i < whole->n_meetings; i++) {
                const ow_meeting *m = &whole->meetings[i];
                if (m->body != prev)
                    continue;
                int t = m->day * ns + m->slot;
                if (t > lim.after_slot) {
                    lim.after_slot = t;
                    lim.first_day_by = m->day + 1;
                }
            }
        }
        if (by_body[b] != NULL && fits(inst, b, &lim, by_body[b])) {
            part = by_body[b];
            by_body[b] = NULL;
        } else {
            double left = time_left(deadline);
            if (left < 0) {
                *stopped = true;
                *out = NULL;
                goto done;
            }
            rc = solve_body(inst, b, &lim, opts, left, &part, &seconds, err);
            if (rc == OW_OK && part == NULL) {
                *stopped = true;
                *out = NULL;
                goto done;
            }
        }
        if (rc == OW_INFEASIBLE) {
            /* A dead end of planning in turn proves nothing: the caller solves the
             * whole program instead. */
            rc = OW_OK;
            *out = NULL;
            goto done;
        }
        if (rc != OW_OK)
            goto done;
        for (size_t i = 0; i < part->n_meetings; i++) {
            const ow_meeting *m = &part->meetings[i];
            size_t t = (size_t)(m->day * ns + m->slot);
            taken[t * R + (size_t)m->room] = 1;
            teams[t] += inst->bodies[b].interpretation;
        }
        OW_CALL(merge(whole, part, err));
        ow_schedule_free(part);
        part = NULL;
    }
    ow_schedule_sort(whole);
    ow_objective_terms terms;
    ow_schedule_objective(inst, whole, &terms);
    whole->objective = (double)terms.total;
    whole->gap = whole->objective > 0 ? (whole->objective - bound) / whole->objective : 0;
    whole->status = whole->gap <= 0 ? OW_SOLVE_OPTIMAL : OW_SOLVE_FEASIBLE;
    if (whole->gap < 0)
        whole->gap = 0;
    whole->seconds = seconds;
    *out = whole;
    whole = NULL;
done:
    ow_schedule_free(part);
    ow_schedule_free(whole);
    free(taken);
    free(teams);
    free(order);
    for (size_t b = 0; by_body != NULL && b < inst->n_bodies; b++)
        ow_schedule_free(by_body[b]);
    free(by_body);
    return rc;
}
