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

#endif
