/* terms.c: the sums rows share — an item's presence in a meeting, a guest's joint
 * step — for a body on a path and a body with free order alike. */
#include "internal.h"

void ow_add_presence(ow_program *P, const body_model *bm, int row, int k, int i, double c)
{
    if (bm->free) {
        int col = bm->a[(size_t)(i - 1) * (size_t)bm->K + (size_t)k];
        if (col >= 0)
            ow_program_add(P, row, col, c);
        return;
    }
    for (size_t a = bm->layer[k]; a < bm->layer[k + 1]; a++)
        if (bm->arcs[a].joint < 0 && covers(bm->arcs[a].from, bm->arcs[a].to, i))
            ow_program_add(P, row, bm->arcs[a].col, c);
}

void ow_add_guest_step(const ow_formulation *f, const body_model *bm, int row, int k, size_t j,
                       double c)
{
    if (bm->free) {
        int col = bm->gj[(size_t)k * f->n_joints + j];
        if (col >= 0)
            ow_program_add(f->program, row, col, c);
        return;
    }
    for (size_t a = bm->layer[k]; a < bm->layer[k + 1]; a++)
        if (bm->arcs[a].joint == (int)j)
            ow_program_add(f->program, row, bm->arcs[a].col, c);
}
