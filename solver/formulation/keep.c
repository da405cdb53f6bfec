/* keep.c: re-planning (docs/model.md): the wish to keep each item where an earlier
 * schedule takes it up, weighted past any change of the objective. */
#include "internal.h"

/* Adds the arcs of body b's meeting k in which item i (1-based) begins. */
static void add_begins(ow_program *P, const body_model *bm, int row, int k, int i, double c)
{
    if (bm->free) {
        ow_add_presence(P, bm, row, k, i, c);
        if (k > 0 && bm->c[AIDX(bm, i - 1, k - 1)] >= 0)
            ow_program_add(P, row, bm->c[AIDX(bm, i - 1, k - 1)], -c);
        return;
    }
    for (size_t a = bm->layer[k]; a < bm->layer[k + 1]; a++) {
        const arc *ar = &bm->arcs[a];
        if (ar->joint < 0 && ar->from <= 2 * i - 2 && ar->to > 2 * i - 2)
            ow_program_add(P, row, ar->col, c);
    }
}

ow_status ow_formulation_keep(ow_formulation *f, const ow_schedule *published, int *n_kept,
                              ow_error *err)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    int ns = (int)inst->calendar.n_slots;
    if (f->crossed) {
        *n_kept = 0;
        return OW_OK;
    }
    /* One item kept in place outweighs any change of the objective: its weight is
     * past the objective's largest possible value. */
    double bound = 1;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const body_model *bm = &f->bodies[b];
        const ow_weights *w = &inst->weights;
        bound += (double)(w->continued + w->meetings) * bm->K + (double)w->late_start * bm->n +
                 (double)w->days * (inst->bodies[b].window_to - inst->bodies[b].window_from + 1);
    }
    double weight = bound * f->scale;
    /* Keeping items where they were tells twins apart: their rows (free.c) no
     * longer hold for every optimum, so they are lifted to what any schedule
     * satisfies (Σ k·a of one item is at most 0 + 1 + … + (K − 1)). */
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const body_model *bm = &f->bodies[b];
        for (int q = 0; q < bm->n_twin_rows; q++)
            ow_program_row_rhs(P, bm->twin_rows[q], -(double)bm->K * (bm->K - 1) / 2);
    }
    int kept = 0;
    /* An item is kept where the schedule first takes it up: a file repeating one
     * piece thousands of times adds its rows once (the rest are merged). */
    size_t n_items = 0;
    for (size_t b = 0; b < inst->n_bodies; b++)
        n_items += inst->bodies[b].n_items;
    size_t *first_item = ow_arena_calloc(f->arena, inst->n_bodies + 1, sizeof(size_t));
    unsigned char *seen = ow_arena_calloc(f->arena, n_items + 1, 1);
    if (first_item == NULL || seen == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    for (size_t b = 1; b < inst->n_bodies; b++)
        first_item[b] = first_item[b - 1] + inst->bodies[b - 1].n_items;
    for (size_t q = 0; q < published->n_meetings; q++) {
        const ow_meeting *m = &published->meetings[q];
        if (m->day < 0 || m->slot < 0 || m->body >= inst->n_bodies)
            continue;
        const body_model *bm = &f->bodies[m->body];
        const char *bid = inst->bodies[m->body].id;
        int p = window_position(inst, bm, m->body, m->day * ns + m->slot);
        for (size_t j = 0; j < m->n_pieces && p >= 0; j++) {
            const ow_piece *pc = &m->pieces[j];
            if (pc->joint || pc->continued || pc->item >= (size_t)bm->n ||
                seen[first_item[m->body] + pc->item])
                continue;
            seen[first_item[m->body] + pc->item] = 1;
            /* The keep rows count in the program's size cap as well. */
            f->size += (double)bm->K * (3 + bm->n_rooms + bm->n_states);
            if (f->size > OW_MAX_PROGRAM)
                return ow_error_set(err, OW_INPUT, inst->path, inst->bodies[m->body].loc,
                                    "the integer program with the schedule to keep is too large "
                                    "to solve (body %s); re-plan fewer bodies or days",
                                    inst->bodies[m->body].id);
            const char *iid = inst->bodies[m->body].items[pc->item].id;
            /* stays = sum over meetings k of "item begins in k, and k is in that slot". */
            int stays = ow_program_row(P, OW_ROW_EQ, 0, "stays[%s,%s]", bid, iid);
            int total =
                ow_program_col(P, OW_COL_CONTINUOUS, 0, 1, -weight, "kept[%s,%s]", bid, iid);
            ow_program_add(P, stays, total, -1);
            for (int k = 0; k < bm->K; k++) {
                int sk = ow_program_col(P, OW_COL_CONTINUOUS, 0, 1, 0, "kept[%s,%s,%d]", bid, iid,
                                        k + 1);
                ow_program_add(P, stays, sk, 1);
                int begins = ow_program_row(P, OW_ROW_LE, 0, "keepitem[%s,%s,%d]", bid, iid, k + 1);
                ow_program_add(P, begins, sk, 1);
                add_begins(P, bm, begins, k, (int)pc->item + 1, -1);
                int there = ow_program_row(P, OW_ROW_LE, 0, "keepslot[%s,%s,%d]", bid, iid, k + 1);
                ow_program_add(P, there, sk, 1);
                for (int r = 0; r < bm->n_rooms; r++) {
                    int zc = bm->z[ZIDX(bm, k, p, r)];
                    if (zc >= 0)
                        ow_program_add(P, there, zc, -1);
                }
            }
            kept++;
        }
    }
    if (ow_program_failed(P))
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    *n_kept = kept;
    return OW_OK;
}
