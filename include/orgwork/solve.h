/* solve.h: from an instance to a schedule — precheck, formulate, solve with GLPK,
 * read the solution back. */
#ifndef ORGWORK_SOLVE_H
#define ORGWORK_SOLVE_H

#include <stdbool.h>
#include <stddef.h>

#include "orgwork/buf.h"
#include "orgwork/error.h"
#include "orgwork/instance.h"
#include "orgwork/schedule.h"

typedef struct ow_solve_options {
    double time_limit;       /* seconds, <= 0 for none */
    bool verbose;            /* GLPK's own output on stderr */
    bool progress;           /* progress line on stderr while solving */
    bool whole;              /* always one program, never body by body (decompose.h) */
    const ow_schedule *keep; /* re-planning: change the fewest item placements of this
                              * earlier schedule (read against inst), or NULL */
    double gap;              /* stop once the proven relative gap is at most this (0:
                              * prove the optimum); body by body, each part stops
                              * within it, so the whole plan is within it too */
    bool default_limit;      /* time_limit is a default the caller chose, not the
                              * user's: a stop by it is reported as OW_STOP_DEFAULT */
    int jobs;                /* threads that solve a period's units alone at once, for
                              * the bound (docs/model.md, "Both cores"): 0 the
                              * machine's cores, never more; the schedule does not
                              * depend on it without a time limit */
} ow_solve_options;

/* Solves inst.  Returns OW_OK whenever it has an answer and sets *out (free with
 * ow_schedule_free) to a schedule whose status is the outcome, and (*out)->stop why
 * the search ended: optimal, or feasible with its gap; infeasible when no schedule exists (no
 * meetings; the reasons, one sentence a line, appended to why); unknown when a time limit or Ctrl-C
 * came before any schedule (no meetings; why says so).  Every schedule is verified by ow_check
 * first; a body-by-body plan that breaks a rule gives way to the whole program, and (*out)->note
 * says so (the library prints nothing).  Errors: OW_INPUT / OW_INTERNAL in err, *out untouched. */
ow_status ow_solve(const ow_instance *inst, const ow_solve_options *opts, ow_schedule **out,
                   ow_buf *why, ow_error *err);

/* Asks every search under way to stop and keep the best schedule found (safe to
 * call from a signal handler): even inside a long linear program, within GLPK's
 * display interval (5 s at most).  Body by body, the bodies not yet planned get a
 * first schedule each and the plan is kept; a second call, a second or more after
 * the first, stops at once (calls closer together are one request: `timeout`
 * passes its signal on twice, to the process and to its process group). */
void ow_solve_interrupt(void);

/* The threads a solve runs at once for jobs asked (ow_solve_options.jobs; 0: the
 * machine's cores): never more than the cores, since each holds a whole program and
 * its share of GLPK's memory. */
size_t ow_solve_jobs(int asked);

/* The memory GLPK may take, in MB (default 768, shared by the jobs that solve at once):
 * past it a solve fails cleanly (OW_INTERNAL, "GLPK failed: ...").  <= 0 restores
 * the default. */
void ow_solve_set_memory_limit(int megabytes);

/* Frees the solver's per-thread state (GLPK's environment); call before a thread
 * that solved, or the process, exits. */
void ow_solve_shutdown(void);

#endif
