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

/* True when inst splits into more than one unit (bodies tied by joint items are one
 * unit, every other body one of its own) that can be planned in an order its
 * consecutive rules allow (else the rules join units too; see docs/model.md). */
bool ow_decompose_applies(const ow_instance *inst);

/* Solves each unit alone (every room free) for a lower bound, then plans the units
 * one after another in what the earlier ones left (consecutive rules in order).
 * On OW_OK sets *out to the schedule — status optimal when it meets the bound, else
 * feasible with the gap to it — or to NULL when planning in turn reached a dead end
 * (then the whole program is needed), and sets *stopped when the time limit
 * (opts->time_limit, for the whole run) or Ctrl-C ended it first.  OW_INFEASIBLE when a body has no
 * schedule even alone, with the reason in why. */
ow_status ow_decompose_solve(const ow_instance *inst, const ow_solve_options *opts,
                             ow_schedule **out, bool *stopped, ow_buf *why, ow_error *err);

#endif
