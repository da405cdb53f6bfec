/* enumerate.c: every schedule of a tiny instance, by brute force, from the rules as
 * docs/formats.md and docs/model.md state them.
 *
 * Body by body, every plan: a set of slots of its window (in time order), which of
 * them are the joint meetings it attends for another body's item, and how its own
 * items run over the others (agenda order, or every order with `order: free`), each
 * own meeting holding something.  Minutes are given greedily: a split item puts as
 * much as its earlier meetings hold and as little as it may in its last one, which
 * is the only one a later item can share.  Item rules (meeting, day, pins, first,
 * last, after) filter the plans.  The objective is a sum over bodies, so the bodies'
 * plans, each list sorted by objective, are combined by depth-first search with a
 * bound, checking what ties bodies together: joint meetings in one slot, rooms (a
 * joint meeting counted once), interpretation teams and consecutive rules.  The
 * first combination found at the least objective, with rooms given, is the answer. */
#include "differential.h"

#include <stdlib.h>
#include <string.h>

#define MAXM      9 /* meetings of a body: at most every slot of 3 days of 3 slots */
#define MAXP      8 /* pieces in a meeting */
#define MAXI      8
#define MAXG      6 /* joint items a body attends as a guest */
#define MAXB      3 /* bodies */
#define MAXR      2 /* rooms */
#define MAX_PLANS 400000
#define MAX_NODES 1000000L

typedef struct piece {
    signed char item; /* own item index, or -1 for the joint piece of a guest meeting */
    short minutes;
} piece;

typedef struct plan {
    signed char k;
    signed char slot[MAXM];  /* global slot: day * slots + slot */
    signed char guest[MAXM]; /* -1: own meeting; else index into the body's guest list */
    signed char np[MAXM];
    piece pc[MAXM][MAXP];
    int obj;
} plan;

typedef struct guest {
    int owner, item;
} guest;

typedef struct body_plans {
    plan *p;
    size_t n, cap;
    guest g[MAXG];
    int n_guests;
    bool overflow;
} body_plans;

typedef struct search {
    const ow_instance *inst;
    int n_slots, n_global;
    body_plans *bp;
    /* one body's enumeration */
    size_t b;
    plan cur;
    int seq[MAXI];
    int rem[MAXM];
    int first_own, last_own; /* the plan's first and last own (not guest) meetings */
    int continued, late;
    long deviation; /* minutes away from flexible estimates, of the plan being kept */
    int span_st[MAXI], span_e[MAXI]; /* flexible bodies: the meetings of each item */
} search;

static int day_of(const search *s, int g)
{
    return g / s->n_slots;
}

/* Slot g's times, from its day's own list (the date's `slots_on`, else the
 * weekday's `slots_by_weekday`, else `slots`, as docs/formats.md says), or NULL
 * when the day has fewer slots. */
static const ow_slot *day_slot(const ow_instance *inst, int n_slots, int g)
{
    const ow_calendar *cal = &inst->calendar;
    int d = g / n_slots, k = g % n_slots;
    if (cal->n_day_slots == 0)
        return &cal->slots[k];
    const ow_day_slots *date = NULL, *weekday = NULL;
    for (size_t i = 0; i < cal->n_day_slots; i++) {
        const ow_day_slots *e = &cal->day_slots[i];
        if (e->weekday < 0 && e->date == cal->days[d])
            date = e;
        else if (e->weekday >= 0 && e->weekday == ow_date_weekday(cal->days[d]))
            weekday = e;
    }
    if (date != NULL || weekday != NULL) {
        const ow_day_slots *e = date != NULL ? date : weekday;
        return (size_t)k < e->n_slots ? &e->slots[k] : NULL;
    }
    return (size_t)k < cal->n_regular ? &cal->slots[k] : NULL;
}

static int slot_len(const search *s, int g)
{
    const ow_slot *sl = day_slot(s->inst, s->n_slots, g);
    return sl->end - sl->start;
}

static bool is_joint_owned(const ow_item *it)
{
    return it->n_joint > 0;
}

static bool lists(const ow_item *it, size_t body)
{
    for (size_t k = 0; k < it->n_joint; k++)
        if (it->joint_with[k] == body)
            return true;
    return false;
}

/* ---- one body ---------------------------------------------------------------- */

static int date_index(const ow_instance *inst, ow_date d)
{
    for (int k = 0; k < inst->calendar.n_days; k++)
        if (inst->calendar.days[k] == d)
            return k;
    return -1;
}

/* (meeting, position) of an item's first and last pieces. */
static void where(const plan *p, int item, int *fm, int *fp, int *lm, int *lp)
{
    *fm = *fp = *lm = *lp = -1;
    for (int m = 0; m < p->k; m++)
        for (int q = 0; q < p->np[m]; q++)
            if (p->pc[m][q].item == item) {
                if (*fm < 0) {
                    *fm = m;
                    *fp = q;
                }
                *lm = m;
                *lp = q;
            }
}

/* Whether item it may have a piece in meeting m of plan p: `meeting`, pins, `day`. */
static bool meeting_allowed(const search *s, const ow_item *it, const plan *p, int m)
{
    if (it->meeting == OW_MEETING_LAST && m != p->k - 1)
        return false;
    if (it->meeting > 0 && m != it->meeting - 1)
        return false;
    if (it->pin == OW_PIN_MEETING && m != it->pin_meeting - 1)
        return false;
    if (it->pin == OW_PIN_SLOT &&
        (day_of(s, p->slot[m]) != it->pin_day || p->slot[m] % s->n_slots != it->pin_slot))
        return false;
    if (it->has_day_date && day_of(s, p->slot[m]) != date_index(s->inst, it->day_date))
        return false;
    if (!it->has_day_date && it->day > 0 &&
        day_of(s, p->slot[m]) != day_of(s, p->slot[0]) + it->day - 1)
        return false;
    return true;
}

static bool item_rules_hold(const search *s, const plan *p)
{
    const ow_body *body = &s->inst->bodies[s->b];
    /* docs/formats.md: first / last open and close the body's session, joint meetings
     * it attends included; a joint item marked first (last) is the first (last)
     * meeting of every body attending it. */
    for (int m = 0; m < p->k; m++)
        if (p->guest[m] >= 0) {
            const guest *g = &s->bp[s->b].g[p->guest[m]];
            const ow_item *jt = &s->inst->bodies[g->owner].items[g->item];
            if ((jt->first && m != 0) || (jt->last && m != p->k - 1))
                return false;
        }
    for (size_t i = 0; i < body->n_items; i++) {
        const ow_item *it = &body->items[i];
        int fm, fp, lm, lp;
        where(p, (int)i, &fm, &fp, &lm, &lp);
        for (int m = fm; m <= lm; m++) {
            bool here = false;
            for (int q = 0; q < p->np[m]; q++)
                here = here || p->pc[m][q].item == (int)i;
            if (here && !meeting_allowed(s, it, p, m))
                return false;
            int session_day = day_of(s, p->slot[m]) - day_of(s, p->slot[0]) + 1;
            if (it->day_from > 0 && session_day < it->day_from)
                return false;
            if (it->day_to > 0 && session_day > it->day_to)
                return false;
            if (it->day_last && day_of(s, p->slot[m]) != day_of(s, p->slot[p->k - 1]))
                return false;
        }
        if (it->first && (fm != s->first_own || fp != 0))
            return false;
        if (it->last && (lm != s->last_own || lp != p->np[lm] - 1))
            return false;
        for (size_t a = 0; a < it->n_after; a++) {
            int afm, afp, alm, alp;
            where(p, (int)it->after[a], &afm, &afp, &alm, &alp);
            if (!(alm < fm || (alm == fm && alp < fp)))
                return false;
        }
    }
    return true;
}

static void keep_plan(search *s)
{
    body_plans *bp = &s->bp[s->b];
    const ow_body *body = &s->inst->bodies[s->b];
    if (!item_rules_hold(s, &s->cur))
        return;
    if (bp->n == MAX_PLANS) {
        bp->overflow = true;
        return;
    }
    if (bp->n == bp->cap) {
        size_t cap = bp->cap ? bp->cap * 2 : 256;
        plan *np = realloc(bp->p, cap * sizeof *np);
        if (np == NULL) {
            bp->overflow = true;
            return;
        }
        bp->p = np;
        bp->cap = cap;
    }
    plan *p = &bp->p[bp->n++];
    *p = s->cur;
    int days = 0;
    for (int m = 0; m < p->k; m++)
        if (m == 0 || day_of(s, p->slot[m]) != day_of(s, p->slot[m - 1]))
            days++;
    const ow_weights *w = &s->inst->weights;
    p->obj = w->continued * s->continued + w->meetings * p->k + w->days * days +
             w->late_start * s->late + (int)(w->deviation * s->deviation);
    (void)body;
}

/* The first own meeting after m, or k. */
static int next_own(const plan *p, int m)
{
    for (m++; m < p->k; m++)
        if (p->guest[m] < 0)
            return m;
    return p->k;
}

/* Whether item x = seq[idx], its pieces just placed in meetings st..e (the first at
 * position fp of meeting st), can still be part of a plan that keeps the item rules:
 * what its placement alone decides (`meeting`, pins, `day`, `first`), and what no
 * later item can mend: the items it comes `after` must all be placed already and end
 * before it starts (a later item starts at or after x's first piece); a `last` item
 * must end in the plan's last own meeting and be the last item placed (a later one
 * could only share that meeting, after it).  Only a shortcut: item_rules_hold has the
 * last word on every plan kept. */
static bool placement_may_hold(const search *s, int idx, int st, int e, int fp)
{
    const plan *p = &s->cur;
    const ow_body *body = &s->inst->bodies[s->b];
    int x = s->seq[idx];
    const ow_item *it = &body->items[x];
    for (int m = st; m <= e; m++)
        if (!meeting_allowed(s, it, p, m))
            return false;
    if (it->first && (st != s->first_own || fp != 0))
        return false;
    if (it->last && (e != s->last_own || idx != (int)body->n_items - 1))
        return false;
    for (size_t a = 0; a < it->n_after; a++) {
        bool placed = false;
        for (int j = 0; j < idx; j++)
            placed = placed || s->seq[j] == (int)it->after[a];
        if (!placed)
            return false;
        int afm, afp, alm, alp;
        where(p, (int)it->after[a], &afm, &afp, &alm, &alp);
        if (!(alm < st || (alm == st && alp < fp)))
            return false;
    }
    return true;
}

/* Places item seq[idx] in every way it may go after the items before it (cur: the
 * meeting where the previous item ended; closed: that item was a joint one, its
 * meeting holds nothing else), then the items after it. */
static void place_items(search *s, int idx, int cur, bool closed);

static void place_item(search *s, int idx, int cur, bool closed)
{
    plan *p = &s->cur;
    const ow_body *body = &s->inst->bodies[s->b];
    const ow_item *it = &body->items[s->seq[idx]];
    int x = s->seq[idx];
    int d = it->minutes;
    int g = it->min_part > 0 ? (it->min_part < d ? it->min_part : d) : 1;
    bool joint = is_joint_owned(it);
    int starts[2], n_starts = 0;
    if (cur >= 0 && !closed && !joint)
        starts[n_starts++] = cur;
    int fresh = next_own(p, cur);
    if (fresh < p->k)
        starts[n_starts++] = fresh;
    for (int a = 0; a < n_starts; a++) {
        int st = starts[a];
        bool shared = st == cur;
        for (int e = st; e < p->k; e++) {
            if (e > st && (p->guest[e] >= 0 || !it->split || joint))
                break;
            /* Pieces p_st..p_e, each in [g, rem], summing to d; the last as small as
             * it may be. */
            int len = e - st + 1;
            long room_before = 0;
            bool ok = true;
            for (int m = st; m <= e; m++) {
                if (s->rem[m] < g)
                    ok = false;
                if (m < e)
                    room_before += s->rem[m];
            }
            if (!ok || (long)len * g > d || room_before + s->rem[e] < d)
                continue;
            if (p->np[e] + (e == st ? 1 : 0) > MAXP || p->np[st] + 1 > MAXP)
                continue;
            int last = d - (int)room_before > g ? d - (int)room_before : g;
            if (last > s->rem[e])
                continue;
            if (!placement_may_hold(s, idx, st, e, p->np[st]))
                continue;
            int rest = d - last, mins[MAXM];
            for (int m = st; m < e; m++) {
                mins[m] = g;
                rest -= g;
            }
            for (int m = st; m < e && rest > 0; m++) {
                int more = s->rem[m] - g < rest ? s->rem[m] - g : rest;
                mins[m] += more;
                rest -= more;
            }
            mins[e] = last;
            for (int m = st; m <= e; m++) {
                p->pc[m][p->np[m]++] = (piece){(signed char)x, (short)mins[m]};
                s->rem[m] -= mins[m];
            }
            s->continued += e - st;
            s->late += shared ? 1 : 0;
            place_items(s, idx + 1, e, joint);
            s->continued -= e - st;
            s->late -= shared ? 1 : 0;
            for (int m = st; m <= e; m++) {
                p->np[m]--;
                s->rem[m] += mins[m];
            }
        }
    }
}

/* ---- flexible durations ------------------------------------------------------ */

/* Whether some item of the body may take more or less than one length. */
static bool flexible(const ow_body *body)
{
    for (size_t i = 0; i < body->n_items; i++)
        if (body->items[i].min_minutes < body->items[i].max_minutes)
            return true;
    return false;
}

#define MAXL 1441 /* minutes a slot may have, plus one */

/* The minutes of a flexible body's plan, whose items run over the meetings
 * span_st[i]..span_e[i] (agenda order): every length each item may take, and every
 * split of it into pieces of at least max(1, min_part) within the meetings' slots,
 * searched exactly by dynamic programming over the minutes the meeting an item ends
 * in holds so far.  Writes the pieces and s->deviation (the least sum of minutes
 * away from the estimates); false when no minutes fit. */
static bool flexible_minutes(search *s)
{
    plan *p = &s->cur;
    const ow_body *body = &s->inst->bodies[s->b];
    int n = (int)body->n_items;
    static long best[MAXI + 1][MAXL];
    static short from_u[MAXI + 1][MAXL], last_piece[MAXI + 1][MAXL], length[MAXI + 1][MAXL];
    const long none = 1L << 40;
    int lim = 1; /* minutes a meeting may hold, plus one */
    for (int m = 0; m < p->k; m++)
        if (slot_len(s, p->slot[m]) + 1 > lim)
            lim = slot_len(s, p->slot[m]) + 1;
    if (lim > MAXL)
        return false;
    for (int i = 0; i <= n; i++)
        for (int u = 0; u < lim; u++)
            best[i][u] = none;
    best[0][0] = 0;
    for (int i = 0; i < n; i++) {
        const ow_item *it = &body->items[i];
        int st = s->span_st[i], e = s->span_e[i];
        bool shared = i > 0 && s->span_e[i - 1] == st;
        int g = it->min_part > 1 ? it->min_part : 1;
        long mid = 0;
        for (int m = st + 1; m < e; m++)
            mid += slot_len(s, p->slot[m]);
        int len_e = slot_len(s, p->slot[e]);
        for (int u = 0; u < lim; u++) {
            if (best[i][u] == none)
                continue;
            int used = shared ? u : 0;
            int room0 = slot_len(s, p->slot[st]) - used;
            if (room0 < g)
                continue;
            for (int pe = g; pe <= (st == e ? room0 : len_e); pe++) {
                /* The pieces before the last add up to [lo, hi]. */
                long lo = st == e ? 0 : (long)g * (e - st);
                long hi = st == e ? 0 : room0 + mid;
                long dmin = lo + pe, dmax = hi + pe;
                if (dmin < it->min_minutes)
                    dmin = it->min_minutes;
                if (dmax > it->max_minutes)
                    dmax = it->max_minutes;
                if (dmin > dmax)
                    continue;
                long d = it->minutes < dmin ? dmin : it->minutes > dmax ? dmax : it->minutes;
                long dev = it->has_estimate && it->min_minutes < it->max_minutes
                               ? (d > it->minutes ? d - it->minutes : it->minutes - d)
                               : 0;
                int nu = (st == e ? used : 0) + pe;
                if (best[i][u] + dev < best[i + 1][nu]) {
                    best[i + 1][nu] = best[i][u] + dev;
                    from_u[i + 1][nu] = (short)u;
                    last_piece[i + 1][nu] = (short)pe;
                    length[i + 1][nu] = (short)d;
                }
            }
        }
    }
    int end = -1;
    for (int u = 0; u < lim; u++)
        if (best[n][u] != none && (end < 0 || best[n][u] < best[n][end]))
            end = u;
    if (end < 0)
        return false;
    s->deviation = best[n][end];
    /* Back from the end: each item's length and last piece; the pieces before its
     * last take at least g each, then as much as their meetings hold, in order. */
    int room_used[MAXM] = {0};
    int u = end;
    int pe_of[MAXI], d_of[MAXI];
    for (int i = n; i > 0; i--) {
        pe_of[i - 1] = last_piece[i][u];
        d_of[i - 1] = length[i][u];
        u = from_u[i][u];
    }
    for (int m = 0; m < p->k; m++)
        p->np[m] = p->guest[m] >= 0 ? 1 : 0;
    for (int i = 0; i < n; i++) {
        const ow_item *it = &body->items[i];
        int st = s->span_st[i], e = s->span_e[i];
        int g = it->min_part > 1 ? it->min_part : 1;
        int mins[MAXM];
        int rest = d_of[i] - pe_of[i];
        for (int m = st; m < e; m++) {
            mins[m] = g;
            rest -= g;
        }
        for (int m = st; m < e && rest > 0; m++) {
            int cap = slot_len(s, p->slot[m]) - room_used[m] - g;
            int more = cap < rest ? cap : rest;
            mins[m] += more;
            rest -= more;
        }
        mins[e] = pe_of[i];
        for (int m = st; m <= e; m++) {
            p->pc[m][p->np[m]++] = (piece){(signed char)i, (short)mins[m]};
            room_used[m] += mins[m];
        }
    }
    return true;
}

/* A flexible body's plans: which meetings each item runs over (agenda order), the
 * minutes found by flexible_minutes. */
static void place_spans(search *s, int idx, int cur, bool closed)
{
    plan *p = &s->cur;
    const ow_body *body = &s->inst->bodies[s->b];
    if (s->bp[s->b].overflow)
        return;
    if (idx == (int)body->n_items) {
        if (next_own(p, cur) == p->k && flexible_minutes(s)) {
            keep_plan(s);
            s->deviation = 0;
        }
        return;
    }
    const ow_item *it = &body->items[idx];
    int g = it->min_part > 1 ? it->min_part : 1;
    bool joint = is_joint_owned(it); /* taken alone and whole */
    int starts[2], n_starts = 0;
    if (cur >= 0 && !closed && !joint)
        starts[n_starts++] = cur;
    int fresh = next_own(p, cur);
    if (fresh < p->k)
        starts[n_starts++] = fresh;
    for (int a = 0; a < n_starts; a++) {
        int st = starts[a];
        bool shared = st == cur;
        for (int e = st; e < p->k; e++) {
            if (e > st && (p->guest[e] >= 0 || !it->split || joint))
                break;
            if ((long)(e - st + 1) * g > it->max_minutes)
                break;
            if (p->np[e] + 1 > MAXP || p->np[st] + 1 > MAXP)
                continue;
            for (int m = st; m <= e; m++)
                p->np[m]++;
            s->span_st[idx] = st;
            s->span_e[idx] = e;
            s->continued += e - st;
            s->late += shared ? 1 : 0;
            place_spans(s, idx + 1, e, joint);
            s->continued -= e - st;
            s->late -= shared ? 1 : 0;
            for (int m = st; m <= e; m++)
                p->np[m]--;
        }
    }
}

/* The items from seq[idx] on: in agenda order, or with `order: free` each item not
 * yet placed in turn (every order, chosen item by item so that a placement that
 * breaks a rule ends every order that begins with it). */
static void place_items(search *s, int idx, int cur, bool closed)
{
    plan *p = &s->cur;
    const ow_body *body = &s->inst->bodies[s->b];
    int n = (int)body->n_items;
    if (s->bp[s->b].overflow)
        return;
    if (idx == 0 && flexible(body)) { /* agenda order: the loader refuses flex with order: free */
        place_spans(s, 0, -1, false);
        return;
    }
    if (idx == n) {
        if (next_own(p, cur) == p->k)
            keep_plan(s);
        return;
    }
    if (!body->order_free) {
        place_item(s, idx, cur, closed);
        return;
    }
    for (int j = idx; j < n; j++) {
        int t = s->seq[idx];
        s->seq[idx] = s->seq[j];
        s->seq[j] = t;
        place_item(s, idx, cur, closed);
        s->seq[j] = s->seq[idx];
        s->seq[idx] = t;
    }
}

static void assign_guests(search *s, int gi)
{
    plan *p = &s->cur;
    body_plans *bp = &s->bp[s->b];
    if (gi == bp->n_guests) {
        /* docs/formats.md: first / last open and close the body's session, joint
         * meetings it attends included. */
        s->first_own = 0;
        s->last_own = p->k - 1;
        place_items(s, 0, -1, false);
        return;
    }
    const ow_item *it = &s->inst->bodies[bp->g[gi].owner].items[bp->g[gi].item];
    for (int m = 0; m < p->k; m++) {
        if (p->guest[m] >= 0 || slot_len(s, p->slot[m]) < it->minutes)
            continue;
        p->guest[m] = (signed char)gi;
        p->np[m] = 1;
        p->pc[m][0] = (piece){-1, (short)it->minutes};
        assign_guests(s, gi + 1);
        p->guest[m] = -1;
        p->np[m] = 0;
    }
}

/* Whether w (a body's not_during or reserved) names day d, slot of times t. */
static bool when_names(const search *s, const ow_when *w, int d, const ow_slot *t)
{
    const ow_calendar *cal = &s->inst->calendar;
    if (cal->days[w->day] != cal->days[d])
        return false;
    const ow_slot *named =
        w->slot < 0 ? NULL : day_slot(s->inst, s->n_slots, d * s->n_slots + w->slot);
    return w->slot < 0 || (named != NULL && named->start == t->start && named->end == t->end);
}

/* The body's `slots`, `not_during`, `only_during`, and every other body's `reserved`, read from the
 * instance's own lists. */
static bool slot_allowed(const search *s, int g)
{
    const ow_body *body = &s->inst->bodies[s->b];
    const ow_slot *t = day_slot(s->inst, s->n_slots, g);
    int d = day_of(s, g);
    if (t == NULL)
        return false; /* the day has fewer slots */
    bool listed = body->n_slot_times == 0;
    for (size_t i = 0; i < body->n_slot_times; i++)
        listed =
            listed || (body->slot_times[i].start == t->start && body->slot_times[i].end == t->end);
    if (!listed)
        return false;
    for (size_t i = 0; i < body->n_not_during; i++)
        if (when_names(s, &body->not_during[i], d, t))
            return false;
    bool during = body->n_only_during == 0;
    for (size_t i = 0; i < body->n_only_during; i++)
        during = during || when_names(s, &body->only_during[i], d, t);
    if (!during)
        return false;
    for (size_t o = 0; o < s->inst->n_bodies; o++)
        for (size_t i = 0; o != s->b && i < s->inst->bodies[o].n_reserved; i++)
            if (when_names(s, &s->inst->bodies[o].reserved[i], d, t))
                return false;
    return true;
}

static void choose_slots(search *s, int from, int k_left)
{
    plan *p = &s->cur;
    const ow_body *body = &s->inst->bodies[s->b];
    if (k_left == 0) {
        if (body->has_pin_from && day_of(s, p->slot[0]) != body->pin_from)
            return;
        for (int m = 0; m < p->k; m++) {
            s->rem[m] = slot_len(s, p->slot[m]);
            p->guest[m] = -1;
            p->np[m] = 0;
        }
        assign_guests(s, 0);
        return;
    }
    int last_g = (body->window_to + 1) * s->n_slots;
    for (int g = from; g < last_g; g++) {
        int m = p->k - k_left;
        if (!slot_allowed(s, g))
            continue;
        if (body->meetings_per_day > 0) {
            int same = 1;
            for (int q = 0; q < m; q++)
                same += day_of(s, p->slot[q]) == day_of(s, g);
            if (same > body->meetings_per_day)
                continue;
        }
        p->slot[m] = (signed char)g;
        choose_slots(s, g + 1, k_left - 1);
    }
}

static int compare_plans(const void *a, const void *b)
{
    const plan *x = a, *y = b;
    return (x->obj > y->obj) - (x->obj < y->obj);
}

static void enumerate_body(search *s, size_t b)
{
    const ow_body *body = &s->inst->bodies[b];
    body_plans *bp = &s->bp[b];
    s->b = b;
    for (size_t o = 0; o < s->inst->n_bodies; o++)
        for (size_t i = 0; i < s->inst->bodies[o].n_items; i++)
            if (o != b && lists(&s->inst->bodies[o].items[i], b) && bp->n_guests < MAXG)
                bp->g[bp->n_guests++] = (guest){(int)o, (int)i};
    for (size_t i = 0; i < body->n_items; i++)
        s->seq[i] = (int)i;
    int window = (body->window_to - body->window_from + 1) * s->n_slots;
    int most = body->meetings > 0 && body->meetings < window ? body->meetings : window;
    if (most > MAXM)
        most = MAXM;
    /* held: all: every meeting of `meetings` (or of the window, at most
     * meetings_per_day a day) is held; more than the window holds, none is. */
    int fewest = 1;
    if (body->held_all) {
        int per_day = body->meetings_per_day > 0 && body->meetings_per_day < s->n_slots
                          ? body->meetings_per_day
                          : s->n_slots;
        int slots = (body->window_to - body->window_from + 1) * per_day;
        fewest = body->meetings > 0 ? body->meetings : ow_body_max_meetings(s->inst, body);
        if (fewest > slots)
            most = 0;
        else
            most = fewest;
    }
    for (int k = fewest; k <= most && !bp->overflow; k++) {
        s->cur.k = (signed char)k;
        choose_slots(s, body->window_from * s->n_slots, k);
    }
    if (bp->n > 1 && !bp->overflow) /* an overflow is "too large": no order needed */
        qsort(bp->p, bp->n, sizeof *bp->p, compare_plans);
}

/* ---- bodies together --------------------------------------------------------- */

typedef struct combo {
    search *s;
    size_t nb;
    const plan *chosen[MAXB];
    const plan *best[MAXB];
    int best_rooms[MAXB][MAXM];
    long best_obj;
    long nodes;
    bool too_large;
    int rooms[MAXB][MAXM];
} combo;

/* Meeting m of body b as a unit in its slot: a joint meeting is one unit for all
 * who attend (keyed by owner and item), any other meeting its own. */
static long unit_key(const combo *c, size_t b, int m)
{
    const plan *p = c->chosen[b];
    const ow_instance *inst = c->s->inst;
    if (p->guest[m] >= 0) {
        const guest *g = &c->s->bp[b].g[p->guest[m]];
        return 1000 + g->owner * 100 + g->item;
    }
    int x = p->pc[m][0].item;
    if (x >= 0 && is_joint_owned(&inst->bodies[b].items[x]))
        return 1000 + (long)b * 100 + x;
    return (long)b * 100 + m;
}

/* The index of key among keys[0..*n), added at the end when new (*added then true). */
static int unit_index(long *keys, int *n, long key, bool *added)
{
    int q = 0;
    while (q < *n && keys[q] != key)
        q++;
    *added = q == *n;
    if (*added)
        keys[(*n)++] = key;
    return q;
}

/* Whether meeting m of body b is a joint meeting that body other attends too. */
static bool joint_with(const combo *c, size_t b, int m, size_t other)
{
    const plan *p = c->chosen[b];
    if (p->guest[m] >= 0)
        return c->s->bp[b].g[p->guest[m]].owner == (int)other;
    int x = p->pc[m][0].item;
    return x >= 0 && lists(&c->s->inst->bodies[b].items[x], other);
}

static int find_guest_slot(const combo *c, size_t b, int owner, int item)
{
    const plan *p = c->chosen[b];
    for (int m = 0; m < p->k; m++)
        if (p->guest[m] >= 0 && c->s->bp[b].g[p->guest[m]].owner == owner &&
            c->s->bp[b].g[p->guest[m]].item == item)
            return p->slot[m];
    return -1;
}

/* What ties the bodies 0..upto together, bar rooms. */
static bool together(const combo *c, size_t upto)
{
    const ow_instance *inst = c->s->inst;
    /* Joint meetings in one slot. */
    for (size_t b = 0; b <= upto; b++) {
        const plan *p = c->chosen[b];
        for (int m = 0; m < p->k; m++) {
            int x = p->guest[m] < 0 ? p->pc[m][0].item : -1;
            if (x < 0 || !is_joint_owned(&inst->bodies[b].items[x]))
                continue;
            const ow_item *it = &inst->bodies[b].items[x];
            for (size_t j = 0; j < it->n_joint; j++)
                if (it->joint_with[j] <= upto &&
                    find_guest_slot(c, it->joint_with[j], (int)b, x) != p->slot[m])
                    return false;
        }
    }
    /* Units a slot: rooms and teams. */
    for (int g = 0; g < c->s->n_global; g++) {
        long keys[MAXB * MAXM];
        int n = 0, interpreted = 0;
        bool interp_key[MAXB * MAXM];
        for (size_t b = 0; b <= upto; b++) {
            const plan *p = c->chosen[b];
            for (int m = 0; m < p->k; m++) {
                if (p->slot[m] != g)
                    continue;
                bool added;
                int q = unit_index(keys, &n, unit_key(c, b, m), &added);
                if (added)
                    interp_key[q] = false;
                if (inst->bodies[b].interpretation)
                    interp_key[q] = true;
            }
        }
        for (int q = 0; q < n; q++)
            interpreted += interp_key[q];
        if (n > (int)inst->n_rooms || interpreted > inst->interpretation_teams)
            return false;
    }
    /* Consecutive rules between bodies chosen. */
    for (size_t r = 0; r < inst->n_rules; r++) {
        const ow_rule *rule = &inst->rules[r];
        for (size_t k = 0; k + 1 < rule->n_bodies; k++) {
            size_t P = rule->bodies[k], Q = rule->bodies[k + 1];
            if (P > upto || Q > upto)
                continue;
            const plan *pp = c->chosen[P], *qp = c->chosen[Q];
            /* docs/model.md: Q's first meeting may be a joint meeting of the two;
             * the order then holds for Q's next one. */
            int pn = pp->k, nf = joint_with(c, Q, 0, P) ? 1 : 0;
            if (pn == 0 || nf == qp->k)
                continue;
            int last = pp->slot[pn - 1], first = qp->slot[nf];
            if (first <= last || day_of(c->s, first) > day_of(c->s, last) + 1)
                return false;
        }
    }
    return true;
}

/* Rooms: the bodies of a consecutive rule (and of rules sharing a body) keep one
 * room; a body's `room` holds; a joint meeting is in one room for all; then the
 * free units of a slot take the lowest rooms left.  Tries every room for each
 * group of rule bodies. */
static bool give_rooms(combo *c)
{
    const ow_instance *inst = c->s->inst;
    int group[MAXB] = {-1, -1, -1}, n_groups = 0;
    for (size_t r = 0; r < inst->n_rules; r++) {
        int g = -1;
        for (size_t k = 0; k < inst->rules[r].n_bodies; k++)
            if (group[inst->rules[r].bodies[k]] >= 0)
                g = group[inst->rules[r].bodies[k]];
        if (g < 0)
            g = n_groups++;
        for (size_t k = 0; k < inst->rules[r].n_bodies; k++) {
            int old = group[inst->rules[r].bodies[k]];
            for (size_t b = 0; b < MAXB; b++)
                if (old >= 0 && group[b] == old)
                    group[b] = g;
            group[inst->rules[r].bodies[k]] = g;
        }
    }
    int choices = 1;
    for (int q = 0; q < n_groups; q++)
        choices *= (int)inst->n_rooms;
    for (int ch = 0; ch < choices; ch++) {
        int rho[MAXB], v = ch;
        for (int q = 0; q < n_groups; q++) {
            rho[q] = v % (int)inst->n_rooms;
            v /= (int)inst->n_rooms;
        }
        int forced[MAXB];
        bool ok = true;
        for (size_t b = 0; b < c->nb; b++) {
            forced[b] = inst->bodies[b].room;
            if (group[b] >= 0) {
                if (forced[b] >= 0 && forced[b] != rho[group[b]])
                    ok = false;
                forced[b] = rho[group[b]];
            }
        }
        for (int g = 0; g < c->s->n_global && ok; g++) {
            long keys[MAXB * MAXM];
            int room[MAXB * MAXM], n = 0;
            bool used[MAXR] = {false};
            size_t mb[MAXB * MAXM];
            int mm[MAXB * MAXM], mk[MAXB * MAXM], nm = 0;
            for (size_t b = 0; b < c->nb; b++)
                for (int m = 0; m < c->chosen[b]->k; m++) {
                    if (c->chosen[b]->slot[m] != g)
                        continue;
                    bool added;
                    int q = unit_index(keys, &n, unit_key(c, b, m), &added);
                    if (added)
                        room[q] = -1;
                    if (forced[b] >= 0) {
                        if (room[q] >= 0 && room[q] != forced[b])
                            ok = false;
                        room[q] = forced[b];
                    }
                    mb[nm] = b;
                    mm[nm] = m;
                    mk[nm++] = q;
                }
            for (int q = 0; q < n && ok; q++)
                if (room[q] >= 0) {
                    if (used[room[q]])
                        ok = false;
                    used[room[q]] = true;
                }
            for (int q = 0; q < n && ok; q++)
                if (room[q] < 0) {
                    int r = 0;
                    while (r < (int)inst->n_rooms && used[r])
                        r++;
                    if (r == (int)inst->n_rooms)
                        ok = false;
                    else {
                        used[r] = true;
                        room[q] = r;
                    }
                }
            for (int j = 0; j < nm && ok; j++)
                c->rooms[mb[j]][mm[j]] = room[mk[j]];
        }
        if (ok)
            return true;
    }
    return false;
}

static void combine(combo *c, size_t b, long partial, const long *min_rest)
{
    if (c->too_large)
        return;
    /* b < MAXB always (dt_enumerate refuses more bodies): said so that the compiler,
     * unrolling the recursion, sees the arrays' bound too. */
    if (b == c->nb || b >= MAXB) {
        if (partial < c->best_obj && give_rooms(c)) {
            c->best_obj = partial;
            for (size_t q = 0; q < c->nb; q++) {
                c->best[q] = c->chosen[q];
                memcpy(c->best_rooms[q], c->rooms[q], sizeof c->rooms[q]);
            }
        }
        return;
    }
    const body_plans *bp = &c->s->bp[b];
    for (size_t i = 0; i < bp->n; i++) {
        if (partial + bp->p[i].obj + min_rest[b + 1] >= c->best_obj)
            break;
        if (++c->nodes > MAX_NODES) {
            c->too_large = true;
            return;
        }
        c->chosen[b] = &bp->p[i];
        if (together(c, b))
            combine(c, b + 1, partial + bp->p[i].obj, min_rest);
    }
}

static ow_schedule *build(const combo *c)
{
    const ow_instance *inst = c->s->inst;
    ow_schedule *out = ow_schedule_new();
    if (out == NULL)
        return NULL;
    for (size_t b = 0; b < c->nb; b++) {
        const plan *p = c->best[b];
        bool seen[MAXI] = {false};
        for (int m = 0; m < p->k; m++) {
            ow_meeting *mt = ow_schedule_add_meeting(out, (size_t)p->np[m]);
            if (mt == NULL) {
                ow_schedule_free(out);
                return NULL;
            }
            int g = p->slot[m];
            const ow_slot *sl = day_slot(inst, c->s->n_slots, g);
            mt->body = b;
            mt->n = m + 1;
            mt->day = day_of(c->s, g);
            mt->date = inst->calendar.days[mt->day];
            mt->slot = g % c->s->n_slots;
            mt->start = sl->start;
            mt->end = sl->end;
            mt->room = c->best_rooms[b][m];
            for (int q = 0; q < p->np[m]; q++) {
                ow_piece *pc = &mt->pieces[q];
                if (p->pc[m][q].item < 0) {
                    const guest *gu = &c->s->bp[b].g[p->guest[m]];
                    *pc = (ow_piece){(size_t)gu->item, p->pc[m][q].minutes, false, true,
                                     (size_t)gu->owner};
                } else {
                    int x = p->pc[m][q].item;
                    *pc = (ow_piece){(size_t)x, p->pc[m][q].minutes, seen[x], false, 0};
                    seen[x] = true;
                }
            }
        }
    }
    out->status = OW_SOLVE_OPTIMAL;
    out->objective = (double)c->best_obj;
    out->objective_given = true;
    return out;
}

dt_verdict dt_enumerate(const ow_instance *inst, ow_schedule **best, long *objective)
{
    size_t nb = inst->n_bodies;
    dt_verdict v = DT_INFEASIBLE;
    if (nb > MAXB || inst->calendar.n_days * (int)inst->calendar.n_slots > MAXM ||
        inst->n_rooms > MAXR)
        return DT_TOO_LARGE;
    for (size_t b = 0; b < nb; b++)
        if (inst->bodies[b].n_items > MAXI)
            return DT_TOO_LARGE;
    search s;
    memset(&s, 0, sizeof s);
    s.inst = inst;
    s.n_slots = (int)inst->calendar.n_slots;
    s.n_global = inst->calendar.n_days * s.n_slots;
    s.bp = calloc(nb, sizeof *s.bp);
    if (s.bp == NULL)
        return DT_TOO_LARGE;
    bool overflow = false;
    for (size_t b = 0; b < nb; b++) {
        enumerate_body(&s, b);
        overflow = overflow || s.bp[b].overflow;
    }
    if (overflow) {
        v = DT_TOO_LARGE;
        goto done;
    }
    long min_rest[MAXB + 1] = {0};
    for (size_t b = nb; b-- > 0;) {
        if (s.bp[b].n == 0)
            goto done; /* a body has no schedule even alone */
        min_rest[b] = min_rest[b + 1] + s.bp[b].p[0].obj;
    }
    combo c;
    memset(&c, 0, sizeof c);
    c.s = &s;
    c.nb = nb;
    c.best_obj = 1L << 40;
    combine(&c, 0, 0, min_rest);
    if (c.too_large) {
        v = DT_TOO_LARGE;
        goto done;
    }
    if (c.best_obj < (1L << 40)) {
        *best = build(&c);
        *objective = c.best_obj;
        v = *best != NULL ? DT_OPTIMAL : DT_TOO_LARGE;
    }
done:
    for (size_t b = 0; b < nb; b++)
        free(s.bp[b].p);
    free(s.bp);
    return v;
}
