/* mip.h: solving an ow_program with GLPK, and writing it for other solvers.
 * No glp_prob leaves this module. */
#ifndef ORGWORK_MIP_H
#define ORGWORK_MIP_H

#include <stdbool.h>

#include "orgwork/error.h"
#include "program.h"

typedef enum ow_mip_status {
    OW_MIP_OPTIMAL = 0, /* proven optimal */
    OW_MIP_FEASIBLE,    /* a limit stopped the search with a solution in hand */
    OW_MIP_INFEASIBLE,  /* proven to have no solution */
    OW_MIP_NO_SOLUTION  /* a limit stopped the search before any solution */
} ow_mip_status;

typedef struct ow_mip_options {
    double time_limit; /* seconds; <= 0 means none */
    bool verbose;      /* GLPK's own terminal output */
    bool progress;     /* a progress line on stderr, redrawn in place */
    double scale;      /* the progress line shows objective / scale (> 0) */
    bool finish;       /* after one Ctrl-C, search on to a first solution (a second
                          stops it): the rest of a plan that keeps what is found */
    bool first;        /* stop at the first solution: the rest of a plan whose time
                          limit has passed */
    double gap;        /* stop once the proven relative gap, measured on the objective
                          (objective / scale, the bound rounded down), is at most this;
                          0: prove the optimum.  Tested here only: GLPK's own mip_gap,
                          on the program's value, stays 0. */
    double known;      /* a lower bound on objective / scale known beforehand (0:
                          none): a solution that meets it is optimal, and the gap
                          above is measured against max(known, the search's bound)
                          unless only_known */
    bool only_known;   /* measure the gap against `known` alone (a unit of a plan in
                          turn, whose own bound is not part of the whole's) */
    double target;     /* stop once the best solution's objective is at most this (0:
                          none): a unit of a plan in turn under a time limit, as
                          good as its best schedule alone, gives its time back */
    int stall;         /* > 0: stop once neither the best solution nor the bound (by
                          a hundredth of a point of the objective) has improved for as
                          many nodes as the search took to its last improvement, and
                          at least this many */
} ow_mip_options;

/* The fewest nodes a search takes before `target`, or `known` without a gap, stops
 * it.  Counted in nodes, so that the same search stops at the same place whatever
 * the load. */
#define OW_MIP_STALL_NODES 200

/* Why a search ended. */
typedef enum ow_mip_stop {
    OW_MIP_STOP_DONE = 0,   /* the search is complete: optimal, or no solution exists */
    OW_MIP_STOP_GAP,        /* the gap reached options.gap (or the known bound) */
    OW_MIP_STOP_LIMIT,      /* the time limit */
    OW_MIP_STOP_STALL,      /* options.stall */
    OW_MIP_STOP_TARGET,     /* options.target */
    OW_MIP_STOP_FIRST,      /* options.first: the first solution */
    OW_MIP_STOP_INTERRUPTED /* Ctrl-C (ow_mip_interrupt) */
} ow_mip_stop;

/* Programs of at most this many columns get GLPK's clique cuts (mip.c says why
 * not larger ones: the conflict graph is not counted by the size cap). */
#define OW_MIP_CLIQUE_COLUMNS 2000

/* The memory GLPK may take in each thread, in MB (glp_mem_limit): past it a solve
 * fails cleanly (OW_INTERNAL, "GLPK failed: ...") instead of aborting the process.
 * megabytes <= 0 restores the default. */
#define OW_MIP_DEFAULT_MEMORY_MB 768
void ow_mip_set_memory_limit(int megabytes);
/* This thread gets 1/ways of the limit (the jobs of a what-if sweep share it). */
void ow_mip_share_memory(int ways);
int ow_mip_memory_limit(void);

/* Asks every search under way to stop and keep the best solution found (safe to
 * call from a signal handler), even inside a long linear program (within GLPK's
 * display interval, 5 s at most).  ow_mip_interrupted says whether it was asked;
 * searches with `finish` stop at their first solution after one call, and at
 * once after a second call made OW_MIP_REPEAT_SECONDS or more after the first
 * (calls closer together are one request: `timeout` sends its signal twice). */
#define OW_MIP_REPEAT_SECONDS 1.0
void ow_mip_interrupt(void);
bool ow_mip_interrupted(void);
bool ow_mip_interrupted_twice(void);

typedef struct ow_mip_result {
    ow_mip_status status;
    double objective;
    double bound;   /* best bound known (of the program's value) */
    double gap;     /* relative gap between the objective and the bound, both in
                       objective units (value / scale, the bound rounded down) */
    double seconds; /* wall time of the solve */
    ow_mip_stop stop;
    double *x; /* column values (malloc'ed, n_cols); NULL without solution */
} ow_mip_result;

/* Solves p.  Returns OW_OK whatever the status (read result->status), OW_INTERNAL
 * when GLPK fails.  Free result->x with ow_mip_result_free. */
ow_status ow_mip_solve(const ow_program *p, const ow_mip_options *opts, ow_mip_result *result,
                       ow_error *err);
void ow_mip_result_free(ow_mip_result *result);

typedef enum ow_mip_file { OW_MIP_LP = 0, OW_MIP_MPS } ow_mip_file;

/* Writes p in CPLEX LP or free MPS format to path, whole or not at all. */
ow_status ow_mip_write(const ow_program *p, ow_mip_file format, const char *path, ow_error *err);

/* The relative gap between an objective and a lower bound on it, both in objective
 * units (objectives are never negative: 0 is optimal), from 0 to 1: 1 when nothing
 * is known of the bound (lower <= 0). */
double ow_mip_gap(double objective, double lower);

/* Seconds on a monotonic clock, for deadlines. */
double ow_mip_now(void);

/* Frees GLPK's per-thread environment (call before a thread or the process exits). */
void ow_mip_shutdown(void);

#endif
