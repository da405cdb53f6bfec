/* free.c: a body with `order: free` (docs/model.md, "Free order"): a[i,k] says
 * item i has a piece of pm[i,k] minutes in meeting k, c[i,k] that it runs on into
 * meeting k+1.  An item's meetings are a run (pieces = 1 + run-ons), at most one
 * item runs on across a meeting boundary (it closes one meeting and opens the
 * next), and an item that runs on both into and out of a meeting has it to
 * itself. */
#include "internal.h"

/* Adds c times the meeting (0-based) in which item i (0-based) of a free body
 * begins: sum k·a[i,k] less sum (k+1)·c[i,k]. */
static void add_begin(ow_program *P, const body_model *bm, int row, int i, double c)
{
    for (int k = 0; k < bm->K; k++) {
        if (bm->a[AIDX(bm, i, k)] >= 0 && k > 0)
            ow_program_add(P, row, bm->a[AIDX(bm, i, k)], c * k);
        if (bm->c[AIDX(bm, i, k)] >= 0)
            ow_program_add(P, row, bm->c[AIDX(bm, i, k)], -c * (k + 1));
    }
}

/* Adds c times the meeting in which item i of a free body ends: sum k·a less sum k·c. */
static void add_end(ow_program *P, const body_model *bm, int row, int i, double c)
{
    for (int k = 1; k < bm->K; k++) {
        if (bm->a[AIDX(bm, i, k)] >= 0)
            ow_program_add(P, row, bm->a[AIDX(bm, i, k)], c * k);
        if (bm->c[AIDX(bm, i, k)] >= 0)
            ow_program_add(P, row, bm->c[AIDX(bm, i, k)], -c * k);
    }
}

/* Item `later` begins in the meeting where item `earlier` ends, or after it; their
 * order inside a shared meeting is the reading's (solver/decode.c). */
static void add_follows(ow_program *P, const ow_body *body, const body_model *bm, size_t later,
                        size_t earlier)
{
    int row = ow_program_row(P, OW_ROW_GE, 0, "follows[%s,%s,%s]", body->id, body->items[later].id,
                             body->items[earlier].id);
    add_begin(P, bm, row, (int)later, 1);
    add_end(P, bm, row, (int)earlier, -1);
}

/* pieceup, piecelo, inheld: g·a ≤ m ≤ min(duration, longest slot)·a (g = min_part or
 * a minute; the whole item when it may not split), a[i,k] ≤ u[k].  The rows of a
 * piece are written together. */
static void add_piece(ow_formulation *f, size_t b, int i, double scale)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &f->inst->bodies[b];
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const ow_weights *w = &f->inst->weights;
    const char *bid = f->inst->bodies[b].id;
    int K = bm->K, n = bm->n, Lmax = ow_calendar_longest_slot(&inst->calendar);
    const ow_item *it = &body->items[i];
    int mk = set_meeting(it);
    int top = it->minutes < Lmax ? it->minutes : Lmax;
    int g = it->split && it->n_joint == 0 ? open_margin(it) : it->minutes;
    if (g > top)
        g = top;
    for (int k = 0; k < K; k++) {
        size_t x = AIDX(bm, i, k);
        bm->a[x] = bm->pm[x] = bm->c[x] = -1;
        if (mk >= 0 && k != mk)
            continue;
        /* Tie-break: earlier items in earlier meetings. */
        double tie = (double)k * (n - i);
        bm->a[x] = ow_program_col(P, OW_COL_BINARY, 0, 1, w->late_start * scale + tie,
                                  "a[%s,%s,%d]", bid, it->id, k + 1);
        bm->pm[x] = ow_program_col(P, OW_COL_INTEGER, 0, top, 0, "m[%s,%s,%d]", bid, it->id, k + 1);
        int up = ow_program_row(P, OW_ROW_LE, 0, "pieceup[%s,%s,%d]", bid, it->id, k + 1);
        ow_program_add(P, up, bm->pm[x], 1);
        ow_program_add(P, up, bm->a[x], -top);
        int lo = ow_program_row(P, OW_ROW_GE, 0, "piecelo[%s,%s,%d]", bid, it->id, k + 1);
        ow_program_add(P, lo, bm->pm[x], 1);
        ow_program_add(P, lo, bm->a[x], -g);
        int held = ow_program_row(P, OW_ROW_LE, 0, "inheld[%s,%s,%d]", bid, it->id, k + 1);
        ow_program_add(P, held, bm->a[x], 1);
        ow_program_add(P, held, bm->u[k], -1);
    }
}

/* runfrom, runinto: c[i,k] ≤ a[i,k], c[i,k] ≤ a[i,k+1]. */
static void add_runfrom(ow_formulation *f, size_t b, int i, double scale)
{
    const ow_body *body = &f->inst->bodies[b];
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const ow_weights *w = &f->inst->weights;
    const char *bid = f->inst->bodies[b].id;
    int K = bm->K;
    const ow_item *it = &body->items[i];
    int mk = set_meeting(it);
    bool runs = it->split && it->n_joint == 0 && mk < 0;
    for (int k = 0; runs && k + 1 < K; k++) {
        size_t x = AIDX(bm, i, k);
        bm->c[x] = ow_program_col(P, OW_COL_BINARY, 0, 1, w->continued * scale, "c[%s,%s,%d]", bid,
                                  it->id, k + 1);
        int into = ow_program_row(P, OW_ROW_LE, 0, "runfrom[%s,%s,%d]", bid, it->id, k + 1);
        ow_program_add(P, into, bm->c[x], 1);
        ow_program_add(P, into, bm->a[x], -1);
        int onto = ow_program_row(P, OW_ROW_LE, 0, "runinto[%s,%s,%d]", bid, it->id, k + 1);
        ow_program_add(P, onto, bm->c[x], 1);
        ow_program_add(P, onto, bm->a[AIDX(bm, i, k + 1)], -1);
    }
}

/* minutes, pieces: Σ_k m = duration; Σ_k a - Σ_k c = 1 (the meetings holding the
 * item are consecutive, since a set of meetings with one link fewer than its size is
 * one run). */
static void add_minutes(ow_formulation *f, size_t b, int i)
{
    const ow_body *body = &f->inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = f->inst->bodies[b].id;
    int K = bm->K;
    const ow_item *it = &body->items[i];
    int whole = ow_program_row(P, OW_ROW_EQ, it->minutes, "minutes[%s,%s]", bid, it->id);
    int run = ow_program_row(P, OW_ROW_EQ, 1, "pieces[%s,%s]", bid, it->id);
    for (int k = 0; k < K; k++) {
        size_t x = AIDX(bm, i, k);
        if (bm->a[x] >= 0) {
            ow_program_add(P, whole, bm->pm[x], 1);
            ow_program_add(P, run, bm->a[x], 1);
        }
        if (bm->c[x] >= 0)
            ow_program_add(P, run, bm->c[x], -1);
    }
}

/* Columns g[b,k,A,i]: meeting k is the joint meeting of body A's item i, attended
 * as a guest. */
static void add_guest_columns(ow_formulation *f, size_t b, double scale)
{
    const ow_instance *inst = f->inst;
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const ow_weights *w = &f->inst->weights;
    const char *bid = f->inst->bodies[b].id;
    int K = bm->K;
    size_t nj = f->n_joints;

    for (int k = 0; k < K; k++) {
        for (size_t j = 0; j < nj; j++) {
            bm->gj[(size_t)k * nj + j] = -1;
            if (!guest_step_allowed(f, b, j, k, -1))
                continue;
            const joint *jt = &f->joints[j];
            bm->gj[(size_t)k * nj + j] = ow_program_col(
                P, OW_COL_BINARY, 0, 1, w->late_start * scale, "g[%s,%d,%s,%s]", bid, k + 1,
                inst->bodies[jt->owner].id, inst->bodies[jt->owner].items[jt->item].id);
        }
    }
}

/* used, capacity, runon: a held meeting holds something, Σ_i m ≤ Σ length·z,
 * Σ_i c[i,k] ≤ 1 (one item runs on across a boundary, closing one meeting and
 * opening the next).  Returns the used row, which guestonly adds to. */
static int add_used(ow_formulation *f, size_t b, int k)
{
    const ow_instance *inst = f->inst;
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = f->inst->bodies[b].id;
    int n = bm->n;
    /* A held meeting holds something; held meetings are the first ones. */
    int used = ow_program_row(P, OW_ROW_LE, 0, "used[%s,%d]", bid, k + 1);
    ow_program_add(P, used, bm->u[k], 1);
    int cap = ow_program_row(P, OW_ROW_LE, 0, "capacity[%s,%d]", bid, k + 1);
    int cross = ow_program_row(P, OW_ROW_LE, 1, "runon[%s,%d]", bid, k + 1);
    for (int i = 0; i < n; i++) {
        size_t x = AIDX(bm, i, k);
        if (bm->a[x] >= 0) {
            ow_program_add(P, used, bm->a[x], -1);
            ow_program_add(P, cap, bm->pm[x], 1);
        }
        if (bm->c[x] >= 0)
            ow_program_add(P, cross, bm->c[x], 1);
    }
    for (int p = 0; p < bm->n_pos; p++)
        for (int r = 0; r < bm->n_rooms; r++) {
            int zc = bm->z[ZIDX(bm, k, p, r)];
            if (zc >= 0)
                ow_program_add(P, cap, zc, -slot_length(inst, bm->pos_slot[p]));
        }
    return used;
}

/* prefix: u[k+1] ≤ u[k], held meetings come first. */
static void add_prefix(ow_formulation *f, size_t b, int k)
{
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = f->inst->bodies[b].id;
    int K = bm->K;
    if (k + 1 < K) {
        int prefix = ow_program_row(P, OW_ROW_LE, 0, "prefix[%s,%d]", bid, k + 2);
        ow_program_add(P, prefix, bm->u[k + 1], 1);
        ow_program_add(P, prefix, bm->u[k], -1);
    }
}

/* guestonly, guestheld: a guest's joint meeting holds none of its own items, and
 * only a held meeting is one. */
static void add_guestonly(ow_formulation *f, size_t b, int k, int used)
{
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = f->inst->bodies[b].id;
    int n = bm->n;
    size_t nj = f->n_joints;
    /* A guest's joint meeting holds none of its own items. */
    int guest = -1;
    for (size_t j = 0; j < nj; j++) {
        int gc = bm->gj[(size_t)k * nj + j];
        if (gc < 0)
            continue;
        if (guest < 0) {
            guest = ow_program_row(P, OW_ROW_LE, n, "guestonly[%s,%d]", bid, k + 1);
            for (int i = 0; i < n; i++)
                if (bm->a[AIDX(bm, i, k)] >= 0)
                    ow_program_add(P, guest, bm->a[AIDX(bm, i, k)], 1);
        }
        ow_program_add(P, guest, gc, n);
        ow_program_add(P, used, gc, -1);
        int held = ow_program_row(P, OW_ROW_LE, 0, "guestheld[%s,%d,%zu]", bid, k + 1, j);
        ow_program_add(P, held, gc, 1);
        ow_program_add(P, held, bm->u[k], -1);
    }
}

/* alone: an item that runs on into and out of a meeting, a joint item of the body's
 * own, or an item set `alone`, has the meeting to itself (an item set alone that
 * also runs through the meeting has both rows). */
static void add_alone_row(ow_formulation *f, size_t b, int k, int i, bool middle, const char *name)
{
    const ow_body *body = &f->inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    int n = bm->n;
    size_t x = AIDX(bm, i, k);
    int row = ow_program_row(P, OW_ROW_LE, middle ? 2.0 * (n - 1) : n - 1, "%s[%s,%s,%d]", name,
                             body->id, body->items[i].id, k + 1);
    for (int q = 0; q < n; q++)
        if (q != i && bm->a[AIDX(bm, q, k)] >= 0)
            ow_program_add(P, row, bm->a[AIDX(bm, q, k)], 1);
    if (middle) {
        ow_program_add(P, row, bm->c[x], n - 1);
        ow_program_add(P, row, bm->c[AIDX(bm, i, k - 1)], n - 1);
    } else {
        ow_program_add(P, row, bm->a[x], n - 1);
    }
}

static void add_alone(ow_formulation *f, size_t b, int k)
{
    const ow_body *body = &f->inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    int n = bm->n;
    for (int i = 0; i < n && n > 1; i++) {
        size_t x = AIDX(bm, i, k);
        bool middle = k > 0 && bm->c[x] >= 0 && bm->c[AIDX(bm, i, k - 1)] >= 0;
        bool owns = (body->items[i].n_joint > 0 || body->items[i].alone) && bm->a[x] >= 0;
        if (middle)
            add_alone_row(f, b, k, i, true, "alone");
        /* A joint item never runs on, so it never has both rows. */
        if (owns && (!middle || body->items[i].alone))
            add_alone_row(f, b, k, i, false, middle ? "aloneset" : "alone");
    }
}

/* Adds c times "item i begins by meeting k" (0-based): Σ_{k'≤k} a[i,k'] − Σ_{k'<k}
 * c[i,k'], 1 when the run of meetings holding i starts at k or before, else 0. */
static void add_begun(ow_program *P, const body_model *bm, int row, int i, int k, double c)
{
    for (int q = 0; q <= k; q++) {
        if (bm->a[AIDX(bm, i, q)] >= 0)
            ow_program_add(P, row, bm->a[AIDX(bm, i, q)], c);
        if (q < k && bm->c[AIDX(bm, i, q)] >= 0)
            ow_program_add(P, row, bm->c[AIDX(bm, i, q)], -c);
    }
}

/* Adds c times "item i has ended by meeting k": Σ_{k'≤k} (a[i,k'] − c[i,k']), 1 when
 * the run ends at k or before, else 0. */
static void add_ended(ow_program *P, const body_model *bm, int row, int i, int k, double c)
{
    for (int q = 0; q <= k; q++) {
        if (bm->a[AIDX(bm, i, q)] >= 0)
            ow_program_add(P, row, bm->a[AIDX(bm, i, q)], c);
        if (bm->c[AIDX(bm, i, q)] >= 0)
            ow_program_add(P, row, bm->c[AIDX(bm, i, q)], -c);
    }
}

/* precedes: item `later` begins by meeting k only if item `earlier` has ended by
 * meeting k, for every meeting but the last (where both hold trivially).  The
 * meeting-by-meeting form of `follows`, whose sum over k it implies: a much tighter
 * LP, since half an item in meeting 1 and half in meeting 9 no longer averages to
 * meeting 5. */
static void add_precedes(ow_program *P, const ow_body *body, const body_model *bm, size_t later,
                         size_t earlier)
{
    for (int k = 0; k + 1 < bm->K; k++) {
        int row = ow_program_row(P, OW_ROW_GE, 0, "precedes[%s,%s,%s,%d]", body->id,
                                 body->items[later].id, body->items[earlier].id, k + 1);
        add_ended(P, bm, row, (int)earlier, k, 1);
        add_begun(P, bm, row, (int)later, k, -1);
    }
}

/* formulation.h. */
bool ow_named_across(const ow_instance *inst, size_t b, size_t i)
{
    for (size_t ob = 0; ob < inst->n_bodies; ob++)
        for (size_t q = 0; q < inst->bodies[ob].n_items; q++) {
            const ow_item *it = &inst->bodies[ob].items[q];
            for (size_t x = 0; x < it->n_after_other; x++)
                if (it->after_other[x].body == b && it->after_other[x].item == i)
                    return true;
        }
    return false;
}

/* Does item q of the body list item i in its `after`? */
static bool lists_after(const ow_item *q, size_t i)
{
    for (size_t x = 0; x < q->n_after; x++)
        if (q->after[x] == i)
            return true;
    return false;
}

/* Are items i and j of a free body interchangeable: the same durations and rules,
 * named alike by every other item's rules, and by no rule of another body?  Then
 * exchanging their pieces turns a schedule into one of the same objective. */
static bool twins(const ow_instance *inst, size_t b, size_t i, size_t j)
{
    const ow_body *body = &inst->bodies[b];
    const ow_item *x = &body->items[i], *y = &body->items[j];
    if (x->minutes != y->minutes || x->min_minutes != y->min_minutes ||
        x->max_minutes != y->max_minutes || x->has_estimate != y->has_estimate ||
        x->split != y->split || x->min_part != y->min_part || x->first || y->first || x->last ||
        y->last || x->meeting != y->meeting || x->day != y->day || x->has_day_date ||
        y->has_day_date || x->day_last != y->day_last || x->day_from != y->day_from ||
        x->day_to != y->day_to || x->n_after_other > 0 || y->n_after_other > 0 || x->n_joint > 0 ||
        y->n_joint > 0 || x->pin != OW_PIN_NONE || y->pin != OW_PIN_NONE || x->alone != y->alone ||
        x->n_together > 0 || y->n_together > 0 || x->n_after != y->n_after)
        return false;
    for (size_t q = 0; q < x->n_after; q++)
        if (!lists_after(y, x->after[q]) || x->after[q] == j)
            return false;
    for (size_t q = 0; q < y->n_after; q++)
        if (y->after[q] == i)
            return false;
    for (size_t q = 0; q < body->n_items; q++)
        if (lists_after(&body->items[q], i) != lists_after(&body->items[q], j))
            return false;
    return !ow_named_across(inst, b, i) && !ow_named_across(inst, b, j);
}

/* twins: of two interchangeable items i < j, Σ_k k·a[i,k] ≤ Σ_k k·a[j,k].  Exchanging
 * their pieces keeps the objective and changes the tie-break k·(n − i) on a[i,k] by
 * (j − i)·(Σ_k k·a[j,k] − Σ_k k·a[i,k]): every optimum, tie-break included, already
 * satisfies the row, which only cuts away the mirror images the search would
 * otherwise visit one by one.  Each item is tied to the next of its kind. */
static void add_twins(ow_formulation *f, size_t b)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    /* The rows only narrow the search: without memory for their list, none. */
    bm->twin_rows = ow_arena_calloc(f->arena, body->n_items + 1, sizeof(int));
    for (size_t i = 0; i < body->n_items && bm->twin_rows != NULL; i++)
        for (size_t j = i + 1; j < body->n_items; j++) {
            if (!twins(inst, b, i, j))
                continue;
            int row = ow_program_row(P, OW_ROW_GE, 0, "twins[%s,%s,%s]", body->id,
                                     body->items[j].id, body->items[i].id);
            for (int k = 1; k < bm->K; k++) {
                if (bm->a[AIDX(bm, j, k)] >= 0)
                    ow_program_add(P, row, bm->a[AIDX(bm, j, k)], k);
                if (bm->a[AIDX(bm, i, k)] >= 0)
                    ow_program_add(P, row, bm->a[AIDX(bm, i, k)], -k);
            }
            bm->twin_rows[bm->n_twin_rows++] = row;
            break;
        }
}

/* The rows of a body with free order: item by item, the guests' columns, meeting by
 * meeting, then the order rules. */
void ow_add_free(ow_formulation *f, size_t b, double scale)
{
    const ow_body *body = &f->inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;

    for (int i = 0; i < bm->n; i++) {
        add_piece(f, b, i, scale);
        add_runfrom(f, b, i, scale);
        add_minutes(f, b, i);
    }
    add_guest_columns(f, b, scale);
    for (int k = 0; k < bm->K; k++) {
        int used = add_used(f, b, k);
        add_prefix(f, b, k);
        add_guestonly(f, b, k, used);
        add_alone(f, b, k);
    }
    /* after, first and last, as "begins no earlier than the other ends": one row
     * per pair, however many rules ask for it. */
    for (size_t i = 0; i < body->n_items; i++)
        for (size_t q = 0; q < body->n_items; q++)
            if (q != i && goes_before(body, q, i)) {
                add_follows(P, body, bm, i, q);
                add_precedes(P, body, bm, i, q);
            }
    add_twins(f, b);
}
