/* place.c: where a body's meetings sit — slots and rooms, in order, and the days
 * they use (docs/model.md, "Constraints": placement, days). */
#include "internal.h"

/* Is (global slot t, room r) still free for this body's meeting? */
static bool place_free(const ow_formulation *f, const ow_body *body, int t, int r)
{
    const ow_plan_limits *lim = f->lim;
    if (lim == NULL)
        return true;
    if (lim->room_taken != NULL) {
        const unsigned char *taken = &lim->room_taken[(size_t)t * f->inst->n_rooms];
        if (taken[r])
            return false;
        /* A body planned alone finds the free rooms of a slot alike: it may take the
         * first one only, which spares the search their symmetry. */
        for (int q = 0; f->inst->n_bodies == 1 && body->room < 0 && q < r; q++)
            if (!taken[q])
                return false;
    }
    if (body->interpretation && lim->teams_used != NULL &&
        lim->teams_used[t] >= f->inst->interpretation_teams)
        return false;
    return true;
}

/* Positions a meeting k can take: it needs k earlier meetings, at most per_day a day.
 * rank: where the body's slots are limited (ow_body_slots_limited), the positions
 * before p it may meet in, or -1 where it may not meet; NULL when it may meet in
 * every slot (rank p). */
static bool position_possible(const ow_formulation *f, const ow_body *body, const body_model *bm,
                              int k, int p, const int *rank)
{
    const ow_instance *inst = f->inst;
    const ow_plan_limits *lim = f->lim;
    size_t b = (size_t)(body - inst->bodies);
    if (lim != NULL && lim->after_slot != NULL && bm->pos_slot[p] <= lim->after_slot[b])
        return false;
    if (lim != NULL && lim->first_day_by != NULL && k == 0 && lim->first_day_by[b] >= 0 &&
        slot_day(inst, bm->pos_slot[p]) > lim->first_day_by[b])
        return false;
    int ns = (int)inst->calendar.n_slots;
    int per_day =
        body->meetings_per_day > 0 && body->meetings_per_day < ns ? body->meetings_per_day : ns;
    if ((rank != NULL ? rank[p] : p) < k)
        return false;
    if (rank == NULL && ow_body_slots_limited(inst, body) && /* no room for the ranks */
        !ow_body_may_meet(&inst->calendar, body, slot_day(inst, bm->pos_slot[p]),
                          bm->pos_slot[p] % ns))
        return false;
    if (p / ns < k / per_day)
        return false;
    /* A body pinned to start on a day holds no meeting before it. */
    if (body->has_pin_from && slot_day(inst, bm->pos_slot[p]) < body->pin_from)
        return false;
    return true;
}

/* The rank of each position among those the body may meet in (-1 where it may
 * not, or where the day has fewer slots: ow_body_may_meet), or NULL when it may
 * meet in every slot of every day. */
static int *position_ranks(const ow_formulation *f, size_t b, const body_model *bm)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    if (!ow_body_slots_limited(inst, body))
        return NULL;
    int *rank = ow_arena_calloc(f->arena, (size_t)bm->n_pos + 1, sizeof *rank);
    if (rank == NULL)
        return NULL;
    int ns = (int)inst->calendar.n_slots, seen = 0;
    for (int p = 0; p < bm->n_pos; p++) {
        int t = bm->pos_slot[p];
        rank[p] = ow_body_may_meet(&inst->calendar, body, t / ns, t % ns) ? seen++ : -1;
    }
    return rank;
}

/* place: a held meeting sits in exactly one (slot, room), Σ z[k,·,·] = u[k]; meeting
 * k can only take the k-th slot of the window it may meet in or later (with
 * meetings_per_day, day ⌊k / per day⌋ or later); a body pinned `from` a day holds
 * nothing before it; a slot the body may not meet in (its `slots`, `not_during`,
 * another body's `reserved`) has no z. */
void ow_add_place(ow_formulation *f, size_t b, double slot_tie)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = body->id;
    int K = bm->K;
    const int *rank = position_ranks(f, b, bm);

    /* Placement of meetings in slots and rooms. */
    for (int k = 0; k < K; k++) {
        int place = ow_program_row(P, OW_ROW_EQ, 0, "place[%s,%d]", bid, k + 1);
        ow_program_add(P, place, bm->u[k], -1);
        for (int p = 0; p < bm->n_pos; p++) {
            for (int r = 0; r < bm->n_rooms; r++) {
                size_t zi = ZIDX(bm, k, p, r);
                if (!position_possible(f, body, bm, k, p, rank) ||
                    !place_free(f, body, bm->pos_slot[p], bm->rooms[r])) {
                    bm->z[zi] = -1;
                    continue;
                }
                double tie =
                    slot_tie * ((double)bm->pos_slot[p] * (double)inst->n_rooms + bm->rooms[r]);
                bm->z[zi] = ow_program_col(P, OW_COL_BINARY, 0, 1, tie, "z[%s,%d,%d,%s]", bid,
                                           k + 1, bm->pos_slot[p], inst->rooms[bm->rooms[r]]);
                ow_program_add(P, place, bm->z[zi], 1);
            }
        }
    }
}

/* after: meeting k+1 sits in a later slot than meeting k,
 * Σ_{q≤p} z[k+1,q] ≤ Σ_{q<p} z[k,q] for every slot position p. */
void ow_add_after(ow_formulation *f, size_t b)
{
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = f->inst->bodies[b].id;
    int K = bm->K;

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
}

/* dayuse, perday, daysmin: y[d] ≥ Σ_{t∈d} z[k,t,r] for each k;
 * Σ_k Σ_{t∈d} z ≤ cap·y[d]; Σ_d y[d] ≥ ⌈k_min / per day⌉.  The rows of a day are
 * written together. */
void ow_add_dayuse(ow_formulation *f, size_t b, double scale)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const ow_weights *w = &inst->weights;
    const char *bid = body->id;
    int K = bm->K;
    int ns = (int)inst->calendar.n_slots;
    int window_days = body->window_to - body->window_from + 1;

    /* Days used, and meetings a day.  The LP alone would spread the fewest meetings
     * over fractional days: at least ceil(k_min / per day) days are used. */
    int per_day_cap =
        body->meetings_per_day > 0 && body->meetings_per_day < ns ? body->meetings_per_day : ns;
    int days_min = ow_program_row(P, OW_ROW_GE, (bm->k_min + per_day_cap - 1) / per_day_cap,
                                  "daysmin[%s]", bid);
    for (int d = 0; d < window_days; d++) {
        bm->y[d] = ow_program_col(P, OW_COL_BINARY, 0, 1, w->days * scale, "y[%s,%d]", bid,
                                  body->window_from + d);
        ow_program_add(P, days_min, bm->y[d], 1);
        int cap = body->meetings_per_day > 0 ? body->meetings_per_day : ns;
        int per_day = ow_program_row(P, OW_ROW_LE, 0, "perday[%s,%d]", bid, body->window_from + d);
        ow_program_add(P, per_day, bm->y[d], -cap);
        for (int k = 0; k < K; k++) {
            int link = ow_program_row(P, OW_ROW_GE, 0, "dayuse[%s,%d,%d]", bid,
                                      body->window_from + d, k + 1);
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
}

/* lastfrom: Σ z[k,t,r] over the days from last_day_from ≥ 1 — a body that another
 * follows ends late enough for it (docs/model.md, "Large periods"). */
void ow_add_lastfrom(ow_formulation *f, size_t b)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = body->id;
    int K = bm->K;

    int last_from = f->lim != NULL && f->lim->last_day_from != NULL
                        ? f->lim->last_day_from[(size_t)(body - inst->bodies)]
                        : -1;
    if (last_from >= 0) {
        int row = ow_program_row(P, OW_ROW_GE, 1, "lastfrom[%s]", bid);
        for (int k = 0; k < K; k++)
            for (int p = 0; p < bm->n_pos; p++)
                for (int r = 0; r < bm->n_rooms; r++) {
                    int zc = bm->z[ZIDX(bm, k, p, r)];
                    if (zc >= 0 && slot_day(inst, bm->pos_slot[p]) >= last_from)
                        ow_program_add(P, row, zc, 1);
                }
    }
}

/* pinfrom: Σ_{t∈d,r} z[1,t,r] = 1 — a body pinned `from` day d holds its first
 * meeting that day. */
void ow_add_pinfrom(ow_formulation *f, size_t b)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    const body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const char *bid = body->id;
    int ns = (int)inst->calendar.n_slots;

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
}
