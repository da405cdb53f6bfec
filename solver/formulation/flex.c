/* flex.c: flexible durations (docs/model.md, "Flexible durations"): the
 * cumulative minutes C(j) of a body whose items may take more or less than their
 * estimates are columns, each item's minutes lie in its range, the deviation from
 * the estimate is paid for, and a cut reached in a state lies where that state
 * says, given the C(j) the solution chose. */
#include "internal.h"

/* The columns C[b,j] and D[b,i], and the rows dur, devover, devunder. */
static void add_lengths(ow_formulation *f, size_t b, double scale)
{
    const ow_body *body = &f->inst->bodies[b];
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = body->id;
    double weight = f->inst->weights.deviation * scale;

    for (int j = 1; j <= bm->n; j++)
        bm->C[j] =
            ow_program_col(P, OW_COL_INTEGER, bm->cmin[j], bm->cmax[j], 0, "C[%s,%d]", bid, j);
    for (int i = 1; i <= bm->n; i++) {
        const ow_item *it = &body->items[i - 1];
        /* dur: min ≤ C(i) - C(i-1) ≤ max (one row when the item is fixed). */
        if (it->min_minutes == it->max_minutes) {
            int row = ow_program_row(P, OW_ROW_EQ, it->min_minutes, "dur[%s,%d]", bid, i);
            ow_program_add(P, row, bm->C[i], 1);
            if (bm->C[i - 1] >= 0)
                ow_program_add(P, row, bm->C[i - 1], -1);
            continue;
        }
        int lo = ow_program_row(P, OW_ROW_GE, it->min_minutes, "durlo[%s,%d]", bid, i);
        int hi = ow_program_row(P, OW_ROW_LE, it->max_minutes, "durhi[%s,%d]", bid, i);
        ow_program_add(P, lo, bm->C[i], 1);
        ow_program_add(P, hi, bm->C[i], 1);
        if (bm->C[i - 1] >= 0) {
            ow_program_add(P, lo, bm->C[i - 1], -1);
            ow_program_add(P, hi, bm->C[i - 1], -1);
        }
        if (!it->has_estimate)
            continue;
        /* D ≥ |C(i) - C(i-1) - estimate|, paid `deviation` a minute. */
        int d =
            ow_program_col(P, OW_COL_CONTINUOUS, 0, it->max_minutes, weight, "D[%s,%d]", bid, i);
        int over = ow_program_row(P, OW_ROW_GE, -it->minutes, "devover[%s,%d]", bid, i);
        int under = ow_program_row(P, OW_ROW_GE, it->minutes, "devunder[%s,%d]", bid, i);
        ow_program_add(P, over, d, 1);
        ow_program_add(P, over, bm->C[i], -1);
        ow_program_add(P, under, d, 1);
        ow_program_add(P, under, bm->C[i], 1);
        if (bm->C[i - 1] >= 0) {
            ow_program_add(P, over, bm->C[i - 1], 1);
            ow_program_add(P, under, bm->C[i - 1], -1);
        }
    }
}

/* cutfrom, cutto: when cut c is reached in state t (X = the arcs into t), W[c]
 * lies in t's range given the columns C: W = C(j) at the boundary 2j, and
 * C(i-1) + g ≤ W ≤ C(i) - g inside item i.  Big-M rows, M as small as the
 * columns' bounds allow:
 *   W - C(a) - M·X ≥ lo_off - M,  M = cmax(a) + lo_off
 *   W - C(e) + M'·X ≤ M' - hi_off, M' = T - cmin(e) + hi_off
 * with (a, e, lo_off, hi_off) = (j, j, 0, 0) or (i-1, i, g, g). */
static void add_cut_rows(ow_formulation *f, size_t b)
{
    const ow_body *body = &f->inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = body->id;
    int K = bm->K, T = bm->cmax[bm->n];

    for (int c = 1; c < K; c++)
        for (int t = 1; t < bm->n_states; t++) {
            bool reached = false;
            for (size_t a = bm->layer[c - 1]; a < bm->layer[c] && !reached; a++)
                reached = bm->arcs[a].to == t;
            if (!reached)
                continue;
            int a_idx, e_idx, lo_off = 0, hi_off = 0;
            if (t % 2 == 0) {
                a_idx = e_idx = t / 2;
            } else {
                int i = (t + 1) / 2;
                lo_off = hi_off = open_margin(&body->items[i - 1]);
                a_idx = i - 1;
                e_idx = i;
            }
            double M = bm->cmax[a_idx] + lo_off;
            double M2 = T - bm->cmin[e_idx] + hi_off;
            int from = ow_program_row(P, OW_ROW_GE, lo_off - M, "cutfrom[%s,%d,%d]", bid, c, t);
            int to = ow_program_row(P, OW_ROW_LE, M2 - hi_off, "cutto[%s,%d,%d]", bid, c, t);
            ow_program_add(P, from, bm->W[c], 1);
            ow_program_add(P, to, bm->W[c], 1);
            if (bm->C[a_idx] >= 0)
                ow_program_add(P, from, bm->C[a_idx], -1);
            if (bm->C[e_idx] >= 0)
                ow_program_add(P, to, bm->C[e_idx], -1);
            for (size_t a = bm->layer[c - 1]; a < bm->layer[c]; a++)
                if (bm->arcs[a].to == t) {
                    ow_program_add(P, from, bm->arcs[a].col, -M);
                    ow_program_add(P, to, bm->arcs[a].col, M2);
                }
        }
}

/* durlo, durhi (or dur), devover, devunder, cutfrom, cutto of one flexible body. */
void ow_add_durations(ow_formulation *f, size_t b, double scale)
{
    if (f->bodies[b].free)
        return;
    add_lengths(f, b, scale);
    add_cut_rows(f, b);
}
