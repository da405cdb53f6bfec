/* variants.h: the table of a what-if sweep — one row per variant of an instance
 * (days, meetings) with what its schedule uses — and its renderings. */
#ifndef ORGWORK_VARIANTS_H
#define ORGWORK_VARIANTS_H

#include <stdbool.h>
#include <stddef.h>

#include "orgwork/buf.h"
#include "orgwork/render.h"
#include "orgwork/schedule.h"

typedef struct ow_variant {
    int days;     /* working days of the calendar */
    int meetings; /* meetings allowed (the body's, or the sum over bodies) */
    ow_solve_status status;
    bool solved; /* false: the variant could not be set up (see note) */
    int meetings_used;
    int days_used;
    int continued;
    long objective;
    double gap;
    double seconds;
    ow_stop_reason stop;  /* why its solve ended */
    char note[256];       /* why the variant is infeasible or was not set up */
    char solve_note[640]; /* the note ow_solve left in its schedule (schedule.h), or "" */
} ow_variant;

/* Fills the "used" columns of v from a schedule: meetings held, body-days used,
 * "(continued)" pieces, objective; body >= 0 counts that body only. */
void ow_variant_from_schedule(const ow_instance *inst, const ow_schedule *s, int body,
                              ow_variant *v);

/* Renders the table: text (aligned columns), md, csv or json (SPEC §5); other
 * formats are OW_INPUT.  The seconds column appears only when timings is true. */
ow_status ow_variants_render(const ow_variant *v, size_t n, ow_format f, bool timings, ow_buf *out,
                             ow_error *err);

#endif
