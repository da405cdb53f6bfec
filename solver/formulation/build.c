/* build.c: the integer program of an instance (docs/model.md is the reference),
 * row family by row family in a fixed order: the program, and so the bytes of an
 * exported program, depend on it. */
#include <stdlib.h>

#include "internal.h"

/* The rows and columns of one body, in the order of docs/model.md: the path, its
 * cut points, placement, the free order's rows, slot lengths, days, and the rules
 * on items. */
static void build_body(ow_formulation *f, size_t b, double scale, double slot_tie)
{
    ow_add_meetings(f, b, scale);
    ow_add_held(f, b, scale);
    ow_add_start(f, b);
    ow_add_flow(f, b);
    ow_add_cutlo(f, b);
    if (f->bodies[b].flex)
        ow_add_durations(f, b, scale);
    ow_add_place(f, b, slot_tie);
    ow_add_after(f, b);
    if (f->bodies[b].free)
        ow_add_free(f, b, scale);
    ow_add_capacity(f, b);
    ow_add_dayuse(f, b, scale);
    ow_add_lastfrom(f, b);
    ow_add_pinfrom(f, b);
    ow_add_item_rules(f, b);
}

/* The joint items of the instance, in body and agenda order, each with its J
 * columns' array. */
static ow_status list_joints(ow_formulation *f, ow_error *err)
{
    const ow_instance *inst = f->inst;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        for (size_t i = 0; i < inst->bodies[b].n_items; i++)
            f->n_joints += inst->bodies[b].items[i].n_joint > 0;
    }
    f->joints = ow_arena_calloc(f->arena, f->n_joints + 1, sizeof *f->joints);
    if (f->joints == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    size_t n_global = (size_t)inst->calendar.n_days * inst->calendar.n_slots * inst->n_rooms;
    for (size_t b = 0, j = 0; b < inst->n_bodies; b++)
        for (size_t i = 0; i < inst->bodies[b].n_items; i++) {
            if (inst->bodies[b].items[i].n_joint == 0)
                continue;
            f->joints[j] = (joint){b, (int)i, ow_arena_calloc(f->arena, n_global, sizeof(int))};
            if (f->joints[j++].J == NULL)
                return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        }
    return OW_OK;
}

/* The tie-break (earlier slots first, then items as early as possible) must never
 * outweigh one unit of the objective: the objective's weights are scaled past its
 * largest value.  Returns the scale; sets *slot_tie, the weight of one step of the
 * slot tie-break. */
static double objective_scale(const ow_formulation *f, double *slot_tie)
{
    const ow_instance *inst = f->inst;
    double item_tie = 0, slot_span = 0;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const body_model *bm = &f->bodies[b];
        if (bm->free) /* k·(n - i) on a[i,k], over every item and meeting */
            item_tie += (double)bm->n * (bm->n + 1) / 2 * ((double)bm->K * (bm->K - 1) / 2);
        else
            item_tie += (double)bm->n_states * bm->K;
        slot_span += (double)f->bodies[b].K * inst->calendar.n_days * inst->calendar.n_slots *
                     (double)inst->n_rooms;
    }
    *slot_tie = item_tie + 1;
    return *slot_tie * slot_span + item_tie + 1;
}

ow_status ow_formulation_build(const ow_instance *inst, ow_formulation **out, ow_error *err)
{
    return ow_formulation_build_limited(inst, NULL, out, err);
}

ow_status ow_formulation_build_limited(const ow_instance *inst, const ow_plan_limits *lim,
                                       ow_formulation **out, ow_error *err)
{
    const ow_loc none = {0, 0};
    ow_status rc = OW_OK;
    ow_formulation *f = calloc(1, sizeof *f);
    if (f == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    f->inst = inst;
    f->lim = lim;
    f->arena = ow_arena_new();
    f->program = ow_program_new();
    if (f->arena == NULL || f->program == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    f->bodies = ow_arena_calloc(f->arena, inst->n_bodies + 1, sizeof *f->bodies);
    if (f->bodies == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    OW_CALL(list_joints(f, err));
    for (size_t b = 0; b < inst->n_bodies; b++)
        OW_CALL(ow_shape_body(f, b, err));
    OW_CALL(ow_size_consecutive(f, err));
    double slot_tie;
    double scale = objective_scale(f, &slot_tie);
    f->scale = scale;
    if (!f->crossed) {
        for (size_t b = 0; b < inst->n_bodies; b++)
            build_body(f, b, scale, slot_tie);
        ow_add_joints(f);
        ow_add_shared(f);
        ow_add_consecutive(f);
        ow_add_across(f);
    } else {
        /* 0 >= 1: infeasible in a way every solver reads the same. */
        ow_program_row(f->program, OW_ROW_GE, 1, "no_schedule");
    }
    if (ow_program_failed(f->program)) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none,
                          "the integer program is too large or memory ran out");
        goto done;
    }
    *out = f;
    f = NULL;
done:
    ow_formulation_free(f);
    return rc;
}

void ow_formulation_free(ow_formulation *f)
{
    if (f == NULL)
        return;
    ow_program_free(f->program);
    ow_arena_free(f->arena);
    free(f);
}

const ow_program *ow_formulation_program(const ow_formulation *f)
{
    return f->program;
}

double ow_formulation_scale(const ow_formulation *f)
{
    return f->scale;
}
