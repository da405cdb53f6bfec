/* decode.h: from a solution of the formulation to a schedule. */
#ifndef ORGWORK_DECODE_H
#define ORGWORK_DECODE_H

#include "formulation/formulation.h"
#include "orgwork/error.h"
#include "orgwork/schedule.h"

/* Reads the solution x (one value per column) into a new schedule with the given
 * status; meetings sorted and numbered, objective computed from the schedule. */
ow_status ow_decode(const ow_formulation *f, const double *x, ow_solve_status status,
                    ow_schedule **out, ow_error *err);

#endif
