/* annex.h: what the renderers of model/render/ share — a body's meetings in annex
 * order, the annex as rows, and the whole period as a grid (the overview).  Private
 * to model/; the public interface is orgwork/render.h. */
#ifndef ORGWORK_MODEL_RENDER_ANNEX_H
#define ORGWORK_MODEL_RENDER_ANNEX_H

#include <stdbool.h>
#include <stddef.h>

#include "orgwork/render.h"

/* The body's meetings in the schedule, in the order of the annex: by date, then
 * start time, then number. */
typedef struct body_meetings {
    size_t n;
    const ow_meeting **list; /* malloc'ed */
} body_meetings;

/* One row of the annex table: a day heading, or a piece of an item (with the
 * meeting's time on the meeting's first row only).  A meeting without pieces
 * still gets a row, so that it shows. */
typedef struct annex_row {
    bool is_day;
    char when[64];     /* the date (day row) or the time ("" after the first row) */
    const char *label; /* "" for an empty meeting */
    const char *title;
    bool continued;
    const ow_meeting *m; /* the meeting and piece of the row (NULL for a day row or */
    const ow_piece *p;   /* an empty meeting): for the joint meeting note */
} annex_row;

typedef struct annex {
    size_t n;
    annex_row *rows; /* malloc'ed */
} annex;

/* Days down, slot by room across; each cell lists the bodies meeting there (all of
 * them for a joint meeting) and the items taken.  Only days, slots and rooms that
 * hold a meeting get a row or a column, so a long calendar stays readable. */
typedef struct grid {
    size_t n; /* the selected meetings, in cell order */
    const ow_meeting **list;
    size_t n_dates;
    ow_date *dates;
    size_t n_slots;
    ow_slot *slots; /* distinct meeting times, in time order */
    size_t n_rooms;
    int *rooms;    /* rooms used, in instance order; an unknown one last */
    bool *attends; /* scratch: per body, whether it is in the current cell */
} grid;

/* What stands in place of the annex when there is no schedule. */
const char *ow_annex_no_schedule_note(const ow_schedule *s);
bool ow_annex_body_selected(const ow_render_options *opts, size_t b);
/* The room's name, or NULL for an unknown room. */
const char *ow_annex_room_name(const ow_instance *inst, int room);

ow_status ow_annex_collect(const ow_schedule *s, size_t body, body_meetings *out, ow_error *err);
ow_status ow_annex_build(const ow_instance *inst, const body_meetings *bm, annex *out,
                         ow_error *err);
/* "Proposed organization of work: Working Group …, eleventh meeting". */
void ow_annex_heading(ow_buf *b, const ow_instance *inst, const ow_body *body);
/* The row's title with its joint meeting note, without "(continued)". */
void ow_annex_row_title(ow_buf *b, const ow_instance *inst, const annex_row *r);

/* XML character data: markup as entities, controls as spaces, malformed UTF-8 as
 * U+FFFD. */
void ow_annex_xml_text(ow_buf *b, const char *s, size_t n);

ow_status ow_grid_build(const ow_instance *inst, const ow_schedule *s,
                        const ow_render_options *opts, grid *g, ow_error *err);
void ow_grid_free(grid *g);
/* The meetings of the cell at (date d, column c) start at *cursor; returns how many
 * there are and moves the cursor on. */
size_t ow_grid_cell(const grid *g, size_t d, size_t c, size_t *cursor);
/* Marks in g->attends the bodies in the cell (joint attendance included); returns
 * how many. */
size_t ow_grid_cell_bodies(const ow_instance *inst, grid *g, const ow_meeting *const *cell,
                           size_t n);
/* "Items 1 (a), 2 (cont.)". */
void ow_grid_cell_items(ow_buf *b, const ow_instance *inst, const ow_meeting *const *cell,
                        size_t n);

/* zip.c: the office packages.  The document's date is `issued:`, else the calendar's
 * start; the entries carry noon of that date as their time (same bytes in every time
 * zone).  A stored entry is not compressed (ODF's mimetype). */
typedef struct ow_zip_entry {
    const char *name;
    const char *data;
    size_t len;
    bool stored;
} ow_zip_entry;

ow_date ow_document_date(const ow_instance *inst);
/* Zips the entries, in order, and appends the archive to out (whole or not at all). */
ow_status ow_zip_entries(const ow_zip_entry *entries, size_t n, const ow_instance *inst,
                         ow_buf *out, ow_error *err);

/* The binary formats (model/render/docx.c, odt.c, xlsx.c): append the file's bytes to
 * out. */
ow_status ow_render_docx(const ow_instance *inst, const ow_schedule *s,
                         const ow_render_options *opts, ow_buf *out, ow_error *err);
ow_status ow_render_odt(const ow_instance *inst, const ow_schedule *s,
                        const ow_render_options *opts, ow_buf *out, ow_error *err);
ow_status ow_render_xlsx(const ow_instance *inst, const ow_schedule *s,
                         const ow_render_options *opts, ow_buf *out, ow_error *err);

#endif
