/* render.h: the proposed organization of work in the house style of the annexes. */
#ifndef ORGWORK_RENDER_H
#define ORGWORK_RENDER_H

#include <stdbool.h>

#include "orgwork/buf.h"
#include "orgwork/instance.h"
#include "orgwork/schedule.h"

typedef enum ow_format {
    OW_FORMAT_MD = 0,
    OW_FORMAT_TEXT,
    OW_FORMAT_HTML,
    OW_FORMAT_CSV,
    OW_FORMAT_ICS,
    OW_FORMAT_JSON,
    OW_FORMAT_SVG,  /* the whole period as one timetable: days by slot and room */
    OW_FORMAT_DOCX, /* the annexes as a Word document (binary) */
    OW_FORMAT_XLSX, /* a workbook: a sheet per body and the overview (binary) */
    OW_FORMAT_ODT   /* the annexes as an OpenDocument text (binary) */
} ow_format;

/* Parses "md", "text", "html", "csv", "ics", "json", "svg", "docx", "odt", "xlsx".
 * Returns false otherwise. */
bool ow_format_parse(const char *name, ow_format *out);

/* Initialise with designated initialisers: fields left out are zero, the defaults. */
typedef struct ow_render_options {
    bool timings;       /* include solver.seconds (JSON) — a clock reading */
    int body;           /* render only this body (index), or -1 for all */
    bool annex_heading; /* html, docx: "Annex" above each body's organization of work */
    bool excel;         /* csv: a UTF-8 byte order mark, item numbers kept as text */
    char separator;     /* csv: the field separator, ',' (also when 0) or ';' */
    int sequence;       /* ics: SEQUENCE of every event, the plan's revision */
    /* ics: the schedule this one re-plans (--keep): its meetings that no longer exist
     * (a body's meeting numbers past the new count) are written STATUS:CANCELLED. */
    const ow_schedule *previous;
} ow_render_options;

/* Appends the rendering of s in format f to out.  For an infeasible schedule only
 * JSON is meaningful (status "infeasible", no bodies).  Output depends only on
 * inst, s and opts: same input, same bytes.  With more than one body and no
 * opts->body, md, html, docx, odt and xlsx carry the overview timetable of the whole
 * period.  docx, odt and xlsx are binary (out->len counts the bytes); docs/output.md
 * describes every format. */
ow_status ow_render(const ow_instance *inst, const ow_schedule *s, ow_format f,
                    const ow_render_options *opts, ow_buf *out, ow_error *err);

/* The resources sentence of the annotations, as the schedule s plans it for body
 * (an index into inst's bodies): "The resources available to the Working Group will
 * permit the holding of four plenary meetings over two days, with interpretation into
 * the six official languages of the United Nations."  The meetings are those the
 * body holds (joint meetings it attends included), the days those it meets on;
 * "plenary" only for a body whose `plenary` is true; the languages named unless they
 * are the six official ones.  OW_INPUT when body is out of range. */
ow_status ow_render_resources(const ow_instance *inst, const ow_schedule *s, size_t body,
                              ow_buf *out, ow_error *err);

#endif
