/* decode.c: reading a solution of the formulation back into a schedule
 * (docs/model.md, "Objective", reading back). */
#include "decode.h"

#include <math.h>
#include <stdlib.h>

#include "formulation/internal.h"

/* Where meeting k of body b sits in the solution: its position and room index. */
static bool placed_at(const body_model *bm, const double *x, int k, int *p_at, int *r_at)
{
    for (int p = 0; p < bm->n_pos; p++)
        for (int r = 0; r < bm->n_rooms; r++)
            if (on(x, bm->z[ZIDX(bm, k, p, r)])) {
                *p_at = p;
                *r_at = r;
                return true;
            }
    return false;
}

/* Sets meeting m of body b in global slot t, room r. */
static void set_place(const ow_formulation *f, ow_meeting *m, size_t b, int t, int r)
{
    const ow_instance *inst = f->inst;
    m->body = b;
    m->day = slot_day(inst, t);
    m->slot = t % (int)inst->calendar.n_slots;
    m->date = inst->calendar.days[m->day];
    size_t n;
    const ow_slot *slots = ow_calendar_day_slots(&inst->calendar, m->day, &n);
    m->start = slots[m->slot].start;
    m->end = slots[m->slot].end;
    m->room = r;
}

/* The piece a guest's joint meeting j holds: the owner's item, whole. */
static ow_piece guest_piece(const ow_formulation *f, size_t j)
{
    const joint *jt = &f->joints[j];
    return (ow_piece){(size_t)jt->item, f->inst->bodies[jt->owner].items[jt->item].minutes, false,
                      true, jt->owner};
}

/* The agenda's cumulative minutes in the solution (cum[j]), and the range of
 * each state of a cut (lo, hi): the body's own when its durations are fixed, else
 * read from the columns C(j) the solution chose. */
static void read_lengths(const ow_formulation *f, size_t b, const double *x, int *cum, int *lo,
                         int *hi)
{
    const ow_body *body = &f->inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    for (int j = 0; j <= bm->n; j++)
        cum[j] = bm->flex && bm->C[j] >= 0 ? (int)lround(x[bm->C[j]]) : bm->cum[j];
    for (int s = 0; s < bm->n_states; s++) {
        lo[s] = bm->lo[s];
        hi[s] = bm->hi[s];
    }
    if (!bm->flex)
        return;
    for (int j = 0; j <= bm->n; j++)
        lo[2 * j] = hi[2 * j] = cum[j];
    for (int i = 1; i <= bm->n; i++)
        if (bm->lo[2 * i - 1] <= bm->hi[2 * i - 1]) {
            int g = open_margin(&body->items[i - 1]);
            lo[2 * i - 1] = cum[i - 1] + g;
            hi[2 * i - 1] = cum[i] - g;
        }
}

/* Body b's path in the solution: the state after each meeting (state[k + 1]), the
 * joint meeting each one is (joint_of[k], or -1), and the cut points (cut[k + 1]),
 * within the cumulative minutes cum and the states' ranges lo, hi. */
static ow_status read_path(const ow_formulation *f, size_t b, const double *x, const int *cum,
                           const int *lo, const int *hi, int *cut, int *state, int *joint_of,
                           ow_error *err)
{
    const ow_body *body = &f->inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    int K = bm->K, n = bm->n;
    for (int k = 0; k < K; k++) {
        state[k + 1] = -1;
        joint_of[k] = -1;
        for (size_t a = bm->layer[k]; a < bm->layer[k + 1]; a++)
            if (on(x, bm->arcs[a].col)) {
                state[k + 1] = bm->arcs[a].to;
                joint_of[k] = bm->arcs[a].joint;
            }
        if (state[k + 1] < 0) {
            return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0},
                                "the solution has no step for meeting %d of %s", k + 1, body->id);
        }
        /* A boundary cut is exact; a cut inside an item is the solver's, in whole minutes. */
        int c = k + 1;
        cut[c] = bm->W[c] >= 0 ? (int)lround(x[bm->W[c]]) : cum[n];
        if (cut[c] < lo[state[c]])
            cut[c] = lo[state[c]];
        if (cut[c] > hi[state[c]])
            cut[c] = hi[state[c]];
    }
    return OW_OK;
}

/* Reads body b's path and cut points into meetings of s. */
static ow_status decode_body(const ow_formulation *f, size_t b, const double *x, ow_schedule *s,
                             ow_error *err)
{
    const ow_loc none = {0, 0};
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    int K = bm->K, n = bm->n, last = bm->n_states - 1;
    ow_status rc = OW_OK;
    int *cut = calloc((size_t)K + 1, sizeof *cut);
    int *state = calloc((size_t)K + 1, sizeof *state);
    int *joint_of = calloc((size_t)K + 1, sizeof *joint_of);
    int *cum = calloc((size_t)n + 1, sizeof *cum);
    int *lo = calloc((size_t)bm->n_states, sizeof *lo);
    int *hi = calloc((size_t)bm->n_states, sizeof *hi);
    if (cut == NULL || state == NULL || joint_of == NULL || cum == NULL || lo == NULL ||
        hi == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    read_lengths(f, b, x, cum, lo, hi);
    OW_CALL(read_path(f, b, x, cum, lo, hi, cut, state, joint_of, err));
    for (int k = 0; k < K; k++) {
        if (state[k] == last && joint_of[k] < 0)
            break;
        int p_at = -1, r_at = -1;
        if (!placed_at(bm, x, k, &p_at, &r_at)) {
            rc = ow_error_set(err, OW_INTERNAL, NULL, none,
                              "the solution places no slot for meeting %d of %s", k + 1, body->id);
            goto done;
        }
        /* A meeting that breaks off an item with no min_part is filled to its slot:
         * the same rows of the annex, the time taken as early as it allows. */
        int st = state[k + 1];
        if (st % 2 == 1 && body->items[(st + 1) / 2 - 1].min_part == 0) {
            int fill = cut[k] + slot_length(inst, bm->pos_slot[p_at]);
            if (fill > hi[st])
                fill = hi[st];
            if (k + 2 <= K && state[k + 2] == st && fill >= cut[k + 2])
                fill = cut[k + 2] - 1;
            if (fill > cut[k + 1])
                cut[k + 1] = fill;
        }
        size_t n_pieces = joint_of[k] >= 0 ? 1 : 0;
        for (int i = 0; i < n; i++) {
            int from = cut[k] > cum[i] ? cut[k] : cum[i];
            int to = cut[k + 1] < cum[i + 1] ? cut[k + 1] : cum[i + 1];
            if (to > from)
                n_pieces++;
        }
        ow_meeting *m = ow_schedule_add_meeting(s, n_pieces);
        if (m == NULL) {
            rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
            goto done;
        }
        size_t j = 0;
        set_place(f, m, b, bm->pos_slot[p_at], bm->rooms[r_at]);
        if (joint_of[k] >= 0)
            m->pieces[j++] = guest_piece(f, (size_t)joint_of[k]);
        for (int i = 0; i < n; i++) {
            int from = cut[k] > cum[i] ? cut[k] : cum[i];
            int to = cut[k + 1] < cum[i + 1] ? cut[k + 1] : cum[i + 1];
            if (to <= from)
                continue;
            m->pieces[j].item = (size_t)i;
            m->pieces[j].minutes = to - from;
            m->pieces[j].continued = from > cum[i];
            j++;
        }
    }
done:
    free(cut);
    free(state);
    free(joint_of);
    free(cum);
    free(lo);
    free(hi);
    return rc;
}

/* A meeting of a free body that breaks off an item is filled to its slot from the
 * item's next piece, as far as min_part allows: the same rows, the time taken
 * early.  mins[i * K + k] are the minutes of item i in meeting k. */
static void fill_free(const ow_instance *inst, const ow_body *body, const body_model *bm,
                      const double *x, int held, const int *pos, int *mins)
{
    int n = bm->n;
    for (int k = 0; k + 1 < held; k++)
        for (int i = 0; i < n; i++) {
            if (!on(x, bm->c[AIDX(bm, i, k)]))
                continue;
            int used = 0;
            for (int q = 0; q < n; q++)
                used += mins[AIDX(bm, q, k)];
            int move = slot_length(inst, bm->pos_slot[pos[k]]) - used;
            int spare = mins[AIDX(bm, i, k + 1)] - open_margin(&body->items[i]);
            if (move > spare)
                move = spare;
            if (move > 0) {
                mins[AIDX(bm, i, k)] += move;
                mins[AIDX(bm, i, k + 1)] -= move;
            }
        }
}

/* Sorts the n_order items of a meeting (order) into sorted, in agenda order as far
 * as the rules allow: each time the first item that nothing left must precede.
 * taken[] is scratch, false for each of them on entry. */
static void rule_order(const ow_body *body, const size_t *order, size_t n_order, bool *taken,
                       size_t *sorted)
{
    for (size_t q = 0; q < n_order; q++) {
        size_t pick = n_order;
        for (size_t u = 0; u < n_order && pick == n_order; u++) {
            bool ready = !taken[order[u]];
            for (size_t v = 0; v < n_order && ready; v++)
                if (v != u && !taken[order[v]] && goes_before(body, order[v], order[u]))
                    ready = false;
            if (ready)
                pick = u;
        }
        for (size_t u = 0; u < n_order && pick == n_order; u++)
            if (!taken[order[u]])
                pick = u; /* a circle of rules: the precheck reports it first */
        taken[order[pick]] = true;
        sorted[q] = order[pick];
    }
}

/* Reads a free body's assignment into meetings of s.  Inside a meeting the item
 * that runs on from the one before opens it, the one that runs on into the next
 * closes it, and the others come in agenda order as far as after/first/last
 * allow. */
static ow_status decode_free(const ow_formulation *f, size_t b, const double *x, ow_schedule *s,
                             ow_error *err)
{
    const ow_loc none = {0, 0};
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    int K = bm->K, n = bm->n;
    size_t nj = f->n_joints;
    ow_status rc = OW_OK;
    int *mins = calloc((size_t)n * (size_t)K + 1, sizeof *mins);
    int *pos = calloc((size_t)K + 1, sizeof *pos);
    int *room = calloc((size_t)K + 1, sizeof *room);
    size_t *order = calloc((size_t)n + 1, sizeof *order);
    size_t *sorted = calloc((size_t)n + 1, sizeof *sorted);
    bool *taken = calloc((size_t)n + 1, sizeof *taken);
    if (!mins || !pos || !room || !order || !sorted || !taken) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    int held = 0;
    while (held < K && on(x, bm->u[held])) {
        if (!placed_at(bm, x, held, &pos[held], &room[held])) {
            rc = ow_error_set(err, OW_INTERNAL, NULL, none,
                              "the solution places no slot for meeting %d of %s", held + 1,
                              body->id);
            goto done;
        }
        for (int i = 0; i < n; i++) {
            size_t a = AIDX(bm, i, held);
            mins[a] = on(x, bm->a[a]) ? (int)lround(x[bm->pm[a]]) : 0;
        }
        held++;
    }
    fill_free(inst, body, bm, x, held, pos, mins);
    for (int k = 0; k < held; k++) {
        int guest = -1, in = -1, out = -1;
        size_t n_order = 0;
        for (size_t j = 0; j < nj; j++)
            if (on(x, bm->gj[(size_t)k * nj + j]))
                guest = (int)j;
        for (int i = 0; i < n; i++) {
            taken[i] = false;
            if (mins[AIDX(bm, i, k)] <= 0)
                continue;
            if (k > 0 && on(x, bm->c[AIDX(bm, i, k - 1)]))
                in = i;
            else if (on(x, bm->c[AIDX(bm, i, k)]))
                out = i;
            else
                order[n_order++] = (size_t)i;
        }
        rule_order(body, order, n_order, taken, sorted);
        size_t n_pieces = (guest >= 0) + (in >= 0) + n_order + (out >= 0);
        ow_meeting *m = ow_schedule_add_meeting(s, n_pieces);
        if (m == NULL) {
            rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
            goto done;
        }
        size_t j = 0;
        set_place(f, m, b, bm->pos_slot[pos[k]], bm->rooms[room[k]]);
        if (guest >= 0)
            m->pieces[j++] = guest_piece(f, (size_t)guest);
        if (in >= 0)
            m->pieces[j++] = (ow_piece){(size_t)in, mins[AIDX(bm, in, k)], true, false, 0};
        for (size_t q = 0; q < n_order; q++)
            m->pieces[j++] = (ow_piece){sorted[q], mins[AIDX(bm, sorted[q], k)], false, false, 0};
        if (out >= 0)
            m->pieces[j++] = (ow_piece){(size_t)out, mins[AIDX(bm, out, k)], false, false, 0};
    }
done:
    free(mins);
    free(pos);
    free(room);
    free(order);
    free(sorted);
    free(taken);
    return rc;
}

ow_status ow_decode(const ow_formulation *f, const double *x, ow_solve_status status,
                    ow_schedule **out, ow_error *err)
{
    const ow_loc none = {0, 0};
    ow_status rc = OW_OK;
    ow_schedule *s = ow_schedule_new();
    if (s == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    s->status = status;
    for (size_t b = 0; b < f->inst->n_bodies; b++) {
        if (f->bodies[b].free)
            OW_CALL(decode_free(f, b, x, s, err));
        else
            OW_CALL(decode_body(f, b, x, s, err));
    }
    ow_schedule_sort(s);
    ow_objective_terms terms;
    ow_schedule_objective(f->inst, s, &terms);
    s->objective = (double)terms.total;
    s->objective_given = true;
    *out = s;
    s = NULL;
done:
    ow_schedule_free(s);
    return rc;
}
