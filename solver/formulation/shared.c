/* shared.c: rows shared by bodies (docs/model.md, "Bodies together"): one meeting
 * per room and slot (a joint meeting uses its room once), interpretation teams (a
 * joint meeting uses one team). */
#include "internal.h"

/* Bodies attending joint meeting jt (its owner and its guests), and how many of
 * them meet with interpretation. */
static int attendance(const ow_instance *inst, const joint *jt, int *interpreted)
{
    const ow_item *it = &inst->bodies[jt->owner].items[jt->item];
    int n = 1, in = inst->bodies[jt->owner].interpretation;
    for (size_t q = 0; q < it->n_joint; q++) {
        n++;
        in += inst->bodies[it->joint_with[q]].interpretation;
    }
    *interpreted = in;
    return n;
}

/* teams[t]: Σ over interpreted bodies of z[b,k,t,r] - Σ_j (interpreted_j - 1)·J[j,t,r]
 * ≤ interpretation_teams, less the teams already in use there.  Returns the row;
 * add_room writes its entries. */
static int add_teams(ow_formulation *f, int t)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    /* Teams in use by bodies planned earlier (solver/decompose.c) are not free. */
    int used = f->lim != NULL && f->lim->teams_used != NULL ? f->lim->teams_used[t] : 0;
    int team = ow_program_row(P, OW_ROW_LE, inst->interpretation_teams - used, "teams[%d]", t);
    return team;
}

/* room[t,r]: Σ_b Σ_k z[b,k,t,r] - Σ_j (attending_j - 1)·J[j,t,r] ≤ 1 — one meeting per
 * room and slot, a joint meeting counted once; and the entries of teams[t] there. */
static void add_room(ow_formulation *f, int t, int r, int team)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    int R = (int)inst->n_rooms;
    int row = ow_program_row(P, OW_ROW_LE, 1, "room[%d,%s]", t, inst->rooms[r]);
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const body_model *bm = &f->bodies[b];
        int p = window_position(inst, bm, b, t);
        if (p < 0)
            continue;
        for (int rr = 0; rr < bm->n_rooms; rr++) {
            if (bm->rooms[rr] != r)
                continue;
            for (int k = 0; k < bm->K; k++) {
                int zc = bm->z[ZIDX(bm, k, p, rr)];
                if (zc < 0)
                    continue;
                ow_program_add(P, row, zc, 1);
                if (inst->bodies[b].interpretation)
                    ow_program_add(P, team, zc, 1);
            }
        }
    }
    for (size_t j = 0; j < f->n_joints; j++) {
        int interpreted;
        int n = attendance(inst, &f->joints[j], &interpreted);
        if (f->joints[j].J[t * R + r] < 0)
            continue;
        ow_program_add(P, row, f->joints[j].J[t * R + r], -(n - 1));
        if (interpreted > 1)
            ow_program_add(P, team, f->joints[j].J[t * R + r], -(interpreted - 1));
    }
}

/* Slot by slot (only with more than one body): its teams row, then a room row per
 * room. */
void ow_add_shared(ow_formulation *f)
{
    const ow_instance *inst = f->inst;
    if (inst->n_bodies < 2)
        return;
    int R = (int)inst->n_rooms;
    int n_global = inst->calendar.n_days * (int)inst->calendar.n_slots;
    for (int t = 0; t < n_global; t++) {
        int team = add_teams(f, t);
        for (int r = 0; r < R; r++)
            add_room(f, t, r, team);
    }
}
