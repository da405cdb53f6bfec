/* check.h: the independent verifier.  It reads a schedule and the instance and lists
 * every broken rule of SPEC §3, sharing no code with the solver's formulation. */
#ifndef ORGWORK_CHECK_H
#define ORGWORK_CHECK_H

#include <stddef.h>

#include "orgwork/buf.h"
#include "orgwork/instance.h"
#include "orgwork/schedule.h"

typedef struct ow_violation {
    char rule[32];     /* a short rule name: "duration", "capacity", "order", … */
    char message[512]; /* a planner's sentence naming body, item, meeting, numbers */
} ow_violation;

typedef struct ow_check_report {
    size_t n_violations;
    ow_violation *violations; /* malloc'ed; free with ow_check_report_free */
    ow_objective_terms objective;
} ow_check_report;

/* Checks s against inst.  Fills *report (free with ow_check_report_free); returns
 * OW_OK whether or not rules are broken, OW_INTERNAL when out of memory. */
ow_status ow_check(const ow_instance *inst, const ow_schedule *s, ow_check_report *report,
                   ow_error *err);

void ow_check_report_free(ow_check_report *report);

/* Writes the report as text: one line per violation "[rule] message", then the
 * recomputed objective and a verdict line. */
void ow_check_report_text(const ow_check_report *report, ow_buf *out);

#endif
