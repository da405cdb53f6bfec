/* formats.h: what the formats of model/render/ share and what the dispatch calls,
 * internal to model/.
 *
 * render.c holds the dispatch (ow_render); utf8.c and annex.c what several formats
 * use: UTF-8 columns; the body's meetings in annex order, joint meeting notes,
 * headings, the resources sentence and the annex as rows.  Each format has a file
 * (the dispatch calls them, they call annex.c and utf8.c, never back): md.c text.c
 * html.c csv.c ics.c svg.c, overview.c (the whole period as one timetable, as html
 * and md, and the grid svg draws), and json.c (the JSON schedule written by
 * ow_render and read back by ow_schedule_read_json: writer and reader together).
 * Each writes into the buffer it is given; ow_render appends it to the caller's only
 * when it is complete. */
#ifndef ORGWORK_MODEL_RENDER_FORMATS_H
#define ORGWORK_MODEL_RENDER_FORMATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "orgwork/buf.h"
#include "orgwork/calendar.h"
#include "orgwork/error.h"
#include "orgwork/instance.h"
#include "orgwork/render.h"
#include "orgwork/schedule.h"
#include "orgwork/text.h"

static inline const char *str_or_empty(const char *s)
{
    return s != NULL ? s : "";
}

/* The item's number as the annex prints it: "1 (a)"; none for an event (a panel, a
 * ceremony), whose row has only its title, as the annexes print them. */
static inline const char *item_number(const ow_item *item)
{
    return item->event ? "" : str_or_empty(item->label);
}

static inline const char *room_name(const ow_instance *inst, int room)
{
    if (room < 0 || (size_t)room >= inst->n_rooms)
        return NULL;
    return inst->rooms[room];
}

/* Whether s starts with a C1 control character (U+0080–U+009F, as UTF-8 C2 80 to
 * C2 9F): like C0 controls, none goes out in any format. */
static inline bool ow_c1_at(const char *s)
{
    return (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] >= 0x80 &&
           (unsigned char)s[1] <= 0x9F;
}

/* Empties b for reuse, keeping its memory (and its text NUL-terminated). */
static inline void buf_reset(ow_buf *b)
{
    b->len = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

static inline bool body_selected(const ow_render_options *opts, size_t b)
{
    return opts->body < 0 || (size_t)opts->body == b;
}

/* ---- utf8.c ---------------------------------------------------------------------- */

int ow_char_columns(uint32_t c);
int ow_text_columns(const char *s, size_t n);
/* Plain text (text, xlsx): line breaks kept (CR LF and CR as LF), every other
 * control character (ow_text_is_control: C0, DEL, C1) as a space. */
void ow_put_plain_text(ow_buf *b, const char *s);

/* ---- annex.c: what the formats share ---------------------------------------------- */

/* The body's meetings in the schedule, in the annex order (ow_order_annex). */
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

const char *ow_no_schedule_note(const ow_schedule *s);
ow_status ow_collect_meetings(const ow_schedule *s, size_t body, body_meetings *out, ow_error *err);
bool ow_meeting_attended_by(const ow_instance *inst, const ow_meeting *m, size_t b);
bool ow_put_joint_note(ow_buf *b, const ow_instance *inst, const ow_meeting *m, const ow_piece *p);
void ow_put_heading_text(ow_buf *b, const ow_instance *inst, const ow_body *body);
size_t ow_short_name_len(const char *name);
/* The resources sentence for the body whose annex is a (ow_render_resources). */
void ow_put_resources(ow_buf *out, const ow_instance *inst, const ow_body *body, const annex *a);
ow_status ow_build_annex(const ow_instance *inst, const body_meetings *bm, annex *out,
                         ow_error *err);
void ow_put_row_title(ow_buf *b, const ow_instance *inst, const annex_row *r);

/* ---- one file per format --------------------------------------------------------- */

/* md.c */
void ow_put_md_cell(ow_buf *b, const char *text, bool continued);
void ow_render_md_body(ow_buf *b, const ow_instance *inst, const ow_body *body, const annex *a);

/* text.c */
size_t ow_wrap_next(const char *s, size_t n, int width, size_t *line_len);
void ow_render_text_body(ow_buf *b, const ow_instance *inst, const ow_body *body, const annex *a);

/* html.c */
void ow_put_html_escaped(ow_buf *b, const char *s);
/* Shared with the workplan's renderers (model/workplan/): Markdown cell text with
 * bars, emphasis, code and HTML characters escaped (md.c); a CSV field, quoted only
 * when it must be (csv.c); a JSON string with its quotes, also a valid YAML
 * double-quoted scalar (json.c). */
void ow_put_md_escaped(ow_buf *b, const char *s);
void ow_put_csv_field(ow_buf *b, const char *s);
void ow_put_json_string(ow_buf *b, const char *s);
void ow_put_html_head(ow_buf *b, const ow_instance *inst, bool overview);
/* HTML text whose spaces must not break a line: "1 (a)", "10 a.m.–1 p.m.", "Board
 * Room D".  With keep_lists, a space after a comma still may ("Items 1 (a), 2"). */
void ow_put_html_nowrap(ow_buf *b, const char *s, bool keep_lists);
/* annex_heading: "Annex" above the heading, the section a page of its own in print. */
void ow_render_html_body(ow_buf *b, const ow_instance *inst, const ow_body *body, const annex *a,
                         bool annex_heading);

/* overview.c */
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

void ow_grid_free(grid *g);
ow_status ow_grid_build(const ow_instance *inst, const ow_schedule *s,
                        const ow_render_options *opts, grid *g, ow_error *err);
size_t ow_grid_cell(const grid *g, size_t d, size_t c, size_t *cursor);
size_t ow_cell_bodies(const ow_instance *inst, grid *g, const ow_meeting *const *cell, size_t n);
void ow_put_cell_items(ow_buf *b, const ow_instance *inst, const ow_meeting *const *cell, size_t n);
ow_status ow_render_html_overview(ow_buf *b, const ow_instance *inst, const ow_schedule *s,
                                  const ow_render_options *opts, ow_error *err);
ow_status ow_render_md_overview(ow_buf *b, const ow_instance *inst, const ow_schedule *s,
                                const ow_render_options *opts, ow_error *err);

/* svg.c, csv.c, ics.c, json.c: the formats that are not an annex */
ow_status ow_render_svg(const ow_instance *inst, const ow_schedule *s,
                        const ow_render_options *opts, ow_buf *b, ow_error *err);
void ow_render_csv(const ow_instance *inst, const ow_schedule *s, const ow_render_options *opts,
                   ow_buf *b);
ow_status ow_render_ics(const ow_instance *inst, const ow_schedule *s,
                        const ow_render_options *opts, ow_buf *b, ow_error *err);
ow_status ow_render_json(const ow_instance *inst, const ow_schedule *s,
                         const ow_render_options *opts, ow_buf *b, ow_error *err);

/* svg.c: XML character data — markup as entities, controls as spaces, malformed UTF-8
 * as U+FFFD (docx.c and odt.c write their text with it too). */
void ow_put_xml_text(ow_buf *b, const char *s, size_t n);

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

/* docx.c, odt.c, xlsx.c: the binary formats append the file's bytes to out. */
ow_status ow_render_docx(const ow_instance *inst, const ow_schedule *s,
                         const ow_render_options *opts, ow_buf *out, ow_error *err);
ow_status ow_render_odt(const ow_instance *inst, const ow_schedule *s,
                        const ow_render_options *opts, ow_buf *out, ow_error *err);
ow_status ow_render_xlsx(const ow_instance *inst, const ow_schedule *s,
                         const ow_render_options *opts, ow_buf *out, ow_error *err);

#endif
