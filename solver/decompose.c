/* decompose.c: large periods body by body.
 *
 * Bodies interact only through rooms, interpretation teams and consecutive rules.
 * Solving each body alone, with every room free, gives a lower bound on the whole
 * objective (a relaxation: the objective is a sum over bodies).  Planning the bodies
 * one after another, each in what the earlier ones left, gives a schedule.  The gap
 * between the two is reported; when it is zero the schedule is proven optimal.
 *
 * Bodies tied together by joint items (a joint meeting puts them in one slot), or by
 * an item of one after an item of another (`after: [DC:3]`), are planned as one
 * unit, a program of their own, for the bound and for the plan.  A
 * consecutive rule between units is kept by planning them in its order: the later
 * body starts after the earlier one ends, by the next working day, in its room.
 * Where that order goes round in a circle, or a body follows two others, the rules
 * join their bodies' units instead. */
#include "decompose.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "../model/arena.h"
#include "construct.h"
#include "decode.h"
#include "diagnose.h"
#include "formulation/formulation.h"
#include "mip.h"
#include "pool.h"

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

/* What is planned as one: a body alone, or (joined) bodies tied by joint items. */
typedef struct unit {
    size_t n;
    size_t *members; /* body indices, in instance order */
    bool joined;
} unit;

typedef struct units {
    size_t n;
    unit *list;
    size_t *of;      /* [body]: its unit */
    size_t *members; /* storage of every unit's members */
    size_t *pred;    /* [body]: the body before it in a consecutive rule, or n_bodies */
    bool *succ;      /* [body]: some body comes after it in a consecutive rule */
    bool twice;      /* some body comes after two others */
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
    free(u->pred);
    free(u->succ);
    memset(u, 0, sizeof *u);
}

/* Splits the bodies into units, in the order of their first body: joint items tie
 * bodies together, and so do consecutive rules when with_rules.  Returns false when
 * out of memory. */
static bool make_units(const ow_instance *inst, bool with_rules, units *u)
{
    size_t n = inst->n_bodies;
    size_t *parent = calloc(n + 1, sizeof *parent);
    size_t *count = calloc(n + 1, sizeof *count);
    size_t *slot = calloc(n + 1, sizeof *slot);
    bool *joint = calloc(n + 1, sizeof *joint);
    memset(u, 0, sizeof *u);
    u->list = calloc(n + 1, sizeof *u->list);
    u->of = calloc(n + 1, sizeof *u->of);
    u->members = calloc(n + 1, sizeof *u->members);
    u->pred = calloc(n + 1, sizeof *u->pred);
    u->succ = calloc(n + 1, sizeof *u->succ);
    bool ok =
        parent && count && slot && joint && u->list && u->of && u->members && u->pred && u->succ;
    for (size_t b = 0; ok && b < n; b++) {
        parent[b] = b;
        slot[b] = n; /* no unit yet */
        u->pred[b] = n;
    }
    for (size_t q = 0; ok && q < inst->n_rules; q++)
        for (size_t x = 1; x < inst->rules[q].n_bodies; x++) {
            size_t p = inst->rules[q].bodies[x - 1], b = inst->rules[q].bodies[x];
            u->twice |= u->pred[b] != n && u->pred[b] != p;
            u->pred[b] = p;
            u->succ[p] = true;
            if (with_rules)
                parent[find(parent, p)] = find(parent, b);
        }
    for (size_t b = 0; ok && b < n; b++)
        for (size_t i = 0; i < inst->bodies[b].n_items; i++)
            for (size_t q = 0; q < inst->bodies[b].items[i].n_joint; q++)
                parent[find(parent, b)] = find(parent, inst->bodies[b].items[i].joint_with[q]);
    /* An item after an item of another body ties the two bodies as a joint item does:
     * their program holds the row between them. */
    for (size_t b = 0; ok && b < n; b++)
        for (size_t i = 0; i < inst->bodies[b].n_items; i++)
            for (size_t q = 0; q < inst->bodies[b].items[i].n_after_other; q++)
                parent[find(parent, b)] =
                    find(parent, inst->bodies[b].items[i].after_other[q].body);
    for (size_t b = 0; ok && b < n; b++)
        for (size_t i = 0; i < inst->bodies[b].n_items; i++)
            if (inst->bodies[b].items[i].n_joint > 0 || inst->bodies[b].items[i].n_after_other > 0)
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

/* Is unit w ready: is every body that one of its bodies follows, in another unit,
 * planned (done[unit])? */
static bool ready(const ow_instance *inst, const units *u, size_t w, const bool *done)
{
    for (size_t x = 0; x < u->list[w].n; x++) {
        size_t p = u->pred[u->list[w].members[x]];
        if (p < inst->n_bodies && u->of[p] != w && !done[u->of[p]])
            return false;
    }
    return true;
}

/* The order units are planned in: each after the units its rules follow; the units
 * that follow the one just planned first (a consecutive rule's bodies together),
 * else the one whose bodies' windows start first.  Returns false when the rules go
 * round in a circle (or out of memory). */
static bool plan_order(const ow_instance *inst, const units *u, size_t *order)
{
    bool *done = calloc(u->n + 1, sizeof *done);
    if (done == NULL)
        return false;
    size_t last = u->n;
    for (size_t n = 0; n < u->n; n++) {
        size_t pick = u->n;
        int start = 0;
        for (size_t w = 0; w < u->n; w++) {
            if (done[w] || !ready(inst, u, w, done))
                continue;
            bool follows = false;
            int from = inst->calendar.n_days;
            for (size_t x = 0; x < u->list[w].n; x++) {
                size_t b = u->list[w].members[x], p = u->pred[b];
                follows |= p < inst->n_bodies && last < u->n && u->of[p] == last;
                if (inst->bodies[b].window_from < from)
                    from = inst->bodies[b].window_from;
            }
            if (follows)
                from = -1; /* before any other */
            if (pick == u->n || from < start) {
                pick = w;
                start = from;
            }
        }
        if (pick == u->n) {
            free(done);
            return false;
        }
        done[pick] = true;
        order[n] = pick;
        last = pick;
    }
    free(done);
    return true;
}

/* Moves the units linked to unit w by consecutive rules (w's block) to the front of
 * order, each block keeping its order: the rules still allow it, since a unit
 * follows only units of its own block.  False when the block is at the front
 * already (planning again in the new order would meet the same dead end). */
static bool block_first(const ow_instance *inst, const units *u, size_t w, size_t *order,
                        bool *mark)
{
    memset(mark, 0, (u->n + 1) * sizeof *mark);
    mark[w] = true;
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t b = 0; b < inst->n_bodies; b++) {
            size_t p = u->pred[b];
            if (p >= inst->n_bodies || mark[u->of[b]] == mark[u->of[p]])
                continue;
            mark[u->of[b]] = mark[u->of[p]] = true;
            grew = true;
        }
    }
    size_t front = 0;
    while (front < u->n && mark[order[front]])
        front++;
    bool moved = false;
    for (size_t x = front; x < u->n; x++)
        moved |= mark[order[x]];
    if (!moved)
        return false;
    /* A stable partition: the block's units first, then the others. */
    for (size_t x = front; x < u->n; x++) {
        if (!mark[order[x]])
            continue;
        size_t w2 = order[x];
        memmove(&order[front + 1], &order[front], (x - front) * sizeof *order);
        order[front++] = w2;
    }
    return true;
}

/* The units of inst for planning in turn, or false when the whole program is
 * needed (too few bodies, one unit for all, or no order the rules allow). */
static bool plan_units(const ow_instance *inst, units *u, size_t *order)
{
    if (inst->n_bodies < OW_DECOMPOSE_MIN_BODIES)
        return false;
    /* Joint items make units; consecutive rules are kept by planning in turn. */
    if (!make_units(inst, false, u))
        return false;
    if (!u->twice && u->n > 1 && plan_order(inst, u, order))
        return true;
    units_free(u);
    /* Else the rules join units too; a body after two others must then be inside
     * a unit. */
    if (!make_units(inst, true, u))
        return false;
    bool ok = u->n > 1 && plan_order(inst, u, order);
    for (size_t q = 0; ok && q < inst->n_rules; q++)
        for (size_t x = 1; ok && x < inst->rules[q].n_bodies; x++) {
            size_t b = inst->rules[q].bodies[x];
            ok = u->list[u->of[b]].joined || u->pred[b] == inst->rules[q].bodies[x - 1];
        }
    if (!ok)
        units_free(u);
    return ok;
}

/* The instance seen by a joined unit: its bodies (body x in room room_of[x] when
 * that is >= 0), their joint items, and the stretches of consecutive rules inside
 * it, body indices renumbered.  When planning (room_of given), a body whose rule
 * goes on outside the unit keeps one room (a rule of its own) so that the body
 * after it can follow in that room; the bound leaves that restriction out.
 * Allocated in a. */
static bool unit_instance(const ow_instance *inst, const units *u, const unit *w,
                          const int *room_of, ow_arena *a, ow_instance *out)
{
    int *pos = ow_arena_calloc(a, inst->n_bodies + 1, sizeof *pos);
    ow_body *bodies = ow_arena_calloc(a, w->n + 1, sizeof *bodies);
    ow_rule *rules = ow_arena_calloc(a, inst->n_rules + w->n + 1, sizeof *rules);
    bool *ruled = ow_arena_calloc(a, w->n + 1, sizeof *ruled);
    if (pos == NULL || bodies == NULL || rules == NULL || ruled == NULL)
        return false;
    for (size_t b = 0; b < inst->n_bodies; b++)
        pos[b] = -1;
    for (size_t x = 0; x < w->n; x++)
        pos[w->members[x]] = (int)x;
    for (size_t x = 0; x < w->n; x++) {
        const ow_body *src = &inst->bodies[w->members[x]];
        bodies[x] = *src;
        if (room_of != NULL && room_of[x] >= 0)
            bodies[x].room = room_of[x];
        bodies[x].items = ow_arena_calloc(a, src->n_items + 1, sizeof *bodies[x].items);
        if (bodies[x].items == NULL)
            return false;
        for (size_t i = 0; i < src->n_items; i++) {
            ow_item *it = &bodies[x].items[i];
            *it = src->items[i];
            if (it->n_after_other > 0) {
                it->after_other = ow_arena_calloc(a, it->n_after_other, sizeof *it->after_other);
                if (it->after_other == NULL)
                    return false;
                for (size_t q = 0; q < it->n_after_other; q++) {
                    it->after_other[q] = src->items[i].after_other[q];
                    it->after_other[q].body = (size_t)pos[src->items[i].after_other[q].body];
                }
            }
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
        for (size_t x = 0; x < r->n_bodies;) {
            size_t end = x;
            while (end < r->n_bodies && pos[r->bodies[end]] >= 0)
                end++;
            if (end - x >= 2) {
                rules[n_rules] = *r;
                rules[n_rules].n_bodies = end - x;
                rules[n_rules].bodies = ow_arena_calloc(a, end - x, sizeof(size_t));
                if (rules[n_rules].bodies == NULL)
                    return false;
                for (size_t y = x; y < end; y++) {
                    rules[n_rules].bodies[y - x] = (size_t)pos[r->bodies[y]];
                    ruled[pos[r->bodies[y]]] = true;
                }
                n_rules++;
            }
            x = end > x ? end : x + 1;
        }
    }
    for (size_t x = 0; x < w->n && inst->n_rooms > 1 && room_of != NULL; x++) {
        size_t b = w->members[x];
        if (!u->succ[b] || ruled[x] || bodies[x].room >= 0)
            continue;
        rules[n_rules].n_bodies = 1;
        rules[n_rules].bodies = ow_arena_calloc(a, 1, sizeof(size_t));
        if (rules[n_rules].bodies == NULL)
            return false;
        rules[n_rules].bodies[0] = x;
        rules[n_rules].loc = inst->bodies[b].loc;
        n_rules++;
    }
    *out = *inst;
    out->n_bodies = w->n;
    out->bodies = bodies;
    out->n_rules = n_rules;
    out->rules = rules;
    return true;
}

/* How one unit's search may run: time_limit seconds (<= 0: none); with finish, one
 * Ctrl-C lets it search on to a first schedule; with first, it stops at its first
 * schedule; known (> 0) is a lower bound on the unit's objective found before (its
 * bound alone), that a schedule in what is left cannot beat; target (> 0) the
 * objective of its best schedule alone, that one in what is left is not expected to
 * beat. */
typedef struct unit_search {
    double time_limit;
    bool finish, first;
    double known, target;
    int stall; /* under a time limit: ow_mip_options.stall */
} unit_search;

/* Solves unit w under lim (NULL: none), body x of it in room room_of[x] when that
 * is >= 0 (room_of may be NULL), as how says.  Under a time limit (the whole
 * run's) a search that stops improving gives its time back (ow_mip_options.stall),
 * and one that meets `known`, or when planning `target`, stops; with a gap asked
 * for (opts->gap), it stops within that gap of `known` (planning) or of its own
 * bound (alone).  OW_OK whenever the search ran, its outcome in *status, *cut set
 * when a limit (not proof, nor the gap) ended it; with a schedule (optimal or
 * feasible) sets *out, with the instance's body indices, else NULL. */
static ow_status solve_unit(const ow_instance *inst, const units *u, const unit *w,
                            const int *room_of, const ow_plan_limits *lim,
                            const ow_solve_options *opts, const unit_search *how, ow_schedule **out,
                            ow_mip_status *status, double *bound, double *seconds, bool *cut,
                            ow_error *err)
{
    *bound = 0;
    *out = NULL;
    ow_instance view = alone(inst, w->members[0]);
    ow_body held_in; /* a single body bound to a room */
    if (!w->joined && room_of != NULL && room_of[0] >= 0) {
        held_in = inst->bodies[w->members[0]];
        held_in.room = room_of[0];
        view.bodies = &held_in;
    }
    ow_formulation *f = NULL;
    ow_mip_result res = {0};
    ow_status rc = OW_OK;
    ow_arena *a = NULL;
    if (w->joined) {
        a = ow_arena_new();
        if (a == NULL || !unit_instance(inst, u, w, room_of, a, &view)) {
            rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
            goto done;
        }
    }
    OW_CALL(ow_formulation_build_limited(&view, lim, &f, err));
    bool limited = opts->time_limit > 0;
    bool planning = room_of != NULL && (limited || opts->gap > 0);
    ow_mip_options mo = {.time_limit = how->time_limit,
                         .verbose = opts->verbose,
                         .scale = ow_formulation_scale(f),
                         .finish = how->finish,
                         .first = how->first,
                         .gap = opts->gap,
                         .known = planning ? how->known : 0,
                         .only_known = planning,
                         .target = limited && room_of != NULL ? how->target : 0,
                         .stall = limited && !how->first ? how->stall : 0};
    OW_CALL(ow_mip_solve(ow_formulation_program(f), &mo, &res, err));
    if (res.stop == OW_MIP_STOP_LIMIT || res.stop == OW_MIP_STOP_STALL ||
        res.stop == OW_MIP_STOP_TARGET || res.stop == OW_MIP_STOP_FIRST ||
        res.stop == OW_MIP_STOP_INTERRUPTED)
        *cut = true;
    *seconds += res.seconds;
    *status = res.status;
    if (res.status == OW_MIP_NO_SOLUTION && res.bound > 0)
        *bound = floor(res.bound / ow_formulation_scale(f)); /* a bound without a schedule */
    if (res.status == OW_MIP_INFEASIBLE || res.status == OW_MIP_NO_SOLUTION)
        goto done;
    ow_schedule *s = NULL;
    OW_CALL(ow_decode(f, res.x, res.status == OW_MIP_OPTIMAL ? OW_SOLVE_OPTIMAL : OW_SOLVE_FEASIBLE,
                      &s, err));
    /* The program's value is objective × scale plus a tie-break below one scale, so
     * a bound on it bounds the objective by its floor. */
    if (res.status == OW_MIP_OPTIMAL)
        *bound = s->objective;
    else if (res.bound > 0)
        *bound = floor(res.bound / ow_formulation_scale(f));
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

/* A copy of s's meetings, or NULL when out of memory. */
static ow_schedule *copy_meetings(const ow_schedule *s)
{
    ow_schedule *c = ow_schedule_new();
    ow_error err;
    if (c != NULL && merge(c, s, &err) != OW_OK) {
        ow_schedule_free(c);
        c = NULL;
    }
    return c;
}

/* Fits body b's schedule alone into what is left (rooms taken, teams in use), if
 * every meeting finds its slot with a room (`room` when >= 0) and an interpretation
 * team free, after after_slot and starting by first_day_by (-1: any): then planning
 * the body again would find nothing better.  Moves the meetings to the first free
 * room of their slot and returns true. */
static bool fits(const ow_instance *inst, size_t b, int room, int after_slot, int first_day_by,
                 int last_day_from, const unsigned char *taken, const int *teams, ow_schedule *s)
{
    int last_day = -1;
    for (size_t i = 0; i < s->n_meetings; i++)
        if (s->meetings[i].day > last_day)
            last_day = s->meetings[i].day;
    if (last_day < last_day_from)
        return false;
    int must = room >= 0 ? room : inst->bodies[b].room;
    size_t R = inst->n_rooms;
    int ns = (int)inst->calendar.n_slots;
    for (size_t i = 0; i < s->n_meetings; i++) {
        ow_meeting *m = &s->meetings[i];
        int t = m->day * ns + m->slot;
        if (t <= after_slot || (i == 0 && first_day_by >= 0 && m->day > first_day_by))
            return false;
        if (inst->bodies[b].interpretation && teams[t] >= inst->interpretation_teams)
            return false;
        int free_room = -1;
        for (size_t r = 0; r < R && free_room < 0; r++)
            if (!taken[(size_t)t * R + r] && (must < 0 || must == (int)r))
                free_room = (int)r;
        if (free_room < 0)
            return false;
    }
    for (size_t i = 0; i < s->n_meetings; i++) {
        ow_meeting *m = &s->meetings[i];
        size_t t = (size_t)(m->day * ns + m->slot);
        for (size_t r = 0; r < R; r++)
            if (!taken[t * R + r] && (must < 0 || must == (int)r)) {
                m->room = (int)r;
                break;
            }
    }
    return true;
}

bool ow_decompose_feasible(const ow_instance *inst, void *time_limit)
{
    ow_buf ignored = OW_BUF_INIT;
    ow_formulation *f = NULL;
    ow_mip_result res = {0};
    ow_error err;
    bool feasible = true; /* what is not proven infeasible keeps its rule */
    if (ow_diagnose_precheck(inst, &ignored) == OW_INFEASIBLE) {
        feasible = false;
    } else if (ow_formulation_build(inst, &f, &err) == OW_OK) {
        ow_mip_options mo = {.time_limit = *(const double *)time_limit,
                             .scale = ow_formulation_scale(f)};
        if (ow_mip_solve(ow_formulation_program(f), &mo, &res, &err) == OW_OK)
            feasible = res.status != OW_MIP_INFEASIBLE;
    }
    ow_mip_result_free(&res);
    ow_formulation_free(f);
    ow_buf_free(&ignored);
    return feasible;
}

bool ow_decompose_applies(const ow_instance *inst)
{
    units u;
    size_t *order = calloc(inst->n_bodies + 1, sizeof *order);
    bool ok = order != NULL && plan_units(inst, &u, order);
    if (ok)
        units_free(&u);
    free(order);
    return ok;
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

/* The time one unit's search may take of `left` (0: no limit): the part of it the
 * unit's weight gives (a quarter for a unit's bound alone, when nothing is known of
 * what it has to gain; when planning, its share of what the units left still have
 * to gain), so that one hard unit cannot use up the time of all the others, but at
 * least half a second.  What a unit does not use (it is proven, meets its bound, or
 * stops improving) is left for the others. */
static double share(double left, double part)
{
    if (left <= 0)
        return 0;
    double t = left * (part < 1 ? part : 1);
    return t > 0.5 ? t : (left < 0.5 ? left : 0.5);
}

/* What unit w still has to gain when planned: the points between its schedule alone
 * and its bound alone, plus one for the cost of placing it in what is left; a unit
 * that had no schedule alone weighs as much as every other together. */
static double to_gain(const double *alone_objective, const double *alone_bound, size_t w)
{
    return alone_objective[w] >= 0 ? alone_objective[w] - alone_bound[w] + 1 : -1;
}

/* Unit order[x]'s part of what units order[x..n-1] still have to gain. */
static double gain_part(const double *alone_objective, const double *alone_bound,
                        const size_t *order, size_t x, size_t n)
{
    double unknown = 0, known = 0;
    for (size_t y = x; y < n; y++) {
        double g = to_gain(alone_objective, alone_bound, order[y]);
        if (g < 0)
            unknown++;
        else
            known += g;
    }
    double mine = to_gain(alone_objective, alone_bound, order[x]);
    double each_unknown = known > 0 ? known : 1; /* as much as every known one together */
    double sum = known + unknown * each_unknown;
    return sum > 0 ? (mine < 0 ? each_unknown : mine) / sum : 1;
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

/* While planning in turn, neither one Ctrl-C nor the time limit stops: the units
 * left are laid greedily (lay_greedy), and only when that fails with no first plan
 * standing by are they planned to a first schedule each (ow_mip_options.finish and
 * first), so that the plan found so far is kept whole.  With a time limit each
 * such search may take the whole limit again, at least OW_DECOMPOSE_FINISH_SECONDS
 * (without one, after Ctrl-C, as long as it needs); a unit that finds nothing in it
 * stops the plan.  A second Ctrl-C stops at once.  Sets *limit and *first (the time
 * is out: a first schedule only) for the next unit's search, part being its share
 * of what is left (share); false when planning must stop. */
static bool planning_time(double deadline, double whole_limit, double part, double *limit,
                          bool *first)
{
    if (ow_mip_interrupted_twice())
        return false;
    double left = time_left(deadline);
    *first = left < 0;
    if (!*first)
        *limit = share(left, part);
    else if (whole_limit <= 0)
        *limit = 0;
    else
        *limit =
            whole_limit > OW_DECOMPOSE_FINISH_SECONDS ? whole_limit : OW_DECOMPOSE_FINISH_SECONDS;
    return true;
}

/* The bodies of a consecutive rule meet in one room; when one of them must use a
 * room, so must every body linked to it by rules.  Planning in turn gives a
 * follower its predecessor's room, so that room must be chosen knowing this:
 * bodies[b].room is set to the room its rules force (a restriction every schedule
 * keeps, so the bound stays a bound).  Returns false when out of memory. */
bool ow_decompose_rule_rooms(const ow_instance *inst, ow_body **out)
{
    ow_body *bodies = malloc((inst->n_bodies + 1) * sizeof *bodies);
    if (bodies == NULL)
        return false;
    memcpy(bodies, inst->bodies, inst->n_bodies * sizeof *bodies);
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t q = 0; q < inst->n_rules; q++) {
            const ow_rule *rule = &inst->rules[q];
            int room = -1;
            for (size_t x = 0; x < rule->n_bodies && room < 0; x++)
                room = bodies[rule->bodies[x]].room;
            for (size_t x = 0; x < rule->n_bodies && room >= 0; x++)
                if (bodies[rule->bodies[x]].room < 0) {
                    bodies[rule->bodies[x]].room = room;
                    changed = true;
                }
        }
    }
    *out = bodies;
    return true;
}

/* What one unit's search alone came to (a slot of the pool's results). */
typedef struct alone_result {
    bool ran; /* searched: else the time limit or Ctrl-C came first */
    ow_status rc;
    ow_error err;
    ow_mip_status status;
    ow_schedule *schedule; /* its schedule alone, or NULL */
    double bound, seconds;
    bool cut;
} alone_result;

/* The units' searches alone, as tasks of a pool (pool.h). */
typedef struct alone_work {
    const ow_instance *inst;
    const units *u;
    const int *end_from;
    const ow_solve_options *opts;
    double deadline;
    alone_result *results; /* [unit] */
    /* The first unit found to have no schedule alone, or whose search failed (u->n:
     * none yet): the period has no schedule, or the run fails, and the units after
     * it need no search.  Those before it are searched whatever the threads, so the
     * unit named is the same. */
    atomic_size_t stop;
} alone_work;

static void alone_task(void *ctx, size_t w)
{
    alone_work *a = ctx;
    alone_result *r = &a->results[w];
    const unit *uw = &a->u->list[w];
    double left = time_left(a->deadline);
    if (w > atomic_load(&a->stop) || left < 0)
        return;
    r->ran = true;
    ow_error_clear(&r->err);
    int *last_from = malloc((uw->n + 1) * sizeof *last_from);
    if (last_from == NULL) {
        r->rc = ow_error_set(&r->err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    } else {
        for (size_t y = 0; y < uw->n; y++)
            last_from[y] = a->end_from[uw->members[y]];
        ow_plan_limits ends = {NULL, NULL, NULL, NULL, last_from};
        unit_search how = {share(left, 0.25), false, false, 0, 0, OW_DECOMPOSE_STALL_ALONE};
        r->rc = solve_unit(a->inst, a->u, uw, NULL, &ends, a->opts, &how, &r->schedule, &r->status,
                           &r->bound, &r->seconds, &r->cut, &r->err);
        free(last_from);
    }
    if (r->rc != OW_OK || r->status == OW_MIP_INFEASIBLE) {
        size_t first = atomic_load(&a->stop);
        while (w < first && !atomic_compare_exchange_weak(&a->stop, &first, w))
            ;
    }
}

/* A unit's size, by which its search alone is expected to take long: its items
 * times the working days of their windows times the meetings they may hold. */
static double unit_size(const ow_instance *inst, const unit *w)
{
    double size = 0;
    for (size_t x = 0; x < w->n; x++) {
        const ow_body *b = &inst->bodies[w->members[x]];
        size += (double)b->n_items * (b->window_to - b->window_from + 1) *
                ow_body_max_meetings(inst, b);
    }
    return size;
}

/* Sorts the units by size, largest first (ties in unit order): the order the pool
 * hands them out, so that a long search is not the last one left running.  The
 * results do not depend on it. */
static void largest_first(const ow_instance *inst, const units *u, size_t *order)
{
    double *size = malloc((u->n + 1) * sizeof *size);
    for (size_t w = 0; w < u->n; w++) {
        order[w] = w;
        if (size != NULL)
            size[w] = unit_size(inst, &u->list[w]);
    }
    if (size == NULL)
        return;                         /* unit order, then */
    for (size_t w = 1; w < u->n; w++) { /* insertion sort: stable, and n is small */
        size_t v = order[w], x = w;
        for (; x > 0 && size[order[x - 1]] < size[v]; x--)
            order[x] = order[x - 1];
        order[x] = v;
    }
    free(size);
}

/* Once the time is out (the limit, or Ctrl-C), unit w is laid greedily in what the
 * units planned before it left (ow_construct_complete), and with it every unit
 * that follows it in a consecutive rule (and those, in turn): the construction
 * lays a rule's bodies one after another, in one room, as a first plan does, where
 * a body laid alone could end where the next finds no room.  lay[b] then marks the
 * bodies laid; *whole holds their meetings too, and taken and teams mark them;
 * *laid is 1.  When the construction finds no place for them, every unit not
 * planned yet is laid at once: *laid is 2, the plan is whole.  Else (or when it does
 * not handle their rules) *laid is -1. */
static void lay_greedy(const ow_instance *inst, const units *u, const unit *w, bool *lay,
                       ow_schedule **whole, unsigned char *taken, int *teams, int *laid)
{
    size_t nb = inst->n_bodies;
    memset(lay, 0, nb * sizeof *lay);
    for (size_t y = 0; y < w->n; y++)
        lay[w->members[y]] = true;
    for (bool grown = true; grown;) {
        grown = false;
        for (size_t b = 0; b < nb; b++)
            if (!lay[b] && u->pred[b] < nb && lay[u->pred[b]]) {
                const unit *v = &u->list[u->of[b]];
                for (size_t y = 0; y < v->n; y++)
                    lay[v->members[y]] = true;
                grown = true;
            }
    }
    ow_schedule *more = ow_construct_complete(inst, *whole, lay);
    *laid = more != NULL ? 1 : 2;
    if (more == NULL)
        more = ow_construct_complete(inst, *whole, NULL);
    if (more == NULL)
        *laid = -1;
    if (more == NULL)
        return;
    /* Only the new meetings mark rooms and teams: those of *whole hold theirs. */
    occupy(inst, more, taken, teams);
    ow_schedule_free(*whole);
    *whole = more;
}

/* Once the time is out before unit w has a schedule: w is laid greedily
 * (lay_greedy).  False when it could not be and a first plan stands by: planning
 * stops there, at the limit, and the first plan answers. */
static bool lay_or_stand_by(const ow_instance *inst, const units *u, const unit *w, bool *lay,
                            ow_schedule **whole, unsigned char *taken, int *teams, int *laid,
                            bool stand_by)
{
    lay_greedy(inst, u, w, lay, whole, taken, teams, laid);
    return *laid > 0 || !stand_by;
}

static ow_status decompose_solve(const ow_instance *inst, const ow_solve_options *opts,
                                 bool stand_by, ow_decompose_result *result, ow_buf *why,
                                 ow_error *err);

ow_status ow_decompose_solve(const ow_instance *inst, const ow_solve_options *opts, bool stand_by,
                             ow_decompose_result *result, ow_buf *why, ow_error *err)
{
    ow_body *bodies = NULL;
    if (!ow_decompose_rule_rooms(inst, &bodies))
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    ow_instance ruled = *inst;
    ruled.bodies = bodies;
    ow_status rc = decompose_solve(&ruled, opts, stand_by, result, why, err);
    free(bodies);
    return rc;
}

static ow_status decompose_solve(const ow_instance *inst, const ow_solve_options *opts,
                                 bool stand_by, ow_decompose_result *result, ow_buf *why,
                                 ow_error *err)
{
    double deadline = opts->time_limit > 0 ? ow_mip_now() + opts->time_limit : 0;
    *result = (ow_decompose_result){OW_DECOMPOSE_DEAD_END, NULL, false, 0};
    ow_mip_status st;
    const ow_loc none = {0, 0};
    size_t R = inst->n_rooms, nb = inst->n_bodies;
    size_t n_global = (size_t)inst->calendar.n_days * inst->calendar.n_slots;
    int ns = (int)inst->calendar.n_slots;
    ow_status rc = OW_OK;
    units u = {0};
    ow_schedule *whole = ow_schedule_new(), *part = NULL, *best = NULL;
    /* The planner's temporaries come from one scratch arena, freed at once. */
    ow_arena *scratch = ow_arena_new();
    unsigned char *taken = ow_arena_calloc(scratch, n_global * R + 1, 1);
    int *teams = ow_arena_calloc(scratch, n_global + 1, sizeof *teams);
    size_t *order = ow_arena_calloc(scratch, nb + 1, sizeof *order);
    ow_schedule **by_unit = ow_arena_calloc(scratch, nb + 1, sizeof *by_unit);
    int *room_of = ow_arena_calloc(scratch, nb + 1, sizeof *room_of);
    int *after = ow_arena_calloc(scratch, nb + 1, sizeof *after);
    int *first_by = ow_arena_calloc(scratch, nb + 1, sizeof *first_by);
    int *end_from = ow_arena_calloc(scratch, nb + 1, sizeof *end_from);
    int *last_from = ow_arena_calloc(scratch, nb + 1, sizeof *last_from);
    bool *mark = ow_arena_calloc(scratch, nb + 1, sizeof *mark);
    bool *lay = ow_arena_calloc(scratch, nb + 1, sizeof *lay); /* lay_greedy's bodies */
    bool *laid_before = ow_arena_calloc(scratch, nb + 1, sizeof *laid_before); /* [body] */
    /* [unit]: its objective and bound alone (-1, 0: no schedule alone). */
    double *alone_objective = ow_arena_calloc(scratch, nb + 1, sizeof *alone_objective);
    double *alone_bound = ow_arena_calloc(scratch, nb + 1, sizeof *alone_bound);
    alone_result *results = ow_arena_calloc(scratch, nb + 1, sizeof *results);
    double seconds = 0, bound = 0;
    bool cut = false; /* a limit ended some search short of proof (or of the gap) */
    bool have_units = false;
    if (whole == NULL || taken == NULL || teams == NULL || order == NULL || by_unit == NULL ||
        room_of == NULL || after == NULL || first_by == NULL || end_from == NULL ||
        last_from == NULL || mark == NULL || lay == NULL || laid_before == NULL ||
        alone_objective == NULL || alone_bound == NULL || results == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    have_units = plan_units(inst, &u, order);
    if (!have_units)
        goto done; /* a dead end: the whole program, then */
    /* A body another follows ends no earlier than the working day before the other
     * can start (its window, its pin): it may not leave an idle day between them.
     * That holds in every schedule, so the bound may use it too. */
    for (size_t b = 0; b < nb; b++)
        end_from[b] = -1;
    for (size_t b = 0; b < nb; b++) {
        size_t p = u.pred[b];
        if (p >= nb)
            continue;
        int start = inst->bodies[b].window_from;
        if (inst->bodies[b].has_pin_from && inst->bodies[b].pin_from > start)
            start = inst->bodies[b].pin_from;
        if (start - 1 > end_from[p])
            end_from[p] = start - 1;
    }
    /* The bound: each unit alone, on a pool of threads, the results taken in
     * unit order. */
    alone_work work = {inst, &u, end_from, opts, deadline, results, u.n};
    size_t *largest = ow_arena_calloc(scratch, u.n + 1, sizeof *largest);
    if (largest == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    largest_first(inst, &u, largest);
    /* One job searches in unit order, as planning in turn does. */
    bool parallel = ow_pool_jobs(opts->jobs) > 1;
    ow_pool_run(u.n, parallel ? largest : NULL, opts->jobs, alone_task, &work);
    for (size_t w = 0; w < u.n; w++) {
        alone_result *r = &results[w];
        by_unit[w] = r->schedule; /* freed at the end, as every unit's */
        alone_objective[w] = r->schedule != NULL ? r->schedule->objective : -1;
    }
    for (size_t w = 0; w < u.n; w++) {
        alone_result *r = &results[w];
        if (!r->ran) {
            cut = true; /* the bound stays partial: the units not searched count as zero */
            continue;
        }
        cut |= r->cut;
        seconds += r->seconds;
        if (r->rc != OW_OK) {
            rc = r->rc;
            if (err != NULL)
                *err = r->err;
            goto done;
        }
        if (r->status == OW_MIP_INFEASIBLE) {
            /* No schedule even alone: none for the whole period either. */
            const unit *uw = &u.list[w];
            if (uw->joined) {
                /* "A, B and C, which meet jointly: …" */
                for (size_t x = 0; x < uw->n; x++)
                    ow_buf_printf(why, "%s%s",
                                  x == 0           ? ""
                                  : x + 1 == uw->n ? " and "
                                                   : ", ",
                                  inst->bodies[uw->members[x]].name);
                ow_buf_printf(why, ", which meet jointly or consecutively: no schedule keeps "
                                   "every rule of theirs, even with every room to "
                                   "themselves\n");
            } else {
                ow_instance view = alone(inst, uw->members[0]);
                double limit = OW_DIAGNOSE_SOLVE_SECONDS;
                if (!ow_diagnose_conflict(&view, ow_decompose_feasible, &limit, why))
                    ow_buf_printf(why,
                                  "%s: no schedule keeps every rule of the body, even with "
                                  "every room to itself\n",
                                  inst->bodies[uw->members[0]].name);
            }
            result->outcome = OW_DECOMPOSE_INFEASIBLE;
            goto done;
        }
        /* A part stopped by a limit adds its search's bound: the bound of its linear
         * programs, even before any schedule (zero before the first is solved). */
        bound += r->bound;
        alone_bound[w] = r->bound;
    }
    /* The schedule: unit after unit, each in what is left.  A unit that finds no
     * place (a dead end) is planned again with its block of rules first, up to
     * OW_DECOMPOSE_REPLANS times while the time limit has not passed: planning in
     * turn is greedy, and the unit that was left no room is the one to plan early. */
    for (int replans = 0;; replans++) {
        size_t stuck = u.n;
        for (size_t x = 0; x < u.n; x++) {
            const unit *w = &u.list[order[x]];
            if (laid_before[w->members[0]])
                continue; /* laid greedily with a unit before it in a rule */
            /* A body after one of another unit: after its last meeting, by the next
             * working day, in its room. */
            for (size_t y = 0; y < w->n; y++) {
                size_t b = w->members[y], p = u.pred[b];
                room_of[y] = after[y] = first_by[y] = -1;
                last_from[y] = end_from[b];
                if (p >= nb || u.of[p] == order[x])
                    continue;
                for (size_t i = 0; i < whole->n_meetings; i++) {
                    const ow_meeting *m = &whole->meetings[i];
                    if (m->body != p)
                        continue;
                    room_of[y] = m->room;
                    int t = m->day * ns + m->slot;
                    if (t > after[y]) {
                        after[y] = t;
                        first_by[y] = m->day + 1;
                    }
                }
            }
            ow_plan_limits lim = {taken, teams, after, first_by, last_from};
            /* The rooms to try: one at a time for a single body that another follows
             * (the one after it keeps its room); else as above. */
            size_t b = w->members[0];
            int first_room = room_of[0], last_room = room_of[0];
            if (!w->joined && room_of[0] < 0 && u.succ[b] && R > 1 && inst->bodies[b].room < 0) {
                first_room = 0;
                last_room = (int)R - 1;
            }
            for (int r = first_room;
                 part == NULL && !w->joined && by_unit[order[x]] != NULL && r <= last_room; r++)
                if (fits(inst, b, r, after[0], first_by[0], last_from[0], taken, teams,
                         by_unit[order[x]]) &&
                    (part = copy_meetings(by_unit[order[x]])) == NULL) {
                    rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
                    goto done;
                }
            /* Else the best schedule of the rooms tried, each planned in what is left. */
            bool found = part != NULL;
            int laid = 0; /* 1, 2: laid greedily once the time was out; -1: no place */
            double part_of = gain_part(alone_objective, alone_bound, order, x, u.n);
            for (int r = first_room; part == NULL && laid <= 0 && r <= last_room; r++) {
                double limit;
                bool first;
                if (!planning_time(deadline, opts->time_limit, part_of, &limit, &first)) {
                    result->outcome = OW_DECOMPOSE_STOPPED;
                    goto done;
                }
                /* The time is out before this unit's search: the best schedule of the
                 * rooms tried stands, else the unit is laid greedily. */
                if (first && found)
                    break;
                if (first && laid == 0 &&
                    !lay_or_stand_by(inst, &u, w, lay, &whole, taken, teams, &laid, stand_by)) {
                    result->outcome = OW_DECOMPOSE_STOPPED;
                    goto done;
                }
                if (laid > 0)
                    break;
                double left = time_left(deadline);
                ow_schedule *tried = NULL;
                double unit_bound;
                if (!w->joined)
                    room_of[0] = r;
                /* Its bound alone bounds it in what is left too. */
                unit_search how = {limit,
                                   true,
                                   first,
                                   alone_bound[order[x]],
                                   alone_objective[order[x]],
                                   OW_DECOMPOSE_STALL_PLANNED};
                OW_CALL(solve_unit(inst, &u, w, room_of, &lim, opts, &how, &tried, &st, &unit_bound,
                                   &seconds, &cut, err));
                double rest = time_left(deadline);
                if (st == OW_MIP_NO_SOLUTION && !first && limit < left && rest > 0) { /* all left */
                    how.time_limit = rest;
                    OW_CALL(solve_unit(inst, &u, w, room_of, &lim, opts, &how, &tried, &st,
                                       &unit_bound, &seconds, &cut, err));
                }
                /* The limit ran out before this unit's first schedule: the best of the
                 * rooms tried stands, else the unit is laid greedily; else (no first
                 * plan stands by) search on to a first schedule. */
                if (st == OW_MIP_NO_SOLUTION && !first && found)
                    break;
                if (st == OW_MIP_NO_SOLUTION && !first && laid == 0 &&
                    !lay_or_stand_by(inst, &u, w, lay, &whole, taken, teams, &laid, stand_by)) {
                    result->outcome = OW_DECOMPOSE_STOPPED;
                    goto done;
                }
                if (laid > 0)
                    break;
                if (st == OW_MIP_NO_SOLUTION && !first) {
                    if (!planning_time(deadline, opts->time_limit, part_of, &limit, &first)) {
                        result->outcome = OW_DECOMPOSE_STOPPED;
                        goto done;
                    }
                    how.time_limit = limit;
                    how.first = true;
                    if (first)
                        OW_CALL(solve_unit(inst, &u, w, room_of, &lim, opts, &how, &tried, &st,
                                           &unit_bound, &seconds, &cut, err));
                }
                if (st == OW_MIP_INFEASIBLE)
                    continue;
                if (tried == NULL) {
                    result->outcome = OW_DECOMPOSE_STOPPED;
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
            if (laid > 0) {
                cut = true; /* the limit ended this unit short of a search */
                if (laid == 2)
                    break; /* every unit is laid */
                for (size_t y = 0; y < nb; y++)
                    laid_before[y] |= lay[y];
                continue;
            }
            if (!found) {
                stuck = order[x]; /* a dead end */
                break;
            }
            if (part == NULL) {
                part = best;
                best = NULL;
            }
            rc = OW_OK;
            occupy(inst, part, taken, teams);
            OW_CALL(merge(whole, part, err));
            ow_schedule_free(part);
            part = NULL;
        }
        if (stuck == u.n)
            break;
        if (replans >= OW_DECOMPOSE_REPLANS || time_left(deadline) < 0 ||
            !block_first(inst, &u, stuck, order, mark))
            goto done; /* a dead end of planning in turn proves nothing: the caller
                        * solves the whole program instead */
        ow_schedule_free(whole);
        whole = ow_schedule_new();
        if (whole == NULL) {
            rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
            goto done;
        }
        memset(taken, 0, n_global * R);
        memset(teams, 0, n_global * sizeof *teams);
        memset(laid_before, 0, nb * sizeof *laid_before);
    }
    ow_schedule_sort(whole);
    ow_objective_terms terms;
    ow_schedule_objective(inst, whole, &terms);
    whole->objective = (double)terms.total;
    whole->objective_given = true;
    whole->gap = ow_mip_gap(whole->objective, bound);
    whole->status = whole->gap <= 0 ? OW_SOLVE_OPTIMAL : OW_SOLVE_FEASIBLE;
    whole->seconds = seconds;
    *result = (ow_decompose_result){OW_DECOMPOSE_PLANNED, whole, cut, bound};
    whole = NULL;
done:
    if (result->outcome != OW_DECOMPOSE_INFEASIBLE)
        result->bound = bound;
    ow_schedule_free(part);
    ow_schedule_free(best);
    ow_schedule_free(whole);
    for (size_t w = 0; by_unit != NULL && have_units && w < u.n; w++)
        ow_schedule_free(by_unit[w]);
    ow_arena_free(scratch);
    if (have_units)
        units_free(&u);
    return rc;
}
