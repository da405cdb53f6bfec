/* consecutive.c: `consecutive: [A, B, ...]` (docs/model.md, "Bodies together"):
 * one room for all; each body starts after the one before it ends, with no idle
 * working day between.  Both are written over cumulative placements ("placed by
 * slot t"), interval rows that keep the LP tight, rather than over weighted slot
 * numbers. */
#include "internal.h"

/* Adds c * z of body b's meeting k over the global slots from..to (inclusive). */
static void add_placed(ow_program *P, const ow_instance *inst, const body_model *bm, size_t b,
                       int row, int k, int from, int to, double c)
{
    for (int t = from; t <= to; t++) {
        int p = window_position(inst, bm, b, t);
        if (p < 0)
            continue;
        for (int r = 0; r < bm->n_rooms; r++) {
            int zc = bm->z[ZIDX(bm, k, p, r)];
            if (zc >= 0)
                ow_program_add(P, row, zc, c);
        }
    }
}

/* rroom, sameroom: all meetings of the rule's bodies in room rho, Σ_r rho[q,r] = 1
 * (only with several rooms). */
static void add_sameroom(ow_formulation *f, size_t q)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    int R = (int)inst->n_rooms;
    const ow_rule *rule = &inst->rules[q];
    int one = ow_program_row(P, OW_ROW_EQ, 1, "rroom[%zu]", q + 1);
    for (int r = 0; r < R; r++) {
        int rho = ow_program_col(P, OW_COL_BINARY, 0, 1, 0, "rho[%zu,%s]", q + 1, inst->rooms[r]);
        ow_program_add(P, one, rho, 1);
        for (size_t x = 0; x < rule->n_bodies; x++) {
            const body_model *bm = &f->bodies[rule->bodies[x]];
            for (int k = 0; k < bm->K; k++) {
                int row = ow_program_row(P, OW_ROW_LE, 0, "sameroom[%zu,%s,%d,%s]", q + 1,
                                         inst->bodies[rule->bodies[x]].id, k + 1, inst->rooms[r]);
                ow_program_add(P, row, rho, -1);
                for (int rr = 0; rr < bm->n_rooms; rr++)
                    if (bm->rooms[rr] == r)
                        for (int p = 0; p < bm->n_pos; p++) {
                            int zc = bm->z[ZIDX(bm, k, p, rr)];
                            if (zc >= 0)
                                ow_program_add(P, row, zc, 1);
                        }
            }
        }
    }
}

/* opens: g[Q,P] = Σ of Q's first-meeting steps that are a joint meeting of P and Q,
 * whichever of them lists the item.  Returns the column g, or -1 when Q's first
 * meeting cannot be one. */
static int add_opens(ow_formulation *f, size_t pb, size_t nb)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    const body_model *next = &f->bodies[nb];
    const char *pid = inst->bodies[pb].id, *nid = inst->bodies[nb].id;
    /* A joint meeting of the two, whichever of them lists the item, may open
     * next's session: the two meet jointly, prev closes, next goes on.  g = 1 when
     * next's first meeting is that joint meeting; prev then ends before next's
     * second meeting, and the no-idle-day rule holds for it (noidle2). */
    int g = -1;
    for (size_t j = 0; j < f->n_joints; j++) {
        const joint *jt = &f->joints[j];
        bool next_guest = jt->owner == pb && attends(inst, jt, nb);
        bool next_owner = jt->owner == nb && attends(inst, jt, pb);
        if (!next_guest && !next_owner)
            continue;
        if (g < 0)
            g = ow_program_row(P, OW_ROW_EQ, 0, "opens[%s,%s]", nid, pid);
        if (next_guest)
            ow_add_guest_step(f, next, g, 0, j, 1);
        else
            ow_add_presence(P, next, g, 0, jt->item + 1, 1);
    }
    int gcol = -1;
    if (g >= 0) {
        gcol = ow_program_col(P, OW_COL_BINARY, 0, 1, 0, "g[%s,%s]", nid, pid);
        ow_program_add(P, g, gcol, -1);
    }
    return gcol;
}

/* before: Σ_{t'≤t} z[Q,first,t'] - Σ_{t'<t} z[P,k,t'] + u[P,k] ≤ 1 for every slot t:
 * Q's first meeting (its second when g = 1) comes after P's held meeting k. */
static void add_before(ow_formulation *f, size_t pb, size_t nb, int k, int gcol)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    const body_model *prev = &f->bodies[pb], *next = &f->bodies[nb];
    const char *pid = inst->bodies[pb].id, *nid = inst->bodies[nb].id;
    int n_global = inst->calendar.n_days * (int)inst->calendar.n_slots;
    /* next's first own meeting placed by slot t => prev's held meeting k
     * placed before t. */
    for (int first = 0; first <= (gcol >= 0 && next->K > 1 ? 1 : 0); first++)
        for (int t = 0; t < n_global; t++) {
            if (window_position(inst, next, nb, t) < 0)
                continue;
            int row = ow_program_row(P, OW_ROW_LE, 1, "before[%s,%d,%s,%d,%d]", pid, k + 1, nid,
                                     first + 1, t);
            add_placed(P, inst, next, nb, row, first, 0, t, 1);
            add_placed(P, inst, prev, pb, row, k, 0, t - 1, -1);
            ow_program_add(P, row, prev->u[k], 1);
            if (gcol >= 0)
                ow_program_add(P, row, gcol, first == 0 ? -1 : 1);
            if (gcol >= 0 && first == 1)
                ow_program_row_rhs(P, row, 2);
        }
}

/* noidle: Σ_{t' ≤ end of day d+1} z[Q,1,t'] ≥ Σ_{t∈d} z[P,k,t] - u[P,k+1] (- g): if
 * P's last meeting is on day d, Q has started by the end of day d+1.  noidle2, when
 * a joint meeting may open Q's session (g = 1): Q's second meeting, if held, has. */
static void add_noidle(ow_formulation *f, size_t pb, size_t nb, int k, int gcol)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    const body_model *prev = &f->bodies[pb], *next = &f->bodies[nb];
    const char *pid = inst->bodies[pb].id, *nid = inst->bodies[nb].id;
    int ns = (int)inst->calendar.n_slots;
    int n_global = inst->calendar.n_days * ns;
    /* prev's last meeting on day d => next started by the end of day d+1. */
    for (int d = inst->bodies[pb].window_from; d <= inst->bodies[pb].window_to; d++) {
        int row = ow_program_row(P, OW_ROW_GE, 0, "noidle[%s,%d,%s,%d]", pid, k + 1, nid, d);
        int end = (d + 2) * ns - 1 < n_global ? (d + 2) * ns - 1 : n_global - 1;
        add_placed(P, inst, next, nb, row, 0, 0, end, 1);
        add_placed(P, inst, prev, pb, row, k, d * ns, d * ns + ns - 1, -1);
        if (k + 1 < prev->K)
            ow_program_add(P, row, prev->u[k + 1], 1);
        if (gcol < 0)
            continue;
        ow_program_add(P, row, gcol, 1);
        if (next->K < 2)
            continue; /* no second meeting */
        row = ow_program_row(P, OW_ROW_GE, -2, "noidle2[%s,%d,%s,%d]", pid, k + 1, nid, d);
        add_placed(P, inst, next, nb, row, 1, 0, end, 1);
        add_placed(P, inst, prev, pb, row, k, d * ns, d * ns + ns - 1, -1);
        if (k + 1 < prev->K)
            ow_program_add(P, row, prev->u[k + 1], 1);
        ow_program_add(P, row, gcol, -1);
        ow_program_add(P, row, next->u[1], -1);
    }
}

/* Each rule in turn: its room, then each pair in order, meeting by meeting of the
 * body before (the rows of one meeting together). */
void ow_add_consecutive(ow_formulation *f)
{
    const ow_instance *inst = f->inst;
    for (size_t q = 0; q < inst->n_rules; q++) {
        const ow_rule *rule = &inst->rules[q];
        if (inst->n_rooms > 1)
            add_sameroom(f, q);
        for (size_t x = 0; x + 1 < rule->n_bodies; x++) {
            size_t pb = rule->bodies[x], nb = rule->bodies[x + 1];
            int gcol = add_opens(f, pb, nb);
            for (int k = 0; k < f->bodies[pb].K; k++) {
                add_before(f, pb, nb, k, gcol);
                add_noidle(f, pb, nb, k, gcol);
            }
        }
    }
}

/* The rows of the consecutive rules count in the size cap too: a pair (A, B) of a
 * rule adds, for each of A's meetings and each slot, a row over the positions of
 * both bodies; many long rules over many bodies would outgrow memory before any
 * limit is looked at. */
ow_status ow_size_consecutive(ow_formulation *f, ow_error *err)
{
    const ow_instance *inst = f->inst;
    double n_global = (double)inst->calendar.n_days * inst->calendar.n_slots;
    for (size_t q = 0; q < inst->n_rules; q++) {
        const ow_rule *rule = &inst->rules[q];
        for (size_t x = 0; x < rule->n_bodies; x++) {
            const body_model *bm = &f->bodies[rule->bodies[x]];
            f->size += (double)inst->n_rooms * bm->K * bm->n_pos * bm->n_rooms;
            if (x + 1 < rule->n_bodies) {
                const body_model *next = &f->bodies[rule->bodies[x + 1]];
                f->size += (double)bm->K * n_global / 2 *
                           ((double)bm->n_pos * bm->n_rooms + (double)next->n_pos * next->n_rooms);
            }
        }
        if (f->size > OW_MAX_PROGRAM)
            return ow_error_set(err, OW_INPUT, inst->path, rule->loc,
                                "the integer program is too large to solve with this consecutive "
                                "rule (rule %zu of %zu, %zu bodies); give the bodies fewer "
                                "meetings or windows, the calendar fewer days, or fewer rules",
                                q + 1, inst->n_rules, rule->n_bodies);
    }
    return OW_OK;
}
