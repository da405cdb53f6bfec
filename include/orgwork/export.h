/* export.h: the integer program of an instance, written for other MIP solvers. */
#ifndef ORGWORK_EXPORT_H
#define ORGWORK_EXPORT_H

#include "orgwork/error.h"
#include "orgwork/instance.h"

typedef enum ow_export_format { OW_EXPORT_LP = 0, OW_EXPORT_MPS } ow_export_format;

/* Builds the integer program of inst (docs/model.md) and writes it to path in CPLEX
 * LP or free MPS format, whole or not at all.  Sets *scale (scale may be NULL) to
 * the factor the objective's weights are multiplied by: the optimum divided by it,
 * rounded down, is orgwork's objective (the remainder is the tie-break). */
ow_status ow_export(const ow_instance *inst, ow_export_format format, const char *path,
                    double *scale, ow_error *err);

#endif
