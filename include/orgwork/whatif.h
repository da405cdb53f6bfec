/* whatif.h: solving variants of an instance — other numbers of days or meetings —
 * on several threads, with results in a fixed order. */
#ifndef ORGWORK_WHATIF_H
#define ORGWORK_WHATIF_H

#include <stddef.h>

#include "orgwork/error.h"
#include "orgwork/instance.h"
#include "orgwork/schedule.h"
#include "orgwork/solve.h"
#include "orgwork/variants.h"

typedef struct ow_whatif_options {
    const char *path;               /* the instance file; each variant loads it anew */
    const char *text;               /* or NULL; else the file's text (path names it) */
    size_t len;                     /* bytes of text */
    int days_from, days_to;         /* 0, 0: the calendar's days as in the file */
    int meetings_from, meetings_to; /* 0, 0: meetings as in the file */
    const char *body;               /* NULL, or the id of the one body whose meetings vary
                                     * and whose use is counted */
    int jobs;                       /* worker threads, >= 1 */
    ow_solve_options solve;
} ow_whatif_options;

/* The variants solved at once for --jobs asked (0: the machine's cores): never
 * more than the cores, since each job holds a whole program and GLPK's memory. */
size_t ow_whatif_jobs(int asked);

/* Solves every variant (days × meetings, days outermost).  On OW_OK sets *out (free
 * with free()) and *n.  A variant that cannot be set up (its days cut a window, say)
 * is a row with solved = false and a note; the sweep goes on.  The rows and their
 * bytes do not depend on jobs. */
ow_status ow_whatif_run(const ow_whatif_options *opts, ow_variant **out, size_t *n, ow_error *err);

/* Loads and solves variant number index (0-based, in the order of ow_whatif_run),
 * for printing its organization of work.  On OW_OK sets *inst and *s (free both),
 * the outcome in s->status as for ow_solve. */
ow_status ow_whatif_variant(const ow_whatif_options *opts, size_t index, ow_instance **inst,
                            ow_schedule **s, ow_buf *why, ow_error *err);

#endif
