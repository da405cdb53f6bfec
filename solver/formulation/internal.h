/* internal.h: what the files of the formulation share (solver/formulation/):
 * the model of each body (its state graph, its columns) and the small readings of
 * the instance every row family uses.  Nothing outside solver/ includes it, but
 * solver/decode.c, which reads a solution back through the same columns.
 *
 * Agenda order is binding, so what a body's meetings take is described by cut
 * points over the cumulative durations: meeting k takes the agenda from cut k to
 * cut k+1.  A cut is either at a boundary between items or inside an item (that
 * item is then "(continued)").  The states a cut can be in form a small graph, and
 * a body's meetings are a path through it, one layer per meeting: a network flow,
 * whose LP relaxation is integral but for the few side rows (slot lengths, rules
 * on items).  Meetings are placed in (slot, room) pairs by z[k][t][r], in
 * increasing slot order.  A body with `order: free` has no path: its items are
 * assigned to meetings instead (free.c). */
#ifndef ORGWORK_FORMULATION_INTERNAL_H
#define ORGWORK_FORMULATION_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "../../model/arena.h"
#include "formulation.h"

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
    int *rooms; /* room indices it may use */
    int *cum;   /* cum[i] = minutes of items 0..i-1; cum[n] = total */
    /* Flexible durations (some item may take more or less than its estimate): the
     * cumulative minutes are columns C[j] within cmin[j]..cmax[j]; else flex is
     * false and cmin = cmax = cum. */
    bool flex;
    int *cmin, *cmax;
    int *C;       /* [n + 1] columns of C(j); C[0] = -1 (C(0) = 0) */
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
    int *a;         /* [i * K + k] item i has a piece in meeting k; -1 where it cannot */
    int *pm;        /* [i * K + k] minutes of that piece */
    int *c;         /* [i * K + k] item i runs on from meeting k into meeting k+1; or -1 */
    int *gj;        /* [k * n_joints + j] meeting k is joint meeting j, as a guest; or -1 */
    int *twin_rows; /* the `twins` rows (free.c), which re-planning lifts */
    int n_twin_rows;
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

#define AIDX(bm, i, k) ((size_t)(i) * (size_t)(bm)->K + (size_t)(k))

/* Minutes of a global slot (day * n_slots + slot), and its working day. */
static inline int slot_length(const ow_instance *inst, int global_slot)
{
    const ow_calendar *cal = &inst->calendar;
    int ns = (int)cal->n_slots;
    if (cal->n_day_slots == 0)
        return cal->slots[global_slot % ns].end - cal->slots[global_slot % ns].start;
    size_t n;
    const ow_slot *s = ow_calendar_day_slots(cal, global_slot / ns, &n);
    /* A slot past the day's last has no z; its length is never used. */
    return (size_t)(global_slot % ns) < n ? s[global_slot % ns].end - s[global_slot % ns].start : 0;
}

static inline int slot_day(const ow_instance *inst, int global_slot)
{
    return global_slot / (int)inst->calendar.n_slots;
}

/* Lower bound of minutes kept by an item open at a cut, on each side. */
static inline int open_margin(const ow_item *it)
{
    return it->min_part > 1 ? it->min_part : 1;
}

/* The meeting (0-based) an item is set to, or -1. */
static inline int set_meeting(const ow_item *it)
{
    if (it->meeting > 0)
        return it->meeting - 1;
    if (it->pin == OW_PIN_MEETING)
        return it->pin_meeting - 1;
    return -1;
}

/* Does a meeting going from state s to state t take part of item i (1-based)? */
static inline bool covers(int s, int t, int i)
{
    return (s < 2 * i && t > 2 * i - 2) || (s == t && s == 2 * i - 1);
}

/* Does body b attend joint meeting jt as a guest (listed in its joint_with)? */
static inline bool attends(const ow_instance *inst, const joint *jt, size_t b)
{
    const ow_item *it = &inst->bodies[jt->owner].items[jt->item];
    for (size_t q = 0; q < it->n_joint; q++)
        if (it->joint_with[q] == b)
            return true;
    return false;
}

/* Does the body have an item marked first (last)?  Under agenda order it is the
 * first (last) item, or the precheck has said no schedule exists. */
static inline bool has_first(const ow_body *body)
{
    for (size_t i = 0; i < body->n_items; i++)
        if (body->items[i].first)
            return true;
    return false;
}

static inline bool has_last(const ow_body *body)
{
    for (size_t i = 0; i < body->n_items; i++)
        if (body->items[i].last)
            return true;
    return false;
}

/* May body b hold joint meeting j as a guest in its meeting k, at cut state s (for a
 * body with free order, s is -1: any)?  Between two of its own items, or before its
 * first or after its last, as where two bodies meeting consecutively hand over; but
 * an item marked first opens the body's session and one marked last closes it, joint
 * meetings attended included, and a joint item marked first (last) is the first
 * (last) meeting of every body attending it. */
static inline bool guest_step_allowed(const ow_formulation *f, size_t b, size_t j, int k, int s)
{
    const ow_instance *inst = f->inst;
    const joint *jt = &f->joints[j];
    if (!attends(inst, jt, b))
        return false;
    const ow_body *body = &inst->bodies[b];
    const ow_item *it = &inst->bodies[jt->owner].items[jt->item];
    if (s < 0) /* free order: the rows of free.c say the rest */
        return !(k == 0 && has_first(body)) && !(it->first && k != 0);
    int done = f->bodies[b].n_states - 1;
    if (s % 2 != 0)
        return false;
    if ((s == 0 && has_first(body)) || (s == done && has_last(body)))
        return false;
    if (it->first && (s != 0 || k != 0))
        return false;
    if (it->last && s != done)
        return false;
    return true;
}

/* Position of global slot t in body b's window, or -1. */
static inline int window_position(const ow_instance *inst, const body_model *bm, size_t b, int t)
{
    int p = t - inst->bodies[b].window_from * (int)inst->calendar.n_slots;
    return p >= 0 && p < bm->n_pos ? p : -1;
}

/* Whether item q of a free body goes before item i (after, first, last). */
static inline bool goes_before(const ow_body *body, size_t q, size_t i)
{
    const ow_item *it = &body->items[i];
    for (size_t x = 0; x < it->n_after; x++)
        if (it->after[x] == q)
            return true;
    return body->items[q].first || it->last;
}

/* Is column col (-1: none) set in the solution x? */
static inline bool on(const double *x, int col)
{
    return col >= 0 && x[col] > 0.5;
}

/* Sums that rows share (terms.c). */

/* Adds to row the presence of item i (1-based) in meeting k, with coefficient c. */
void ow_add_presence(ow_program *P, const body_model *bm, int row, int k, int i, double c);

/* Adds to row, with coefficient c, that meeting k of a guest is joint meeting j. */
void ow_add_guest_step(const ow_formulation *f, const body_model *bm, int row, int k, size_t j,
                       double c);

/* The state graph of each body (shape.c). */
ow_status ow_shape_body(ow_formulation *f, size_t b, ow_error *err);

/* The row families, each opening with its row of docs/model.md, in the order
 * ow_formulation_build_limited calls them: the order of the program's rows and
 * columns, and so the bytes of an exported program, follow it. */

/* One body (path.c, place.c, items.c, free.c). */
void ow_add_meetings(ow_formulation *f, size_t b, double scale);
void ow_add_held(ow_formulation *f, size_t b, double scale);
void ow_add_start(ow_formulation *f, size_t b);
void ow_add_flow(ow_formulation *f, size_t b);
void ow_add_cutlo(ow_formulation *f, size_t b);
void ow_add_durations(ow_formulation *f, size_t b, double scale);
void ow_add_place(ow_formulation *f, size_t b, double slot_tie);
void ow_add_after(ow_formulation *f, size_t b);
void ow_add_free(ow_formulation *f, size_t b, double scale);
void ow_add_capacity(ow_formulation *f, size_t b);
void ow_add_dayuse(ow_formulation *f, size_t b, double scale);
void ow_add_lastfrom(ow_formulation *f, size_t b);
void ow_add_pinfrom(ow_formulation *f, size_t b);
void ow_add_item_rules(ow_formulation *f, size_t b);

/* Bodies together (joints.c, shared.c, consecutive.c). */
void ow_add_joints(ow_formulation *f);
void ow_add_shared(ow_formulation *f);
void ow_add_consecutive(ow_formulation *f);
void ow_add_across(ow_formulation *f); /* across.c: after an item of another body */
/* The consecutive rules' rows counted in the size cap: OW_INPUT at the rule that
 * passes OW_MAX_PROGRAM. */
ow_status ow_size_consecutive(ow_formulation *f, ow_error *err);

#endif
