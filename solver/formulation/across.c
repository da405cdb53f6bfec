/* across.c: an item of one body after an item of another (`after: [DC:3]`,
 * docs/model.md, "Bodies together"): the meeting in which the later item begins is
 * in a later slot than the one in which the other ends.  With pos(k) = Σ t·z[k,t,r]
 * (t the global slot, day × slots + slot), for every meeting k of the later body and
 * k' of the other, big-M M = days × slots:
 *
 *   pos_A(k) − pos_B(k') − M·present_A(i,k) − M·present_B(j,k') ≥ 1 − 2M
 *
 * which says pos_A(k) > pos_B(k') when both meetings take part of their item, and
 * nothing otherwise (every pos lies in 0..M−1). */
#include "internal.h"

/* Adds c·pos(k) of body b to row. */
static void add_position(ow_formulation *f, size_t b, int row, int k, double c)
{
    const body_model *bm = &f->bodies[b];
    for (int p = 0; p < bm->n_pos; p++)
        for (int r = 0; r < bm->n_rooms; r++) {
            int zc = bm->z[ZIDX(bm, k, p, r)];
            if (zc >= 0 && bm->pos_slot[p] != 0)
                ow_program_add(f->program, row, zc, c * bm->pos_slot[p]);
        }
}

void ow_add_across(ow_formulation *f)
{
    const ow_instance *inst = f->inst;
    double M = (double)inst->calendar.n_days * (double)inst->calendar.n_slots;
    for (size_t a = 0; a < inst->n_bodies; a++) {
        const ow_body *body = &inst->bodies[a];
        for (size_t i = 0; i < body->n_items; i++) {
            const ow_item *it = &body->items[i];
            for (size_t q = 0; q < it->n_after_other; q++) {
                const ow_item_ref *ref = &it->after_other[q];
                size_t b = ref->body;
                const ow_body *other = &inst->bodies[b];
                for (int k = 0; k < f->bodies[a].K; k++)
                    for (int kk = 0; kk < f->bodies[b].K; kk++) {
                        int row = ow_program_row(
                            f->program, OW_ROW_GE, 1 - 2 * M, "across[%s,%s,%s,%s,%d,%d]", body->id,
                            it->id, other->id, other->items[ref->item].id, k + 1, kk + 1);
                        add_position(f, a, row, k, 1);
                        add_position(f, b, row, kk, -1);
                        ow_add_presence(f->program, &f->bodies[a], row, k, (int)i + 1, -M);
                        ow_add_presence(f->program, &f->bodies[b], row, kk, (int)ref->item + 1, -M);
                    }
            }
        }
    }
}
