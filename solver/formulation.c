/* formulation.c: the integer program (docs/model.md is the reference).
 *
 * Agenda order is binding, so what a body's meetings take is described by cut
 * points over the cumulative durations: meeting k takes the agenda from cut k to
 * cut k+1.  A cut is either at a boundary between items or inside an item (that
 * item is then "(continued)").  The states a cut can be in form a small graph, and
 * a body's meetings are a path through it, one layer per meeting: a network flow,
 * whose LP relaxation is integral but for the few side rows (slot lengths, rules
 * on items).  Meetings are placed in (slot, room) pairs by z[k][t][r], in
 * increasing slot order.  A body with `order: free` has no path: its items are
 * assigned to meetings instead (build_free). */
#include "orgwork/formulation.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../model/arena.h"

/* One meeting's step from the state of the cut before it to the state after it. */
typedef struct arc {
    int from, to;
    int col;
    int joint; /* >= 0: this meeting is joint meeting `joint`, held with its owner */
} arc;

/* A joint item: held once, in one meeting attended by its owner and every body in
 * its joint_with. */
typedef struct joint {
    size_t owner; /* the body whose agenda lists it */
    int item;     /* 0-based index in the owner's items */
    int *J;       /* [global slot * n_rooms + room]: the joint meeting is there */
} joint;

/* States of a cut: 2j is the boundary after j items (0 = nothing done, 2n = all
 * done); 2i-1 is "inside item i" (1-based), which exists when the item may split. */
typedef struct body_model {
    int K;         /* meetings the body may hold */
    int n;         /* items */
    int n_states;  /* 2n + 1 */
    int n_pos;     /* slots of its window, in time order */
    int *pos_slot; /* global slot id (day * n_slots + slot) of each position */
    int n_rooms;
    int *rooms;   /* room indices it may use */
    int *cum;     /* cum[i] = minutes of items 0..i-1; cum[n] = total */
    int *lo, *hi; /* agenda minutes a cut in each state may take; lo > hi: no state */
    int *u;       /* [K] meeting k held */
    int *W;       /* [K + 1] cut columns; -1 for cut 0 and cut K (0 and the total) */
    arc *arcs;
    size_t n_arcs;
    size_t *layer; /* [K + 1]: arcs of meeting k are layer[k] .. layer[k+1]-1 */
    int *z;        /* [K * n_pos * n_rooms], -1 where meeting k cannot be */
    int *y;        /* [window days] */
    int k_min;     /* meetings it must hold: its agenda over the longest slot, and its
                    * joint meetings as a guest */
    /* `order: free` (no states, no arcs): items are assigned to meetings. */
    bool free;
    int *a;  /* [i * K + k] item i has a piece in meeting k; -1 where it cannot */
    int *pm; /* [i * K + k] minutes of that piece */
    int *c;  /* [i * K + k] item i runs on from meeting k into meeting k+1; or -1 */
    int *gj; /* [k * n_joints + j] meeting k is joint meeting j, as a guest; or -1 */
} body_model;

struct ow_formulation {
    const ow_instance *inst;
    ow_program *program;
    ow_arena *arena;
    body_model *bodies;
    size_t n_joints;
    joint *joints;
    bool crossed; /* some body has no path at all: no schedule exists */
    double scale; /* objective weights are multiplied by this; the tie-break stays below it */
    const ow_plan_limits *lim; /* places already taken, or NULL */
    double size; /* entries of the meeting-order rows so far, against OW_MAX_PROGRAM */
};

/* Most entries of the meeting-order rows, all bodies together: about a second and
 * 100 MB to build, far past any session the annexes describe. */
#define OW_MAX_PROGRAM 2e6

#define ZIDX(bm, k, p, r)                                                                          \
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

/* Lower bound of minutes kept by an item open at a cut, on each side. */
static int open_margin(const ow_item *it)
{
    return it->min_part > 1 ? it->min_part : 1;
}

/* The meeting (0-based) an item is set to, or -1. */
static int set_meeting(const ow_item *it)
{
    if (it->meeting > 0)
        return it->meeting - 1;
    if (it->pin == OW_PIN_MEETING)
        return it->pin_meeting - 1;
    return -1;
}

/* Does a meeting going from state s to state t take part of item i (1-based)? */
static bool covers(int s, int t, int i)
{
    return (s < 2 * i && t > 2 * i - 2) || (s == t && s == 2 * i - 1);
}

/* Can meeting k go from state s to state t?  Capacity is judged against the
 * longest slot; the exact slot length is a row. */
static bool step_possible(const ow_body *body, const body_model *bm, int k, int s, int t, int Lmax)
{
    int last = bm->n_states - 1;
    if (bm->lo[s] > bm->hi[s] || bm->lo[t] > bm->hi[t])
        return false;
    if (t < s)
        return false;
    if (t == s) {
        /* Idle after the agenda is done, or a whole meeting inside one long item. */
        if (s == last)
            return true;
        if (s % 2 == 0 || bm->hi[s] <= bm->lo[s])
            return false;
    }
    if (bm->lo[t] - bm->hi[s] > Lmax)
        return false;
    for (int i = 1; i <= bm->n; i++) {
        if (!covers(s, t, i))
            continue;
        /* A joint item is taken alone and whole in its joint meeting. */
        if (body->items[i - 1].n_joint > 0 && (s != 2 * i - 2 || t != 2 * i))
            return false;
        int mk = set_meeting(&body->items[i - 1]);
        if (mk < 0)
            continue;
        /* An item set to meeting mk is taken whole in it, and nowhere else. */
        if (k != mk || s > 2 * i - 2 || t < 2 * i)
            return false;
    }
    return true;
}

/* Does body b attend joint meeting jt as a guest (listed in its joint_with)? */
static bool attends(const ow_instance *inst, const joint *jt, size_t b)
{
    const ow_item *it = &inst->bodies[jt->owner].items[jt->item];
    for (size_t q = 0; q < it->n_joint; q++)
        if (it->joint_with[q] == b)
            return true;
    return false;
}

/* Cut states at which a guest may hold a joint meeting: between two of its own
 * items (or before its first, or after its last: a joint meeting may open or close
 * its session, as where two bodies meeting consecutively hand over). */
static bool joint_state(const body_model *bm, int s)
{
    (void)bm;
    return s % 2 == 0;
}

/* Guest joint meetings body b attends. */
static size_t guest_meetings(const ow_formulation *f, size_t b)
{
    size_t n_guest = 0;
    for (size_t j = 0; j < f->n_joints; j++)
        n_guest += attends(f->inst, &f->joints[j], b);
    return n_guest;
}

/* Sets up a body with `order: free`: which meetings each item may be taken in. */
static ow_status shape_free(ow_formulation *f, size_t b, int Lmax, ow_error *err)
{
    body_model *bm = &f->bodies[b];
    size_t cells = (size_t)bm->n * (size_t)bm->K + 1;
    bm->free = true;
    bm->a = ow_arena_calloc(f->arena, cells, sizeof(int));
    bm->pm = ow_arena_calloc(f->arena, cells, sizeof(int));
    bm->c = ow_arena_calloc(f->arena, cells, sizeof(int));
    bm->gj = ow_arena_calloc(f->arena, (size_t)bm->K * f->n_joints + 1, sizeof(int));
    if (!bm->a || !bm->pm || !bm->c || !bm->gj)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    bm->k_min = (bm->cum[bm->n] + Lmax - 1) / Lmax + (int)guest_meetings(f, b);
    if (bm->k_min > bm->K)
        bm->k_min = bm->K;
    return OW_OK;
}

/* Sets up the state graph of one body: states, and the arcs that lie on some path
 * from "nothing done" before meeting 1 to "all done" after meeting K. */
static ow_status shape_body(ow_formulation *f, size_t b, ow_error *err)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    body_model *bm = &f->bodies[b];
    const ow_loc none = {0, 0};
    int ns = (int)inst->calendar.n_slots;
    int Lmax = ow_calendar_longest_slot(&inst->calendar);
    ow_status rc = OW_OK;
    unsigned char *fwd = NULL, *bwd = NULL;

    bm->n = (int)body->n_items;
    bm->n_states = 2 * bm->n + 1;
    bm->n_pos = (body->window_to - body->window_from + 1) * ns;
    int per_day =
        body->meetings_per_day > 0 && body->meetings_per_day < ns ? body->meetings_per_day : ns;
    int window_days = body->window_to - body->window_from + 1;
    int K = body->meetings > 0 ? body->meetings : window_days * per_day;
    if (K > window_days * per_day)
        K = window_days * per_day;
    bm->K = K;
    /* A body alone, with every room free, finds every room alike: it is given the
     * first (the one the tie-break would choose), and the search no room symmetry. */
    bool rooms_alike = inst->n_bodies == 1 && (f->lim == NULL || f->lim->room_taken == NULL);
    bm->n_rooms = body->room >= 0 || rooms_alike ? 1 : (int)inst->n_rooms;
    /* Growth has caps: the rows that order a body's meetings hold K × positions² ×
     * rooms entries, so a long calendar with no `meetings` and no window would use
     * up memory and time before any time limit is looked at. */
    f->size += (double)K * bm->n_pos * bm->n_pos * bm->n_rooms;
    if (f->size > OW_MAX_PROGRAM) {
        rc = ow_error_set(err, OW_INPUT, inst->path, body->loc,
                          "the integer program is too large to solve (body %s may hold %d "
                          "meetings in %d slots and %d room%s); give the body fewer meetings, "
                          "a window, or the calendar fewer days",
                          body->id, K, bm->n_pos, bm->n_rooms, bm->n_rooms == 1 ? "" : "s");
        goto done;
    }

    size_t S = (size_t)bm->n_states;
    bm->pos_slot = ow_arena_calloc(f->arena, (size_t)bm->n_pos + 1, sizeof(int));
    bm->rooms = ow_arena_calloc(f->arena, (size_t)bm->n_rooms + 1, sizeof(int));
    bm->cum = ow_arena_calloc(f->arena, (size_t)bm->n + 1, sizeof(int));
    bm->lo = ow_arena_calloc(f->arena, S, sizeof(int));
    bm->hi = ow_arena_calloc(f->arena, S, sizeof(int));
    bm->u = ow_arena_calloc(f->arena, (size_t)K + 1, sizeof(int));
    bm->W = ow_arena_calloc(f->arena, (size_t)K + 1, sizeof(int));
    bm->layer = ow_arena_calloc(f->arena, (size_t)K + 1, sizeof(size_t));
    bm->z = ow_arena_calloc(f->arena, (size_t)K * (size_t)bm->n_pos * (size_t)bm->n_rooms + 1,
                            sizeof(int));
    bm->y = ow_arena_calloc(f->arena, (size_t)window_days + 1, sizeof(int));
    fwd = calloc(((size_t)K + 1) * S, 1);
    bwd = calloc(((size_t)K + 1) * S, 1);
    if (!bm->pos_slot || !bm->rooms || !bm->cum || !bm->lo || !bm->hi || !bm->u || !bm->W ||
        !bm->layer || !bm->z || !bm->y || !fwd || !bwd) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    for (int p = 0; p < bm->n_pos; p++)
        bm->pos_slot[p] = body->window_from * ns + p;
    if (body->room >= 0)
        bm->rooms[0] = body->room;
    else
        for (int r = 0; r < bm->n_rooms; r++)
            bm->rooms[r] = r;
    for (int i = 0; i < bm->n; i++)
        bm->cum[i + 1] = bm->cum[i] + body->items[i].minutes;
    if (body->order_free) {
        rc = shape_free(f, b, Lmax, err);
        goto done;
    }
    for (int j = 0; j <= bm->n; j++)
        bm->lo[2 * j] = bm->hi[2 * j] = bm->cum[j];
    for (int i = 1; i <= bm->n; i++) {
        const ow_item *it = &body->items[i - 1];
        int g = open_margin(it);
        bm->lo[2 * i - 1] = bm->cum[i - 1] + g;
        bm->hi[2 * i - 1] = it->split && it->n_joint == 0 ? bm->cum[i] - g : bm->cum[i - 1];
    }

    size_t n_guest = guest_meetings(f, b);

    /* Forward from cut 0 in state 0, backward from cut K in the last state; a joint
     * meeting of a guest leaves its state as it is. */
    fwd[0] = 1;
    for (int k = 0; k < K; k++)
        for (int s = 0; s < bm->n_states; s++) {
            if (!fwd[(size_t)k * S + (size_t)s])
                continue;
            if (n_guest > 0 && joint_state(bm, s))
                fwd[(size_t)(k + 1) * S + (size_t)s] = 1;
            for (int t = s; t < bm->n_states; t++)
                if (step_possible(body, bm, k, s, t, Lmax))
                    fwd[(size_t)(k + 1) * S + (size_t)t] = 1;
        }
    bwd[(size_t)K * S + S - 1] = 1;
    size_t n_arcs = 0;
    for (int k = K - 1; k >= 0; k--)
        for (int s = 0; s < bm->n_states; s++) {
            if (!fwd[(size_t)k * S + (size_t)s])
                continue;
            if (n_guest > 0 && joint_state(bm, s) && fwd[(size_t)(k + 1) * S + (size_t)s] &&
                bwd[(size_t)(k + 1) * S + (size_t)s]) {
                bwd[(size_t)k * S + (size_t)s] = 1;
                n_arcs += n_guest;
            }
            for (int t = s; t < bm->n_states; t++)
                if (fwd[(size_t)(k + 1) * S + (size_t)t] && bwd[(size_t)(k + 1) * S + (size_t)t] &&
                    step_possible(body, bm, k, s, t, Lmax)) {
                    bwd[(size_t)k * S + (size_t)s] = 1;
                    n_arcs++;
                }
        }
    bm->k_min = (bm->cum[bm->n] + Lmax - 1) / Lmax + (int)n_guest;
    if (bm->k_min > K)
        bm->k_min = K;
    if (!bwd[0]) {
        f->crossed = true;
        goto done;
    }
    bm->arcs = ow_arena_calloc(f->arena, n_arcs + 1, sizeof(arc));
    if (bm->arcs == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    for (int k = 0; k < K; k++) {
        bm->layer[k] = bm->n_arcs;
        for (int s = 0; s < bm->n_states; s++) {
            if (!fwd[(size_t)k * S + (size_t)s] || !bwd[(size_t)k * S + (size_t)s])
                continue;
            for (int t = s; t < bm->n_states; t++)
                if (bwd[(size_t)(k + 1) * S + (size_t)t] && step_possible(body, bm, k, s, t, Lmax))
                    bm->arcs[bm->n_arcs++] = (arc){s, t, -1, -1};
            if (n_guest > 0 && joint_state(bm, s) && bwd[(size_t)(k + 1) * S + (size_t)s])
                for (size_t j = 0; j < f->n_joints; j++)
                    if (attends(inst, &f->joints[j], b))
                        bm->arcs[bm->n_arcs++] = (arc){s, s, -1, (int)j};
        }
    }
    bm->layer[K] = bm->n_arcs;
done:
    free(fwd);
    free(bwd);
    return rc;
}

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

/* Positions a meeting k can take: it needs k earlier meetings, at most per_day a day. */
static bool position_possible(const ow_formulation *f, const ow_body *body, const body_model *bm,
                              int k, int p)
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
    if (p < k)
        return false;
    if (p / ns < k / per_day)
        return false;
    /* A body pinned to start on a day holds no meeting before it. */
    if (body->has_pin_from && slot_day(inst, bm->pos_slot[p]) < body->pin_from)
        return false;
    return true;
}

/* Items whose first piece is in a meeting from state s to state t but not at its
 * start. */
static int late_starts(int s, int t)
{
    if (s == t)
        return 0;
    int starting = 0;
    for (int j = (s + 1) / 2; 2 * j < t; j++)
        starting++; /* item j+1 starts at boundary 2j, inside (s, t) or at s */
    return s % 2 == 0 ? starting - 1 : starting;
}

/* Adds to row the presence of item i (1-based) in meeting k, with coefficient c. */
static void add_presence(ow_program *P, const body_model *bm, int row, int k, int i, double c)
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

/* Adds to row, with coefficient c, that meeting k of a guest is joint meeting j. */
static void add_guest(const ow_formulation *f, const body_model *bm, int row, int k, size_t j,
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

#define AIDX(bm, i, k) ((size_t)(i) * (size_t)(bm)->K + (size_t)(k))

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

/* Whether item q of a free body goes before item i (after, first, last). */
static bool goes_before(const ow_body *body, size_t q, size_t i)
{
    const ow_item *it = &body->items[i];
    for (size_t x = 0; x < it->n_after; x++)
        if (it->after[x] == q)
            return true;
    return body->items[q].first || it->last;
}

/* Item `later` begins in the meeting where item `earlier` ends, or after it; their
 * order inside a shared meeting is the reading's (decode_free). */
static void add_follows(ow_program *P, const ow_body *body, const body_model *bm, size_t later,
                        size_t earlier)
{
    int row = ow_program_row(P, OW_ROW_GE, 0, "follows[%s,%s,%s]", body->id, body->items[later].id,
                             body->items[earlier].id);
    add_begin(P, bm, row, (int)later, 1);
    add_end(P, bm, row, (int)earlier, -1);
}

/* `order: free` (docs/model.md, "Free order"): a[i,k] says item i has a piece of
 * pm[i,k] minutes in meeting k, c[i,k] that it runs on into meeting k+1.  An item's
 * meetings are a run (pieces = 1 + run-ons), at most one item runs on across a
 * meeting boundary (it closes one meeting and opens the next), and an item that runs
 * on both into and out of a meeting has it to itself. */
static void build_free(ow_formulation *f, size_t b, double scale)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const ow_weights *w = &inst->weights;
    const char *bid = body->id;
    int K = bm->K, n = bm->n, Lmax = ow_calendar_longest_slot(&inst->calendar);
    size_t nj = f->n_joints;

    for (int i = 0; i < n; i++) {
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
            bm->pm[x] =
                ow_program_col(P, OW_COL_INTEGER, 0, top, 0, "m[%s,%s,%d]", bid, it->id, k + 1);
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
        bool runs = it->split && it->n_joint == 0 && mk < 0;
        for (int k = 0; runs && k + 1 < K; k++) {
            size_t x = AIDX(bm, i, k);
            bm->c[x] = ow_program_col(P, OW_COL_BINARY, 0, 1, w->continued * scale, "c[%s,%s,%d]",
                                      bid, it->id, k + 1);
            int into = ow_program_row(P, OW_ROW_LE, 0, "runfrom[%s,%s,%d]", bid, it->id, k + 1);
            ow_program_add(P, into, bm->c[x], 1);
            ow_program_add(P, into, bm->a[x], -1);
            int onto = ow_program_row(P, OW_ROW_LE, 0, "runinto[%s,%s,%d]", bid, it->id, k + 1);
            ow_program_add(P, onto, bm->c[x], 1);
            ow_program_add(P, onto, bm->a[AIDX(bm, i, k + 1)], -1);
        }
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
    for (int k = 0; k < K; k++) {
        for (size_t j = 0; j < nj; j++) {
            bm->gj[(size_t)k * nj + j] = -1;
            if (!attends(inst, &f->joints[j], b))
                continue;
            const joint *jt = &f->joints[j];
            bm->gj[(size_t)k * nj + j] = ow_program_col(
                P, OW_COL_BINARY, 0, 1, w->late_start * scale, "g[%s,%d,%s,%s]", bid, k + 1,
                inst->bodies[jt->owner].id, inst->bodies[jt->owner].items[jt->item].id);
        }
    }
    for (int k = 0; k < K; k++) {
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
        if (k + 1 < K) {
            int prefix = ow_program_row(P, OW_ROW_LE, 0, "prefix[%s,%d]", bid, k + 2);
            ow_program_add(P, prefix, bm->u[k + 1], 1);
            ow_program_add(P, prefix, bm->u[k], -1);
        }
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
        /* A meeting an item runs into and out of is the item's alone; so is the
         * meeting of a joint item. */
        for (int i = 0; i < n && n > 1; i++) {
            size_t x = AIDX(bm, i, k);
            bool middle = k > 0 && bm->c[x] >= 0 && bm->c[AIDX(bm, i, k - 1)] >= 0;
            bool owns = body->items[i].n_joint > 0 && bm->a[x] >= 0;
            if (!middle && !owns)
                continue;
            int row = ow_program_row(P, OW_ROW_LE, middle ? 2.0 * (n - 1) : n - 1,
                                     "alone[%s,%s,%d]", bid, body->items[i].id, k + 1);
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
    }
    /* after, first and last, as "begins no earlier than the other ends": one row
     * per pair, however many rules ask for it. */
    for (size_t i = 0; i < body->n_items; i++)
        for (size_t q = 0; q < body->n_items; q++)
            if (q != i && goes_before(body, q, i))
                add_follows(P, body, bm, i, q);
}

static void build_body(ow_formulation *f, size_t b, double scale, double slot_tie)
{
    const ow_instance *inst = f->inst;
    const ow_body *body = &inst->bodies[b];
    body_model *bm = &f->bodies[b];
    ow_program *P = f->program;
    const ow_weights *w = &inst->weights;
    const char *bid = body->id;
    int K = bm->K, n = bm->n, T = bm->cum[n], last = bm->n_states - 1;
    int ns = (int)inst->calendar.n_slots;
    int window_days = body->window_to - body->window_from + 1;

    /* Meetings held: a prefix, by the path (once all is done, it stays done).  With
     * free order a held meeting's late starts are its pieces less one (build_free):
     * the one is taken off here. */
    double held_cost = bm->free ? w->meetings - w->late_start : w->meetings;
    for (int k = 0; k < K; k++)
        bm->u[k] = ow_program_col(P, OW_COL_BINARY, k < bm->k_min ? 1 : 0, 1, held_cost * scale,
                                  "u[%s,%d]", bid, k + 1);

    /* The path: one arc per meeting, flow kept at every cut. */
    for (int k = 0; k < K && !bm->free; k++) {
        int held = ow_program_row(P, OW_ROW_EQ, 1, "held[%s,%d]", bid, k + 1);
        ow_program_add(P, held, bm->u[k], 1);
        for (size_t a = bm->layer[k]; a < bm->layer[k + 1]; a++) {
            arc *ar = &bm->arcs[a];
            /* Tie-break: the agenda as early as it goes (cost falls as the cut moves on). */
            double cost = (double)(last - ar->to);
            if (ar->joint >= 0) {
                ar->col = ow_program_col(P, OW_COL_BINARY, 0, 1, cost, "xj[%s,%d,%d,%d]", bid,
                                         k + 1, ar->from, ar->joint);
                continue;
            }
            if (ar->to % 2 == 1 && k + 1 < K)
                cost += w->continued * scale;
            cost += w->late_start * scale * late_starts(ar->from, ar->to);
            ar->col = ow_program_col(P, OW_COL_BINARY, 0, 1, cost, "x[%s,%d,%d,%d]", bid, k + 1,
                                     ar->from, ar->to);
            if (ar->from == last && ar->to == last)
                ow_program_add(P, held, ar->col, 1);
        }
    }
    int source = bm->free ? -1 : ow_program_row(P, OW_ROW_EQ, 1, "start[%s]", bid);
    for (size_t a = bm->layer[0]; a < bm->layer[1] && !bm->free; a++)
        ow_program_add(P, source, bm->arcs[a].col, 1);
    for (int c = 1; c < K && !bm->free; c++) {
        for (int s = 0; s < bm->n_states; s++) {
            int row = -1;
            for (size_t a = bm->layer[c - 1]; a < bm->layer[c + 1]; a++) {
                const arc *ar = &bm->arcs[a];
                bool in = a < bm->layer[c] && ar->to == s, out = a >= bm->layer[c] && ar->from == s;
                if (!in && !out)
                    continue;
                if (row < 0)
                    row = ow_program_row(P, OW_ROW_EQ, 0, "flow[%s,%d,%d]", bid, c, s);
                ow_program_add(P, row, ar->col, in ? 1 : -1);
            }
        }
    }

    /* Cut points: W[c] lies in the range of the state of cut c. */
    bm->W[0] = bm->W[K] = -1;
    for (int c = 1; c < K && !bm->free; c++) {
        bm->W[c] = ow_program_col(P, OW_COL_CONTINUOUS, 0, T, 0, "W[%s,%d]", bid, c);
        int lo = ow_program_row(P, OW_ROW_GE, 0, "cutlo[%s,%d]", bid, c);
        int hi = ow_program_row(P, OW_ROW_LE, 0, "cuthi[%s,%d]", bid, c);
        ow_program_add(P, lo, bm->W[c], 1);
        ow_program_add(P, hi, bm->W[c], 1);
        for (size_t a = bm->layer[c - 1]; a < bm->layer[c]; a++) {
            const arc *ar = &bm->arcs[a];
            ow_program_add(P, lo, ar->col, -bm->lo[ar->to]);
            ow_program_add(P, hi, ar->col, -bm->hi[ar->to]);
        }
    }

    /* Placement of meetings in slots and rooms. */
    for (int k = 0; k < K; k++) {
        int place = ow_program_row(P, OW_ROW_EQ, 0, "place[%s,%d]", bid, k + 1);
        ow_program_add(P, place, bm->u[k], -1);
        for (int p = 0; p < bm->n_pos; p++) {
            for (int r = 0; r < bm->n_rooms; r++) {
                size_t zi = ZIDX(bm, k, p, r);
                if (!position_possible(f, body, bm, k, p) ||
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
    if (bm->free)
        build_free(f, b, scale);
    /* Each meeting holds at most its slot, and at least a minute (min_part for a
     * meeting spent inside one item). */
    for (int k = 0; k < K && !bm->free; k++) {
        int cap = ow_program_row(P, OW_ROW_LE, 0, "capacity[%s,%d]", bid, k + 1);
        int low = ow_program_row(P, OW_ROW_GE, 0, "minpiece[%s,%d]", bid, k + 1);
        double rhs = 0;
        if (bm->W[k + 1] >= 0) {
            ow_program_add(P, cap, bm->W[k + 1], 1);
            ow_program_add(P, low, bm->W[k + 1], 1);
        } else {
            rhs -= T;
        }
        if (bm->W[k] >= 0) {
            ow_program_add(P, cap, bm->W[k], -1);
            ow_program_add(P, low, bm->W[k], -1);
        }
        ow_program_row_rhs(P, cap, rhs);
        ow_program_row_rhs(P, low, rhs);
        ow_program_add(P, low, bm->u[k], -1);
        for (size_t a = bm->layer[k]; a < bm->layer[k + 1]; a++) {
            const arc *ar = &bm->arcs[a];
            if (ar->joint >= 0) {
                ow_program_add(P, low, ar->col, 1);
                continue;
            }
            int mp = ar->from == ar->to && ar->from % 2 == 1
                         ? body->items[(ar->from + 1) / 2 - 1].min_part
                         : 0;
            if (mp > 1)
                ow_program_add(P, low, ar->col, -(mp - 1));
        }
        for (int p = 0; p < bm->n_pos; p++)
            for (int r = 0; r < bm->n_rooms; r++) {
                int zc = bm->z[ZIDX(bm, k, p, r)];
                if (zc >= 0)
                    ow_program_add(P, cap, zc, -slot_length(inst, bm->pos_slot[p]));
            }
    }
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

    /* Where items must be taken. */
    for (int i = 1; i <= n; i++) {
        const ow_item *it = &body->items[i - 1];
        for (int k = 0; k < K; k++) {
            if (it->meeting == OW_MEETING_LAST && k + 1 < K) {
                int row =
                    ow_program_row(P, OW_ROW_LE, 1, "lastmeeting[%s,%s,%d]", bid, it->id, k + 1);
                add_presence(P, bm, row, k, i, 1);
                ow_program_add(P, row, bm->u[k + 1], 1);
            }
            if (it->pin == OW_PIN_SLOT) {
                int p = (it->pin_day - body->window_from) * ns + it->pin_slot;
                int row = ow_program_row(P, OW_ROW_LE, 0, "pinslot[%s,%s,%d]", bid, it->id, k + 1);
                add_presence(P, bm, row, k, i, 1);
                if (p >= 0 && p < bm->n_pos)
                    for (int r = 0; r < bm->n_rooms; r++) {
                        int zc = bm->z[ZIDX(bm, k, p, r)];
                        if (zc >= 0)
                            ow_program_add(P, row, zc, -1);
                    }
            }
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
                        add_presence(P, bm, row, 0, i, 1);
                    }
                    continue;
                }
                double M = 2.0 * inst->calendar.n_days + 1;
                for (int side = 0; side < 2; side++) {
                    double sg = side == 0 ? 1 : -1;
                    int row = ow_program_row(P, OW_ROW_LE, sg * target + M, "day%s[%s,%s,%d]",
                                             side == 0 ? "hi" : "lo", bid, it->id, k + 1);
                    add_presence(P, bm, row, k, i, M);
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
}

/* Bodies attending joint meeting jt (its owner and its guests), and how many of
 * them meet with interpretation. */
static int attendance(const ow_instance *inst, const joint *jt, int *interpreted)
{
    const ow_item *it = &inst->bodies[jt->owner].items[jt->item];
    int n = 1, in = inst->bodies[jt->owner].interpretation;
    for (size_t q = 0; q < it->n_joint; q++) {
        n++;
        in += inst->bodies[it->joint_with[q]].interpretation;
    }
    *interpreted = in;
    return n;
}

/* Position of global slot t in body b's window, or -1. */
static int window_position(const ow_instance *inst, const body_model *bm, size_t b, int t)
{
    int p = t - inst->bodies[b].window_from * (int)inst->calendar.n_slots;
    return p >= 0 && p < bm->n_pos ? p : -1;
}

/* Joint meetings: J[j][t,r] says where joint meeting j is held; the owner's meeting
 * holding the item and each guest's joint meeting must be there. */
static void build_joints(ow_formulation *f)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    int R = (int)inst->n_rooms;
    int n_global = inst->calendar.n_days * (int)inst->calendar.n_slots;
    for (size_t j = 0; j < f->n_joints; j++) {
        joint *jt = &f->joints[j];
        const ow_item *it = &inst->bodies[jt->owner].items[jt->item];
        int one =
            ow_program_row(P, OW_ROW_EQ, 1, "joint[%s,%s]", inst->bodies[jt->owner].id, it->id);
        /* Only on the days every attending body's window holds (J = -1 elsewhere). */
        int from = inst->bodies[jt->owner].window_from, to = inst->bodies[jt->owner].window_to;
        for (size_t q = 0; q < it->n_joint; q++) {
            const ow_body *g = &inst->bodies[it->joint_with[q]];
            from = g->window_from > from ? g->window_from : from;
            to = g->window_to < to ? g->window_to : to;
        }
        for (int t = 0; t < n_global; t++)
            for (int r = 0; r < R; r++) {
                jt->J[t * R + r] = -1;
                if (slot_day(inst, t) < from || slot_day(inst, t) > to)
                    continue;
                jt->J[t * R + r] =
                    ow_program_col(P, OW_COL_BINARY, 0, 1, 0, "J[%s,%s,%d,%s]",
                                   inst->bodies[jt->owner].id, it->id, t, inst->rooms[r]);
                ow_program_add(P, one, jt->J[t * R + r], 1);
            }
        for (size_t b = 0; b < inst->n_bodies; b++) {
            bool owner = b == jt->owner;
            if (!owner && !attends(inst, jt, b))
                continue;
            const body_model *bm = &f->bodies[b];
            if (!owner) {
                int once = ow_program_row(P, OW_ROW_EQ, 1, "guest[%s,%s,%s]", inst->bodies[b].id,
                                          inst->bodies[jt->owner].id, it->id);
                for (int k = 0; k < bm->K; k++)
                    add_guest(f, bm, once, k, j, 1);
            }
            for (int k = 0; k < bm->K; k++)
                for (int p = 0; p < bm->n_pos; p++)
                    for (int r = 0; r < bm->n_rooms; r++) {
                        int zc = bm->z[ZIDX(bm, k, p, r)];
                        if (zc < 0)
                            continue;
                        int row = ow_program_row(P, OW_ROW_LE, 1, "jointat[%s,%d,%d,%s,%zu]",
                                                 inst->bodies[b].id, k + 1, p,
                                                 inst->rooms[bm->rooms[r]], j);
                        ow_program_add(P, row, zc, 1);
                        int Jc = jt->J[bm->pos_slot[p] * R + bm->rooms[r]];
                        if (Jc >= 0)
                            ow_program_add(P, row, Jc, -1);
                        if (owner)
                            add_presence(P, bm, row, k, jt->item + 1, 1);
                        else
                            add_guest(f, bm, row, k, j, 1);
                    }
            /* Tighter still, the product of "meeting k is the joint meeting" and "meeting
             * k is in (t, r)": v[k,t,r] <= z[k,t,r], sum_{t,r} v[k,·] = present(k), and J
             * is the sum of v over k (`jointk`, `jointv`, `jointis`).  Without a memory
             * block for it the rows above still hold. */
            int *vcol =
                ow_arena_calloc(f->arena, (size_t)bm->K * bm->n_pos * bm->n_rooms + 1, sizeof(int));
            if (vcol != NULL) {
                for (int k = 0; k < bm->K; k++) {
                    int row = ow_program_row(P, OW_ROW_EQ, 0, "jointk[%zu,%s,%d]", j,
                                             inst->bodies[b].id, k + 1);
                    if (owner)
                        add_presence(P, bm, row, k, jt->item + 1, -1);
                    else
                        add_guest(f, bm, row, k, j, -1);
                    for (int p = 0; p < bm->n_pos; p++)
                        for (int r = 0; r < bm->n_rooms; r++) {
                            size_t zi = ZIDX(bm, k, p, r);
                            vcol[zi] = -1;
                            if (bm->z[zi] < 0)
                                continue;
                            vcol[zi] =
                                ow_program_col(P, OW_COL_CONTINUOUS, 0, 1, 0, "v[%zu,%s,%d,%d,%d]",
                                               j, inst->bodies[b].id, k + 1, p, r);
                            ow_program_add(P, row, vcol[zi], 1);
                            int vr = ow_program_row(P, OW_ROW_LE, 0, "jointv[%zu,%s,%d,%d,%d]", j,
                                                    inst->bodies[b].id, k + 1, p, r);
                            ow_program_add(P, vr, vcol[zi], 1);
                            ow_program_add(P, vr, bm->z[zi], -1);
                        }
                }
                for (int t = 0; t < n_global; t++)
                    for (int r = 0; r < R; r++) {
                        int p = window_position(inst, bm, b, t);
                        if (jt->J[t * R + r] < 0 && p < 0)
                            continue; /* nothing there */
                        int row = ow_program_row(P, OW_ROW_EQ, 0, "jointis[%zu,%s,%d,%s]", j,
                                                 inst->bodies[b].id, t, inst->rooms[r]);
                        if (jt->J[t * R + r] >= 0)
                            ow_program_add(P, row, jt->J[t * R + r], 1);
                        for (int rr = 0; p >= 0 && rr < bm->n_rooms; rr++)
                            for (int k = 0; bm->rooms[rr] == r && k < bm->K; k++) {
                                int vc = vcol[ZIDX(bm, k, p, rr)];
                                if (vc >= 0)
                                    ow_program_add(P, row, vc, -1);
                            }
                    }
            }
            /* Valid where the rows above are weak in the LP: the joint meeting is
             * only where the body holds a meeting (`jointmeets`). */
            for (int t = 0; t < n_global; t++)
                for (int r = 0; r < R && jt->J[t * R + r] >= 0; r++) {
                    int row = ow_program_row(P, OW_ROW_LE, 0, "jointmeets[%zu,%s,%d,%s]", j,
                                             inst->bodies[b].id, t, inst->rooms[r]);
                    ow_program_add(P, row, jt->J[t * R + r], 1);
                    int p = window_position(inst, bm, b, t);
                    for (int rr = 0; p >= 0 && rr < bm->n_rooms; rr++)
                        for (int k = 0; bm->rooms[rr] == r && k < bm->K; k++) {
                            int zc = bm->z[ZIDX(bm, k, p, rr)];
                            if (zc >= 0)
                                ow_program_add(P, row, zc, -1);
                        }
                }
        }
    }
}

/* Rows shared by bodies: one meeting per room and slot (a joint meeting uses its
 * room once), interpretation teams (a joint meeting uses one team). */
static void build_shared(ow_formulation *f)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    if (inst->n_bodies < 2)
        return;
    int R = (int)inst->n_rooms;
    int n_global = inst->calendar.n_days * (int)inst->calendar.n_slots;
    for (int t = 0; t < n_global; t++) {
        /* Teams in use by bodies planned earlier (solver/decompose.c) are not free. */
        int used = f->lim != NULL && f->lim->teams_used != NULL ? f->lim->teams_used[t] : 0;
        int team = ow_program_row(P, OW_ROW_LE, inst->interpretation_teams - used, "teams[%d]", t);
        for (int r = 0; r < R; r++) {
            int row = ow_program_row(P, OW_ROW_LE, 1, "room[%d,%s]", t, inst->rooms[r]);
            for (size_t b = 0; b < inst->n_bodies; b++) {
                const body_model *bm = &f->bodies[b];
                int p = window_position(inst, bm, b, t);
                if (p < 0)
                    continue;
                for (int rr = 0; rr < bm->n_rooms; rr++) {
                    if (bm->rooms[rr] != r)
                        continue;
                    for (int k = 0; k < bm->K; k++) {
                        int zc = bm->z[ZIDX(bm, k, p, rr)];
                        if (zc < 0)
                            continue;
                        ow_program_add(P, row, zc, 1);
                        if (inst->bodies[b].interpretation)
                            ow_program_add(P, team, zc, 1);
                    }
                }
            }
            for (size_t j = 0; j < f->n_joints; j++) {
                int interpreted;
                int n = attendance(inst, &f->joints[j], &interpreted);
                if (f->joints[j].J[t * R + r] < 0)
                    continue;
                ow_program_add(P, row, f->joints[j].J[t * R + r], -(n - 1));
                if (interpreted > 1)
                    ow_program_add(P, team, f->joints[j].J[t * R + r], -(interpreted - 1));
            }
        }
    }
}

/* Adds c * z of body b's meeting k over the global slots from..to (inclusive). */
static void add_placed(ow_program *P, const ow_instance *inst, const body_model *bm, size_t b,
                       int row, int k, int from, int to, double c)
{
    for (int t = from; t <= to; t++) {
        int p = window_position(inst, bm, b, t);
        if (p < 0)
            continue;
        for (int r = 0; r < bm->n_rooms; r++) {
            int zc = bm->z[ZIDX(bm, k, p, r)];
            if (zc >= 0)
                ow_program_add(P, row, zc, c);
        }
    }
}

/* `consecutive: [A, B, ...]`: one room for all; each body starts after the one
 * before it ends, with no idle working day between.  Both are written over
 * cumulative placements ("placed by slot t"), interval rows that keep the LP tight,
 * rather than over weighted slot numbers. */
/* The rows of the consecutive rules count in the size cap too: a pair (A, B) of a
 * rule adds, for each of A's meetings and each slot, a row over the positions of
 * both bodies; many long rules over many bodies would outgrow memory before any
 * limit is looked at.  OW_INPUT at the rule that passes the cap. */
static ow_status size_consecutive(ow_formulation *f, ow_error *err)
{
    const ow_instance *inst = f->inst;
    double n_global = (double)inst->calendar.n_days * inst->calendar.n_slots;
    for (size_t q = 0; q < inst->n_rules; q++) {
        const ow_rule *rule = &inst->rules[q];
        for (size_t x = 0; x < rule->n_bodies; x++) {
            const body_model *bm = &f->bodies[rule->bodies[x]];
            f->size += (double)inst->n_rooms * bm->K * bm->n_pos * bm->n_rooms;
            if (x + 1 < rule->n_bodies) {
                const body_model *next = &f->bodies[rule->bodies[x + 1]];
                f->size += (double)bm->K * n_global / 2 *
                           ((double)bm->n_pos * bm->n_rooms + (double)next->n_pos * next->n_rooms);
            }
        }
        if (f->size > OW_MAX_PROGRAM)
            return ow_error_set(err, OW_INPUT, inst->path, rule->loc,
                                "the integer program is too large to solve with this consecutive "
                                "rule (rule %zu of %zu, %zu bodies); give the bodies fewer "
                                "meetings or windows, the calendar fewer days, or fewer rules",
                                q + 1, inst->n_rules, rule->n_bodies);
    }
    return OW_OK;
}

static void build_consecutive(ow_formulation *f)
{
    const ow_instance *inst = f->inst;
    ow_program *P = f->program;
    int R = (int)inst->n_rooms, ns = (int)inst->calendar.n_slots;
    int n_global = inst->calendar.n_days * ns;
    for (size_t q = 0; q < inst->n_rules; q++) {
        const ow_rule *rule = &inst->rules[q];
        if (R > 1) {
            int one = ow_program_row(P, OW_ROW_EQ, 1, "rroom[%zu]", q + 1);
            for (int r = 0; r < R; r++) {
                int rho =
                    ow_program_col(P, OW_COL_BINARY, 0, 1, 0, "rho[%zu,%s]", q + 1, inst->rooms[r]);
                ow_program_add(P, one, rho, 1);
                for (size_t x = 0; x < rule->n_bodies; x++) {
                    const body_model *bm = &f->bodies[rule->bodies[x]];
                    for (int k = 0; k < bm->K; k++) {
                        int row =
                            ow_program_row(P, OW_ROW_LE, 0, "sameroom[%zu,%s,%d,%s]", q + 1,
                                           inst->bodies[rule->bodies[x]].id, k + 1, inst->rooms[r]);
                        ow_program_add(P, row, rho, -1);
                        for (int rr = 0; rr < bm->n_rooms; rr++)
                            if (bm->rooms[rr] == r)
                                for (int p = 0; p < bm->n_pos; p++) {
                                    int zc = bm->z[ZIDX(bm, k, p, rr)];
                                    if (zc >= 0)
                                        ow_program_add(P, row, zc, 1);
                                }
                    }
                }
            }
        }
        for (size_t x = 0; x + 1 < rule->n_bodies; x++) {
            size_t pb = rule->bodies[x], nb = rule->bodies[x + 1];
            const body_model *prev = &f->bodies[pb], *next = &f->bodies[nb];
            const char *pid = inst->bodies[pb].id, *nid = inst->bodies[nb].id;
            /* A joint meeting of the two, held by prev as owner, may open next's
             * session: next's guests join prev for it, prev closes, next goes on.
             * g = 1 when next's first meeting is that joint meeting; prev then ends
             * before next's second meeting. */
            int g = -1;
            for (size_t a = next->layer[0]; a < next->layer[1] && next->K > 1; a++) {
                const arc *ar = &next->arcs[a];
                if (ar->joint >= 0 && f->joints[ar->joint].owner == pb) {
                    if (g < 0)
                        g = ow_program_row(P, OW_ROW_EQ, 0, "opens[%s,%s]", nid, pid);
                    ow_program_add(P, g, ar->col, 1);
                }
            }
            for (size_t j = 0; next->free && j < f->n_joints && next->K > 1; j++) {
                int col = next->gj[j]; /* meeting 1 is joint meeting j */
                if (col < 0 || f->joints[j].owner != pb)
                    continue;
                if (g < 0)
                    g = ow_program_row(P, OW_ROW_EQ, 0, "opens[%s,%s]", nid, pid);
                ow_program_add(P, g, col, 1);
            }
            int gcol = -1;
            if (g >= 0) {
                gcol = ow_program_col(P, OW_COL_BINARY, 0, 1, 0, "g[%s,%s]", nid, pid);
                ow_program_add(P, g, gcol, -1);
            }
            for (int k = 0; k < prev->K; k++) {
                /* next's first own meeting placed by slot t => prev's held meeting k
                 * placed before t. */
                for (int first = 0; first <= (gcol >= 0 ? 1 : 0); first++)
                    for (int t = 0; t < n_global; t++) {
                        if (window_position(inst, next, nb, t) < 0)
                            continue;
                        int row = ow_program_row(P, OW_ROW_LE, 1, "before[%s,%d,%s,%d,%d]", pid,
                                                 k + 1, nid, first + 1, t);
                        add_placed(P, inst, next, nb, row, first, 0, t, 1);
                        add_placed(P, inst, prev, pb, row, k, 0, t - 1, -1);
                        ow_program_add(P, row, prev->u[k], 1);
                        if (gcol >= 0)
                            ow_program_add(P, row, gcol, first == 0 ? -1 : 1);
                        if (gcol >= 0 && first == 1)
                            ow_program_row_rhs(P, row, 2);
                    }
                /* prev's last meeting on day d => next started by the end of day d+1. */
                for (int d = inst->bodies[pb].window_from; d <= inst->bodies[pb].window_to; d++) {
                    int row =
                        ow_program_row(P, OW_ROW_GE, 0, "noidle[%s,%d,%s,%d]", pid, k + 1, nid, d);
                    int end = (d + 2) * ns - 1 < n_global ? (d + 2) * ns - 1 : n_global - 1;
                    add_placed(P, inst, next, nb, row, 0, 0, end, 1);
                    add_placed(P, inst, prev, pb, row, k, d * ns, d * ns + ns - 1, -1);
                    if (k + 1 < prev->K)
                        ow_program_add(P, row, prev->u[k + 1], 1);
                }
            }
        }
    }
}

ow_status ow_formulation_build(const ow_instance *inst, ow_formulation **out, ow_error *err)
{
    return ow_formulation_build_limited(inst, NULL, out, err);
}

ow_status ow_formulation_build_limited(const ow_instance *inst, const ow_plan_limits *lim,
                                       ow_formulation **out, ow_error *err)
{
    const ow_loc none = {0, 0};
    ow_status rc = OW_OK;
    ow_formulation *f = calloc(1, sizeof *f);
    if (f == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    f->inst = inst;
    f->lim = lim;
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
        for (size_t i = 0; i < inst->bodies[b].n_items; i++)
            f->n_joints += inst->bodies[b].items[i].n_joint > 0;
    }
    f->joints = ow_arena_calloc(f->arena, f->n_joints + 1, sizeof *f->joints);
    if (f->joints == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    size_t n_global = (size_t)inst->calendar.n_days * inst->calendar.n_slots * inst->n_rooms;
    for (size_t b = 0, j = 0; b < inst->n_bodies; b++)
        for (size_t i = 0; i < inst->bodies[b].n_items; i++) {
            if (inst->bodies[b].items[i].n_joint == 0)
                continue;
            f->joints[j] = (joint){b, (int)i, ow_arena_calloc(f->arena, n_global, sizeof(int))};
            if (f->joints[j++].J == NULL) {
                rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
                goto done;
            }
        }
    for (size_t b = 0; b < inst->n_bodies; b++)
        OW_CALL(shape_body(f, b, err));
    OW_CALL(size_consecutive(f, err));
    /* The tie-break (earlier slots first, then items as early as possible) must never
     * outweigh one unit of the objective: scale the objective past its largest value. */
    double item_tie = 0, slot_span = 0;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const body_model *bm = &f->bodies[b];
        if (bm->free) /* k·(n - i) on a[i,k], over every item and meeting */
            item_tie += (double)bm->n * (bm->n + 1) / 2 * ((double)bm->K * (bm->K - 1) / 2);
        else
            item_tie += (double)bm->n_states * bm->K;
        slot_span += (double)f->bodies[b].K * inst->calendar.n_days * inst->calendar.n_slots *
                     (double)inst->n_rooms;
    }
    double slot_tie = item_tie + 1;
    double scale = slot_tie * slot_span + item_tie + 1;
    f->scale = scale;
    if (!f->crossed) {
        for (size_t b = 0; b < inst->n_bodies; b++)
            build_body(f, b, scale, slot_tie);
        build_joints(f);
        build_shared(f);
        build_consecutive(f);
    } else {
        /* 0 >= 1: infeasible in a way every solver reads the same. */
        ow_program_row(f->program, OW_ROW_GE, 1, "no_schedule");
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

double ow_formulation_scale(const ow_formulation *f)
{
    return f->scale;
}

/* Adds the arcs of body b's meeting k in which item i (1-based) begins. */
static void add_start(ow_program *P, const body_model *bm, int row, int k, int i, double c)
{
    if (bm->free) {
        add_presence(P, bm, row, k, i, c);
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
                add_start(P, bm, begins, k, (int)pc->item + 1, -1);
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

static bool on(const double *x, int col)
{
    return col >= 0 && x[col] > 0.5;
}

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
    m->start = inst->calendar.slots[m->slot].start;
    m->end = inst->calendar.slots[m->slot].end;
    m->room = r;
}

/* The piece a guest's joint meeting j holds: the owner's item, whole. */
static ow_piece guest_piece(const ow_formulation *f, size_t j)
{
    const joint *jt = &f->joints[j];
    return (ow_piece){(size_t)jt->item, f->inst->bodies[jt->owner].items[jt->item].minutes, false,
                      true, jt->owner};
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
    if (cut == NULL || state == NULL || joint_of == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    for (int k = 0; k < K; k++) {
        state[k + 1] = -1;
        joint_of[k] = -1;
        for (size_t a = bm->layer[k]; a < bm->layer[k + 1]; a++)
            if (on(x, bm->arcs[a].col)) {
                state[k + 1] = bm->arcs[a].to;
                joint_of[k] = bm->arcs[a].joint;
            }
        if (state[k + 1] < 0) {
            rc = ow_error_set(err, OW_INTERNAL, NULL, none,
                              "the solution has no step for meeting %d of %s", k + 1, body->id);
            goto done;
        }
        /* A boundary cut is exact; a cut inside an item is the solver's, in whole minutes. */
        int c = k + 1;
        cut[c] = bm->W[c] >= 0 ? (int)lround(x[bm->W[c]]) : bm->cum[n];
        if (cut[c] < bm->lo[state[c]])
            cut[c] = bm->lo[state[c]];
        if (cut[c] > bm->hi[state[c]])
            cut[c] = bm->hi[state[c]];
    }
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
            if (fill > bm->hi[st])
                fill = bm->hi[st];
            if (k + 2 <= K && state[k + 2] == st && fill >= cut[k + 2])
                fill = cut[k + 2] - 1;
            if (fill > cut[k + 1])
                cut[k + 1] = fill;
        }
        size_t n_pieces = joint_of[k] >= 0 ? 1 : 0;
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
        size_t j = 0;
        set_place(f, m, b, bm->pos_slot[p_at], bm->rooms[r_at]);
        if (joint_of[k] >= 0)
            m->pieces[j++] = guest_piece(f, (size_t)joint_of[k]);
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
done:
    free(cut);
    free(state);
    free(joint_of);
    return rc;
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
    /* A meeting that breaks off an item is filled to its slot from the item's next
     * piece, as far as min_part allows: the same rows, the time taken early. */
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
        /* The items between, in agenda order as far as the rules allow: each time
         * the first item that nothing left must precede. */
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

ow_status ow_formulation_decode(const ow_formulation *f, const double *x, ow_solve_status status,
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
    *out = s;
    s = NULL;
done:
    ow_schedule_free(s);
    return rc;
}
