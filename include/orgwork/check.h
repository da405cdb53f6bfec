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

/* Violations listed per rule; past that they are counted (ow_check_unlisted). */
#define OW_CHECK_LISTED    100
#define OW_CHECK_MAX_RULES 32

typedef struct ow_check_unlisted {
    char rule[32];
    size_t count; /* violations of the rule beyond the OW_CHECK_LISTED listed */
} ow_check_unlisted;

typedef struct ow_check_report {
    size_t n_violations;      /* listed: at most OW_CHECK_LISTED of each rule */
    ow_violation *violations; /* malloc'ed; free with ow_check_report_free */
    ow_objective_terms objective;
    size_t n_unlisted; /* rules with violations beyond those listed */
    ow_check_unlisted unlisted[OW_CHECK_MAX_RULES];
} ow_check_report;

/* Checks s against inst.  Fills *report (free with ow_check_report_free); returns
 * OW_OK whether or not rules are broken, OW_INTERNAL when out of memory. */
ow_status ow_check(const ow_instance *inst, const ow_schedule *s, ow_check_report *report,
                   ow_error *err);

void ow_check_report_free(ow_check_report *report);

/* Writes the report as text: one line per violation "[rule] message", one line
 * per rule with unlisted violations ("[rule] and N more ..."), then the recomputed
 * objective and a verdict line counting every violation. */
void ow_check_report_text(const ow_check_report *report, ow_buf *out);

#endif
