/* formulation.c: the integer program (docs/model.md is the reference).
 *
 * Per body, meetings are numbered k = 0..K-1 and form a prefix (u[k] >= u[k+1]).
 * Items, taken in agenda order, form a staircase over meetings: S[i][k] = "item i
 * has started by meeting k", E[i][k] = "item i has finished by meeting k", both
 * monotone in k and chained in i (S[i+1][k] <= E[i][k]).  W[k], the agenda minutes
 * done by the end of meeting k, is a cut point over the cumulative durations.
 * Meetings are placed in (slot, room) pairs by z[k][t][r], in increasing slot order. */
#include "orgwork/formulation.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "orgwork/arena.h"

typedef struct body_model {
    int K;          /* meetings the body may hold */
    int n;          /* items */
    int n_pos;      /* slots of its window, in time order */
    int *pos_slot;  /* global slot id (day * n_slots + slot) of each position */
    int n_rooms;
    int *rooms;     /* room indices it may use */
    int *cum;       /* cum[i] = minutes of items 0..i-1; cum[n] = total */
    int *u;         /* [K] */
    int *W;         /* [K] */
    int *S, *E;     /* [n * K] */
    int *late;      /* [n], -1 for item 0 */
    int *z;         /* [K * n_pos * n_rooms], -1 where meeting k cannot be */
    int *y;         /* [window days] */
} body_model;

struct ow_formulation {
    const ow_instance *inst;
    ow_program *program;
    ow_arena *arena;
    body_model *bodies;
    bool crossed;   /* some bounds crossed: no schedule exists */
};

#define IDX(bm, i, k) ((size_t)(i) * (size_t)(bm)->K + (size_t)(k))
#define ZIDX(bm, k, p, r) \
    (((size_t)(k) * (size_t)(bm)->n_pos + (size_t)(p)) * (size_t)(bm)->n_rooms + (size_t)(r))

static int slot_length(const ow_instance *inst, int global_slot)
{
    const ow_slot *s = &inst->calendar.slots[global_slot % (int)inst->calendar.n_slots];
    return s->end - s->start;
}

static int slot_day(const ow_instance *inst, int global_slot)
{
    return global_slot / (int)inst->calendar.n_slots;
}

static int max_slot_length(const ow_instance *inst)
{
    int best = 0;
    for (size_t s = 0; s < inst->calendar.n_slots; s++) {
        int len = inst->calendar.slots[s].end - inst->calendar.slots[s].start;
        if (len > best)
            best = len;
    }
    return best;
}

static int ceil_div(int a, int b)
{
    return a <= 0 ? 0 : (a + b - 1) / b;
}

/* Sets up the index arrays of one body; columns come later. */
static ow_status shape_body(ow_formulation *f, size_t b, ow_error *err)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    body_model *bm = &f->bodies[b];
    const ow_loc none = {0, 0};
    int ns = (int)inst->calendar.n_slots;

    bm->n = (int)body->n_items;
    bm->n_pos = (body->window_to - body->window_from + 1) * ns;
    int per_day = body->meetings_per_day > 0 && body->meetings_per_day < ns ? body->meetings_per_day : ns;
    int window_days = body->window_to - body->window_from + 1;
    int K = body->meetings > 0 ? body->meetings : window_days * per_day;
    if (K > window_days * per_day)
        K = window_days * per_day;
    bm->K = K;
    bm->n_rooms = body->room >= 0 ? 1 : (int)inst->n_rooms;

    bm->pos_slot = ow_arena_calloc(f->arena, (size_t)bm->n_pos, sizeof(int));
    bm->rooms = ow_arena_calloc(f->arena, (size_t)bm->n_rooms, sizeof(int));
    bm->cum = ow_arena_calloc(f->arena, (size_t)bm->n + 1, sizeof(int));
    bm->u = ow_arena_calloc(f->arena, (size_t)K + 1, sizeof(int));
    bm->W = ow_arena_calloc(f->arena, (size_t)K + 1, sizeof(int));
    bm->S = ow_arena_calloc(f->arena, (size_t)bm->n * (size_t)K + 1, sizeof(int));
    bm->E = ow_arena_calloc(f->arena, (size_t)bm->n * (size_t)K + 1, sizeof(int));
    bm->late = ow_arena_calloc(f->arena, (size_t)bm->n + 1, sizeof(int));
    bm->z = ow_arena_calloc(f->arena, (size_t)K * (size_t)bm->n_pos * (size_t)bm->n_rooms + 1,
                            sizeof(int));
    bm->y = ow_arena_calloc(f->arena, (size_t)window_days + 1, sizeof(int));
    if (!bm->pos_slot || !bm->rooms || !bm->cum || !bm->u || !bm->W || !bm->S || !bm->E ||
        !bm->late || !bm->z || !bm->y)
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    for (int p = 0; p < bm->n_pos; p++)
        bm->pos_slot[p] = body->window_from * ns + p;
    if (body->room >= 0)
        bm->rooms[0] = body->room;
    else
        for (int r = 0; r < bm->n_rooms; r++)
            bm->rooms[r] = r;
    for (int i = 0; i < bm->n; i++)
        bm->cum[i + 1] = bm->cum[i] + body->items[i].minutes;
    return OW_OK;
}

/* Positions a meeting k can take: it needs k earlier meetings, at most per_day a day. */
static bool position_possible(const ow_instance *inst, const ow_body *body, const body_model *bm,
                              int k, int p)
{
    int ns = (int)inst->calendar.n_slots;
    int per_day = body->meetings_per_day > 0 && body->meetings_per_day < ns ? body->meetings_per_day : ns;
    if (p < k)
        return false;
    if (p / ns < k / per_day)
        return false;
    /* A body pinned to start on a day holds no meeting before it. */
    if (body->has_pin_from && slot_day(inst, bm->pos_slot[p]) < body->pin_from)
        return false;
    return true;
}

/* Lower bound of minutes kept by an item open at a meeting's end, on each side. */
static int open_margin(const ow_item *it)
{
    return it->min_part > 1 ? it->min_part : 1;
}

static ow_status build_body(ow_formulation *f, size_t b, double scale, double slot_tie,
                            ow_error *err)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const ow_weights *w = &inst->weights;
    const char *bid = body->id;
    int K = bm->K, n = bm->n, T = bm->cum[n];
    int Lmax = max_slot_length(inst);
    int ns = (int)inst->calendar.n_slots;
    int window_days = body->window_to - body->window_from + 1;
    (void)err;

    /* Meetings held: a prefix; at least as many as the agenda needs. */
    int k_min = ceil_div(T, Lmax);
    for (int k = 0; k < K; k++) {
        double lb = k < k_min ? 1 : 0;
        bm->u[k] = ow_program_col(P, OW_COL_BINARY, lb, 1, w->meetings * scale, "u[%s,%d]", bid, k + 1);
    }
    for (int k = 0; k + 1 < K; k++) {
        int r = ow_program_row(P, OW_ROW_LE, 0, "prefix[%s,%d]", bid, k + 1);
        ow_program_add(P, r, bm->u[k + 1], 1);
        ow_program_add(P, r, bm->u[k], -1);
    }

    /* Placement of meetings in slots and rooms. */
    for (int k = 0; k < K; k++) {
        int held = ow_program_row(P, OW_ROW_EQ, 0, "place[%s,%d]", bid, k + 1);
        ow_program_add(P, held, bm->u[k], -1);
        for (int p = 0; p < bm->n_pos; p++) {
            for (int r = 0; r < bm->n_rooms; r++) {
                size_t zi = ZIDX(bm, k, p, r);
                if (!position_possible(inst, body, bm, k, p)) {
                    bm->z[zi] = -1;
                    continue;
                }
                double tie = slot_tie * ((double)bm->pos_slot[p] * (double)inst->n_rooms + bm->rooms[r]);
                bm->z[zi] = ow_program_col(P, OW_COL_BINARY, 0, 1, tie, "z[%s,%d,%d,%s]", bid, k + 1,
                                           bm->pos_slot[p], inst->rooms[bm->rooms[r]]);
                ow_program_add(P, held, bm->z[zi], 1);
            }
        }
    }
    /* Meeting k+1 comes in a later slot than meeting k. */
    for (int k = 0; k + 1 < K; k++) {
        for (int p = 0; p < bm->n_pos; p++) {
            int row = ow_program_row(P, OW_ROW_LE, 0, "after[%s,%d,%d]", bid, k + 2, p);
            for (int q = 0; q <= p; q++)
                for (int r = 0; r < bm->n_rooms; r++) {
                    int zc = bm->z[ZIDX(bm, k + 1, q, r)];
                    if (zc >= 0)
                        ow_program_add(P, row, zc, 1);
                    int zp = bm->z[ZIDX(bm, k, q, r)];
                    if (q < p && zp >= 0)
                        ow_program_add(P, row, zp, -1);
                }
        }
    }
    /* Days used, and meetings a day. */
    for (int d = 0; d < window_days; d++) {
        bm->y[d] = ow_program_col(P, OW_COL_BINARY, 0, 1, w->days * scale, "y[%s,%d]", bid,
                                  body->window_from + d);
        int cap = body->meetings_per_day > 0 ? body->meetings_per_day : ns;
        int per_day = ow_program_row(P, OW_ROW_LE, 0, "perday[%s,%d]", bid, body->window_from + d);
        ow_program_add(P, per_day, bm->y[d], -cap);
        for (int k = 0; k < K; k++) {
            int link = ow_program_row(P, OW_ROW_GE, 0, "dayuse[%s,%d,%d]", bid, body->window_from + d, k + 1);
            ow_program_add(P, link, bm->y[d], 1);
            for (int s = 0; s < ns; s++)
                for (int r = 0; r < bm->n_rooms; r++) {
                    int zc = bm->z[ZIDX(bm, k, d * ns + s, r)];
                    if (zc < 0)
                        continue;
                    ow_program_add(P, link, zc, -1);
                    ow_program_add(P, per_day, zc, 1);
                }
        }
    }
    if (body->has_pin_from) {
        int row = ow_program_row(P, OW_ROW_EQ, 1, "pinfrom[%s]", bid);
        int d = body->pin_from - body->window_from;
        for (int s = 0; s < ns; s++)
            for (int r = 0; r < bm->n_rooms; r++) {
                int zc = bm->z[ZIDX(bm, 0, d * ns + s, r)];
                if (zc >= 0)
                    ow_program_add(P, row, zc, 1);
            }
    }

    /* The staircase.  Bounds from capacity: item i cannot start before the meetings
     * before it could hold what precedes it, nor end later than leaves room for what
     * follows it. */
    for (int i = 0; i < n; i++) {
        const ow_item *it = &body->items[i];
        int start_latest = K - ceil_div(T - bm->cum[i], Lmax);
        int rest = ceil_div(T - bm->cum[i + 1], Lmax);
        int end_latest = K - (rest > 1 ? rest : 1);
        for (int k = 0; k < K; k++) {
            double s_lb = k >= start_latest ? 1 : 0, s_ub = (k + 1) * Lmax <= bm->cum[i] ? 0 : 1;
            double e_lb = k >= end_latest ? 1 : 0, e_ub = (k + 1) * Lmax < bm->cum[i + 1] ? 0 : 1;
            if (it->meeting > 0 || it->pin == OW_PIN_MEETING) {
                int mk = (it->meeting > 0 ? it->meeting : it->pin_meeting) - 1;
                if (k < mk)
                    s_ub = e_ub = 0;
                else
                    s_lb = e_lb = 1;
            }
            if (k == K - 1)
                e_lb = s_lb = 1;
            /* Bounds that cross say the item cannot be placed at all: the program is
             * infeasible; keep GLPK's bounds valid and let one row say so. */
            if (s_lb > s_ub || e_lb > e_ub) {
                f->crossed = true;
                s_ub = s_lb = e_ub = e_lb = 1;
            }
            /* Every item open at the end of a meeting that is followed by another is
             * a "(continued)" piece: S - E carries the weight. */
            double cont = k + 1 < K ? w->continued * scale : 0;
            bm->S[IDX(bm, i, k)] = ow_program_col(P, OW_COL_BINARY, s_lb, s_ub, cont - 1,
                                                  "S[%s,%s,%d]", bid, it->id, k + 1);
            bm->E[IDX(bm, i, k)] = ow_program_col(P, OW_COL_BINARY, e_lb, e_ub, -cont - 1,
                                                  "E[%s,%s,%d]", bid, it->id, k + 1);
        }
    }
    for (int i = 0; i < n; i++) {
        const ow_item *it = &body->items[i];
        for (int k = 0; k < K; k++) {
            int s = bm->S[IDX(bm, i, k)], e = bm->E[IDX(bm, i, k)];
            int row = ow_program_row(P, OW_ROW_LE, 0, "started[%s,%s,%d]", bid, it->id, k + 1);
            ow_program_add(P, row, e, 1);
            ow_program_add(P, row, s, -1);
            if (k > 0) {
                row = ow_program_row(P, OW_ROW_LE, 0, "smono[%s,%s,%d]", bid, it->id, k + 1);
                ow_program_add(P, row, bm->S[IDX(bm, i, k - 1)], 1);
                ow_program_add(P, row, s, -1);
                row = ow_program_row(P, OW_ROW_LE, 0, "emono[%s,%s,%d]", bid, it->id, k + 1);
                ow_program_add(P, row, bm->E[IDX(bm, i, k - 1)], 1);
                ow_program_add(P, row, e, -1);
            }
            if (i + 1 < n) {
                row = ow_program_row(P, OW_ROW_LE, 0, "order[%s,%s,%d]", bid, it->id, k + 1);
                ow_program_add(P, row, bm->S[IDX(bm, i + 1, k)], 1);
                ow_program_add(P, row, e, -1);
            }
            if (!it->split) {
                row = ow_program_row(P, OW_ROW_EQ, 0, "whole[%s,%s,%d]", bid, it->id, k + 1);
                ow_program_add(P, row, s, 1);
                ow_program_add(P, row, e, -1);
            }
        }
    }
    /* A meeting is held exactly when the agenda is not finished before it. */
    if (n > 0) {
        for (int k = 1; k < K; k++) {
            int row = ow_program_row(P, OW_ROW_EQ, 1, "held[%s,%d]", bid, k + 1);
            ow_program_add(P, row, bm->u[k], 1);
            ow_program_add(P, row, bm->E[IDX(bm, n - 1, k - 1)], 1);
        }
        ow_program_bounds(P, bm->u[0], 1, 1);
    }

    /* Cut points. */
    for (int k = 0; k < K; k++) {
        double lb = k == K - 1 ? T : 0;
        bm->W[k] = ow_program_col(P, OW_COL_CONTINUOUS, lb, T, 0, "W[%s,%d]", bid, k + 1);
        int lo = ow_program_row(P, OW_ROW_GE, 0, "cutlo[%s,%d]", bid, k + 1);
        int hi = ow_program_row(P, OW_ROW_LE, 0, "cuthi[%s,%d]", bid, k + 1);
        ow_program_add(P, lo, bm->W[k], 1);
        ow_program_add(P, hi, bm->W[k], 1);
        for (int i = 0; i < n; i++) {
            int g = open_margin(&body->items[i]);
            int d = body->items[i].minutes;
            int s = bm->S[IDX(bm, i, k)], e = bm->E[IDX(bm, i, k)];
            /* Finished items lie before the cut, an open item keeps g minutes on each side. */
            ow_program_add(P, lo, e, -d + g);
            ow_program_add(P, lo, s, -g);
            ow_program_add(P, hi, s, -d + g);
            ow_program_add(P, hi, e, -g);
        }
        int cap = ow_program_row(P, OW_ROW_LE, 0, "capacity[%s,%d]", bid, k + 1);
        ow_program_add(P, cap, bm->W[k], 1);
        if (k > 0)
            ow_program_add(P, cap, bm->W[k - 1], -1);
        for (int p = 0; p < bm->n_pos; p++)
            for (int r = 0; r < bm->n_rooms; r++) {
                int zc = bm->z[ZIDX(bm, k, p, r)];
                if (zc >= 0)
                    ow_program_add(P, cap, zc, -slot_length(inst, bm->pos_slot[p]));
            }
    }
    /* A piece in the middle of an item (open at both ends of the meeting) also
     * respects min_part. */
    for (int i = 0; i < n; i++) {
        int mp = body->items[i].min_part;
        if (mp <= 0)
            continue;
        for (int k = 1; k < K; k++) {
            int row = ow_program_row(P, OW_ROW_GE, -mp, "midpart[%s,%s,%d]", bid, body->items[i].id, k + 1);
            ow_program_add(P, row, bm->W[k], 1);
            ow_program_add(P, row, bm->W[k - 1], -1);
            ow_program_add(P, row, bm->S[IDX(bm, i, k - 1)], -mp);
            ow_program_add(P, row, bm->E[IDX(bm, i, k - 1)], mp);
            ow_program_add(P, row, bm->S[IDX(bm, i, k)], -mp);
            ow_program_add(P, row, bm->E[IDX(bm, i, k)], mp);
        }
    }

    /* Late starts: item i shares its first meeting with the end of item i-1. */
    bm->late[0] = -1;
    for (int i = 1; i < n; i++) {
        bm->late[i] = ow_program_col(P, OW_COL_CONTINUOUS, 0, 1, w->late_start * scale,
                                     "late[%s,%s]", bid, body->items[i].id);
        for (int k = 0; k < K; k++) {
            int row = ow_program_row(P, OW_ROW_GE, 0, "latestart[%s,%s,%d]", bid, body->items[i].id, k + 1);
            ow_program_add(P, row, bm->late[i], 1);
            ow_program_add(P, row, bm->S[IDX(bm, i, k)], -1);
            if (k > 0)
                ow_program_add(P, row, bm->E[IDX(bm, i - 1, k - 1)], 1);
        }
    }

    /* Where items must be taken. */
    for (int i = 0; i < n; i++) {
        const ow_item *it = &body->items[i];
        for (int k = 0; k < K; k++) {
            int s = bm->S[IDX(bm, i, k)];
            int e_prev = k > 0 ? bm->E[IDX(bm, i, k - 1)] : -1;
            if (it->meeting == OW_MEETING_LAST && k + 1 < K) {
                int row = ow_program_row(P, OW_ROW_LE, 1, "lastmeeting[%s,%s,%d]", bid, it->id, k + 1);
                ow_program_add(P, row, s, 1);
                if (e_prev >= 0)
                    ow_program_add(P, row, e_prev, -1);
                ow_program_add(P, row, bm->u[k + 1], 1);
            }
            if (it->pin == OW_PIN_SLOT) {
                int p = (it->pin_day - body->window_from) * ns + it->pin_slot;
                int row = ow_program_row(P, OW_ROW_LE, 0, "pinslot[%s,%s,%d]", bid, it->id, k + 1);
                ow_program_add(P, row, s, 1);
                if (e_prev >= 0)
                    ow_program_add(P, row, e_prev, -1);
                if (p >= 0 && p < bm->n_pos)
                    for (int r = 0; r < bm->n_rooms; r++) {
                        int zc = bm->z[ZIDX(bm, k, p, r)];
                        if (zc >= 0)
                            ow_program_add(P, row, zc, -1);
                    }
            }
            if (it->day > 0 || it->has_day_date) {
                /* present(i,k) => day(k) - day(first) = it->day - 1, or day(k) = date. */
                int target;
                bool relative = it->day > 0;
                if (relative) {
                    target = it->day - 1;
                } else {
                    target = -1;
                    for (int d = 0; d < inst->calendar.n_days; d++)
                        if (inst->calendar.days[d] == it->day_date)
                            target = d;
                }
                if (relative && k == 0) {
                    if (target != 0)
                        ow_program_bounds(P, s, 0, 0);
                    continue;
                }
                double M = 2.0 * inst->calendar.n_days + 1;
                for (int side = 0; side < 2; side++) {
                    double sg = side == 0 ? 1 : -1;
                    int row = ow_program_row(P, OW_ROW_LE, sg * target + M, "day%s[%s,%s,%d]",
                                             side == 0 ? "hi" : "lo", bid, it->id, k + 1);
                    ow_program_add(P, row, s, M);
                    if (e_prev >= 0)
                        ow_program_add(P, row, e_prev, -M);
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
    }
    return OW_OK;
}

/* Rows shared by bodies: one meeting per room and slot, interpretation teams. */
static void build_shared(ow_formulation *f)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    if (inst->n_bodies < 2)
        return;
    int n_global = inst->calendar.n_days * (int)inst->calendar.n_slots;
    for (int t = 0; t < n_global; t++) {
        int team = -1;
        for (size_t r = 0; r < inst->n_rooms; r++) {
            int row = ow_program_row(P, OW_ROW_LE, 1, "room[%d,%s]", t, inst->rooms[r]);
            for (size_t b = 0; b < inst->n_bodies; b++) {
                const body_model *bm = &f->bodies[b];
                int p = t - inst->bodies[b].window_from * (int)inst->calendar.n_slots;
                if (p < 0 || p >= bm->n_pos)
                    continue;
                for (int rr = 0; rr < bm->n_rooms; rr++) {
                    if (bm->rooms[rr] != (int)r)
                        continue;
                    for (int k = 0; k < bm->K; k++) {
                        int zc = bm->z[ZIDX(bm, k, p, rr)];
                        if (zc < 0)
                            continue;
                        ow_program_add(P, row, zc, 1);
                        if (inst->bodies[b].interpretation) {
                            if (team < 0)
                                team = ow_program_row(P, OW_ROW_LE, inst->interpretation_teams,
                                                      "teams[%d]", t);
                            ow_program_add(P, team, zc, 1);
                        }
                    }
                }
            }
        }
    }
}

ow_status ow_formulation_build(const ow_instance *inst, ow_formulation **out, ow_error *err)
{
    const ow_loc none = {0, 0};
    ow_status rc = OW_OK;
    ow_formulation *f = calloc(1, sizeof *f);
    if (f == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    f->inst = inst;
    f->arena = ow_arena_new();
    f->program = ow_program_new();
    if (f->arena == NULL || f->program == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    f->bodies = ow_arena_calloc(f->arena, inst->n_bodies + 1, sizeof *f->bodies);
    if (f->bodies == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    for (size_t b = 0; b < inst->n_bodies; b++) {
        if (inst->bodies[b].order_free) {
            rc = ow_error_set(err, OW_INPUT, inst->path, inst->bodies[b].loc,
                              "`order: free` is not supported by this version of the solver; "
                              "list the items in the order they should be taken");
            goto done;
        }
        OW_CALL(shape_body(f, b, err));
    }
    /* The tie-break (earlier slots first, then items as early as possible) must never
     * outweigh one unit of the objective: scale the objective past its largest value. */
    double item_tie = 0, slot_span = 0;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        item_tie += 2.0 * f->bodies[b].n * f->bodies[b].K;
        slot_span += (double)f->bodies[b].K * inst->calendar.n_days * inst->calendar.n_slots *
                     (double)inst->n_rooms;
    }
    double slot_tie = item_tie + 1;
    double scale = slot_tie * slot_span + item_tie + 1;
    for (size_t b = 0; b < inst->n_bodies; b++)
        OW_CALL(build_body(f, b, scale, slot_tie, err));
    build_shared(f);
    if (f->crossed) {
        /* 0 >= 1: infeasible in a way every solver reads the same. */
        int row = ow_program_row(f->program, OW_ROW_GE, 1, "no_schedule");
        (void)row;
    }
    if (ow_program_failed(f->program)) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none,
                          "the integer program is too large or memory ran out");
        goto done;
    }
    *out = f;
    f = NULL;
done:
    ow_formulation_free(f);
    return rc;
}

void ow_formulation_free(ow_formulation *f)
{
    if (f == NULL)
        return;
    ow_program_free(f->program);
    ow_arena_free(f->arena);
    free(f);
}

const ow_program *ow_formulation_program(const ow_formulation *f)
{
    return f->program;
}

static bool on(const double *x, int col)
{
    return col >= 0 && x[col] > 0.5;
}

ow_status ow_formulation_decode(const ow_formulation *f, const double *x, ow_solve_status status,
                                ow_schedule **out, ow_error *err)
{
    const ow_loc none = {0, 0};
    const ow_instance *inst = f->inst;
    ow_status rc = OW_OK;
    int *cut = NULL;
    ow_schedule *s = ow_schedule_new();
    if (s == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    s->status = status;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const ow_body *body = &inst->bodies[b];
        const body_model *bm = &f->bodies[b];
        int K = bm->K, n = bm->n;
        free(cut);
        cut = calloc((size_t)K + 1, sizeof *cut);
        if (cut == NULL) {
            rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
            goto done;
        }
        /* Cut points in whole minutes; cut[k] is the end of meeting k-1. */
        for (int k = 0; k < K; k++)
            cut[k + 1] = (int)lround(x[bm->W[k]]);
        cut[K] = bm->cum[n];
        for (int k = 0; k < K; k++) {
            if (!on(x, bm->u[k]))
                continue;
            int p_at = -1, r_at = -1;
            for (int p = 0; p < bm->n_pos && p_at < 0; p++)
                for (int r = 0; r < bm->n_rooms; r++)
                    if (on(x, bm->z[ZIDX(bm, k, p, r)])) {
                        p_at = p;
                        r_at = r;
                        break;
                    }
            if (p_at < 0) {
                rc = ow_error_set(err, OW_INTERNAL, NULL, none,
                                  "solution places no slot for meeting %d of %s", k + 1, body->id);
                goto done;
            }
            /* A meeting that breaks off an item (with no min_part to respect) is filled:
             * the same structure, the time taken as early as it allows. */
            for (int i = 0; i < n && k + 1 < K; i++) {
                int sc = bm->S[IDX(bm, i, k)], ec = bm->E[IDX(bm, i, k)];
                if (on(x, sc) && !on(x, ec) && body->items[i].min_part == 0) {
                    int len = slot_length(inst, bm->pos_slot[p_at]);
                    int fill = cut[k] + len;
                    if (fill > bm->cum[i + 1] - 1)
                        fill = bm->cum[i + 1] - 1;
                    if (fill > cut[k + 1])
                        cut[k + 1] = fill;
                }
            }
            size_t n_pieces = 0;
            for (int i = 0; i < n; i++) {
                int lo = cut[k] > bm->cum[i] ? cut[k] : bm->cum[i];
                int hi = cut[k + 1] < bm->cum[i + 1] ? cut[k + 1] : bm->cum[i + 1];
                if (hi > lo)
                    n_pieces++;
            }
            ow_meeting *m = ow_schedule_add_meeting(s, n_pieces);
            if (m == NULL) {
                rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
                goto done;
            }
            int t = bm->pos_slot[p_at];
            m->body = b;
            m->day = slot_day(inst, t);
            m->slot = t % (int)inst->calendar.n_slots;
            m->date = inst->calendar.days[m->day];
            m->start = inst->calendar.slots[m->slot].start;
            m->end = inst->calendar.slots[m->slot].end;
            m->room = bm->rooms[r_at];
            size_t j = 0;
            for (int i = 0; i < n; i++) {
                int lo = cut[k] > bm->cum[i] ? cut[k] : bm->cum[i];
                int hi = cut[k + 1] < bm->cum[i + 1] ? cut[k + 1] : bm->cum[i + 1];
                if (hi <= lo)
                    continue;
                m->pieces[j].item = (size_t)i;
                m->pieces[j].minutes = hi - lo;
                m->pieces[j].continued = lo > bm->cum[i];
                j++;
            }
        }
    }
    ow_schedule_sort(s);
    ow_objective_terms terms;
    ow_schedule_objective(inst, s, &terms);
    s->objective = (double)terms.total;
    *out = s;
    s = NULL;
done:
    free(cut);
    ow_schedule_free(s);
    return rc;
}
