/* differential.h: the exhaustive search behind tests/differential/ — a generator of
 * tiny instances and an enumerator of every schedule of one, written from
 * docs/formats.md and docs/model.md alone (it shares no code with solver/). */
#ifndef ORGWORK_DIFFERENTIAL_H
#define ORGWORK_DIFFERENTIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "orgwork/instance.h"
#include "orgwork/schedule.h"

/* splitmix64. */
uint64_t dt_next(uint64_t *state);

/* Writes the YAML of instance number seed (one body, or a period of 2 or 3 bodies)
 * into buf; returns its length. */
size_t dt_generate(uint64_t seed, bool period, char *buf, size_t size);

typedef enum dt_verdict {
    DT_OPTIMAL,    /* *best holds an optimal schedule */
    DT_INFEASIBLE, /* no schedule exists */
    DT_TOO_LARGE   /* the search passed its limits: no verdict */
} dt_verdict;

/* Every schedule of inst, the best kept.  On DT_OPTIMAL *best is a schedule (free
 * with ow_schedule_free) with its objective set. */
dt_verdict dt_enumerate(const ow_instance *inst, ow_schedule **best, long *objective);

#endif
