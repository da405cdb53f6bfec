/* joints.c: joint items (docs/model.md, "Bodies together"): J[j][t,r] says where
 * joint meeting j is held; the owner's meeting holding the item and each guest's
 * joint meeting must be there. */
#include "internal.h"

/* joint: Σ J[j,·,·] = 1, J only on the days every attending body's window holds. */
static void add_joint(ow_formulation *f, size_t j)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    int R = (int)inst->n_rooms;
    int n_global = inst->calendar.n_days * (int)inst->calendar.n_slots;
    joint *jt = &f->joints[j];
    const ow_item *it = &inst->bodies[jt->owner].items[jt->item];
    int one = ow_program_row(P, OW_ROW_EQ, 1, "joint[%s,%s]", inst->bodies[jt->owner].id, it->id);
    /* Only on the days every attending body's window holds (J = -1 elsewhere). */
    int from = inst->bodies[jt->owner].window_from, to = inst->bodies[jt->owner].window_to;
    for (size_t q = 0; q < it->n_joint; q++) {
        const ow_body *g = &inst->bodies[it->joint_with[q]];
        from = g->window_from > from ? g->window_from : from;
        to = g->window_to < to ? g->window_to : to;
    }
    for (int t = 0; t < n_global; t++)
        for (int r = 0; r < R; r++) {
            jt->J[t * R + r] = -1;
            if (slot_day(inst, t) < from || slot_day(inst, t) > to)
                continue;
            jt->J[t * R + r] =
                ow_program_col(P, OW_COL_BINARY, 0, 1, 0, "J[%s,%s,%d,%s]",
                               inst->bodies[jt->owner].id, it->id, t, inst->rooms[r]);
            ow_program_add(P, one, jt->J[t * R + r], 1);
        }
}

/* guest: each guest holds exactly one xj step (or g column) for the joint meeting. */
static void add_guest(ow_formulation *f, size_t j, size_t b)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    const joint *jt = &f->joints[j];
    const ow_item *it = &inst->bodies[jt->owner].items[jt->item];
    const body_model *bm = &f->bodies[b];
    int once = ow_program_row(P, OW_ROW_EQ, 1, "guest[%s,%s,%s]", inst->bodies[b].id,
                              inst->bodies[jt->owner].id, it->id);
    for (int k = 0; k < bm->K; k++)
        ow_add_guest_step(f, bm, once, k, j, 1);
}

/* Adds to row, with coefficient c, that body b's meeting k is joint meeting j: the
 * owner's presence of the item there (present(k)), or the guest's step (xj(k)). */
static void add_attending(ow_formulation *f, size_t j, size_t b, int row, int k, double c)
{
    const joint *jt = &f->joints[j];
    const body_model *bm = &f->bodies[b];
    if (b == jt->owner)
        ow_add_presence(f->program, bm, row, k, jt->item + 1, c);
    else
        ow_add_guest_step(f, bm, row, k, j, c);
}

/* jointat: z[b,k,t,r] + present/xj(k) - J[j,t,r] ≤ 1, every attending body's joint
 * meeting is where J says. */
static void add_jointat(ow_formulation *f, size_t j, size_t b)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    const joint *jt = &f->joints[j];
    const body_model *bm = &f->bodies[b];
    int R = (int)inst->n_rooms;
    for (int k = 0; k < bm->K; k++)
        for (int p = 0; p < bm->n_pos; p++)
            for (int r = 0; r < bm->n_rooms; r++) {
                int zc = bm->z[ZIDX(bm, k, p, r)];
                if (zc < 0)
                    continue;
                int row =
                    ow_program_row(P, OW_ROW_LE, 1, "jointat[%s,%d,%d,%s,%zu]", inst->bodies[b].id,
                                   k + 1, p, inst->rooms[bm->rooms[r]], j);
                ow_program_add(P, row, zc, 1);
                int Jc = jt->J[bm->pos_slot[p] * R + bm->rooms[r]];
                if (Jc >= 0)
                    ow_program_add(P, row, Jc, -1);
                add_attending(f, j, b, row, k, 1);
            }
}

/* jointk, jointv, jointis: v[k,t,r] ≤ z[k,t,r], Σ_{t,r} v[k,t,r] = present/xj(k),
 * J[j,t,r] = Σ_k v[k,t,r]. */
static void add_jointv(ow_formulation *f, size_t j, size_t b)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    const joint *jt = &f->joints[j];
    const body_model *bm = &f->bodies[b];
    int R = (int)inst->n_rooms;
    int n_global = inst->calendar.n_days * (int)inst->calendar.n_slots;
    /* Tighter still, the product of "meeting k is the joint meeting" and "meeting
     * k is in (t, r)": v[k,t,r] <= z[k,t,r], sum_{t,r} v[k,·] = present(k), and J
     * is the sum of v over k (`jointk`, `jointv`, `jointis`).  Without a memory
     * block for it the rows above still hold. */
    int *vcol = ow_arena_calloc(f->arena, (size_t)bm->K * bm->n_pos * bm->n_rooms + 1, sizeof(int));
    if (vcol != NULL) {
        for (int k = 0; k < bm->K; k++) {
            int row =
                ow_program_row(P, OW_ROW_EQ, 0, "jointk[%zu,%s,%d]", j, inst->bodies[b].id, k + 1);
            add_attending(f, j, b, row, k, -1);
            for (int p = 0; p < bm->n_pos; p++)
                for (int r = 0; r < bm->n_rooms; r++) {
                    size_t zi = ZIDX(bm, k, p, r);
                    vcol[zi] = -1;
                    if (bm->z[zi] < 0)
                        continue;
                    vcol[zi] = ow_program_col(P, OW_COL_CONTINUOUS, 0, 1, 0, "v[%zu,%s,%d,%d,%d]",
                                              j, inst->bodies[b].id, k + 1, p, r);
                    ow_program_add(P, row, vcol[zi], 1);
                    int vr = ow_program_row(P, OW_ROW_LE, 0, "jointv[%zu,%s,%d,%d,%d]", j,
                                            inst->bodies[b].id, k + 1, p, r);
                    ow_program_add(P, vr, vcol[zi], 1);
                    ow_program_add(P, vr, bm->z[zi], -1);
                }
        }
        for (int t = 0; t < n_global; t++)
            for (int r = 0; r < R; r++) {
                int p = window_position(inst, bm, b, t);
                if (jt->J[t * R + r] < 0 && p < 0)
                    continue; /* nothing there */
                int row = ow_program_row(P, OW_ROW_EQ, 0, "jointis[%zu,%s,%d,%s]", j,
                                         inst->bodies[b].id, t, inst->rooms[r]);
                if (jt->J[t * R + r] >= 0)
                    ow_program_add(P, row, jt->J[t * R + r], 1);
                for (int rr = 0; p >= 0 && rr < bm->n_rooms; rr++)
                    for (int k = 0; bm->rooms[rr] == r && k < bm->K; k++) {
                        int vc = vcol[ZIDX(bm, k, p, rr)];
                        if (vc >= 0)
                            ow_program_add(P, row, vc, -1);
                    }
            }
    }
}

/* jointmeets: J[j,t,r] ≤ Σ_k z[b,k,t,r] for every attending body. */
static void add_jointmeets(ow_formulation *f, size_t j, size_t b)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    const joint *jt = &f->joints[j];
    const body_model *bm = &f->bodies[b];
    int R = (int)inst->n_rooms;
    int n_global = inst->calendar.n_days * (int)inst->calendar.n_slots;
    /* Valid where the rows above are weak in the LP: the joint meeting is
     * only where the body holds a meeting (`jointmeets`). */
    for (int t = 0; t < n_global; t++)
        for (int r = 0; r < R && jt->J[t * R + r] >= 0; r++) {
            int row = ow_program_row(P, OW_ROW_LE, 0, "jointmeets[%zu,%s,%d,%s]", j,
                                     inst->bodies[b].id, t, inst->rooms[r]);
            ow_program_add(P, row, jt->J[t * R + r], 1);
            int p = window_position(inst, bm, b, t);
            for (int rr = 0; p >= 0 && rr < bm->n_rooms; rr++)
                for (int k = 0; bm->rooms[rr] == r && k < bm->K; k++) {
                    int zc = bm->z[ZIDX(bm, k, p, rr)];
                    if (zc >= 0)
                        ow_program_add(P, row, zc, -1);
                }
        }
}

/* jointlast: a guest's joint meeting k for a joint item marked last is its last
 * meeting, xj/g(k) + u[k+1] ≤ 1; and when the guest has an item marked last of its
 * own (free order: item L), no joint meeting after the meeting where L ends,
 * g(k) + a[L,k-1] ≤ 1 (the path's states already say both). */
static void add_jointlast(ow_formulation *f, size_t j, size_t b)
{
    const ow_instance *inst = f->inst;
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const joint *jt = &f->joints[j];
    const ow_item *it = &inst->bodies[jt->owner].items[jt->item];
    const ow_body *body = &inst->bodies[b];
    for (int k = 0; k + 1 < bm->K && it->last; k++) {
        int row = ow_program_row(P, OW_ROW_LE, 1, "jointlast[%s,%s,%s,%d]", body->id,
                                 inst->bodies[jt->owner].id, it->id, k + 1);
        ow_add_guest_step(f, bm, row, k, j, 1);
        ow_program_add(P, row, bm->u[k + 1], 1);
    }
    for (size_t l = 0; bm->free && l < body->n_items; l++) {
        if (!body->items[l].last)
            continue;
        for (int k = 1; k < bm->K; k++) {
            int a = bm->a[AIDX(bm, l, k - 1)], g = bm->gj[(size_t)k * f->n_joints + j];
            if (a < 0 || g < 0)
                continue;
            int row = ow_program_row(P, OW_ROW_LE, 1, "guestlast[%s,%s,%s,%d]", body->id,
                                     inst->bodies[jt->owner].id, it->id, k + 1);
            ow_program_add(P, row, g, 1);
            ow_program_add(P, row, a, 1);
        }
    }
}

/* Joint item by joint item: its J columns, then the rows of each attending body,
 * the owner and its guests, in body order. */
void ow_add_joints(ow_formulation *f)
{
    for (size_t j = 0; j < f->n_joints; j++) {
        const joint *jt = &f->joints[j];
        add_joint(f, j);
        for (size_t b = 0; b < f->inst->n_bodies; b++) {
            bool owner = b == jt->owner;
            if (!owner && !attends(f->inst, jt, b))
                continue;
            if (!owner) {
                add_guest(f, j, b);
                add_jointlast(f, j, b);
            }
            add_jointat(f, j, b);
            add_jointv(f, j, b);
            add_jointmeets(f, j, b);
        }
    }
}
