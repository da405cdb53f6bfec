/* decompose.h: solving a large period body by body, with a proven bound. */
#ifndef ORGWORK_DECOMPOSE_H
#define ORGWORK_DECOMPOSE_H

#include <stdbool.h>

#include "orgwork/buf.h"
#include "orgwork/error.h"
#include "orgwork/instance.h"
#include "orgwork/schedule.h"
#include "orgwork/solve.h"

/* Periods of two bodies or more are solved body by body first.  When that does not
 * meet its bound, a period of fewer than OW_DECOMPOSE_KEEP_BODIES bodies is solved
 * again as one program, to prove the optimum; a larger one keeps the schedule and
 * reports its gap. */
#define OW_DECOMPOSE_MIN_BODIES  2
#define OW_DECOMPOSE_KEEP_BODIES 8

/* Once the time limit has passed (or after Ctrl-C), the bodies not yet planned are
 * laid greedily in what the others left (ow_construct_complete).  Only when that
 * fails and no first plan stands by are they planned to a first schedule each; with
 * a time limit, each such search may take that limit again, and at least this many
 * seconds.  Before that, each unit's search gets a share of the time left by what
 * it has to gain, and gives back what it does not use (docs/model.md, "Stopping"). */
#define OW_DECOMPOSE_FINISH_SECONDS 10.0

/* Under a time limit, a unit's search that has not improved for as many nodes as
 * it took to its last improvement gives its time back, after this many nodes at
 * least: alone, where its bound counts for the whole plan, after more; planned,
 * where only its schedule counts, after fewer. */
#define OW_DECOMPOSE_STALL_ALONE   1000
#define OW_DECOMPOSE_STALL_PLANNED 200

/* Planning in turn that finds no place for a unit plans again, that unit's block of
 * consecutive rules first, at most this many times before it gives up (a dead end). */
#define OW_DECOMPOSE_REPLANS 4

/* True when inst splits into more than one unit (bodies tied by joint items are one
 * unit, every other body one of its own) that can be planned in an order its
 * consecutive rules allow (else the rules join units too; see docs/model.md). */
bool ow_decompose_applies(const ow_instance *inst);

/* Whether inst (one body, as ow_diagnose_conflict asks) may have a schedule: false
 * only when the precheck or the program proves it has none; time_limit points to
 * the seconds the search may take (a double). */
bool ow_decompose_feasible(const ow_instance *inst, void *time_limit);

/* The bodies of inst (a copy, malloc'ed: free it) with each body of a consecutive
 * rule given the room that any body linked to it by rules must use (its `room:`),
 * since they share one room.  False when out of memory. */
bool ow_decompose_rule_rooms(const ow_instance *inst, ow_body **out);

/* What planning unit by unit came to. */
typedef enum ow_decompose_outcome {
    OW_DECOMPOSE_PLANNED = 0, /* a schedule: optimal when it meets the bound, else
                               * feasible with the gap to it */
    OW_DECOMPOSE_INFEASIBLE,  /* a unit has no schedule even alone: none exists (the
                               * reason in why) */
    OW_DECOMPOSE_STOPPED,     /* no plan: a second Ctrl-C; or, once the time limit
                               * (for the whole run) had passed or Ctrl-C came, the
                               * plan could not be completed greedily and a first
                               * plan stands by, or a body found no first schedule */
    OW_DECOMPOSE_DEAD_END     /* planning in turn found no place for a unit, which
                               * proves nothing: the whole program is needed */
} ow_decompose_outcome;

typedef struct ow_decompose_result {
    ow_decompose_outcome outcome;
    ow_schedule *schedule; /* PLANNED: the schedule (free with ow_schedule_free); else NULL */
    bool cut;              /* PLANNED: a limit (the time limit, a unit's share of it, or
                            * Ctrl-C) ended some unit's search short of proof and of
                            * the gap asked for */
    double bound;          /* a lower bound on the objective of every schedule: the sum
                            * of the units' bounds alone (0 for a unit not yet solved
                            * alone); 0 when none is known */
} ow_decompose_result;

/* Solves each unit alone (every room free) for a lower bound, then plans the units
 * one after another in what the earlier ones left (consecutive rules in order).
 * stand_by: the caller holds a first plan (ow_construct), so a plan that the time
 * limit leaves incomplete and the greedy completion cannot finish ends STOPPED at
 * the limit rather than searching on.  Returns OW_OK whenever it ran, the outcome in
 * *result; OW_INPUT / OW_INTERNAL in err otherwise (then result->schedule is NULL). */
ow_status ow_decompose_solve(const ow_instance *inst, const ow_solve_options *opts, bool stand_by,
                             ow_decompose_result *result, ow_buf *why, ow_error *err);

#endif
