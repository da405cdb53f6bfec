/* shape.c: the state graph of each body (docs/model.md, "What a schedule is"):
 * its states, the arcs that lie on some path, and the arrays its columns go in. */
#include <stdlib.h>

#include "internal.h"

/* Can meeting k go from state s to state t?  Capacity is judged against the
 * longest slot; the exact slot length is a row. */
static bool step_possible(const ow_body *body, const body_model *bm, int k, int s, int t, int Lmax)
{
    int last = bm->n_states - 1;
    if (bm->lo[s] > bm->hi[s] || bm->lo[t] > bm->hi[t])
        return false;
    if (t < s)
        return false;
    if (t == s) {
        /* Idle after the agenda is done, or a whole meeting inside one long item. */
        if (s == last)
            return true;
        if (s % 2 == 0 || bm->hi[s] <= bm->lo[s])
            return false;
    }
    if (bm->lo[t] - bm->hi[s] > Lmax)
        return false;
    for (int i = 1; i <= bm->n; i++) {
        if (!covers(s, t, i))
            continue;
        /* A joint item is taken alone and whole in its joint meeting. */
        if (body->items[i - 1].n_joint > 0 && (s != 2 * i - 2 || t != 2 * i))
            return false;
        /* An item taken alone: the meeting runs from no earlier than its start to no
         * later than its end, so it holds nothing else. */
        if (body->items[i - 1].alone && (s < 2 * i - 2 || t > 2 * i))
            return false;
        int mk = set_meeting(&body->items[i - 1]);
        if (mk < 0)
            continue;
        /* An item set to meeting mk is taken whole in it, and nowhere else. */
        if (k != mk || s > 2 * i - 2 || t < 2 * i)
            return false;
    }
    return true;
}

/* The meetings a body must hold when k_min reaches K: all K, or with `held: all`
 * every meeting it may hold (fewer than K when its slots are limited). */
static int held_all_meetings(const ow_instance *inst, const ow_body *body, int K)
{
    if (!body->held_all)
        return K;
    int all = ow_body_max_meetings(inst, body);
    return all < K ? all : K;
}

/* Guest joint meetings body b attends. */
static size_t guest_meetings(const ow_formulation *f, size_t b)
{
    size_t n_guest = 0;
    for (size_t j = 0; j < f->n_joints; j++)
        n_guest += attends(f->inst, &f->joints[j], b);
    return n_guest;
}

/* Sets up a body with `order: free`: which meetings each item may be taken in. */
static ow_status shape_free(ow_formulation *f, size_t b, int Lmax, ow_error *err)
{
    body_model *bm = &f->bodies[b];
    size_t cells = (size_t)bm->n * (size_t)bm->K + 1;
    bm->free = true;
    bm->a = ow_arena_calloc(f->arena, cells, sizeof(int));
    bm->pm = ow_arena_calloc(f->arena, cells, sizeof(int));
    bm->c = ow_arena_calloc(f->arena, cells, sizeof(int));
    bm->gj = ow_arena_calloc(f->arena, (size_t)bm->K * f->n_joints + 1, sizeof(int));
    if (!bm->a || !bm->pm || !bm->c || !bm->gj)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    bm->k_min = (bm->cum[bm->n] + Lmax - 1) / Lmax + (int)guest_meetings(f, b);
    if (bm->k_min > bm->K || f->inst->bodies[b].held_all)
        bm->k_min = held_all_meetings(f->inst, &f->inst->bodies[b], bm->K);
    return OW_OK;
}

/* How large body b's model is: items, states, positions, meetings and rooms.
 * OW_INPUT when the program would pass its size limit. */
static ow_status size_body(ow_formulation *f, size_t b, ow_error *err)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    body_model *bm = &f->bodies[b];
    int ns = (int)inst->calendar.n_slots;

    bm->n = (int)body->n_items;
    bm->n_states = 2 * bm->n + 1;
    bm->n_pos = (body->window_to - body->window_from + 1) * ns;
    int per_day =
        body->meetings_per_day > 0 && body->meetings_per_day < ns ? body->meetings_per_day : ns;
    int window_days = body->window_to - body->window_from + 1;
    int K = body->meetings > 0 ? body->meetings : window_days * per_day;
    if (K > window_days * per_day)
        K = window_days * per_day;
    bm->K = K;
    /* A body alone, with every room free, finds every room alike: it is given the
     * first (the one the tie-break would choose), and the search no room symmetry. */
    bool rooms_alike = inst->n_bodies == 1 && (f->lim == NULL || f->lim->room_taken == NULL);
    bm->n_rooms = body->room >= 0 || rooms_alike ? 1 : (int)inst->n_rooms;
    /* Growth has caps: the rows that order a body's meetings hold K × positions² ×
     * rooms entries, so a long calendar with no `meetings` and no window would use
     * up memory and time before any time limit is looked at. */
    f->size += (double)K * bm->n_pos * bm->n_pos * bm->n_rooms;
    if (f->size > OW_MAX_PROGRAM)
        return ow_error_set(err, OW_INPUT, inst->path, body->loc,
                            "the integer program is too large to solve (body %s may hold %d "
                            "meetings in %d slots and %d room%s); give the body fewer meetings, "
                            "a window, or the calendar fewer days",
                            body->id, K, bm->n_pos, bm->n_rooms, bm->n_rooms == 1 ? "" : "s");
    return OW_OK;
}

/* The arrays of body b's model, and what it reads from the instance: the global slot
 * of each position, its rooms, the agenda's cumulative minutes. */
static ow_status alloc_body(ow_formulation *f, size_t b, ow_error *err)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    body_model *bm = &f->bodies[b];
    int ns = (int)inst->calendar.n_slots, K = bm->K;
    int window_days = body->window_to - body->window_from + 1;
    size_t S = (size_t)bm->n_states;
    bm->pos_slot = ow_arena_calloc(f->arena, (size_t)bm->n_pos + 1, sizeof(int));
    bm->rooms = ow_arena_calloc(f->arena, (size_t)bm->n_rooms + 1, sizeof(int));
    bm->cum = ow_arena_calloc(f->arena, (size_t)bm->n + 1, sizeof(int));
    bm->cmin = ow_arena_calloc(f->arena, (size_t)bm->n + 1, sizeof(int));
    bm->cmax = ow_arena_calloc(f->arena, (size_t)bm->n + 1, sizeof(int));
    bm->C = ow_arena_calloc(f->arena, (size_t)bm->n + 1, sizeof(int));
    bm->lo = ow_arena_calloc(f->arena, S, sizeof(int));
    bm->hi = ow_arena_calloc(f->arena, S, sizeof(int));
    bm->u = ow_arena_calloc(f->arena, (size_t)K + 1, sizeof(int));
    bm->W = ow_arena_calloc(f->arena, (size_t)K + 1, sizeof(int));
    bm->layer = ow_arena_calloc(f->arena, (size_t)K + 1, sizeof(size_t));
    bm->z = ow_arena_calloc(f->arena, (size_t)K * (size_t)bm->n_pos * (size_t)bm->n_rooms + 1,
                            sizeof(int));
    bm->y = ow_arena_calloc(f->arena, (size_t)window_days + 1, sizeof(int));
    if (!bm->pos_slot || !bm->rooms || !bm->cum || !bm->cmin || !bm->cmax || !bm->C || !bm->lo ||
        !bm->hi || !bm->u || !bm->W || !bm->layer || !bm->z || !bm->y)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    for (int p = 0; p < bm->n_pos; p++)
        bm->pos_slot[p] = body->window_from * ns + p;
    if (body->room >= 0)
        bm->rooms[0] = body->room;
    else
        for (int r = 0; r < bm->n_rooms; r++)
            bm->rooms[r] = r;
    for (int i = 0; i < bm->n; i++) {
        const ow_item *it = &body->items[i];
        bm->cum[i + 1] = bm->cum[i] + it->minutes;
        bm->cmin[i + 1] = bm->cmin[i] + it->min_minutes;
        bm->cmax[i + 1] = bm->cmax[i] + it->max_minutes;
        bm->flex = bm->flex || it->min_minutes < it->max_minutes;
        bm->C[i + 1] = -1;
    }
    bm->C[0] = -1;
    if (!bm->flex) /* a range of one length is that length */
        for (int i = 0; i <= bm->n; i++)
            bm->cum[i] = bm->cmin[i];
    return OW_OK;
}

/* The agenda minutes a cut in each state may take (docs/model.md, "What a schedule
 * is"): exact at a boundary, an open margin inside an item that may split. */
static void set_ranges(const ow_body *body, body_model *bm)
{
    for (int j = 0; j <= bm->n; j++) {
        bm->lo[2 * j] = bm->cmin[j];
        bm->hi[2 * j] = bm->cmax[j];
    }
    for (int i = 1; i <= bm->n; i++) {
        const ow_item *it = &body->items[i - 1];
        int g = open_margin(it);
        bool inside = it->split && it->n_joint == 0 && (!bm->flex || it->max_minutes >= 2 * g);
        bm->lo[2 * i - 1] = bm->cmin[i - 1] + g;
        bm->hi[2 * i - 1] = inside ? bm->cmax[i] - g : bm->cmin[i - 1];
    }
}

/* Marks in fwd[k * S + s] the states cut k can reach from cut 0 in state 0, in
 * bwd those from which cut K can still end in the last state; a joint meeting of a
 * guest leaves its state as it is.  Returns the arcs that lie on a path. */
static size_t guest_steps(const ow_formulation *f, size_t b, int k, int s)
{
    size_t n = 0;
    for (size_t j = 0; j < f->n_joints; j++)
        n += guest_step_allowed(f, b, j, k, s);
    return n;
}

static size_t sweep(const ow_formulation *f, size_t b, int Lmax, unsigned char *fwd,
                    unsigned char *bwd)
{
    const ow_body *body = &f->inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    size_t S = (size_t)bm->n_states;
    int K = bm->K;
    fwd[0] = 1;
    for (int k = 0; k < K; k++)
        for (int s = 0; s < bm->n_states; s++) {
            if (!fwd[(size_t)k * S + (size_t)s])
                continue;
            if (guest_steps(f, b, k, s) > 0)
                fwd[(size_t)(k + 1) * S + (size_t)s] = 1;
            for (int t = s; t < bm->n_states; t++)
                if (step_possible(body, bm, k, s, t, Lmax))
                    fwd[(size_t)(k + 1) * S + (size_t)t] = 1;
        }
    bwd[(size_t)K * S + S - 1] = 1;
    size_t n_arcs = 0;
    for (int k = K - 1; k >= 0; k--)
        for (int s = 0; s < bm->n_states; s++) {
            if (!fwd[(size_t)k * S + (size_t)s])
                continue;
            size_t steps = guest_steps(f, b, k, s);
            if (steps > 0 && fwd[(size_t)(k + 1) * S + (size_t)s] &&
                bwd[(size_t)(k + 1) * S + (size_t)s]) {
                bwd[(size_t)k * S + (size_t)s] = 1;
                n_arcs += steps;
            }
            for (int t = s; t < bm->n_states; t++)
                if (fwd[(size_t)(k + 1) * S + (size_t)t] && bwd[(size_t)(k + 1) * S + (size_t)t] &&
                    step_possible(body, bm, k, s, t, Lmax)) {
                    bwd[(size_t)k * S + (size_t)s] = 1;
                    n_arcs++;
                }
        }
    return n_arcs;
}

/* Lists body b's arcs, layer by layer: each meeting's steps that lie on a path. */
static void list_arcs(const ow_formulation *f, size_t b, int Lmax, const unsigned char *fwd,
                      const unsigned char *bwd)
{
    const ow_body *body = &f->inst->bodies[b];
    body_model *bm = &f->bodies[b];
    size_t S = (size_t)bm->n_states;
    int K = bm->K;
    for (int k = 0; k < K; k++) {
        bm->layer[k] = bm->n_arcs;
        for (int s = 0; s < bm->n_states; s++) {
            if (!fwd[(size_t)k * S + (size_t)s] || !bwd[(size_t)k * S + (size_t)s])
                continue;
            for (int t = s; t < bm->n_states; t++)
                if (bwd[(size_t)(k + 1) * S + (size_t)t] && step_possible(body, bm, k, s, t, Lmax))
                    bm->arcs[bm->n_arcs++] = (arc){s, t, -1, -1};
            if (bwd[(size_t)(k + 1) * S + (size_t)s])
                for (size_t j = 0; j < f->n_joints; j++)
                    if (guest_step_allowed(f, b, j, k, s))
                        bm->arcs[bm->n_arcs++] = (arc){s, s, -1, (int)j};
        }
    }
    bm->layer[K] = bm->n_arcs;
}

/* Sets up the state graph of one body: states, and the arcs that lie on some path
 * from "nothing done" before meeting 1 to "all done" after meeting K. */
ow_status ow_shape_body(ow_formulation *f, size_t b, ow_error *err)
{
    const ow_body *body = &f->inst->bodies[b];
    body_model *bm = &f->bodies[b];
    int Lmax = ow_calendar_longest_slot(&f->inst->calendar);
    ow_status rc = OW_OK;
    unsigned char *fwd = NULL, *bwd = NULL;
    OW_CALL(size_body(f, b, err));
    OW_CALL(alloc_body(f, b, err));
    if (body->order_free)
        return shape_free(f, b, Lmax, err);
    set_ranges(body, bm);
    size_t S = (size_t)bm->n_states, n_guest = guest_meetings(f, b);
    fwd = calloc(((size_t)bm->K + 1) * S, 1);
    bwd = calloc(((size_t)bm->K + 1) * S, 1);
    if (fwd == NULL || bwd == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    size_t n_arcs = sweep(f, b, Lmax, fwd, bwd);
    bm->k_min = (bm->cmin[bm->n] + Lmax - 1) / Lmax + (int)n_guest;
    if (bm->k_min > bm->K || body->held_all)
        bm->k_min = held_all_meetings(f->inst, body, bm->K);
    if (!bwd[0]) {
        f->crossed = true;
        goto done;
    }
    bm->arcs = ow_arena_calloc(f->arena, n_arcs + 1, sizeof(arc));
    if (bm->arcs == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    list_arcs(f, b, Lmax, fwd, bwd);
done:
    free(fwd);
    free(bwd);
    return rc;
}
