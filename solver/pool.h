/* pool.h: numbered tasks on a pool of threads over GLPK (docs/decisions.md, "GLPK
 * on several threads").  Internal to the solver. */
#ifndef ORGWORK_POOL_H
#define ORGWORK_POOL_H

#include <stddef.h>

/* The threads to run at once for `asked` (0: the machine's cores): never more than
 * the cores, since each holds a whole program and its share of GLPK's memory. */
size_t ow_pool_jobs(int asked);

/* Task i of a pool: it writes its result where i says (a slot of an array), so that
 * what the tasks give does not depend on the threads or the order they finish in. */
typedef void ow_pool_task(void *ctx, size_t i);

/* Runs task(ctx, i) for every i from 0 to n - 1, taken by `jobs` threads
 * (ow_pool_jobs caps it) in the order `order` gives (a permutation of 0..n-1; NULL:
 * 0, 1, ...), longest tasks best first so that none is left to run alone at the end.  With one job,
 * one task, or no thread to be had, the calling thread runs them itself, in order.  Each worker
 * gets its share of the calling thread's GLPK memory limit and frees GLPK's environment before it
 * ends; the workers block the signals, so that a handler (Ctrl-C) runs in the calling thread, and
 * reaches the searches through ow_mip_interrupt. */
void ow_pool_run(size_t n, const size_t *order, int jobs, ow_pool_task *task, void *ctx);

#endif
