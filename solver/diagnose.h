/* diagnose.h: why no schedule exists, in a planner's words. */
#ifndef ORGWORK_DIAGNOSE_H
#define ORGWORK_DIAGNOSE_H

#include "orgwork/buf.h"
#include "orgwork/error.h"
#include "orgwork/instance.h"

/* Checks what can be seen without solving: time needed against time available,
 * items marked first/last/after against agenda order, meetings and days an item is
 * set to against what the body has, items that may not be split against the slot
 * length.  Appends one sentence per cause to why (each names the body, the rule and
 * the numbers) and returns OW_INFEASIBLE when there is any, else OW_OK. */
ow_status ow_diagnose_precheck(const ow_instance *inst, ow_buf *why);

/* The fewest meetings body b needs by time alone (agenda minutes over the longest
 * slot), and the fewest working days that gives with its meetings a day. */
int ow_diagnose_min_meetings(const ow_instance *inst, size_t b);
int ow_diagnose_min_days(const ow_instance *inst, size_t b);

/* Whether a one-body instance has a schedule (proven or found); what "no" means
 * when a limit stops the search is the caller's: said "yes", the rule is kept. */
typedef bool (*ow_feasible_fn)(const ow_instance *inst, void *ctx);

/* Rules the deletion filter tries at most (each a solve of the body). */
#define OW_DIAGNOSE_MAX_RULES 60
/* Seconds each of those solves may take; a solve stopped by it keeps its rule. */
#define OW_DIAGNOSE_SOLVE_SECONDS 2.0

/* For a one-body instance with no schedule: a smallest set of the body's rules that
 * no schedule keeps together (meetings, meetings_per_day, window, pin, held: all,
 * slots, not_during, only_during; each item's meeting, day, not_before_day,
 * not_after_day, day: last, pin, first, last, split: false, min_part, alone, after).
 * Each rule in turn is lifted for good when the body still has no schedule without
 * it (feasible, called with a copy of inst, answers); what stays is needed, every
 * rule of it.  Appends "<name>: no schedule keeps these rules together, …" and one
 * line per rule with its file:line to why, and returns true; false (nothing
 * appended) when the body has no schedule even without any of them, when it has
 * more than OW_DIAGNOSE_MAX_RULES, or out of memory. */
bool ow_diagnose_conflict(const ow_instance *inst, ow_feasible_fn feasible, void *ctx, ow_buf *why);

#endif
