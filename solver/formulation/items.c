/* items.c: where items must be taken (docs/model.md, "Constraints": item rules),
 * with present(i,k) = the sum of the arcs of meeting k that take part of item i
 * (a[i,k] for a body with free order). */
#include "internal.h"

/* lastmeeting: present(i,k) + u[k+1] ≤ 1 (`meeting: last`). */
static void add_lastmeeting(ow_formulation *f, size_t b, int i, int k)
{
    const ow_body *body = &f->inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = body->id;
    const ow_item *it = &body->items[i - 1];
    int K = bm->K;
    if (it->meeting == OW_MEETING_LAST && k + 1 < K) {
        int row = ow_program_row(P, OW_ROW_LE, 1, "lastmeeting[%s,%s,%d]", bid, it->id, k + 1);
        ow_add_presence(P, bm, row, k, i, 1);
        ow_program_add(P, row, bm->u[k + 1], 1);
    }
}

/* pinslot: present(i,k) ≤ Σ_r z[k,t*,r] (`pin: {date, slot}`). */
static void add_pinslot(ow_formulation *f, size_t b, int i, int k)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = body->id;
    const ow_item *it = &body->items[i - 1];
    int ns = (int)inst->calendar.n_slots;
    if (it->pin == OW_PIN_SLOT) {
        int p = (it->pin_day - body->window_from) * ns + it->pin_slot;
        int row = ow_program_row(P, OW_ROW_LE, 0, "pinslot[%s,%s,%d]", bid, it->id, k + 1);
        ow_add_presence(P, bm, row, k, i, 1);
        if (p >= 0 && p < bm->n_pos)
            for (int r = 0; r < bm->n_rooms; r++) {
                int zc = bm->z[ZIDX(bm, k, p, r)];
                if (zc >= 0)
                    ow_program_add(P, row, zc, -1);
            }
    }
}

/* dayhi, daylo: present(i,k) ⇒ day(k) - day(1) = d-1 (`day: d`), or day(k) = the
 * date's index (`day: DATE`); big-M 2·days+1, day(k) = Σ day(t)·z[k,t,r]. */
static void add_day(ow_formulation *f, size_t b, int i, int k)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = body->id;
    const ow_item *it = &body->items[i - 1];

    if (it->day > 0 || it->has_day_date) {
        /* present(i,k) => day(k) - day(meeting 1) = it->day - 1, or day(k) = date. */
        bool relative = it->day > 0;
        int target = relative ? it->day - 1 : -1;
        for (int d = 0; !relative && d < inst->calendar.n_days; d++)
            if (inst->calendar.days[d] == it->day_date)
                target = d;
        if (relative && k == 0) {
            if (target != 0) {
                int row = ow_program_row(P, OW_ROW_LE, 0, "day[%s,%s,1]", bid, it->id);
                ow_add_presence(P, bm, row, 0, i, 1);
            }
            return;
        }
        double M = 2.0 * inst->calendar.n_days + 1;
        for (int side = 0; side < 2; side++) {
            double sg = side == 0 ? 1 : -1;
            int row = ow_program_row(P, OW_ROW_LE, sg * target + M, "day%s[%s,%s,%d]",
                                     side == 0 ? "hi" : "lo", bid, it->id, k + 1);
            ow_add_presence(P, bm, row, k, i, M);
            for (int p = 0; p < bm->n_pos; p++)
                for (int r = 0; r < bm->n_rooms; r++) {
                    int day = slot_day(inst, bm->pos_slot[p]);
                    int zc = bm->z[ZIDX(bm, k, p, r)];
                    if (zc >= 0)
                        ow_program_add(P, row, zc, sg * day);
                    int z0 = bm->z[ZIDX(bm, 0, p, r)];
                    if (relative && z0 >= 0)
                        ow_program_add(P, row, z0, -sg * day);
                }
        }
    }
}

/* The rules on items, item by item and meeting by meeting (the rows of one item in
 * one meeting together). */
void ow_add_item_rules(ow_formulation *f, size_t b)
{
    const body_model *bm = &f->bodies[b];
    for (int i = 1; i <= bm->n; i++)
        for (int k = 0; k < bm->K; k++) {
            add_lastmeeting(f, b, i, k);
            add_pinslot(f, b, i, k);
            add_day(f, b, i, k);
        }
}
