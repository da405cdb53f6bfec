/* decompose.c: large periods body by body.
 *
 * Bodies interact only through rooms, interpretation teams and consecutive rules.
 * Solving each body alone, with every room free, gives a lower bound on the whole
 * objective (a relaxation: the objective is a sum over bodies).  Planning the bodies
 * one after another, each in what the earlier ones left, gives a schedule.  The gap
 * between the two is reported; when it is zero the schedule is proven optimal.
 *
 * Bodies tied together by joint items (a joint meeting puts them in one slot) are
 * planned as one unit, with the consecutive rules that reach them: a program of
 * their own, for the bound and for the plan. */
#include "orgwork/decompose.h"

#include <stdlib.h>
#include <string.h>

#include "orgwork/arena.h"
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

/* What is planned as one: a body alone, or (joined) the bodies tied by joint items
 * and every consecutive rule that reaches one of them. */
typedef struct unit {
    size_t n;
    size_t *members; /* body indices, in instance order */
    bool joined;
} unit;

typedef struct units {
    size_t n;
    unit *list;
    size_t *of; /* [body]: its unit */
    size_t *members;
} units;

static size_t find(size_t *parent, size_t x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

static void units_free(units *u)
{
    free(u->list);
    free(u->of);
    free(u->members);
}

/* Splits the bodies into units, in the order of their first body.  Returns false
 * when out of memory. */
static bool make_units(const ow_instance *inst, units *u)
{
    size_t n = inst->n_bodies;
    size_t *parent = calloc(n + 1, sizeof *parent);
    size_t *count = calloc(n + 1, sizeof *count);
    size_t *slot = calloc(n + 1, sizeof *slot);
    bool *joint = calloc(n + 1, sizeof *joint);
    u->list = calloc(n + 1, sizeof *u->list);
    u->of = calloc(n + 1, sizeof *u->of);
    u->members = calloc(n + 1, sizeof *u->members);
    u->n = 0;
    bool ok = parent && count && slot && joint && u->list && u->of && u->members;
    for (size_t b = 0; ok && b < n; b++) {
        parent[b] = b;
        slot[b] = n; /* no unit yet */
    }
    for (size_t b = 0; ok && b < n; b++)
        for (size_t i = 0; i < inst->bodies[b].n_items; i++)
            for (size_t q = 0; q < inst->bodies[b].items[i].n_joint; q++)
                parent[find(parent, b)] = find(parent, inst->bodies[b].items[i].joint_with[q]);
    for (size_t q = 0; ok && q < inst->n_rules; q++)
        for (size_t x = 1; x < inst->rules[q].n_bodies; x++)
            parent[find(parent, inst->rules[q].bodies[x - 1])] =
                find(parent, inst->rules[q].bodies[x]);
    for (size_t b = 0; ok && b < n; b++)
        for (size_t i = 0; i < inst->bodies[b].n_items; i++)
            if (inst->bodies[b].items[i].n_joint > 0)
                joint[find(parent, b)] = true;
    for (size_t b = 0; ok && b < n; b++)
        count[find(parent, b)]++;
    /* A component without a joint item splits back into single bodies: its rules are
     * kept by planning their bodies in turn. */
    size_t used = 0;
    for (size_t b = 0; ok && b < n; b++) {
        size_t root = find(parent, b);
        size_t w = joint[root] ? slot[root] : n;
        if (w == n) {
            w = u->n++;
            u->list[w].members = &u->members[used];
            u->list[w].joined = joint[root];
            used += joint[root] ? count[root] : 1;
            if (joint[root])
                slot[root] = w;
        }
        u->list[w].members[u->list[w].n++] = b;
        u->of[b] = w;
    }
    free(parent);
    free(count);
    free(slot);
    free(joint);
    if (!ok)
        units_free(u);
    return ok;
}

/* The instance seen by a joined unit alone: its bodies, their joint items and rules,
 * body indices renumbered within the unit.  Allocated in a. */
static bool unit_instance(const ow_instance *inst, const unit *w, ow_arena *a, ow_instance *out)
{
    int *pos = ow_arena_calloc(a, inst->n_bodies + 1, sizeof *pos);
    ow_body *bodies = ow_arena_calloc(a, w->n + 1, sizeof *bodies);
    ow_rule *rules = ow_arena_calloc(a, inst->n_rules + 1, sizeof *rules);
    if (pos == NULL || bodies == NULL || rules == NULL)
        return false;
    for (size_t b = 0; b < inst->n_bodies; b++)
        pos[b] = -1;
    for (size_t x = 0; x < w->n; x++)
        pos[w->members[x]] = (int)x;
    for (size_t x = 0; x < w->n; x++) {
        const ow_body *src = &inst->bodies[w->members[x]];
        bodies[x] = *src;
        bodies[x].items = ow_arena_calloc(a, src->n_items + 1, sizeof *bodies[x].items);
        if (bodies[x].items == NULL)
            return false;
        for (size_t i = 0; i < src->n_items; i++) {
            ow_item *it = &bodies[x].items[i];
            *it = src->items[i];
            if (it->n_joint == 0)
                continue;
            it->joint_with = ow_arena_calloc(a, it->n_joint, sizeof *it->joint_with);
            if (it->joint_with == NULL)
                return false;
            for (size_t q = 0; q < it->n_joint; q++)
                it->joint_with[q] = (size_t)pos[src->items[i].joint_with[q]];
        }
    }
    size_t n_rules = 0;
    for (size_t q = 0; q < inst->n_rules; q++) {
        const ow_rule *r = &inst->rules[q];
        if (r->n_bodies == 0 || pos[r->bodies[0]] < 0)
            continue;
        rules[n_rules] = *r;
        rules[n_rules].bodies = ow_arena_calloc(a, r->n_bodies, sizeof(size_t));
        if (rules[n_rules].bodies == NULL)
            return false;
        for (size_t x = 0; x < r->n_bodies; x++)
            rules[n_rules].bodies[x] = (size_t)pos[r->bodies[x]];
        n_rules++;
    }
    *out = *inst;
    out->n_bodies = w->n;
    out->bodies = bodies;
    out->n_rules = n_rules;
    out->rules = rules;
    return true;
}

/* Solves unit w under lim, within time_limit seconds (<= 0: none).  On OW_OK sets
 * *out (with the instance's body indices), or NULL when a limit or Ctrl-C stopped
 * the search before any schedule; OW_INFEASIBLE when none exists. */
static ow_status solve_unit(const ow_instance *inst, const unit *w, int room,
                            const ow_plan_limits *lim, const ow_solve_options *opts,
                            double time_limit, ow_schedule **out, double *seconds, ow_error *err)
{
    ow_instance view = alone(inst, w->members[0]);
    ow_body held_in; /* a single body bound to `room` (>= 0) */
    if (room >= 0 && !w->joined) {
        held_in = inst->bodies[w->members[0]];
        held_in.room = room;
        view.bodies = &held_in;
    }
    ow_formulation *f = NULL;
    ow_mip_result res = {0};
    ow_status rc = OW_OK;
    ow_arena *a = NULL;
    if (w->joined) {
        a = ow_arena_new();
        if (a == NULL || !unit_instance(inst, w, a, &view)) {
            rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
            goto done;
        }
    }
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
    for (size_t i = 0; i < s->n_meetings; i++) {
        ow_meeting *m = &s->meetings[i];
        m->body = w->members[m->body];
        for (size_t k = 0; k < m->n_pieces; k++)
            if (m->pieces[k].joint)
                m->pieces[k].owner = w->members[m->pieces[k].owner];
    }
    *out = s;
done:
    ow_mip_result_free(&res);
    ow_formulation_free(f);
    ow_arena_free(a);
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
static bool fits(const ow_instance *inst, size_t b, int room_of_rule, const ow_plan_limits *lim,
                 ow_schedule *s)
{
    int must = room_of_rule >= 0 ? room_of_rule : inst->bodies[b].room;
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
            if (!lim->room_taken[(size_t)t * R + r] && (must < 0 || must == (int)r))
                room = (int)r;
        if (room < 0)
            return false;
    }
    for (size_t i = 0; i < s->n_meetings; i++) {
        ow_meeting *m = &s->meetings[i];
        size_t t = (size_t)(m->day * ns + m->slot);
        for (size_t r = 0; r < R; r++)
            if (!lim->room_taken[t * R + r] && (must < 0 || must == (int)r)) {
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
    units u;
    if (!make_units(inst, &u))
        return false;
    /* One unit for all is the whole program.  A body in two consecutive rules
     * outside a joined unit would need both its neighbours planned first. */
    bool ok = u.n > 1;
    for (size_t b = 0; ok && b < inst->n_bodies; b++) {
        if (u.list[u.of[b]].joined)
            continue;
        int seen = 0;
        for (size_t q = 0; q < inst->n_rules; q++)
            for (size_t x = 0; x < inst->rules[q].n_bodies; x++)
                seen += inst->rules[q].bodies[x] == b;
        ok = seen <= 1;
    }
    units_free(&u);
    return ok;
}

/* The order units are planned in: by the start of their bodies' windows; a
 * consecutive rule's bodies together, in the rule's order, when its first body
 * comes up. */
static void plan_order(const ow_instance *inst, const units *u, size_t *order)
{
    size_t n = 0;
    bool *done = calloc(u->n + 1, sizeof *done);
    if (done == NULL) {
        for (size_t w = 0; w < u->n; w++)
            order[w] = w;
        return;
    }
    while (n < u->n) {
        size_t best = inst->n_bodies;
        for (size_t b = 0; b < inst->n_bodies; b++)
            if (!done[u->of[b]] && (best == inst->n_bodies ||
                                    inst->bodies[b].window_from < inst->bodies[best].window_from))
                best = b;
        size_t pos;
        int q = u->list[u->of[best]].joined ? -1 : rule_of(inst, best, &pos);
        if (q < 0) {
            done[u->of[best]] = true;
            order[n++] = u->of[best];
            continue;
        }
        for (size_t x = 0; x < inst->rules[q].n_bodies; x++) {
            size_t w = u->of[inst->rules[q].bodies[x]];
            if (!done[w]) {
                done[w] = true;
                order[n++] = w;
            }
        }
    }
    free(done);
}

/* Marks the rooms part takes, and the interpretation teams it uses: one a meeting
 * held, a joint meeting (one room, every body attending) once, as the program
 * counts them.  taken: 0 free, 1 taken; 2 and 3 only while marking. */
static void occupy(const ow_instance *inst, const ow_schedule *part, unsigned char *taken,
                   int *teams)
{
    size_t R = inst->n_rooms;
    int ns = (int)inst->calendar.n_slots;
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < part->n_meetings; i++) {
            const ow_meeting *m = &part->meetings[i];
            int t = m->day * ns + m->slot;
            unsigned char *at = &taken[(size_t)t * R + (size_t)m->room];
            if (pass == 0 && *at == 0)
                *at = 2;
            else if (pass == 1 && *at == 2 && inst->bodies[m->body].interpretation) {
                teams[t]++;
                *at = 3;
            } else if (pass == 2 && *at > 1)
                *at = 1;
        }
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
    units u = {0};
    bool have_units = make_units(inst, &u);
    ow_schedule *whole = ow_schedule_new(), *part = NULL, *best = NULL;
    unsigned char *taken = calloc(n_global * R + 1, 1);
    int *teams = calloc(n_global + 1, sizeof *teams);
    size_t *order = calloc(inst->n_bodies + 1, sizeof *order);
    ow_schedule **by_unit = calloc(inst->n_bodies + 1, sizeof *by_unit);
    double seconds = 0, bound = 0;
    if (!have_units || whole == NULL || taken == NULL || teams == NULL || order == NULL ||
        by_unit == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    /* The bound: each unit alone. */
    for (size_t w = 0; w < u.n; w++) {
        double left = time_left(deadline);
        if (left < 0)
            break; /* the bound stays partial: the units left count as zero */
        rc = solve_unit(inst, &u.list[w], -1, NULL, opts, left, &part, &seconds, err);
        if (rc == OW_INFEASIBLE) {
            /* No schedule even alone: none for the whole period either. */
            const ow_body *first = &inst->bodies[u.list[w].members[0]];
            if (u.list[w].joined) {
                /* "A, B and C, which meet jointly or consecutively: …" */
                for (size_t x = 0; x < u.list[w].n; x++)
                    ow_buf_printf(why, "%s%s",
                                  x == 0                 ? ""
                                  : x + 1 == u.list[w].n ? " and "
                                                         : ", ",
                                  inst->bodies[u.list[w].members[x]].name);
                ow_buf_printf(why, ", which meet jointly or consecutively: no schedule keeps "
                                   "every rule of theirs, even with every room to "
                                   "themselves\n");
            } else {
                ow_buf_printf(why,
                              "%s: no schedule keeps every rule of the body, even with every "
                              "room to itself\n",
                              first->name);
            }
            goto done;
        }
        if (rc != OW_OK)
            goto done;
        /* A part stopped by a limit bounds nothing; count it as zero. */
        if (part == NULL)
            continue;
        if (part->status == OW_SOLVE_OPTIMAL)
            bound += part->objective;
        by_unit[w] = part;
        part = NULL;
    }
    /* The schedule: unit after unit, each in what is left. */
    plan_order(inst, &u, order);
    for (size_t x = 0; x < u.n; x++) {
        const unit *w = &u.list[order[x]];
        size_t b = w->members[0], pos;
        ow_plan_limits lim = {taken, teams, -1, -1};
        int q = w->joined ? -1 : rule_of(inst, b, &pos), room = -1;
        if (q >= 0 && pos > 0) {
            /* After the body before it in the rule, with no idle working day, in its
             * room. */
            size_t prev = inst->rules[q].bodies[pos - 1];
            for (size_t i = 0; i < whole->n_meetings; i++) {
                const ow_meeting *m = &whole->meetings[i];
                if (m->body != prev)
                    continue;
                room = m->room;
                int t = m->day * ns + m->slot;
                if (t > lim.after_slot) {
                    lim.after_slot = t;
                    lim.first_day_by = m->day + 1;
                }
            }
        }
        /* The rooms to try: the rule's room after its first body; one room at a time
         * for the first body of a rule (its followers keep it); else any. */
        int first_room = room, last_room = room;
        if (q >= 0 && pos == 0 && inst->rules[q].n_bodies > 1 && inst->bodies[b].room < 0) {
            first_room = 0;
            last_room = (int)R - 1;
        }
        for (int r = first_room;
             part == NULL && !w->joined && by_unit[order[x]] != NULL && r <= last_room; r++)
            if (fits(inst, b, r, &lim, by_unit[order[x]])) {
                part = by_unit[order[x]];
                by_unit[order[x]] = NULL;
            }
        /* Else the best schedule of the rooms tried, each planned in what is left. */
        bool found = part != NULL;
        for (int r = first_room; part == NULL && r <= last_room; r++) {
            double left = time_left(deadline);
            if (left < 0) {
                *stopped = true;
                *out = NULL;
                rc = OW_OK;
                goto done;
            }
            ow_schedule *tried = NULL;
            rc = solve_unit(inst, w, r, &lim, opts, left, &tried, &seconds, err);
            if (rc == OW_INFEASIBLE)
                continue;
            if (rc != OW_OK)
                goto done;
            if (tried == NULL) {
                *stopped = true;
                *out = NULL;
                rc = OW_OK;
                goto done;
            }
            if (!found || tried->objective < best->objective) {
                ow_schedule_free(best);
                best = tried;
                found = true;
            } else {
                ow_schedule_free(tried);
            }
        }
        rc = found ? OW_OK : OW_INFEASIBLE;
        if (part == NULL) {
            part = best;
            best = NULL;
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
        occupy(inst, part, taken, teams);
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
    ow_schedule_free(best);
    ow_schedule_free(whole);
    free(taken);
    free(teams);
    free(order);
    for (size_t w = 0; by_unit != NULL && w < u.n; w++)
        ow_schedule_free(by_unit[w]);
    free(by_unit);
    if (have_units)
        units_free(&u);
    return rc;
}
