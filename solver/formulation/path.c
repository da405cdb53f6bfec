/* path.c: a body's meetings as a path through its state graph, and the cut points
 * along it (docs/model.md, "Constraints": path, cut points, slot length). */
#include "internal.h"

/* Items whose first piece is in a meeting from state s to state t but not at its
 * start. */
static int late_starts(int s, int t)
{
    if (s == t)
        return 0;
    int starting = 0;
    for (int j = (s + 1) / 2; 2 * j < t; j++)
        starting++; /* item j+1 starts at boundary 2j, inside (s, t) or at s */
    return s % 2 == 0 ? starting - 1 : starting;
}

/* Columns u[b,k]: meeting k is held (docs/model.md, "Variables"). */
void ow_add_meetings(ow_formulation *f, size_t b, double scale)
{
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const ow_weights *w = &f->inst->weights;
    const char *bid = f->inst->bodies[b].id;
    int K = bm->K;

    /* Meetings held: a prefix, by the path (once all is done, it stays done).  With
     * free order a held meeting's late starts are its pieces less one (free.c):
     * the one is taken off here. */
    double held_cost = bm->free ? w->meetings - w->late_start : w->meetings;
    for (int k = 0; k < K; k++)
        bm->u[k] = ow_program_col(P, OW_COL_BINARY, k < bm->k_min ? 1 : 0, 1, held_cost * scale,
                                  "u[%s,%d]", bid, k + 1);
}

/* held: u[k] + x[k,2n,2n] = 1; and the arcs x, xj of each meeting (docs/model.md,
 * "Constraints", path). */
void ow_add_held(ow_formulation *f, size_t b, double scale)
{
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const ow_weights *w = &f->inst->weights;
    const char *bid = f->inst->bodies[b].id;
    int K = bm->K, last = bm->n_states - 1;

    /* The path: one arc per meeting, flow kept at every cut. */
    for (int k = 0; k < K && !bm->free; k++) {
        int held = ow_program_row(P, OW_ROW_EQ, 1, "held[%s,%d]", bid, k + 1);
        ow_program_add(P, held, bm->u[k], 1);
        for (size_t a = bm->layer[k]; a < bm->layer[k + 1]; a++) {
            arc *ar = &bm->arcs[a];
            /* Tie-break: the agenda as early as it goes (cost falls as the cut moves on). */
            double cost = (double)(last - ar->to);
            if (ar->joint >= 0) {
                ar->col = ow_program_col(P, OW_COL_BINARY, 0, 1, cost, "xj[%s,%d,%d,%d]", bid,
                                         k + 1, ar->from, ar->joint);
                continue;
            }
            if (ar->to % 2 == 1 && k + 1 < K)
                cost += w->continued * scale;
            cost += w->late_start * scale * late_starts(ar->from, ar->to);
            ar->col = ow_program_col(P, OW_COL_BINARY, 0, 1, cost, "x[%s,%d,%d,%d]", bid, k + 1,
                                     ar->from, ar->to);
            if (ar->from == last && ar->to == last)
                ow_program_add(P, held, ar->col, 1);
        }
    }
}

/* start: one arc leaves state 0 in meeting 1. */
void ow_add_start(ow_formulation *f, size_t b)
{
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = f->inst->bodies[b].id;

    int source = bm->free ? -1 : ow_program_row(P, OW_ROW_EQ, 1, "start[%s]", bid);
    for (size_t a = bm->layer[0]; a < bm->layer[1] && !bm->free; a++)
        ow_program_add(P, source, bm->arcs[a].col, 1);
}

/* flow: at every cut what enters a state leaves it. */
void ow_add_flow(ow_formulation *f, size_t b)
{
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = f->inst->bodies[b].id;
    int K = bm->K;

    for (int c = 1; c < K && !bm->free; c++) {
        for (int s = 0; s < bm->n_states; s++) {
            int row = -1;
            for (size_t a = bm->layer[c - 1]; a < bm->layer[c + 1]; a++) {
                const arc *ar = &bm->arcs[a];
                bool in = a < bm->layer[c] && ar->to == s, out = a >= bm->layer[c] && ar->from == s;
                if (!in && !out)
                    continue;
                if (row < 0)
                    row = ow_program_row(P, OW_ROW_EQ, 0, "flow[%s,%d,%d]", bid, c, s);
                ow_program_add(P, row, ar->col, in ? 1 : -1);
            }
        }
    }
}

/* cutlo, cuthi: W[k] lies in the range of the state reached,
 * Σ lo(t)·x[k,s,t] ≤ W[k] ≤ Σ hi(t)·x[k,s,t] (exact at boundaries).  The two rows of
 * a cut are written together. */
void ow_add_cutlo(ow_formulation *f, size_t b)
{
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = f->inst->bodies[b].id;
    int K = bm->K, T = bm->cmax[bm->n];

    /* Cut points: W[c] lies in the range of the state of cut c. */
    bm->W[0] = bm->W[K] = -1;
    for (int c = 1; c < K && !bm->free; c++) {
        bm->W[c] = ow_program_col(P, OW_COL_CONTINUOUS, 0, T, 0, "W[%s,%d]", bid, c);
        int lo = ow_program_row(P, OW_ROW_GE, 0, "cutlo[%s,%d]", bid, c);
        int hi = ow_program_row(P, OW_ROW_LE, 0, "cuthi[%s,%d]", bid, c);
        ow_program_add(P, lo, bm->W[c], 1);
        ow_program_add(P, hi, bm->W[c], 1);
        for (size_t a = bm->layer[c - 1]; a < bm->layer[c]; a++) {
            const arc *ar = &bm->arcs[a];
            ow_program_add(P, lo, ar->col, -bm->lo[ar->to]);
            ow_program_add(P, hi, ar->col, -bm->hi[ar->to]);
        }
    }
}

/* capacity: W[k] - W[k-1] ≤ Σ length(t)·z[k,t,r]; and minpiece: at least a minute per
 * held meeting, min_part for a meeting spent inside one item.  The two rows of a
 * meeting are written together. */
void ow_add_capacity(ow_formulation *f, size_t b)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = body->id;
    int K = bm->K, T = bm->cum[bm->n];

    /* Each meeting holds at most its slot, and at least a minute (min_part for a
     * meeting spent inside one item). */
    for (int k = 0; k < K && !bm->free; k++) {
        int cap = ow_program_row(P, OW_ROW_LE, 0, "capacity[%s,%d]", bid, k + 1);
        int low = ow_program_row(P, OW_ROW_GE, 0, "minpiece[%s,%d]", bid, k + 1);
        double rhs = 0;
        if (bm->W[k + 1] >= 0) {
            ow_program_add(P, cap, bm->W[k + 1], 1);
            ow_program_add(P, low, bm->W[k + 1], 1);
        } else if (bm->flex) { /* the last cut is the agenda's total, C(n) */
            ow_program_add(P, cap, bm->C[bm->n], 1);
            ow_program_add(P, low, bm->C[bm->n], 1);
        } else {
            rhs -= T;
        }
        if (bm->W[k] >= 0) {
            ow_program_add(P, cap, bm->W[k], -1);
            ow_program_add(P, low, bm->W[k], -1);
        }
        ow_program_row_rhs(P, cap, rhs);
        ow_program_row_rhs(P, low, rhs);
        ow_program_add(P, low, bm->u[k], -1);
        for (size_t a = bm->layer[k]; a < bm->layer[k + 1]; a++) {
            const arc *ar = &bm->arcs[a];
            if (ar->joint >= 0) {
                ow_program_add(P, low, ar->col, 1);
                continue;
            }
            int mp = ar->from == ar->to && ar->from % 2 == 1
                         ? body->items[(ar->from + 1) / 2 - 1].min_part
                         : 0;
            if (mp > 1)
                ow_program_add(P, low, ar->col, -(mp - 1));
        }
        for (int p = 0; p < bm->n_pos; p++)
            for (int r = 0; r < bm->n_rooms; r++) {
                int zc = bm->z[ZIDX(bm, k, p, r)];
                if (zc >= 0)
                    ow_program_add(P, cap, zc, -slot_length(inst, bm->pos_slot[p]));
            }
    }
}
