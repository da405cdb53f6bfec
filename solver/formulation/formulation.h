/* formulation.h: the integer program of an instance (docs/model.md).  Internal to
 * the solver; solver/decode.h reads a solution of it back into a schedule. */
#ifndef ORGWORK_FORMULATION_H
#define ORGWORK_FORMULATION_H

#include "orgwork/error.h"
#include "orgwork/instance.h"
#include "program.h"
#include "orgwork/schedule.h"

typedef struct ow_formulation ow_formulation;

/* Builds the program of inst (which must outlive the formulation).  Assumes the
 * instance passed ow_diagnose_precheck; returns OW_INPUT for a program past the size
 * limit, OW_INTERNAL when out of memory.  Free with
 * ow_formulation_free. */
ow_status ow_formulation_build(const ow_instance *inst, ow_formulation **out, ow_error *err);

/* What earlier decisions leave to bodies planned after them (the decomposition of
 * solver/decompose.c): the same program with fewer places a meeting may take. */
typedef struct ow_plan_limits {
    const unsigned char *room_taken; /* [global slot * n_rooms + room]: taken; or NULL */
    const int *teams_used;           /* [global slot]: interpreted meetings there; or NULL */
    /* Per body of the program's instance, or NULL for none: its meetings only in
     * global slots after after_slot[b] (-1: any), its first meeting on a working
     * day <= first_day_by[b] (-1: any). */
    const int *after_slot;
    const int *first_day_by;
    /* Per body, or NULL: its last meeting on a working day >= last_day_from[b] (-1:
     * any), so that the body after it in a consecutive rule can start in time. */
    const int *last_day_from;
} ow_plan_limits;

/* ow_formulation_build with limits (lim may be NULL: none). */
ow_status ow_formulation_build_limited(const ow_instance *inst, const ow_plan_limits *lim,
                                       ow_formulation **out, ow_error *err);
void ow_formulation_free(ow_formulation *f);

/* The program (borrowed from f). */
const ow_program *ow_formulation_program(const ow_formulation *f);

/* The factor the objective weights are multiplied by in the program.  The
 * tie-break term is nonnegative and below it, so the reported objective is
 * floor(program optimum / scale). */
double ow_formulation_scale(const ow_formulation *f);

/* Re-planning: adds to the program the wish to keep each item where `published`
 * takes it up (the date and slot of its first piece), weighted past any change of
 * the objective, so the solver changes the fewest item placements and then finds
 * the best schedule.  Items are matched by body and item id (the schedule read
 * against this instance).  Sets *n_kept to the items that could stay. */
ow_status ow_formulation_keep(ow_formulation *f, const ow_schedule *published, int *n_kept,
                              ow_error *err);

/* Does an item of some body name item i of body b in its cross-body `after`? */
bool ow_named_across(const ow_instance *inst, size_t b, size_t i);

#endif
