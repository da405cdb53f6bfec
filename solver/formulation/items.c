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

/* day(k) = Σ day(t)·z[k,t,r] added to a row with coefficient sg (0 for an unheld
 * meeting, which has no z). */
static void add_meeting_day(ow_formulation *f, size_t b, int k, int row, double sg)
{
    const body_model *bm = &f->bodies[b];
    for (int p = 0; p < bm->n_pos; p++)
        for (int r = 0; r < bm->n_rooms; r++) {
            int zc = bm->z[ZIDX(bm, k, p, r)];
            if (zc >= 0)
                ow_program_add(f->program, row, zc, sg * slot_day(f->inst, bm->pos_slot[p]));
        }
}

/* One side of a day rule: present(i,k) ⇒ sg·(day(k) - day(1)) ≤ sg·target when
 * relative (day(k) alone when not), big-M 2·days+1.  side names the row. */
static void add_day_side(ow_formulation *f, size_t b, int i, int k, const char *side, bool relative,
                         double sg, int target)
{
    const ow_instance *inst = f->inst;
    const body_model *bm = &f->bodies[b];
    const ow_item *it = &inst->bodies[b].items[i - 1];
    ow_program *P = f->program;
    double M = 2.0 * inst->calendar.n_days + 1;
    int row = ow_program_row(P, OW_ROW_LE, sg * target + M, "day%s[%s,%s,%d]", side,
                             inst->bodies[b].id, it->id, k + 1);
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

/* dayhi, daylo: present(i,k) ⇒ day(k) - day(1) = d-1 (`day: d`), or day(k) = the
 * date's index (`day: DATE`); dayfrom, dayto: present(i,k) ⇒ day(k) - day(1) ≥
 * from-1 (`not_before_day`), ≤ to-1 (`not_after_day`); big-M 2·days+1, day(k) =
 * Σ day(t)·z[k,t,r].  In meeting 1, day(k) - day(1) = 0: a rule it breaks is a
 * single row present(i,1) ≤ 0. */
static void add_day(ow_formulation *f, size_t b, int i, int k)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = body->id;
    const ow_item *it = &body->items[i - 1];

    int lo = -1, hi = -1; /* relative bounds on day(k) - day(1), -1: none */
    if (it->day > 0)
        lo = hi = it->day - 1;
    if (it->day_from > 0 && it->day_from - 1 > lo)
        lo = it->day_from - 1;
    if (it->day_to > 0 && (hi < 0 || it->day_to - 1 < hi))
        hi = it->day_to - 1;
    if (k == 0) {
        if (lo > 0 || (hi >= 0 && hi < lo)) {
            int row = ow_program_row(P, OW_ROW_LE, 0, "day[%s,%s,1]", bid, it->id);
            ow_add_presence(P, bm, row, 0, i, 1);
        }
    } else if (it->day > 0) {
        add_day_side(f, b, i, k, "hi", true, 1, hi);
        add_day_side(f, b, i, k, "lo", true, -1, lo);
    } else {
        if (lo >= 0)
            add_day_side(f, b, i, k, "from", true, -1, lo);
        if (hi >= 0)
            add_day_side(f, b, i, k, "to", true, 1, hi);
    }
    if (it->has_day_date) {
        int target = -1;
        for (int d = 0; d < inst->calendar.n_days; d++)
            if (inst->calendar.days[d] == it->day_date)
                target = d;
        add_day_side(f, b, i, k, "hi", false, 1, target);
        add_day_side(f, b, i, k, "lo", false, -1, target);
    }
}

/* daylast: present(i,k) ⇒ day(k') ≤ day(k) for every later meeting k' (`day:
 * last`: the item is on the day of the body's last meeting; an unheld meeting has
 * day 0), big-M 2·days+1. */
static void add_daylast(ow_formulation *f, size_t b, int i, int k)
{
    const ow_instance *inst = f->inst;
    const body_model *bm = &f->bodies[b];
    const ow_item *it = &inst->bodies[b].items[i - 1];
    if (!it->day_last)
        return;
    double M = 2.0 * inst->calendar.n_days + 1;
    for (int k2 = k + 1; k2 < bm->K; k2++) {
        int row = ow_program_row(f->program, OW_ROW_LE, M, "daylast[%s,%s,%d,%d]",
                                 inst->bodies[b].id, it->id, k + 1, k2 + 1);
        ow_add_presence(f->program, bm, row, k, i, M);
        add_meeting_day(f, b, k2, row, 1);
        add_meeting_day(f, b, k, row, -1);
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
            add_daylast(f, b, i, k);
        }
}
