/* check.c: the independent verifier behind `orgwork check`.
 *
 * It shares nothing with the solver's formulation: every rule of SPEC §3 is
 * re-derived here from the schedule as a planner reads it — meetings in date and
 * time order, pieces in the order they are taken — so that a bug in the integer
 * program cannot hide behind the same bug in its verifier.  Meeting numbers in the
 * schedule are only checked, never trusted: "the body's meeting k" means the k-th
 * meeting in time order.  Violations come out in a fixed order (rule by rule,
 * bodies in instance order, meetings in time order), so reports can be diffed.
 *
 * A joint piece (another body's item, held in their joint meeting) is not on the
 * agenda of the body attending: its meeting is one of the body's meetings (limits,
 * numbering, days), but the piece takes no part in the body's item rules; [joint]
 * checks it against the owner's meeting instead. */
#include "orgwork/check.h"

#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "order.h"
#include "arena.h"

/* Where a piece sits in its body's session: the meeting's rank in time order, then
 * the piece's position in the meeting.  Comparing these two gives "taken before". */
typedef struct place {
    int rank;
    int pos;
} place;

typedef struct item_view {
    size_t n_pieces;
    long minutes;
    int n_meetings; /* distinct meetings holding a piece */
    place first, last;
} item_view;

typedef struct body_view {
    size_t n;      /* meetings held */
    size_t *order; /* schedule indices in time order */
    item_view *items;
} body_view;

typedef struct checker {
    const ow_instance *inst;
    const ow_schedule *s;
    ow_arena *arena;
    body_view *bodies;
    size_t *all; /* every meeting, bodies in instance order, each in time order */
    int *rank;   /* per schedule meeting: its rank in its body's time order */
    ow_violation *v;
    size_t n, cap;
    ow_check_unlisted tally[OW_CHECK_MAX_RULES]; /* per rule: violations found */
    size_t n_tally;
    bool failed; /* out of memory while recording a violation */
} checker;

/* Past OW_CHECK_LISTED of a rule, violations are only counted: a schedule with
 * thousands of meetings in one slot breaks millions of pairs, and the report must
 * stay whole and small.  True when the violation is to be listed; counts it. */
static bool listing(checker *c, const char *rule)
{
    if (c->failed)
        return false;
    size_t r = 0;
    while (r < c->n_tally && strcmp(c->tally[r].rule, rule) != 0)
        r++;
    if (r == c->n_tally && r < OW_CHECK_MAX_RULES) {
        snprintf(c->tally[r].rule, sizeof c->tally[r].rule, "%s", rule);
        c->tally[r].count = 0;
        c->n_tally++;
    }
    return r == c->n_tally || c->tally[r].count++ < OW_CHECK_LISTED;
}

static void add_listed(checker *c, const char *rule, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void add_listed(checker *c, const char *rule, const char *fmt, ...)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        ow_violation *p = realloc(c->v, cap * sizeof *p);
        if (p == NULL) {
            c->failed = true;
            return;
        }
        c->v = p;
        c->cap = cap;
    }
    ow_violation *v = &c->v[c->n++];
    snprintf(v->rule, sizeof v->rule, "%s", rule);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->message, sizeof v->message, fmt, ap);
    va_end(ap);
}

/* Records a violation; the message's arguments (names formatted for it) are only
 * computed when it is listed. */
#define add(c, rule, ...)                                                                          \
    do {                                                                                           \
        if (listing((c), (rule)))                                                                  \
            add_listed((c), (rule), __VA_ARGS__);                                                  \
    } while (0)

static const char *body_name(const ow_body *b)
{
    return b->name != NULL ? b->name : b->id;
}

static const ow_meeting *meeting(const checker *c, size_t i)
{
    return &c->s->meetings[i];
}

static const ow_item *item_of(const checker *c, const ow_meeting *m, size_t k)
{
    return ow_piece_item(c->inst, m, &m->pieces[k]);
}

static bool in_list(const size_t *list, size_t n, size_t x)
{
    for (size_t k = 0; k < n; k++)
        if (list[k] == x)
            return true;
    return false;
}

/* Whether m holds a piece of its own body's item t. */
static bool holds_own(const ow_meeting *m, size_t t)
{
    for (size_t k = 0; k < m->n_pieces; k++)
        if (!m->pieces[k].joint && m->pieces[k].item == t)
            return true;
    return false;
}

/* "Thursday, 11 July 2024, 10 a.m.–1 p.m." */
static void when(ow_date date, int start, int end, char *out, size_t size)
{
    char day[48], time[48];
    ow_date_long(date, day, sizeof day);
    ow_slot_house((ow_slot){start, end}, time, sizeof time);
    snprintf(out, size, "%s, %s", day, time);
}

/* "Working Group on the Smuggling of Migrants, meeting 3 (Friday, 12 July 2024,
 * 10 a.m.–1 p.m.)": the number is the one the schedule gives. */
typedef struct name {
    char text[320];
} name;

static name meeting_name(const checker *c, size_t i)
{
    const ow_meeting *m = meeting(c, i);
    char at[112];
    when(m->date, m->start, m->end, at, sizeof at);
    name out;
    snprintf(out.text, sizeof out.text, "%s, meeting %d (%s)", body_name(&c->inst->bodies[m->body]),
             m->n, at);
    return out;
}

static name date_name(ow_date d)
{
    name out;
    ow_date_long(d, out.text, sizeof out.text);
    return out;
}

static const char *room_name(const checker *c, int room)
{
    return room >= 0 ? c->inst->rooms[room] : "an unknown room";
}

static bool before(place a, place b)
{
    return a.rank < b.rank || (a.rank == b.rank && a.pos < b.pos);
}

static bool overlap(const ow_meeting *a, const ow_meeting *b)
{
    return a->date == b->date && a->start < b->end && b->start < a->end;
}

static bool same_time_and_room(const ow_meeting *a, const ow_meeting *b)
{
    return a->date == b->date && a->start == b->start && a->end == b->end && a->room == b->room;
}

static bool same_item(const ow_piece *a, const ow_piece *b)
{
    return a->item == b->item && a->joint == b->joint && (!a->joint || a->owner == b->owner);
}

static bool earlier_in_meeting(const ow_meeting *m, size_t k)
{
    for (size_t j = 0; j < k; j++)
        if (same_item(&m->pieces[j], &m->pieces[k]))
            return true;
    return false;
}

/* ---- Building the views ------------------------------------------------------ */

/* The schedule must refer only to what the instance has; a schedule read from JSON
 * always does, so a failure here is a bug in whoever built the schedule. */
static bool refers_to_instance(const ow_instance *inst, const ow_schedule *s)
{
    for (size_t i = 0; i < s->n_meetings; i++) {
        const ow_meeting *m = &s->meetings[i];
        if (m->body >= inst->n_bodies)
            return false;
        if (m->room >= (int)inst->n_rooms || m->day >= inst->calendar.n_days ||
            m->slot >= (int)inst->calendar.n_slots)
            return false;
        for (size_t k = 0; k < m->n_pieces; k++) {
            const ow_piece *p = &m->pieces[k];
            size_t owner = p->joint ? p->owner : m->body;
            if (owner >= inst->n_bodies || p->item >= inst->bodies[owner].n_items)
                return false;
        }
    }
    return true;
}

static bool build_views(checker *c)
{
    const ow_schedule *s = c->s;
    size_t n = s->n_meetings;
    c->bodies = ow_arena_calloc(c->arena, c->inst->n_bodies, sizeof *c->bodies);
    c->rank = ow_arena_calloc(c->arena, n + 1, sizeof *c->rank);
    const ow_meeting **keys = ow_arena_calloc(c->arena, n + 1, sizeof *keys);
    size_t *all = c->all = ow_arena_calloc(c->arena, n + 1, sizeof *all);
    if (c->bodies == NULL || c->rank == NULL || keys == NULL || all == NULL)
        return false;
    for (size_t i = 0; i < n; i++)
        keys[i] = &s->meetings[i];
    if (n > 1)
        qsort(keys, n, sizeof *keys, ow_order_body_time);
    for (size_t i = 0; i < n; i++)
        all[i] = (size_t)(keys[i] - s->meetings);
    for (size_t i = 0; i < n; i++) {
        assert(keys[i]->body < c->inst->n_bodies); /* refers_to_instance held */
        body_view *bv = &c->bodies[keys[i]->body];
        if (bv->order == NULL)
            bv->order = &all[i];
        c->rank[all[i]] = (int)bv->n++;
    }
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        body_view *bv = &c->bodies[b];
        const ow_body *body = &c->inst->bodies[b];
        bv->items = ow_arena_calloc(c->arena, body->n_items + 1, sizeof *bv->items);
        if (bv->items == NULL)
            return false;
        for (size_t r = 0; r < bv->n; r++) {
            const ow_meeting *m = meeting(c, bv->order[r]);
            for (size_t k = 0; k < m->n_pieces; k++) {
                if (m->pieces[k].joint)
                    continue;
                item_view *iv = &bv->items[m->pieces[k].item];
                place here = {(int)r, (int)k};
                if (iv->n_pieces == 0)
                    iv->first = here;
                if (iv->n_pieces == 0 || iv->last.rank != (int)r)
                    iv->n_meetings++;
                iv->last = here;
                iv->n_pieces++;
                iv->minutes += m->pieces[k].minutes;
            }
        }
    }
    return true;
}

/* The schedule index of the meeting holding the piece at p. */
static size_t at(const checker *c, size_t b, place p)
{
    return c->bodies[b].order[p.rank];
}

/* ---- [calendar] ------------------------------------------------------------- */

static void check_calendar(checker *c)
{
    const ow_calendar *cal = &c->inst->calendar;
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        const body_view *bv = &c->bodies[b];
        for (size_t r = 0; r < bv->n; r++) {
            size_t i = bv->order[r];
            const ow_meeting *m = meeting(c, i);
            if (m->day < 0)
                add(c, "calendar", "%s: %s is not a working day of the calendar",
                    meeting_name(c, i).text, date_name(m->date).text);
            else if (m->day < body->window_from || m->day > body->window_to)
                add(c, "calendar", "%s: outside the body's window, %s to %s",
                    meeting_name(c, i).text, date_name(cal->days[body->window_from]).text,
                    date_name(cal->days[body->window_to]).text);
            if (m->slot < 0) {
                char start[6], end[6];
                ow_time_hhmm(m->start, start);
                ow_time_hhmm(m->end, end);
                add(c, "calendar", "%s: %s-%s is not one of the calendar's meeting slots",
                    meeting_name(c, i).text, start, end);
            }
        }
    }
}

/* ---- [room] ----------------------------------------------------------------- */

/* Whether m holds the joint piece of item t of body owner. */
static bool holds_joint(const ow_meeting *m, size_t owner, size_t t)
{
    for (size_t k = 0; k < m->n_pieces; k++)
        if (m->pieces[k].joint && m->pieces[k].owner == owner && m->pieces[k].item == t)
            return true;
    return false;
}

/* Whether b shares a's room and time as one joint meeting with it: one is the owner's
 * meeting holding a joint item and the other holds that item's joint piece, or both
 * hold the joint piece of the same item.  Whether the pieces themselves are right is
 * for [joint] to say. */
static bool one_joint_meeting(const ow_meeting *a, const ow_meeting *b)
{
    if (!same_time_and_room(a, b))
        return false;
    for (size_t k = 0; k < a->n_pieces; k++) {
        const ow_piece *p = &a->pieces[k];
        if (!p->joint ? holds_joint(b, a->body, p->item)
                      : (b->body == p->owner && holds_own(b, p->item)) ||
                            holds_joint(b, p->owner, p->item))
            return true;
    }
    return false;
}

/* The w-th meeting in the order reports follow: bodies in instance order, then time. */
static size_t walk(const checker *c, size_t w)
{
    return c->all[w];
}

static void check_rooms(checker *c)
{
    size_t n = c->s->n_meetings;
    for (size_t w = 0; w < n; w++) {
        size_t i = walk(c, w);
        const ow_meeting *m = meeting(c, i);
        const ow_body *body = &c->inst->bodies[m->body];
        if (m->room < 0)
            add(c, "room", "%s: the room is not one of the instance's rooms",
                meeting_name(c, i).text);
        else if (body->room >= 0 && m->room != body->room)
            add(c, "room", "%s: held in %s, but the body must use %s", meeting_name(c, i).text,
                room_name(c, m->room), room_name(c, body->room));
    }
    for (size_t w = 0; w < n; w++) {
        size_t i = walk(c, w);
        const ow_meeting *a = meeting(c, i);
        for (size_t v = w + 1; v < n; v++) {
            size_t j = walk(c, v);
            const ow_meeting *b = meeting(c, j);
            if (a->body == b->body || a->room < 0 || a->room != b->room || !overlap(a, b) ||
                one_joint_meeting(a, b))
                continue;
            add(c, "room", "%s and %s are both in %s at the same time", meeting_name(c, i).text,
                meeting_name(c, j).text, room_name(c, a->room));
        }
    }
}

/* ---- [interpretation] -------------------------------------------------------- */

static bool interpreted(const checker *c, const ow_meeting *m)
{
    return c->inst->bodies[m->body].interpretation;
}

/* Interpreted meetings at once in the slot of meeting i, counting a room once: two
 * bodies in one room are one joint meeting (or a clash reported under [room]). */
static void check_interpretation(checker *c)
{
    size_t n = c->s->n_meetings;
    for (size_t w = 0; w < n; w++) {
        const ow_meeting *m = meeting(c, walk(c, w));
        if (!interpreted(c, m) || m->day < 0 || m->slot < 0)
            continue;
        bool seen = false;
        for (size_t v = 0; v < w && !seen; v++) {
            const ow_meeting *x = meeting(c, walk(c, v));
            seen = interpreted(c, x) && x->day == m->day && x->slot == m->slot;
        }
        if (seen)
            continue;
        int count = 0;
        ow_buf list = OW_BUF_INIT;
        for (size_t v = w; v < n; v++) {
            const ow_meeting *x = meeting(c, walk(c, v));
            if (!interpreted(c, x) || x->day != m->day || x->slot != m->slot)
                continue;
            bool room_counted = false;
            for (size_t u = w; u < v && x->room >= 0 && !room_counted; u++) {
                const ow_meeting *y = meeting(c, walk(c, u));
                room_counted = interpreted(c, y) && y->day == m->day && y->slot == m->slot &&
                               y->room == x->room;
            }
            if (room_counted)
                continue;
            ow_buf_printf(&list, "%s%s in %s", count ? ", " : "",
                          body_name(&c->inst->bodies[x->body]), room_name(c, x->room));
            count++;
        }
        if (count > c->inst->interpretation_teams) {
            char at[112];
            when(m->date, m->start, m->end, at, sizeof at);
            add(c, "interpretation",
                "%s: %d interpreted meetings at once (%s) but %d interpretation team%s", at, count,
                ow_buf_str(&list), c->inst->interpretation_teams,
                c->inst->interpretation_teams == 1 ? "" : "s");
        }
        if (list.failed)
            c->failed = true;
        ow_buf_free(&list);
    }
}

/* ---- [meetings] ------------------------------------------------------------- */

static void check_meetings(checker *c)
{
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        const body_view *bv = &c->bodies[b];
        if (body->meetings > 0 && bv->n > (size_t)body->meetings)
            add(c, "meetings", "%s: holds %zu meetings but conference services allow %d",
                body_name(body), bv->n, body->meetings);
        int all = ow_body_max_meetings(c->inst, body);
        if (body->held_all && bv->n < (size_t)all)
            add(c, "meetings", "%s: holds %zu meetings but held: all asks for every one of its %d",
                body_name(body), bv->n, all);
        for (size_t r = 0; r < bv->n; r++) {
            const ow_meeting *m = meeting(c, bv->order[r]);
            if (body->meetings_per_day <= 0 ||
                (r > 0 && meeting(c, bv->order[r - 1])->date == m->date))
                continue;
            size_t same = 0;
            while (r + same < bv->n && meeting(c, bv->order[r + same])->date == m->date)
                same++;
            if (same > (size_t)body->meetings_per_day)
                add(c, "meetings", "%s: holds %zu meetings on %s but at most %d a day",
                    body_name(body), same, date_name(m->date).text, body->meetings_per_day);
        }
        for (size_t r = 0; r < bv->n; r++)
            for (size_t q = r + 1; q < bv->n; q++)
                if (overlap(meeting(c, bv->order[r]), meeting(c, bv->order[q])))
                    add(c, "meetings", "%s and %s take place at the same time",
                        meeting_name(c, bv->order[r]).text, meeting_name(c, bv->order[q]).text);
        /* A meeting is held to take something: an empty one is never published
         * (docs/model.md, "What a schedule is"). */
        for (size_t r = 0; r < bv->n; r++)
            if (meeting(c, bv->order[r])->n_pieces == 0)
                add(c, "meetings", "%s holds no item; a meeting is held only to take one",
                    meeting_name(c, bv->order[r]).text);
        for (size_t r = 0; r < bv->n; r++)
            if (meeting(c, bv->order[r])->n != (int)r + 1)
                add(c, "meetings", "%s is the body's meeting %zu in date and time order",
                    meeting_name(c, bv->order[r]).text, r + 1);
    }
}

/* ---- [duration] [capacity] -------------------------------------------------- */

static void check_duration(checker *c)
{
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        const body_view *bv = &c->bodies[b];
        for (size_t t = 0; t < body->n_items; t++) {
            const ow_item *item = &body->items[t];
            char need[32];
            ow_duration_words(item->minutes, need, sizeof need);
            if (bv->items[t].n_pieces == 0)
                add(c, "duration", "%s: item %s is missing from the schedule (it needs %s)",
                    body_name(body), item->label, need);
            else if (item->min_minutes < item->max_minutes &&
                     (bv->items[t].minutes < item->min_minutes ||
                      bv->items[t].minutes > item->max_minutes))
                add(c, "duration",
                    "%s: the pieces of item %s add up to %ld min but the item "
                    "takes %d to %d min",
                    body_name(body), item->label, bv->items[t].minutes, item->min_minutes,
                    item->max_minutes);
            else if (item->min_minutes == item->max_minutes &&
                     bv->items[t].minutes != item->min_minutes)
                add(c, "duration",
                    "%s: the pieces of item %s add up to %ld min but the item "
                    "needs %d min",
                    body_name(body), item->label, bv->items[t].minutes, item->min_minutes);
        }
        for (size_t r = 0; r < bv->n; r++) {
            size_t i = bv->order[r];
            const ow_meeting *m = meeting(c, i);
            for (size_t k = 0; k < m->n_pieces; k++) {
                if (m->pieces[k].minutes <= 0)
                    add(c, "duration", "%s: item %s has a piece of %d min", meeting_name(c, i).text,
                        item_of(c, m, k)->label, m->pieces[k].minutes);
                if (earlier_in_meeting(m, k))
                    add(c, "duration", "%s: item %s is taken twice in the meeting",
                        meeting_name(c, i).text, item_of(c, m, k)->label);
            }
        }
    }
}

static void check_capacity(checker *c)
{
    for (size_t w = 0; w < c->s->n_meetings; w++) {
        size_t i = walk(c, w);
        const ow_meeting *m = meeting(c, i);
        long held = 0;
        for (size_t k = 0; k < m->n_pieces; k++)
            held += m->pieces[k].minutes;
        if (held > m->end - m->start)
            add(c, "capacity", "%s: holds %ld min but the slot has %d min", meeting_name(c, i).text,
                held, m->end - m->start);
    }
}

/* ---- [contiguity] [continued] ----------------------------------------------- */

static void check_contiguity(checker *c)
{
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        const body_view *bv = &c->bodies[b];
        for (size_t t = 0; t < body->n_items; t++) {
            const item_view *iv = &bv->items[t];
            if (iv->n_pieces == 0 || iv->last.rank - iv->first.rank + 1 == iv->n_meetings)
                continue;
            ow_buf list = OW_BUF_INIT;
            int listed = 0;
            for (int r = iv->first.rank; r <= iv->last.rank; r++) {
                const ow_meeting *m = meeting(c, bv->order[r]);
                if (!holds_own(m, t))
                    continue;
                ow_buf_printf(&list, "%s%d", listed ? ", " : "", m->n);
                listed++;
            }
            add(c, "contiguity",
                "%s: item %s is taken in meetings %s, which are not consecutive meetings of "
                "the body",
                body_name(body), body->items[t].label, ow_buf_str(&list));
            if (list.failed)
                c->failed = true;
            ow_buf_free(&list);
        }
    }
}

/* With `order: free` nothing else keeps a split item's pieces together: the piece
 * that goes on into the next meeting must close its meeting, and the piece that
 * goes on from the one before must open it.  (Under agenda order [order] already
 * catches any item between them.) */
static void check_run_on(checker *c)
{
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        const body_view *bv = &c->bodies[b];
        for (size_t t = 0; t < body->n_items && body->order_free; t++) {
            const item_view *iv = &bv->items[t];
            if (iv->n_meetings < 2 || iv->last.rank - iv->first.rank + 1 != iv->n_meetings)
                continue; /* one piece, or [contiguity] has said it */
            for (int r = iv->first.rank; r <= iv->last.rank; r++) {
                size_t i = bv->order[r];
                const ow_meeting *m = meeting(c, i);
                for (size_t k = 0; k < m->n_pieces; k++) {
                    if (m->pieces[k].joint || m->pieces[k].item != t)
                        continue;
                    if (r < iv->last.rank && k + 1 < m->n_pieces) {
                        add(c, "contiguity",
                            "%s: item %s goes on in the body's next meeting, but item %s "
                            "follows it in this one",
                            meeting_name(c, i).text, body->items[t].label,
                            item_of(c, m, k + 1)->label);
                        r = iv->last.rank; /* one sentence per item */
                        break;
                    }
                    if (r > iv->first.rank && k > 0) {
                        add(c, "contiguity",
                            "%s: item %s goes on from the body's previous meeting, but item "
                            "%s opens this one",
                            meeting_name(c, i).text, body->items[t].label, item_of(c, m, 0)->label);
                        r = iv->last.rank;
                        break;
                    }
                }
            }
        }
    }
}

static void check_continued(checker *c)
{
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const body_view *bv = &c->bodies[b];
        for (size_t r = 0; r < bv->n; r++) {
            size_t i = bv->order[r];
            const ow_meeting *m = meeting(c, i);
            for (size_t k = 0; k < m->n_pieces; k++) {
                if (m->pieces[k].joint)
                    continue; /* [joint] says a joint piece is never continued */
                place first = bv->items[m->pieces[k].item].first;
                bool is_first = first.rank == (int)r && first.pos == (int)k;
                if (m->pieces[k].continued && is_first)
                    add(c, "continued",
                        "%s: item %s is marked continued but this is its "
                        "first piece",
                        meeting_name(c, i).text, item_of(c, m, k)->label);
                else if (!m->pieces[k].continued && !is_first)
                    add(c, "continued",
                        "%s: item %s continues an earlier piece but is not "
                        "marked continued",
                        meeting_name(c, i).text, item_of(c, m, k)->label);
            }
        }
    }
}

/* ---- [order] [after] [first] [last] ----------------------------------------- */

static void check_order(checker *c)
{
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        const body_view *bv = &c->bodies[b];
        for (size_t t = 0; t < body->n_items && !body->order_free; t++) {
            const item_view *later = &bv->items[t];
            /* One sentence per late item, naming the first earlier item it cuts into. */
            for (size_t e = 0; e < t && later->n_pieces > 0; e++) {
                const item_view *earlier = &bv->items[e];
                if (earlier->n_pieces == 0 || !before(later->first, earlier->last))
                    continue;
                add(c, "order",
                    "%s: item %s starts before item %s is finished, against the "
                    "agenda order",
                    meeting_name(c, at(c, b, later->first)).text, body->items[t].label,
                    body->items[e].label);
                break;
            }
        }
    }
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        const body_view *bv = &c->bodies[b];
        for (size_t t = 0; t < body->n_items; t++) {
            const item_view *later = &bv->items[t];
            for (size_t a = 0; a < body->items[t].n_after && later->n_pieces > 0; a++) {
                size_t e = body->items[t].after[a];
                const item_view *earlier = &bv->items[e];
                if (earlier->n_pieces == 0 || before(earlier->last, later->first))
                    continue;
                add(c, "after",
                    "%s: item %s must follow item %s but starts before it is "
                    "finished",
                    meeting_name(c, at(c, b, later->first)).text, body->items[t].label,
                    body->items[e].label);
            }
        }
    }
}

/* An item of one body after an item of another: its first meeting starts no earlier
 * than the end of the other's last meeting (a later slot: slots do not overlap). */
static void check_after_other(checker *c)
{
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        for (size_t t = 0; t < body->n_items; t++) {
            const item_view *later = &c->bodies[b].items[t];
            for (size_t a = 0; a < body->items[t].n_after_other && later->n_pieces > 0; a++) {
                const ow_item_ref *ref = &body->items[t].after_other[a];
                const item_view *earlier = &c->bodies[ref->body].items[ref->item];
                if (earlier->n_pieces == 0)
                    continue;
                const ow_meeting *m = meeting(c, at(c, b, later->first));
                const ow_meeting *e = meeting(c, at(c, ref->body, earlier->last));
                if (m->date > e->date || (m->date == e->date && m->start >= e->end))
                    continue;
                add(c, "after", "%s: item %s must follow item %s of %s, which ends in %s",
                    meeting_name(c, at(c, b, later->first)).text, body->items[t].label,
                    c->inst->bodies[ref->body].items[ref->item].label,
                    c->inst->bodies[ref->body].id,
                    meeting_name(c, at(c, ref->body, earlier->last)).text);
            }
        }
    }
}

/* The rank, among body b's meetings, of the joint meeting it attends for item t of
 * body owner, or -1. */
static int guest_rank(const checker *c, size_t b, size_t owner, size_t t)
{
    const body_view *bv = &c->bodies[b];
    for (size_t r = 0; r < bv->n; r++) {
        const ow_meeting *m = meeting(c, bv->order[r]);
        for (size_t k = 0; k < m->n_pieces; k++)
            if (m->pieces[k].joint && m->pieces[k].owner == owner && m->pieces[k].item == t)
                return (int)r;
    }
    return -1;
}

/* An item marked first opens the body's session and one marked last closes it: no
 * meeting of the body, joint meetings it attends for other bodies' items included,
 * comes before (after) it.  A joint item so marked is the first (last) meeting of
 * every body attending it. */
static void check_first_last(checker *c)
{
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        const body_view *bv = &c->bodies[b];
        for (size_t t = 0; t < body->n_items; t++) {
            const item_view *iv = &bv->items[t];
            if (!body->items[t].first || iv->n_pieces == 0)
                continue;
            if (iv->first.rank > 0)
                add(c, "first",
                    "%s: item %s must be the first thing the body does in the "
                    "session, but the body met before",
                    meeting_name(c, at(c, b, iv->first)).text, body->items[t].label);
            else if (iv->first.pos > 0)
                add(c, "first",
                    "%s: item %s must be the first thing the body does in the "
                    "session, but item %s opens the meeting",
                    meeting_name(c, at(c, b, iv->first)).text, body->items[t].label,
                    item_of(c, meeting(c, at(c, b, iv->first)), 0)->label);
        }
        for (size_t t = 0; t < body->n_items; t++) {
            const item_view *iv = &bv->items[t];
            if (!body->items[t].last || iv->n_pieces == 0)
                continue;
            const ow_meeting *m = meeting(c, at(c, b, iv->last));
            if (iv->last.rank + 1 < (int)bv->n)
                add(c, "last",
                    "%s: item %s must be the last thing the body does in the "
                    "session, but the body meets again after it",
                    meeting_name(c, at(c, b, iv->last)).text, body->items[t].label);
            else if (iv->last.pos < (int)m->n_pieces - 1)
                add(c, "last",
                    "%s: item %s must be the last thing the body does in the "
                    "session, but item %s closes the meeting",
                    meeting_name(c, at(c, b, iv->last)).text, body->items[t].label,
                    item_of(c, m, m->n_pieces - 1)->label);
        }
        /* Joint items marked first or last bind every body attending them. */
        for (size_t t = 0; t < body->n_items; t++) {
            const ow_item *it = &body->items[t];
            if (!it->first && !it->last)
                continue;
            for (size_t q = 0; q < it->n_joint; q++) {
                size_t g = it->joint_with[q];
                int r = guest_rank(c, g, b, t);
                if (r < 0)
                    continue; /* [joint] says it is missing */
                if (it->first && r > 0)
                    add(c, "first",
                        "%s: joint item %s of %s must be the first thing every body attending "
                        "it does, but %s met before",
                        meeting_name(c, c->bodies[g].order[r]).text, it->label, body->id,
                        c->inst->bodies[g].id);
                if (it->last && r + 1 < (int)c->bodies[g].n)
                    add(c, "last",
                        "%s: joint item %s of %s must be the last thing every body attending "
                        "it does, but %s meets again after it",
                        meeting_name(c, c->bodies[g].order[r]).text, it->label, body->id,
                        c->inst->bodies[g].id);
            }
        }
    }
}

/* ---- [meeting] [day] [split] [min_part] [pin] --------------------------------- */

/* Whether meeting i is a right place for item t of body b. */
typedef bool (*meeting_test)(const checker *c, size_t b, size_t t, size_t i);

/* The schedule index of the first meeting, in time order, holding a piece of item t
 * of body b that fails ok(), or -1: one sentence per item is enough. */
static long first_failing(const checker *c, size_t b, size_t t, meeting_test ok)
{
    const body_view *bv = &c->bodies[b];
    const item_view *iv = &bv->items[t];
    if (iv->n_pieces == 0)
        return -1;
    for (int r = iv->first.rank; r <= iv->last.rank; r++) {
        size_t i = bv->order[r];
        const ow_meeting *m = meeting(c, i);
        for (size_t k = 0; k < m->n_pieces; k++)
            if (!m->pieces[k].joint && m->pieces[k].item == t && !ok(c, b, t, i))
                return (long)i;
    }
    return -1;
}

static int target_meeting(const checker *c, size_t b, int k)
{
    return k == OW_MEETING_LAST ? (int)c->bodies[b].n - 1 : k - 1;
}

static bool in_required_meeting(const checker *c, size_t b, size_t t, size_t i)
{
    return c->rank[i] == target_meeting(c, b, c->inst->bodies[b].items[t].meeting);
}

static bool in_pinned_meeting(const checker *c, size_t b, size_t t, size_t i)
{
    return c->rank[i] == c->inst->bodies[b].items[t].pin_meeting - 1;
}

static bool in_pinned_slot(const checker *c, size_t b, size_t t, size_t i)
{
    const ow_item *item = &c->inst->bodies[b].items[t];
    return meeting(c, i)->day == item->pin_day && meeting(c, i)->slot == item->pin_slot;
}

/* Day k of a body's session counts working days from its first meeting's day. */
static bool on_required_day(const checker *c, size_t b, size_t t, size_t i)
{
    const ow_item *item = &c->inst->bodies[b].items[t];
    const ow_meeting *m = meeting(c, i);
    if (item->has_day_date)
        return m->date == item->day_date;
    int first_day = meeting(c, c->bodies[b].order[0])->day;
    return first_day < 0 || m->day == first_day + item->day - 1;
}

/* not_before_day, not_after_day: days of the session counted as for `day: k`. */
static bool in_day_window(const checker *c, size_t b, size_t t, size_t i)
{
    const ow_item *item = &c->inst->bodies[b].items[t];
    int first_day = meeting(c, c->bodies[b].order[0])->day;
    int rel = meeting(c, i)->day - first_day;
    return first_day < 0 || ((item->day_from == 0 || rel >= item->day_from - 1) &&
                             (item->day_to == 0 || rel <= item->day_to - 1));
}

/* `day: last`: the day of the body's last meeting. */
static bool on_last_day(const checker *c, size_t b, size_t t, size_t i)
{
    (void)t;
    const body_view *bv = &c->bodies[b];
    return meeting(c, i)->day == meeting(c, bv->order[bv->n - 1])->day;
}

static void check_day_windows(checker *c)
{
    const ow_calendar *cal = &c->inst->calendar;
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        for (size_t t = 0; t < body->n_items; t++) {
            const ow_item *item = &body->items[t];
            long i =
                item->day_from > 0 || item->day_to > 0 ? first_failing(c, b, t, in_day_window) : -1;
            if (i >= 0) {
                int first_day = meeting(c, c->bodies[b].order[0])->day;
                int rel = meeting(c, (size_t)i)->day - first_day + 1;
                if (item->day_from > 0 && rel < item->day_from)
                    add(c, "day",
                        "%s: item %s may not be taken before day %d of the body's "
                        "session (it is day %d)",
                        meeting_name(c, (size_t)i).text, item->label, item->day_from, rel);
                else
                    add(c, "day",
                        "%s: item %s may not be taken after day %d of the body's "
                        "session (it is day %d)",
                        meeting_name(c, (size_t)i).text, item->label, item->day_to, rel);
            }
            i = item->day_last ? first_failing(c, b, t, on_last_day) : -1;
            if (i >= 0) {
                const body_view *bv = &c->bodies[b];
                int last = meeting(c, bv->order[bv->n - 1])->day;
                bool in_calendar = last >= 0 && last < cal->n_days;
                add(c, "day",
                    "%s: item %s must be taken on the last day of the body's "
                    "session%s%s",
                    meeting_name(c, (size_t)i).text, item->label, in_calendar ? ", " : "",
                    in_calendar ? date_name(cal->days[last]).text : "");
            }
        }
    }
}

static void check_placement(checker *c)
{
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        for (size_t t = 0; t < body->n_items; t++) {
            const ow_item *item = &body->items[t];
            long i =
                item->meeting != OW_MEETING_ANY ? first_failing(c, b, t, in_required_meeting) : -1;
            if (i < 0)
                continue;
            if (item->meeting == OW_MEETING_LAST)
                add(c, "meeting", "%s: item %s must be taken in the body's last meeting",
                    meeting_name(c, (size_t)i).text, item->label);
            else
                add(c, "meeting", "%s: item %s must be taken in the body's meeting %d",
                    meeting_name(c, (size_t)i).text, item->label, item->meeting);
        }
    }
    const ow_calendar *cal = &c->inst->calendar;
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        for (size_t t = 0; t < body->n_items; t++) {
            const ow_item *item = &body->items[t];
            if (item->day == 0 && !item->has_day_date)
                continue;
            long i = first_failing(c, b, t, on_required_day);
            if (i < 0)
                continue;
            if (item->has_day_date) {
                add(c, "day", "%s: item %s must be taken on %s", meeting_name(c, (size_t)i).text,
                    item->label, date_name(item->day_date).text);
                continue;
            }
            int day = meeting(c, c->bodies[b].order[0])->day + item->day - 1;
            bool in_calendar = day >= 0 && day < cal->n_days;
            add(c, "day", "%s: item %s must be taken on day %d of the body's session%s%s",
                meeting_name(c, (size_t)i).text, item->label, item->day, in_calendar ? ", " : "",
                in_calendar ? date_name(cal->days[day]).text : "");
        }
    }
    check_day_windows(c);
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        for (size_t t = 0; t < body->n_items; t++)
            if (!body->items[t].split && c->bodies[b].items[t].n_pieces > 1)
                add(c, "split", "%s: item %s may not be split but is taken in %zu pieces",
                    body_name(body), body->items[t].label, c->bodies[b].items[t].n_pieces);
    }
    for (size_t w = 0; w < c->s->n_meetings; w++) {
        size_t i = walk(c, w);
        const ow_meeting *m = meeting(c, i);
        for (size_t k = 0; k < m->n_pieces; k++) {
            if (m->pieces[k].joint)
                continue; /* the owner's piece is the one measured */
            const ow_item *item = item_of(c, m, k);
            int smallest = item->min_part < item->minutes ? item->min_part : item->minutes;
            if (m->pieces[k].minutes > 0 && m->pieces[k].minutes < smallest)
                add(c, "min_part",
                    "%s: item %s has a piece of %d min, less than its smallest "
                    "part of %d min",
                    meeting_name(c, i).text, item->label, m->pieces[k].minutes, smallest);
        }
    }
}

/* [alone]: an item set `alone` has each of its meetings to itself. */
static void check_alone(checker *c)
{
    for (size_t w = 0; w < c->s->n_meetings; w++) {
        size_t i = walk(c, w);
        const ow_meeting *m = meeting(c, i);
        for (size_t k = 0; k < m->n_pieces && m->n_pieces > 1; k++) {
            if (m->pieces[k].joint || !item_of(c, m, k)->alone)
                continue;
            add(c, "alone",
                "%s: item %s is taken alone, in meetings of its own, but this one holds "
                "%zu pieces",
                meeting_name(c, i).text, item_of(c, m, k)->label, m->n_pieces);
        }
    }
}

/* Whether meeting m overlaps the slot (or the whole day) that w names. */
static bool meets_during(const checker *c, const ow_meeting *m, const ow_when *w)
{
    const ow_calendar *cal = &c->inst->calendar;
    if (w->day < 0 || w->day >= cal->n_days || cal->days[w->day] != m->date)
        return false;
    if (w->slot < 0)
        return true;
    size_t n;
    const ow_slot *s = &ow_calendar_day_slots(cal, w->day, &n)[w->slot];
    return m->start < s->end && s->start < m->end;
}

/* A body's `slots`, `not_during`, and the slots `reserved` for another body, read
 * from each meeting's date and times. */
static void check_slot_rules(checker *c)
{
    const ow_instance *inst = c->inst;
    for (size_t i = 0; i < c->s->n_meetings; i++) {
        const ow_meeting *m = meeting(c, i);
        const ow_body *body = &inst->bodies[m->body];
        bool listed = body->n_slot_times == 0;
        char times[8 * 48 + 16] = "";
        size_t used = 0;
        for (size_t k = 0; k < body->n_slot_times; k++) {
            const ow_slot *t = &body->slot_times[k];
            listed = listed || (t->start == m->start && t->end == m->end);
            char house[48];
            ow_slot_house(*t, house, sizeof house);
            used += (size_t)snprintf(times + used, sizeof times - used, "%s%s",
                                     k == 0                        ? ""
                                     : k + 1 == body->n_slot_times ? " or "
                                                                   : ", ",
                                     house);
            if (used >= sizeof times)
                used = sizeof times - 1;
        }
        if (!listed)
            add(c, "slots", "%s: the body meets only at %s", meeting_name(c, i).text, times);
        for (size_t k = 0; k < body->n_not_during; k++)
            if (meets_during(c, m, &body->not_during[k]))
                add(c, "slots", "%s: the body may not meet then (not_during, line %d)",
                    meeting_name(c, i).text, body->not_during[k].loc.line);
        bool during = body->n_only_during == 0;
        for (size_t k = 0; k < body->n_only_during; k++)
            during = during || meets_during(c, m, &body->only_during[k]);
        if (!during)
            add(c, "slots", "%s: the body meets only in the slots of its only_during (line %d)",
                meeting_name(c, i).text, body->only_during[0].loc.line);
        for (size_t o = 0; o < inst->n_bodies; o++)
            for (size_t k = 0; o != m->body && k < inst->bodies[o].n_reserved; k++)
                if (meets_during(c, m, &inst->bodies[o].reserved[k]))
                    add(c, "slots", "%s: the time is reserved for %s (line %d)",
                        meeting_name(c, i).text, body_name(&inst->bodies[o]),
                        inst->bodies[o].reserved[k].loc.line);
    }
}

static void check_pins(checker *c)
{
    const ow_calendar *cal = &c->inst->calendar;
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        const body_view *bv = &c->bodies[b];
        if (body->has_pin_from && bv->n > 0 && meeting(c, bv->order[0])->day != body->pin_from)
            add(c, "pin", "%s: the body's first meeting is pinned to %s",
                meeting_name(c, bv->order[0]).text, date_name(cal->days[body->pin_from]).text);
        for (size_t t = 0; t < body->n_items; t++) {
            const ow_item *item = &body->items[t];
            if (item->pin == OW_PIN_MEETING) {
                long i = first_failing(c, b, t, in_pinned_meeting);
                if (i >= 0)
                    add(c, "pin", "%s: item %s is pinned to the body's meeting %d",
                        meeting_name(c, (size_t)i).text, item->label, item->pin_meeting);
            } else if (item->pin == OW_PIN_SLOT) {
                long i = first_failing(c, b, t, in_pinned_slot);
                if (i >= 0) {
                    char pinned[112];
                    size_t n;
                    const ow_slot *slot =
                        &ow_calendar_day_slots(cal, item->pin_day, &n)[item->pin_slot];
                    when(cal->days[item->pin_day], slot->start, slot->end, pinned, sizeof pinned);
                    add(c, "pin", "%s: item %s is pinned to %s", meeting_name(c, (size_t)i).text,
                        item->label, pinned);
                }
            }
        }
    }
}

/* ---- [consecutive] [joint] --------------------------------------------------- */

/* Whether m is a joint meeting that body other attends. */
static bool joint_with_body(const checker *c, const ow_meeting *m, size_t other)
{
    for (size_t k = 0; k < m->n_pieces; k++) {
        const ow_piece *p = &m->pieces[k];
        const ow_item *item = item_of(c, m, k);
        if ((p->joint && p->owner == other) || in_list(item->joint_with, item->n_joint, other))
            return true;
    }
    return false;
}

static void check_consecutive(checker *c)
{
    for (size_t r = 0; r < c->inst->n_rules; r++) {
        const ow_rule *rule = &c->inst->rules[r];
        int room = -1;
        for (size_t k = 0; k < rule->n_bodies && room < 0; k++)
            if (c->bodies[rule->bodies[k]].n > 0)
                room = meeting(c, c->bodies[rule->bodies[k]].order[0])->room;
        for (size_t k = 0; k < rule->n_bodies && room >= 0; k++) {
            const body_view *bv = &c->bodies[rule->bodies[k]];
            for (size_t q = 0; q < bv->n; q++) {
                const ow_meeting *m = meeting(c, bv->order[q]);
                if (m->room == room)
                    continue;
                add(c, "consecutive",
                    "%s: held in %s, but the bodies meeting consecutively "
                    "with it meet in %s",
                    meeting_name(c, bv->order[q]).text, room_name(c, m->room), room_name(c, room));
                break;
            }
        }
        for (size_t k = 0; k + 1 < rule->n_bodies; k++) {
            size_t pb = rule->bodies[k], nb = rule->bodies[k + 1];
            const body_view *prev = &c->bodies[pb];
            const body_view *next = &c->bodies[nb];
            /* A joint meeting of the two (whichever lists the item) belongs to both
             * sessions: as the second body's first meeting it may open its session
             * before the first body closes, and the order then holds for the second
             * body's next meeting (docs/model.md, "consecutive"). */
            size_t pn = prev->n, nf = 0;
            if (next->n > 0 && joint_with_body(c, meeting(c, next->order[0]), pb))
                nf = 1;
            if (pn == 0 || nf == next->n)
                continue;
            size_t li = prev->order[pn - 1], fi = next->order[nf];
            const ow_meeting *last = meeting(c, li), *first = meeting(c, fi);
            if (first->date < last->date || (first->date == last->date && first->start < last->end))
                add(c, "consecutive", "%s starts before %s ends; the bodies meet consecutively",
                    meeting_name(c, fi).text, meeting_name(c, li).text);
            else if (first->day >= 0 && last->day >= 0 && first->day > last->day + 1)
                add(c, "consecutive",
                    "%s leaves %d idle working day%s after %s; the bodies "
                    "meet consecutively",
                    meeting_name(c, fi).text, first->day - last->day - 1,
                    first->day - last->day - 1 == 1 ? "" : "s", meeting_name(c, li).text);
        }
    }
}

/* The owner's side: a joint item is held whole, alone, in one meeting, and every body
 * it is joint with holds its joint piece in a meeting at the same time and place. */
static void check_joint_items(checker *c)
{
    for (size_t b = 0; b < c->inst->n_bodies; b++) {
        const ow_body *body = &c->inst->bodies[b];
        for (size_t t = 0; t < body->n_items; t++) {
            const ow_item *item = &body->items[t];
            const item_view *iv = &c->bodies[b].items[t];
            if (item->n_joint == 0 || iv->n_pieces == 0)
                continue;
            size_t i = at(c, b, iv->first);
            const ow_meeting *m = meeting(c, i);
            if (iv->n_pieces > 1) {
                add(c, "joint",
                    "%s: joint item %s is taken in %zu pieces, but a joint item is "
                    "held whole in one joint meeting",
                    body_name(body), item->label, iv->n_pieces);
                continue;
            }
            if (m->n_pieces > 1)
                add(c, "joint",
                    "%s: joint item %s shares the meeting with other items, but a "
                    "joint meeting holds the joint item alone",
                    meeting_name(c, i).text, item->label);
            for (size_t j = 0; j < item->n_joint; j++) {
                const body_view *other = &c->bodies[item->joint_with[j]];
                bool there = false, held = false;
                for (size_t q = 0; q < other->n; q++) {
                    const ow_meeting *x = meeting(c, other->order[q]);
                    if (!same_time_and_room(x, m))
                        continue;
                    there = true;
                    held = held || holds_joint(x, b, t);
                }
                const char *with = body_name(&c->inst->bodies[item->joint_with[j]]);
                if (!there)
                    add(c, "joint",
                        "%s: joint item %s is not held with the %s, which has no "
                        "meeting in %s at that time",
                        meeting_name(c, i).text, item->label, with, room_name(c, m->room));
                else if (!held)
                    add(c, "joint",
                        "%s: joint item %s is not held with the %s, whose meeting "
                        "in %s at that time does not hold it",
                        meeting_name(c, i).text, item->label, with, room_name(c, m->room));
            }
        }
    }
}

/* The attending side: each joint piece names an item joint with the body, is the
 * meeting's only piece, is whole and not continued, and sits where the owner holds
 * the item. */
static void check_joint_pieces(checker *c)
{
    for (size_t w = 0; w < c->s->n_meetings; w++) {
        size_t i = walk(c, w);
        const ow_meeting *m = meeting(c, i);
        for (size_t k = 0; k < m->n_pieces; k++) {
            const ow_piece *p = &m->pieces[k];
            if (!p->joint || earlier_in_meeting(m, k))
                continue;
            const ow_body *owner = &c->inst->bodies[p->owner];
            const ow_item *item = &owner->items[p->item];
            if (p->owner == m->body || !in_list(item->joint_with, item->n_joint, m->body)) {
                add(c, "joint",
                    "%s: holds item %s of the %s as a joint item, but that item is "
                    "not joint with the body",
                    meeting_name(c, i).text, item->label, body_name(owner));
                continue;
            }
            if (m->n_pieces > 1)
                add(c, "joint",
                    "%s: the joint meeting on item %s of the %s holds other pieces "
                    "too, but a joint meeting holds the joint item alone",
                    meeting_name(c, i).text, item->label, body_name(owner));
            if (p->continued)
                add(c, "joint",
                    "%s: joint item %s of the %s is marked continued, but a joint "
                    "item is held whole",
                    meeting_name(c, i).text, item->label, body_name(owner));
            if (p->minutes != item->minutes)
                add(c, "joint", "%s: joint item %s of the %s takes %d min here but needs %d min",
                    meeting_name(c, i).text, item->label, body_name(owner), p->minutes,
                    item->minutes);
            const body_view *ov = &c->bodies[p->owner];
            bool held = false;
            for (size_t q = 0; q < ov->n && !held; q++) {
                const ow_meeting *x = meeting(c, ov->order[q]);
                held = same_time_and_room(x, m) && holds_own(x, p->item);
            }
            if (!held)
                add(c, "joint",
                    "%s: holds joint item %s of the %s, but that body does not hold "
                    "it in %s at that time",
                    meeting_name(c, i).text, item->label, body_name(owner), room_name(c, m->room));
        }
    }
}

/* ---- Entry points ----------------------------------------------------------- */

ow_status ow_check(const ow_instance *inst, const ow_schedule *s, ow_check_report *report,
                   ow_error *err)
{
    const ow_loc none = {0, 0};
    ow_status rc = OW_OK;
    checker c;
    memset(&c, 0, sizeof c);
    c.inst = inst;
    c.s = s;
    if (!refers_to_instance(inst, s)) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none,
                          "the schedule refers to a body, item, day, slot or room the instance "
                          "does not have");
        goto done;
    }
    c.arena = ow_arena_new();
    if (c.arena == NULL || !build_views(&c)) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    check_calendar(&c);
    check_rooms(&c);
    check_interpretation(&c);
    check_meetings(&c);
    check_duration(&c);
    check_capacity(&c);
    check_contiguity(&c);
    check_run_on(&c);
    check_continued(&c);
    check_order(&c);
    check_after_other(&c);
    check_first_last(&c);
    check_placement(&c);
    check_alone(&c);
    check_pins(&c);
    check_slot_rules(&c);
    check_consecutive(&c);
    check_joint_items(&c);
    check_joint_pieces(&c);
    /* A claimed objective is confirmed or refuted: `check` can vouch for a published
     * optimum only if the number is the one its rules give. */
    ow_objective_terms terms;
    ow_schedule_objective(inst, s, &terms);
    if (s->objective_given && ow_solve_status_has_schedule(s->status) &&
        s->objective != (double)terms.total)
        add(&c, "objective", "the schedule claims an objective of %.17g but its rules give %ld",
            s->objective, terms.total);
    if (c.failed) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    memset(report, 0, sizeof *report);
    report->n_violations = c.n;
    report->violations = c.v;
    c.v = NULL;
    for (size_t r = 0; r < c.n_tally; r++)
        if (c.tally[r].count > OW_CHECK_LISTED) {
            report->unlisted[report->n_unlisted] = c.tally[r];
            report->unlisted[report->n_unlisted].count -= OW_CHECK_LISTED;
            report->n_unlisted++;
        }
    report->objective = terms;
done:
    free(c.v);
    ow_arena_free(c.arena);
    return rc;
}

void ow_check_report_free(ow_check_report *report)
{
    if (report == NULL)
        return;
    free(report->violations);
    report->violations = NULL;
    report->n_violations = 0;
}

void ow_check_report_text(const ow_check_report *report, ow_buf *out)
{
    size_t total = report->n_violations;
    for (size_t k = 0; k < report->n_violations; k++)
        ow_buf_printf(out, "[%s] %s\n", report->violations[k].rule, report->violations[k].message);
    for (size_t r = 0; r < report->n_unlisted; r++) {
        ow_buf_printf(out, "[%s] and %zu more of this rule, not listed (the first %d are)\n",
                      report->unlisted[r].rule, report->unlisted[r].count, OW_CHECK_LISTED);
        total += report->unlisted[r].count;
    }
    const ow_objective_terms *t = &report->objective;
    if (t->flexible)
        ow_buf_printf(out,
                      "objective: %ld (%d continued, %d meetings, %d days, %d late starts, "
                      "%ld min from the estimates)\n",
                      t->total, t->continued, t->meetings, t->days, t->late_starts, t->deviation);
    else
        ow_buf_printf(out, "objective: %ld (%d continued, %d meetings, %d days, %d late starts)\n",
                      t->total, t->continued, t->meetings, t->days, t->late_starts);
    if (report->n_violations == 0)
        ow_buf_puts(out, "OK: the schedule keeps every rule\n");
    else
        ow_buf_printf(out, "%zu broken rule%s\n", total, total == 1 ? "" : "s");
}
