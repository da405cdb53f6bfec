/* schedule.c: building a schedule (order.c sorts it). */
#include "orgwork/schedule.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define MEETINGS_MAX 1000000

const char *ow_solve_status_name(ow_solve_status s)
{
    switch (s) {
    case OW_SOLVE_OPTIMAL:
        return "optimal";
    case OW_SOLVE_FEASIBLE:
        return "feasible";
    case OW_SOLVE_INFEASIBLE:
        return "infeasible";
    case OW_SOLVE_UNKNOWN:
        break;
    }
    return "unknown";
}

bool ow_solve_status_has_schedule(ow_solve_status s)
{
    return s == OW_SOLVE_OPTIMAL || s == OW_SOLVE_FEASIBLE;
}

static const char *const stop_names[] = {NULL,          "proven",  "gap",    "time",
                                         "interrupted", "default", "planned"};

const char *ow_stop_reason_name(ow_stop_reason r)
{
    return (size_t)r < sizeof stop_names / sizeof *stop_names ? stop_names[r] : NULL;
}

bool ow_stop_reason_parse(const char *name, ow_stop_reason *out)
{
    for (size_t k = 1; k < sizeof stop_names / sizeof *stop_names; k++)
        if (strcmp(name, stop_names[k]) == 0) {
            *out = (ow_stop_reason)k;
            return true;
        }
    return false;
}

const ow_item *ow_piece_item(const ow_instance *inst, const ow_meeting *m, const ow_piece *p)
{
    return &inst->bodies[p->joint ? p->owner : m->body].items[p->item];
}

ow_schedule *ow_schedule_new(void)
{
    ow_schedule *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->arena = ow_arena_new();
    if (s->arena == NULL) {
        free(s);
        return NULL;
    }
    return s;
}

void ow_schedule_free(ow_schedule *s)
{
    if (s == NULL)
        return;
    free(s->meetings);
    ow_arena_free(s->arena);
    free(s);
}

ow_meeting *ow_schedule_add_meeting(ow_schedule *s, size_t n_pieces)
{
    if (s->n_meetings >= MEETINGS_MAX)
        return NULL;
    /* The meetings array grows by doubling; capacity is the next power of two. */
    size_t n = s->n_meetings;
    if ((n & (n - 1)) == 0) {
        size_t cap = n ? n * 2 : 8;
        if (n == 0 || cap > 8) {
            ow_meeting *p = realloc(s->meetings, cap * sizeof *p);
            if (p == NULL)
                return NULL;
            s->meetings = p;
        }
    }
    ow_piece *pieces = NULL;
    if (n_pieces > 0) {
        pieces = ow_arena_calloc(s->arena, n_pieces, sizeof *pieces);
        if (pieces == NULL)
            return NULL;
    }
    ow_meeting *m = &s->meetings[n];
    memset(m, 0, sizeof *m);
    m->day = m->slot = m->room = -1;
    m->n_pieces = n_pieces;
    m->pieces = pieces;
    s->n_meetings++;
    return m;
}
