/* construct.c: a first plan at once.
 *
 * The bodies are taken one after another (a consecutive rule's bodies as one block,
 * in the rule's order; blocks by the start of their first body's window; a body
 * that attends another's joint item after that body), and each lays its agenda, in
 * agenda order, over the earliest slots left to it: every meeting filled to its
 * slot, an item that may split cut where the slot ends, one that may not moved to
 * the next meeting, the items set to the last meeting in one last meeting, a joint
 * item alone in a slot where every body attending may meet (the attending bodies
 * then plan around it).  A block that finds no place is tried again from a later
 * day, and in each room when its bodies must share one.  No search: what comes out
 * is checked by model/check.c and dropped when it breaks any rule.
 *
 * The same construction completes a plan (ow_construct_complete): the meetings
 * already planned are laid first, as they are, and their bodies count as planned;
 * a block whose first bodies are planned goes on from its first body not planned,
 * and stops before a body it is not to lay. */
#include "construct.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "decompose.h"
#include "orgwork/check.h"

/* The most slots one construction looks at while laying agendas (tries included):
 * past it the construction gives up, so that it never delays the search by more
 * than a fraction of a second. */
#define CONSTRUCT_BUDGET 1000000L

typedef struct cmeet {
    size_t body;
    int t;    /* global slot: day × n_slots + slot */
    int room; /* index into rooms */
    size_t p0, np;
    bool room_mark, team_mark; /* what placing it marked (a guest's joint meeting marks
                                * neither: the owner's meeting did) */
} cmeet;

typedef struct ctx {
    const ow_instance *inst;
    size_t nb, R;
    int ns, nd;
    unsigned char *taken; /* [t × R + r] */
    int *teams;           /* [t] interpreted meetings */
    unsigned char *busy;  /* [b × slots + t] */
    int *count;           /* [b] meetings held */
    size_t *pred;         /* [b] the body before it in a rule, or nb */
    size_t *next;         /* [b] the body after it in a rule, or nb */
    size_t *owner_of;     /* [b] the owner of a joint item b attends, or nb */
    int *room_of;         /* [b] the room its rules force (its own `room:` spread), or -1 */
    bool *in_rule;        /* [b] in some consecutive rule: one room for all its meetings */
    bool *planned;        /* [b]: its agenda is laid (the joint meetings it attends are
                           * then fitted between its own) */
    bool *active;         /* [h]: the block of h is being planned */
    bool *skip;           /* [b]: not to lay (planned elsewhere, or later): a block
                           * stops before it */
    long work;            /* slots looked at: the construction gives up past a budget */
    cmeet *m;
    size_t nm, cap_m;
    ow_piece *p;
    size_t np, cap_p;
    bool oom;
} ctx;

static size_t n_global(const ctx *c)
{
    return (size_t)c->nd * (size_t)c->ns;
}

/* The first body of b's consecutive rules (b when it follows none). */
static size_t head_of(const ctx *c, size_t b)
{
    while (c->pred[b] < c->nb)
        b = c->pred[b];
    return b;
}

static bool is_busy(const ctx *c, size_t b, int t)
{
    return c->busy[b * n_global(c) + (size_t)t] != 0;
}

static int slot_minutes(const ctx *c, int t, int *start, int *end)
{
    size_t n;
    const ow_slot *s = ow_calendar_day_slots(&c->inst->calendar, t / c->ns, &n);
    int k = t % c->ns;
    if ((size_t)k >= n)
        return 0;
    if (start != NULL)
        *start = s[k].start;
    if (end != NULL)
        *end = s[k].end;
    return s[k].end - s[k].start;
}

static int day_count(const ctx *c, size_t b, int day)
{
    int n = 0;
    for (int k = 0; k < c->ns; k++)
        n += is_busy(c, b, day * c->ns + k);
    return n;
}

/* Whether body b may hold a meeting of its own in slot t: its window, the slots it
 * may meet in, free of its other meetings, under its caps. */
static bool body_free(const ctx *c, size_t b, int t)
{
    const ow_body *body = &c->inst->bodies[b];
    int day = t / c->ns;
    if (day < body->window_from || day > body->window_to || is_busy(c, b, t))
        return false;
    if (!ow_body_may_meet(&c->inst->calendar, body, day, t % c->ns))
        return false;
    if (body->meetings_per_day > 0 && day_count(c, b, day) >= body->meetings_per_day)
        return false;
    return body->meetings <= 0 || c->count[b] < body->meetings;
}

/* A room free in slot t that `want` allows (-1: any, the last free one: the
 * blocks of rules try the rooms from the first), or -1. */
static int free_room(const ctx *c, int t, int want)
{
    for (size_t r = c->R; r-- > 0;)
        if ((want < 0 || (int)r == want) && !c->taken[(size_t)t * c->R + r])
            return (int)r;
    return -1;
}

static bool team_free(const ctx *c, int t)
{
    return c->teams[t] < c->inst->interpretation_teams;
}

static bool push_piece(ctx *c, size_t item, int minutes, bool continued, bool joint, size_t owner)
{
    if (c->np == c->cap_p) {
        size_t cap = c->cap_p ? 2 * c->cap_p : 256;
        ow_piece *p = realloc(c->p, cap * sizeof *p);
        if (p == NULL) {
            c->oom = true;
            return false;
        }
        c->p = p;
        c->cap_p = cap;
    }
    c->p[c->np++] = (ow_piece){item, minutes, continued, joint, owner};
    return true;
}

/* Places a meeting of body b in (t, room) holding the pieces from p0 on. */
static bool push_meeting(ctx *c, size_t b, int t, int room, size_t p0, bool mark_room,
                         bool mark_team)
{
    if (c->nm == c->cap_m) {
        size_t cap = c->cap_m ? 2 * c->cap_m : 128;
        cmeet *m = realloc(c->m, cap * sizeof *m);
        if (m == NULL) {
            c->oom = true;
            return false;
        }
        c->m = m;
        c->cap_m = cap;
    }
    c->m[c->nm++] = (cmeet){b, t, room, p0, c->np - p0, mark_room, mark_team};
    c->busy[b * n_global(c) + (size_t)t] = 1;
    c->count[b]++;
    if (mark_room)
        c->taken[(size_t)t * c->R + (size_t)room] = 1;
    if (mark_team)
        c->teams[t]++;
    return true;
}

/* Takes back every meeting placed after the first `mark` ones. */
static void rollback(ctx *c, size_t mark)
{
    while (c->nm > mark) {
        const cmeet *m = &c->m[--c->nm];
        c->busy[m->body * n_global(c) + (size_t)m->t] = 0;
        c->count[m->body]--;
        if (m->room_mark)
            c->taken[(size_t)m->t * c->R + (size_t)m->room] = 0;
        if (m->team_mark)
            c->teams[m->t]--;
        c->np = m->p0;
    }
}

/* The room body b's meetings must use (-1: any): its own or its rules', else the
 * room of a joint meeting already placed for a body of its rules. */
static int rule_room(const ctx *c, size_t b)
{
    if (c->room_of[b] >= 0 || !c->in_rule[b])
        return c->room_of[b];
    size_t h = b;
    while (c->pred[h] < c->nb)
        h = c->pred[h];
    for (size_t x = h; x < c->nb; x = c->next[x])
        for (size_t i = 0; i < c->nm; i++)
            if (c->m[i].body == x)
                return c->m[i].room;
    return -1;
}

/* The first slot body g, not planned yet, may meet in: its window's first, or
 * after the last meeting of the body before it in a rule when that is planned. */
static int first_possible(const ctx *c, size_t g)
{
    int from = c->inst->bodies[g].window_from * c->ns;
    size_t p = c->pred[g];
    for (size_t k = 0; p < c->nb && k < c->nm; k++)
        if (c->m[k].body == p && c->m[k].t + 1 > from)
            from = c->m[k].t + 1;
    return from;
}

/* Whether a joint meeting in slot t fits into planned body g's session: after a
 * meeting of its own when it has items that open its session (or a body before
 * it), before one when it has items that close it (or a body after it), and not
 * between two pieces of one item. */
static bool between(const ctx *c, size_t g, int t)
{
    const ow_body *body = &c->inst->bodies[g];
    bool opens = c->pred[g] < c->nb, closes = c->next[g] < c->nb;
    for (size_t k = 0; k < body->n_items; k++) {
        opens |= body->items[k].first;
        closes |= body->items[k].last || body->items[k].meeting == OW_MEETING_LAST;
    }
    const cmeet *before = NULL, *after = NULL;
    for (size_t k = 0; k < c->nm; k++) {
        const cmeet *m = &c->m[k];
        if (m->body != g || m->np == 0)
            continue;
        if (m->t < t && (before == NULL || m->t > before->t))
            before = m;
        if (m->t > t && (after == NULL || m->t < after->t))
            after = m;
    }
    if ((opens && before == NULL) || (closes && after == NULL))
        return false;
    if (before == NULL || after == NULL)
        return true;
    const ow_piece *last = &c->p[before->p0 + before->np - 1], *next = &c->p[after->p0];
    return last->joint || next->joint || !next->continued || next->item != last->item;
}

/* The joint meeting of owner b's item i in slot t, when every attending body may
 * meet there: sets *room.  Attending bodies are not planned yet (they plan around
 * it). */
static bool joint_fits(const ctx *c, size_t b, size_t i, int t, int want, int *room)
{
    const ow_item *it = &c->inst->bodies[b].items[i];
    bool interp = c->inst->bodies[b].interpretation;
    if (!body_free(c, b, t))
        return false;
    for (size_t q = 0; q < it->n_joint; q++) {
        size_t g = it->joint_with[q];
        const ow_body *gb = &c->inst->bodies[g];
        if (!body_free(c, g, t) || head_of(c, g) == head_of(c, b))
            return false;
        if (c->planned[g] ? !between(c, g, t) : t <= first_possible(c, g))
            return false; /* not planned: room for a meeting of its own before it */
        int r = rule_room(c, g);
        if (r >= 0 && want >= 0 && r != want)
            return false;
        if (r >= 0)
            want = r;
        interp |= gb->interpretation;
    }
    if (interp && !team_free(c, t))
        return false;
    *room = free_room(c, t, want);
    return *room >= 0;
}

/* Whether the body's own meetings may be at t (any room), so that a split item's
 * next piece can follow right after (see pack). */
static bool usable(const ctx *c, size_t b, int t, int want)
{
    if (slot_minutes(c, t, NULL, NULL) <= 0 || !body_free(c, b, t) || free_room(c, t, want) < 0)
        return false;
    return !c->inst->bodies[b].interpretation || team_free(c, t);
}

/* Whether `left` minutes of an item cut in slot t can be taken in b's next
 * meetings, one after another, before slot `before` (a joint meeting it attends):
 * a split item runs over consecutive meetings of the body. */
static bool can_finish(ctx *c, size_t b, int t, int want, int left, int before)
{
    size_t at = b * n_global(c);
    int marked[OW_MAX_SLOTS * 64], n = 0;
    c->busy[at + (size_t)t] = 1; /* the meeting in slot t */
    c->count[b]++;
    marked[n++] = t;
    for (int u = t + 1; u < before && left > 0 && n < (int)(sizeof marked / sizeof *marked); u++)
        if (usable(c, b, u, want)) {
            left -= slot_minutes(c, u, NULL, NULL);
            c->busy[at + (size_t)u] = 1;
            c->count[b]++;
            marked[n++] = u;
        }
    for (int k = 0; k < n; k++) {
        c->busy[at + (size_t)marked[k]] = 0;
        c->count[b]--;
    }
    return left <= 0;
}

/* The first joint meeting of b as a guest after slot t (placed by its owner), or
 * INT_MAX. */
static int next_guest_meeting(const ctx *c, size_t b, int t)
{
    int best = INT_MAX;
    if (c->owner_of[b] >= c->nb)
        return best;
    for (size_t i = 0; i < c->nm; i++)
        if (c->m[i].body == b && c->m[i].t > t && c->m[i].t < best)
            best = c->m[i].t;
    return best;
}

static bool plan_block(ctx *c, size_t h, int depth);
static bool plan_block_from(ctx *c, size_t h, int depth);
static ow_schedule *construct_from(const ow_instance *inst, const ow_schedule *fixed,
                                   const bool *lay);

/* After a rollback: the bodies whose meetings it took back are no longer planned. */
static void unplan(ctx *c)
{
    for (size_t b = 0; b < c->nb; b++)
        if (c->planned[b] && c->count[b] == 0)
            c->planned[b] = false;
}

/* Places owner b's joint item i in slot t, in the first room where every body
 * attending may meet and can then plan around it (those not planned yet are planned
 * now).  1 when placed, 0 when not in this slot, -1 when out of memory. */
static int place_joint(ctx *c, size_t b, size_t i, int t, int want, int depth)
{
    const ow_item *it = &c->inst->bodies[b].items[i];
    for (size_t r = 0; r < c->R; r++) {
        int room;
        if ((want >= 0 && (int)r != want) || !joint_fits(c, b, i, t, (int)r, &room))
            continue;
        bool interp = c->inst->bodies[b].interpretation;
        size_t mark = c->nm, p0 = c->np;
        if (!push_piece(c, i, it->minutes, false, false, b) ||
            !push_meeting(c, b, t, room, p0, true, false))
            return -1;
        size_t owner_meeting = c->nm - 1;
        for (size_t q = 0; q < it->n_joint; q++) {
            size_t g = it->joint_with[q];
            interp |= c->inst->bodies[g].interpretation;
            size_t gp = c->np;
            if (!push_piece(c, i, it->minutes, false, true, b) ||
                !push_meeting(c, g, t, room, gp, false, false))
                return -1;
        }
        if (interp) {
            c->m[owner_meeting].team_mark = true;
            c->teams[t]++;
        }
        /* The bodies attending plan around it now; if they cannot, another room or a
         * later slot. */
        bool around = true;
        for (size_t q = 0; q < it->n_joint && around; q++) {
            size_t h = head_of(c, it->joint_with[q]);
            around = c->planned[h] || plan_block(c, h, depth + 1);
        }
        if (around)
            return 1;
        rollback(c, mark);
        unplan(c);
        if (c->oom)
            return -1;
    }
    return 0;
}

/* Lays body b's agenda over its slots from global slot `from` on: its meetings in
 * room `want` (-1: any free room each), the first on working day `first_by` or
 * earlier (-1: any).  Sets *last_t to its last meeting's slot.  False when it finds
 * no place (the caller rolls back).  Its last meeting is on working day
 * `last_from` or later (-1: any), and after the joint meetings it attends when it
 * has items that close its session.  depth: how deep in joint meetings planned
 * around (see place_joint). */
static bool pack(ctx *c, size_t b, int from, int want, int first_by, int last_from, int depth,
                 int *last_t)
{
    const ow_body *body = &c->inst->bodies[b];
    size_t n = body->n_items, tail = n; /* items from tail on: the last meeting */
    for (size_t i = 0; i < n; i++)
        if (body->items[i].meeting == OW_MEETING_LAST) {
            tail = i;
            break;
        }
    int tail_minutes = 0;
    for (size_t i = tail; i < n; i++)
        tail_minutes += body->items[i].minutes;
    size_t i = 0;
    int done = 0; /* minutes of item i already taken */
    int first_t = -1;
    *last_t = -1;
    int end = (body->window_to + 1) * c->ns;
    /* last_from as a slot, and after the joint meetings it attends when it has
     * items that close its session (or a body after it). */
    bool opens = false, closes = tail < n;
    for (size_t k = 0; k < n; k++) {
        opens |= body->items[k].first;
        closes |= body->items[k].last;
    }
    last_from = last_from < 0 ? -1 : last_from * c->ns;
    for (size_t k = 0; k < c->nm && (closes || c->next[b] < c->nb); k++)
        if (c->m[k].body == b && c->m[k].t >= last_from)
            last_from = c->m[k].t + 1;
    if (from < body->window_from * c->ns)
        from = body->window_from * c->ns;
    for (int t = from; t < end && i < n; t++) {
        if (++c->work > CONSTRUCT_BUDGET)
            return false;
        int cap = slot_minutes(c, t, NULL, NULL);
        if (cap <= 0)
            continue;
        if (first_t < 0 && first_by >= 0 && t / c->ns > first_by)
            return false;
        if (first_t < 0 && body->has_pin_from && t / c->ns > body->pin_from)
            return false;
        const ow_item *it = &body->items[i];
        if (it->n_joint > 0) {
            int placed = it->minutes > cap ? 0 : place_joint(c, b, i, t, want, depth);
            if (placed < 0)
                return false;
            if (placed == 0)
                continue;
            if (first_t < 0)
                first_t = t;
            *last_t = t;
            i++;
            continue;
        }
        if (!usable(c, b, t, want))
            continue;
        /* The last meeting not before slot last_from: once begun, while what is left
         * would fit this meeting, wait. */
        if (t < last_from && done == 0 && first_t >= 0) {
            int left = -done;
            for (size_t k = i; k < n; k++)
                left += body->items[k].minutes;
            if (left <= cap)
                continue;
        }
        int room = free_room(c, t, want);
        size_t p0 = c->np;
        int used = 0;
        int guest_at = next_guest_meeting(c, b, t);
        while (i < tail && body->items[i].n_joint == 0) {
            const ow_item *x = &body->items[i];
            int rem = x->minutes - done;
            if (x->alone && used > 0)
                break;
            if (t < last_from && tail == n && i + 1 == n && done == 0)
                break; /* the last item waits for the last meeting */
            if (rem <= cap - used) {
                if (!push_piece(c, i, rem, done > 0, false, 0))
                    return false;
                used += rem;
                i++;
                done = 0;
                if (x->alone)
                    break;
                continue;
            }
            if (!x->split)
                break;
            /* Split here only when its next piece can follow in the body's next
             * meeting, before any joint meeting it attends. */
            int g = x->min_part > 1 ? x->min_part : 1;
            int piece = cap - used < rem - g ? cap - used : rem - g;
            if (piece < g)
                break;
            if (guest_at != INT_MAX && done == 0 &&
                !can_finish(c, b, t, want, rem - piece, guest_at))
                break;
            if (!push_piece(c, i, piece, done > 0, false, 0))
                return false;
            done += piece;
            used += piece;
            break;
        }
        if (i == tail && done == 0 && tail_minutes <= cap - used && t >= last_from) {
            for (size_t k = tail; k < n; k++)
                if (!push_piece(c, k, body->items[k].minutes, false, false, 0))
                    return false;
            used += tail_minutes;
            i = n;
        }
        if (used == 0) {
            if (c->np > p0)
                c->np = p0;
            continue;
        }
        if (!push_meeting(c, b, t, room, p0, true, body->interpretation))
            return false;
        if (first_t < 0)
            first_t = t;
        *last_t = t;
    }
    if (i < n || first_t < 0)
        return false;
    if (body->has_pin_from && first_t / c->ns != body->pin_from)
        return false;
    /* Its joint meetings as a guest lie inside its session when it has items that
     * open or close it. */
    for (size_t k = 0; k < c->nm; k++) {
        const cmeet *m = &c->m[k];
        if (m->body != b || c->p[m->p0].joint == false)
            continue;
        if (m->t < first_t && (opens || c->pred[b] < c->nb))
            return false;
        if (m->t > *last_t && (closes || c->next[b] < c->nb))
            return false;
    }
    return true;
}

/* Whether the construction handles every rule of the bodies it is to lay (lay[b],
 * or every body when lay is NULL). */
static bool handled(const ow_instance *inst, const bool *lay)
{
    if (inst->n_bodies == 0 || inst->n_rooms == 0 || inst->calendar.n_days <= 0)
        return false;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const ow_body *body = &inst->bodies[b];
        if (lay != NULL && !lay[b])
            continue;
        if (body->held_all)
            return false;
        for (size_t i = 0; i < body->n_items; i++) {
            const ow_item *it = &body->items[i];
            if (it->pin != OW_PIN_NONE || it->meeting > 0 || it->day != 0 || it->has_day_date ||
                it->day_last || it->day_from > 0 || it->day_to > 0 || it->n_after_other > 0)
                return false;
            if (it->n_joint > 0 &&
                (it->first || it->last || it->alone || it->meeting != OW_MEETING_ANY))
                return false;
        }
    }
    return true;
}

/* Reads the consecutive rules: each body after at most one other and before at most
 * one other, in chains; the room a chain must use.  False when the rules take
 * another shape. */
static bool read_rules(ctx *c)
{
    const ow_instance *inst = c->inst;
    for (size_t q = 0; q < inst->n_rules; q++) {
        const ow_rule *r = &inst->rules[q];
        for (size_t x = 0; x < r->n_bodies; x++) {
            c->in_rule[r->bodies[x]] = true;
            if (x == 0)
                continue;
            size_t p = r->bodies[x - 1], b = r->bodies[x];
            if ((c->pred[b] < c->nb && c->pred[b] != p) || (c->next[p] < c->nb && c->next[p] != b))
                return false;
            c->pred[b] = p;
            c->next[p] = b;
        }
    }
    for (size_t b = 0; b < c->nb; b++) { /* no circle */
        size_t h = b, steps = 0;
        while (c->pred[h] < c->nb && steps++ <= c->nb)
            h = c->pred[h];
        if (steps > c->nb)
            return false;
    }
    ow_body *ruled = NULL;
    if (!ow_decompose_rule_rooms(inst, &ruled))
        return false;
    for (size_t b = 0; b < c->nb; b++)
        c->room_of[b] = ruled[b].room;
    free(ruled);
    for (size_t b = 0; b < c->nb; b++)
        c->owner_of[b] = c->nb;
    for (size_t b = 0; b < c->nb; b++) {
        const ow_body *body = &inst->bodies[b];
        for (size_t i = 0; i < body->n_items; i++)
            for (size_t q = 0; q < body->items[i].n_joint; q++) {
                size_t g = body->items[i].joint_with[q];
                if (g == b || (c->owner_of[g] < c->nb && c->owner_of[g] != b))
                    return false;
                c->owner_of[g] = b;
            }
    }
    return true;
}

/* Plans the block of rules starting at body h (h alone when it is in none): from
 * each start day of h's window in turn, and in each room when the block keeps one. */
static bool plan_block(ctx *c, size_t h, int depth)
{
    /* A block partly planned (ow_construct_complete) starts past its head, but is
     * the block of its head for the bodies that plan around its joint meetings. */
    size_t head = head_of(c, h);
    if (depth > 8 || c->active[h] || c->active[head])
        return false;
    c->active[h] = c->active[head] = true;
    bool ok = plan_block_from(c, h, depth);
    c->active[h] = c->active[head] = false;
    return ok;
}

static bool plan_block_from(ctx *c, size_t h, int depth)
{
    /* A block partly planned already (ow_construct_complete) goes on from its first
     * body not planned: after the last meeting of the body before it, by the next
     * working day, in its room. */
    while (h < c->nb && c->planned[h])
        h = c->next[h];
    if (h >= c->nb || c->skip[h])
        return true;
    int pred_t = -1; /* the last meeting of the planned body before h */
    for (size_t k = 0; c->pred[h] < c->nb && k < c->nm; k++)
        if (c->m[k].body == c->pred[h] && c->m[k].t > pred_t)
            pred_t = c->m[k].t;
    const ow_body *hb = &c->inst->bodies[h];
    bool one_room = c->in_rule[h] && c->R > 1;
    int forced = rule_room(c, h);
    int r0 = forced >= 0 ? forced : 0, r1 = forced >= 0 ? forced : (one_room ? (int)c->R - 1 : 0);
    int d0 = hb->has_pin_from && hb->pin_from > hb->window_from ? hb->pin_from : hb->window_from;
    if (pred_t >= 0 && pred_t / c->ns > d0)
        d0 = pred_t / c->ns;
    for (int d = d0; d <= hb->window_to && (pred_t < 0 || d <= pred_t / c->ns + 1); d++)
        for (int r = r0; r <= r1; r++) {
            int want = forced >= 0 || one_room ? r : -1;
            size_t mark = c->nm;
            bool ok = true;
            int from = d * c->ns > pred_t ? d * c->ns : pred_t + 1;
            int first_by = pred_t >= 0 ? pred_t / c->ns + 1 : -1, last_t = -1;
            for (size_t b = h; ok && b < c->nb && !c->skip[b]; b = c->next[b]) {
                int last_from = -1; /* no idle working day before the next body can start */
                if (c->next[b] < c->nb) {
                    const ow_body *nb = &c->inst->bodies[c->next[b]];
                    last_from =
                        (nb->has_pin_from && nb->pin_from > nb->window_from ? nb->pin_from
                                                                            : nb->window_from) -
                        1;
                }
                /* A body attending a joint item of a body not planned yet: that body
                 * is planned first, and places the joint meeting where this one can
                 * plan around it. */
                size_t o = c->owner_of[b];
                if (o < c->nb && !c->planned[o] && !c->active[head_of(c, o)])
                    ok = plan_block(c, head_of(c, o), depth + 1);
                ok = ok && pack(c, b, from, want, first_by, last_from, depth, &last_t);
                c->planned[b] = ok; /* no joint meeting is placed for it from now on */
                from = last_t + 1;
                first_by = last_t / c->ns + 1;
            }
            if (ok) {
                for (size_t b = h; b < c->nb && !c->skip[b]; b = c->next[b])
                    c->planned[b] = true;
                return true;
            }
            rollback(c, mark);
            unplan(c);
            if (c->oom)
                return false;
        }
    return false;
}

static ow_schedule *to_schedule(const ctx *c)
{
    ow_schedule *s = ow_schedule_new();
    if (s == NULL)
        return NULL;
    for (size_t i = 0; i < c->nm; i++) {
        const cmeet *cm = &c->m[i];
        ow_meeting *m = ow_schedule_add_meeting(s, cm->np);
        if (m == NULL) {
            ow_schedule_free(s);
            return NULL;
        }
        m->body = cm->body;
        m->day = cm->t / c->ns;
        m->slot = cm->t % c->ns;
        m->date = c->inst->calendar.days[m->day];
        slot_minutes(c, cm->t, &m->start, &m->end);
        m->room = cm->room;
        memcpy(m->pieces, &c->p[cm->p0], cm->np * sizeof *m->pieces);
    }
    ow_schedule_sort(s);
    ow_objective_terms terms;
    ow_schedule_objective(c->inst, s, &terms);
    s->status = OW_SOLVE_FEASIBLE;
    s->objective = (double)terms.total;
    s->objective_given = true;
    s->gap = 1.0;
    return s;
}

/* Lays the meetings of `fixed` as they are (rooms, interpretation teams, the
 * bodies' own slots) and marks their bodies planned.  False when a meeting lies
 * outside the calendar or the rooms, when two take one body's slot, or out of
 * memory. */
static bool preload(ctx *c, const ow_schedule *fixed)
{
    size_t ng = n_global(c);
    unsigned char *seen = calloc(ng * c->R + 1, 1); /* 1: room marked, 2: team too */
    if (seen == NULL) {
        c->oom = true;
        return false;
    }
    bool ok = true;
    for (size_t i = 0; ok && i < fixed->n_meetings; i++) {
        const ow_meeting *m = &fixed->meetings[i];
        ok = m->body < c->nb && m->day >= 0 && m->day < c->nd && m->slot >= 0 && m->slot < c->ns &&
             m->room >= 0 && (size_t)m->room < c->R && m->n_pieces > 0;
        int t = ok ? m->day * c->ns + m->slot : 0;
        ok = ok && !is_busy(c, m->body, t);
        size_t p0 = c->np;
        for (size_t k = 0; ok && k < m->n_pieces; k++) {
            const ow_piece *x = &m->pieces[k];
            ok = push_piece(c, x->item, x->minutes, x->continued, x->joint, x->owner);
        }
        if (!ok)
            break;
        unsigned char *at = &seen[(size_t)t * c->R + (size_t)m->room];
        bool room = *at == 0, team = *at < 2 && c->inst->bodies[m->body].interpretation;
        if (room)
            *at = 1;
        if (team)
            *at = 2;
        ok = push_meeting(c, m->body, t, m->room, p0, room, team);
        c->planned[m->body] = true;
    }
    free(seen);
    return ok;
}

static ow_schedule *construct(ctx *c, const ow_schedule *fixed)
{
    size_t nb = c->nb;
    if (!read_rules(c) || (fixed != NULL && !preload(c, fixed)))
        return NULL;
    /* Blocks in turn: the blocks of rules first (one room, no idle day: the least
     * free), each by the start of its head's window; a block attending a joint item
     * gives way to the block of the body that lists it, which plans it around the
     * joint meeting. */
    for (size_t left = nb; left > 0;) {
        size_t pick = nb;
        for (size_t h = 0; h < nb; h++) {
            if (c->planned[h] || c->skip[h] || (c->pred[h] < nb && !c->planned[c->pred[h]]))
                continue;
            if (pick == nb || c->in_rule[h] > c->in_rule[pick] ||
                (c->in_rule[h] == c->in_rule[pick] &&
                 c->inst->bodies[h].window_from < c->inst->bodies[pick].window_from))
                pick = h;
        }
        for (size_t steps = 0; pick < nb && steps <= nb; steps++) {
            size_t owner = nb;
            for (size_t b = pick; b < nb && owner == nb; b = c->next[b])
                if (c->owner_of[b] < nb && !c->planned[c->owner_of[b]])
                    owner = c->owner_of[b];
            if (owner == nb)
                break;
            pick = steps < nb ? head_of(c, owner) : nb;
        }
        if (pick == nb || !plan_block(c, pick, 0))
            return NULL;
        left = 0;
        for (size_t b = 0; b < nb; b++)
            left += !c->planned[b] && !c->skip[b];
    }
    ow_schedule *s = to_schedule(c);
    if (s == NULL)
        return NULL;
    /* A plan of some bodies only is checked whole by the caller (the solver checks
     * every answer). */
    for (size_t b = 0; b < nb; b++)
        if (c->skip[b] && !c->planned[b])
            return s;
    ow_check_report report;
    ow_error err;
    ow_error_clear(&err);
    memset(&report, 0, sizeof report);
    bool good = ow_check(c->inst, s, &report, &err) == OW_OK && report.n_violations == 0 &&
                report.n_unlisted == 0;
    ow_check_report_free(&report);
    if (!good) {
        ow_schedule_free(s);
        return NULL;
    }
    return s;
}

ow_schedule *ow_construct_complete(const ow_instance *inst, const ow_schedule *fixed,
                                   const bool *lay)
{
    bool *to_lay = calloc(inst->n_bodies + 1, sizeof *to_lay);
    if (to_lay == NULL)
        return NULL;
    for (size_t b = 0; b < inst->n_bodies; b++)
        to_lay[b] = lay == NULL || lay[b];
    for (size_t i = 0; fixed != NULL && i < fixed->n_meetings; i++)
        if (fixed->meetings[i].body < inst->n_bodies)
            to_lay[fixed->meetings[i].body] = false;
    ow_schedule *s = handled(inst, to_lay) ? construct_from(inst, fixed, to_lay) : NULL;
    free(to_lay);
    return s;
}

ow_schedule *ow_construct(const ow_instance *inst)
{
    return handled(inst, NULL) ? construct_from(inst, NULL, NULL) : NULL;
}

/* The construction proper: fixed (or NULL) laid first, then every body lay[b] holds
 * (every body when lay is NULL); the others are left out. */
static ow_schedule *construct_from(const ow_instance *inst, const ow_schedule *fixed,
                                   const bool *lay)
{
    ctx c;
    memset(&c, 0, sizeof c);
    c.inst = inst;
    c.nb = inst->n_bodies;
    c.R = inst->n_rooms;
    c.ns = (int)inst->calendar.n_slots;
    c.nd = inst->calendar.n_days;
    size_t ng = n_global(&c);
    c.taken = calloc(ng * c.R + 1, 1);
    c.teams = calloc(ng + 1, sizeof *c.teams);
    c.busy = calloc(ng * c.nb + 1, 1);
    c.count = calloc(c.nb + 1, sizeof *c.count);
    c.pred = malloc((c.nb + 1) * sizeof *c.pred);
    c.next = malloc((c.nb + 1) * sizeof *c.next);
    c.owner_of = malloc((c.nb + 1) * sizeof *c.owner_of);
    c.room_of = malloc((c.nb + 1) * sizeof *c.room_of);
    c.in_rule = calloc(c.nb + 1, sizeof *c.in_rule);
    c.planned = calloc(c.nb + 1, sizeof *c.planned);
    c.active = calloc(c.nb + 1, sizeof *c.active);
    c.skip = calloc(c.nb + 1, sizeof *c.skip);
    ow_schedule *s = NULL;
    if (c.taken && c.teams && c.busy && c.count && c.pred && c.next && c.owner_of && c.room_of &&
        c.in_rule && c.planned && c.active && c.skip) {
        for (size_t b = 0; b < c.nb; b++)
            c.pred[b] = c.next[b] = c.nb;
        for (size_t b = 0; lay != NULL && b < c.nb; b++)
            c.skip[b] = !lay[b];
        s = construct(&c, fixed);
    }
    free(c.taken);
    free(c.teams);
    free(c.busy);
    free(c.count);
    free(c.pred);
    free(c.next);
    free(c.owner_of);
    free(c.room_of);
    free(c.in_rule);
    free(c.planned);
    free(c.active);
    free(c.skip);
    free(c.m);
    free(c.p);
    return s;
}
