/* svg.c: the whole period as one timetable, drawn as an SVG picture. */
#include "formats.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "orgwork/text.h"

/* Sizes in pixels.  Text is not measured by the renderer, so cells hold a fixed number
 * of columns (characters) of 12-pixel serif text, with room to spare. */
#define SVG_MARGIN          10
#define SVG_FONT            12
#define SVG_LINE            15
#define SVG_PAD             5
#define SVG_DAY_WIDTH       180
#define SVG_CELL_WIDTH      190
#define SVG_COLS            28
#define SVG_TITLE_HEIGHT    28
#define SVG_NOTE_WIDTH      640
#define SVG_MAX_TITLE_WIDTH 1200
/* 16-pixel bold title text: about 8 pixels a character. */
#define SVG_TITLE_CHAR 8

/* XML character data: markup characters as entities; characters XML 1.0 does not
 * allow (controls, malformed UTF-8) become spaces or U+FFFD. */
void ow_put_xml_text(ow_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = ow_utf8_next(s + i, n - i, &c);
        if (c == '&')
            ow_buf_puts(b, "&amp;");
        else if (c == '<')
            ow_buf_puts(b, "&lt;");
        else if (c == '>')
            ow_buf_puts(b, "&gt;");
        else if (c == '"')
            ow_buf_puts(b, "&quot;");
        else if (c == '\'')
            ow_buf_puts(b, "&#39;");
        else if (ow_text_is_control(c) || c == 0xFFFE || c == 0xFFFF)
            ow_buf_putc(b, ' ');
        else if (c == 0xFFFD && len == 1)
            ow_buf_puts(b, "\xEF\xBF\xBD");
        else
            ow_buf_append(b, s + i, len);
        i += len;
    }
}

/* The bytes of s[0..n) that fit in cols columns; *cut tells whether an ellipsis must
 * stand for the rest (then one column is left for it). */
static size_t svg_fit(const char *s, size_t n, int cols, bool *cut)
{
    *cut = ow_text_columns(s, n) > cols;
    if (!*cut)
        return n;
    size_t i = 0;
    int used = 0;
    while (i < n) {
        uint32_t c;
        size_t len = ow_utf8_next(s + i, n - i, &c);
        if (used + ow_char_columns(c) > cols - 1)
            break;
        used += ow_char_columns(c);
        i += len;
    }
    return i;
}

/* One line of text; b NULL only measures.  anchor is "" or " text-anchor=\"middle\"". */
static void svg_text(ow_buf *b, int x, int y, const char *anchor, const char *bold, const char *s,
                     size_t n)
{
    if (b == NULL)
        return;
    ow_buf_printf(b, "<text x=\"%d\" y=\"%d\"%s>", x, y, anchor);
    if (bold != NULL) {
        ow_buf_puts(b, "<tspan font-weight=\"bold\">");
        ow_put_xml_text(b, bold, strlen(bold));
        ow_buf_puts(b, "</tspan>");
        if (n > 0)
            ow_buf_putc(b, ' ');
    }
    ow_put_xml_text(b, s, n);
    ow_buf_puts(b, "</text>\n");
}

/* Writes s wrapped at cols columns from baseline y down (b NULL: only counts) and
 * returns the number of lines. */
static int svg_wrapped(ow_buf *b, int x, int y, const char *anchor, const char *s, int cols)
{
    ow_buf clean = OW_BUF_INIT;
    for (const char *p = s; *p != '\0'; p++)
        ow_buf_putc(&clean, (unsigned char)*p < 0x20 ? ' ' : *p);
    const char *t = ow_buf_str(&clean);
    size_t left = clean.len;
    int lines = 0;
    while (left > 0) {
        size_t line_len;
        size_t used = ow_wrap_next(t, left, cols, &line_len);
        svg_text(b, x, y + lines * SVG_LINE, anchor, NULL, t, line_len);
        lines++;
        t += used;
        left -= used;
    }
    if (clean.failed && b != NULL)
        b->failed = true;
    ow_buf_free(&clean);
    return lines;
}

/* A cell's text from baseline y: "ID short name" per body (cut to fit), then the
 * items wrapped.  Returns its lines; b NULL only counts. */
static int svg_cell(ow_buf *b, const ow_instance *inst, grid *g, const ow_meeting *const *cell,
                    size_t n, int x, int y)
{
    int lines = 0;
    ow_cell_bodies(inst, g, cell, n);
    for (size_t k = 0; k < inst->n_bodies; k++) {
        if (!g->attends[k])
            continue;
        const char *id = str_or_empty(inst->bodies[k].id);
        const char *name = str_or_empty(inst->bodies[k].name);
        bool cut;
        int id_cols = ow_text_columns(id, strlen(id));
        if (b != NULL && id_cols + 2 > SVG_COLS) {
            size_t len = svg_fit(id, strlen(id), SVG_COLS, &cut);
            ow_buf_printf(b, "<text x=\"%d\" y=\"%d\"><tspan font-weight=\"bold\">", x,
                          y + lines * SVG_LINE);
            ow_put_xml_text(b, id, len);
            ow_buf_puts(b, "\xE2\x80\xA6</tspan></text>\n");
        } else if (b != NULL) {
            size_t len = svg_fit(name, ow_short_name_len(name), SVG_COLS - id_cols - 1, &cut);
            ow_buf line = OW_BUF_INIT;
            ow_buf_append(&line, name, len);
            if (cut)
                ow_buf_puts(&line, "\xE2\x80\xA6");
            svg_text(b, x, y + lines * SVG_LINE, "", id, ow_buf_str(&line), line.len);
            if (line.failed)
                b->failed = true;
            ow_buf_free(&line);
        }
        lines++;
    }
    ow_buf items = OW_BUF_INIT;
    ow_put_cell_items(&items, inst, cell, n);
    lines += svg_wrapped(b, x, y + lines * SVG_LINE, "", ow_buf_str(&items), SVG_COLS);
    if (items.failed && b != NULL)
        b->failed = true;
    ow_buf_free(&items);
    return lines;
}

static int row_height(int lines)
{
    return (lines > 0 ? lines : 1) * SVG_LINE + 2 * SVG_PAD;
}

static void svg_rect(ow_buf *b, int x, int y, int w, int h, const char *fill)
{
    ow_buf_printf(b,
                  "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                  "stroke=\"#000\"/>\n",
                  x, y, w, h, fill);
}

/* The picture is as wide as its grid, or as its title up to a limit. */
static int svg_width(const ow_instance *inst, int grid_width)
{
    if (inst->title == NULL)
        return grid_width;
    int title = 2 * SVG_MARGIN + SVG_TITLE_CHAR * ow_text_columns(inst->title, strlen(inst->title));
    if (title > SVG_MAX_TITLE_WIDTH)
        title = SVG_MAX_TITLE_WIDTH;
    return title > grid_width ? title : grid_width;
}

static void svg_open(ow_buf *b, const ow_instance *inst, int width, int height)
{
    const char *title = inst->title != NULL ? inst->title : "Proposed organization of work";
    ow_buf_printf(b,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                  "viewBox=\"0 0 %d %d\" font-family=\"Times New Roman, Times, serif\" "
                  "font-size=\"%d\">\n<title>",
                  width, height, width, height, SVG_FONT);
    ow_put_xml_text(b, title, strlen(title));
    ow_buf_printf(b, "</title>\n<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", width, height);
    if (inst->title != NULL) {
        bool cut;
        size_t len = svg_fit(inst->title, strlen(inst->title),
                             (width - 2 * SVG_MARGIN) / SVG_TITLE_CHAR, &cut);
        ow_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"16\" font-weight=\"bold\">",
                      SVG_MARGIN, SVG_MARGIN + 16);
        ow_put_xml_text(b, inst->title, len);
        ow_buf_puts(b, cut ? "\xE2\x80\xA6</text>\n" : "</text>\n");
    }
}

/* The measuring pass: sets each day's row height from the lines its cells take and
 * returns the lines of the rooms' header.  It writes into a scratch buffer, whose
 * failure alone matters: it marks b failed. */
static int svg_measure(ow_buf *b, const ow_instance *inst, grid *g, int *heights)
{
    size_t cols = g->n_slots * g->n_rooms;
    int room_lines = 1;
    ow_buf measure = OW_BUF_INIT;
    for (size_t r = 0; r < g->n_rooms; r++) {
        int k =
            svg_wrapped(&measure, 0, 0, "", str_or_empty(room_name(inst, g->rooms[r])), SVG_COLS);
        measure.len = 0;
        room_lines = k > room_lines ? k : room_lines;
    }
    size_t cursor = 0;
    char text[64];
    for (size_t d = 0; d < g->n_dates; d++) {
        ow_date_long(g->dates[d], text, sizeof text);
        int lines = svg_wrapped(&measure, 0, 0, "", text, SVG_COLS);
        measure.len = 0;
        for (size_t c = 0; c < cols; c++) {
            const ow_meeting *const *cell = &g->list[cursor];
            size_t n = ow_grid_cell(g, d, c, &cursor);
            int k = n > 0 ? svg_cell(&measure, inst, g, cell, n, 0, 0) : 0;
            measure.len = 0;
            lines = k > lines ? k : lines;
        }
        heights[d] = row_height(lines);
    }
    /* The walk met every meeting once: ow_order_timetable is the order of the walk. */
    assert(cursor == g->n);
    if (measure.failed)
        b->failed = true;
    ow_buf_free(&measure);
    return room_lines;
}

ow_status ow_render_svg(const ow_instance *inst, const ow_schedule *s,
                        const ow_render_options *opts, ow_buf *b, ow_error *err)
{
    grid g;
    ow_status rc = ow_grid_build(inst, s, opts, &g, err);
    if (rc != OW_OK)
        return rc;
    int top = SVG_MARGIN + (inst->title != NULL ? SVG_TITLE_HEIGHT : 0);
    if (!ow_solve_status_has_schedule(s->status) || g.n == 0) {
        const char *note = !ow_solve_status_has_schedule(s->status) ? ow_no_schedule_note(s)
                                                                    : "No meetings are scheduled.";
        svg_open(b, inst, svg_width(inst, SVG_NOTE_WIDTH), top + SVG_LINE + SVG_MARGIN);
        svg_text(b, SVG_MARGIN, top + SVG_FONT, "", NULL, note, strlen(note));
        ow_buf_puts(b, "</svg>\n");
        ow_grid_free(&g);
        return OW_OK;
    }
    size_t cols = g.n_slots * g.n_rooms;
    int slot_h = row_height(1);
    int *heights = calloc(g.n_dates + 1, sizeof *heights);
    if (heights == NULL) {
        ow_grid_free(&g);
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    }
    int room_h = row_height(svg_measure(b, inst, &g, heights));
    int height = top + slot_h + room_h + SVG_MARGIN;
    for (size_t d = 0; d < g.n_dates; d++)
        height += heights[d];
    int width = 2 * SVG_MARGIN + SVG_DAY_WIDTH + (int)cols * SVG_CELL_WIDTH;
    svg_open(b, inst, svg_width(inst, width), height);

    int x0 = SVG_MARGIN + SVG_DAY_WIDTH, baseline = SVG_PAD + SVG_FONT - 1;
    char text[64];
    svg_rect(b, SVG_MARGIN, top, SVG_DAY_WIDTH, slot_h + room_h, "#fff");
    ow_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">Date</text>\n",
                  SVG_MARGIN + SVG_PAD, top + baseline);
    for (size_t k = 0; k < g.n_slots; k++) {
        int x = x0 + (int)(k * g.n_rooms) * SVG_CELL_WIDTH, w = (int)g.n_rooms * SVG_CELL_WIDTH;
        svg_rect(b, x, top, w, slot_h, "#fff");
        ow_slot_house(g.slots[k], text, sizeof text);
        ow_buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">",
                      x + w / 2, top + baseline);
        ow_put_xml_text(b, text, strlen(text));
        ow_buf_puts(b, "</text>\n");
    }
    for (size_t c = 0; c < cols; c++) {
        int x = x0 + (int)c * SVG_CELL_WIDTH;
        svg_rect(b, x, top + slot_h, SVG_CELL_WIDTH, room_h, "#fff");
        const char *room = str_or_empty(room_name(inst, g.rooms[c % g.n_rooms]));
        svg_wrapped(b, x + SVG_CELL_WIDTH / 2, top + slot_h + baseline, " text-anchor=\"middle\"",
                    room, SVG_COLS);
    }
    int y = top + slot_h + room_h;
    size_t cursor = 0;
    for (size_t d = 0; d < g.n_dates; d++) {
        svg_rect(b, SVG_MARGIN, y, SVG_DAY_WIDTH, heights[d], "#fff");
        ow_date_long(g.dates[d], text, sizeof text);
        svg_wrapped(b, SVG_MARGIN + SVG_PAD, y + baseline, "", text, SVG_COLS);
        for (size_t c = 0; c < cols; c++) {
            int x = x0 + (int)c * SVG_CELL_WIDTH;
            const ow_meeting *const *cell = &g.list[cursor];
            size_t n = ow_grid_cell(&g, d, c, &cursor);
            if (n == 0) {
                svg_rect(b, x, y, SVG_CELL_WIDTH, heights[d], "#fff");
                continue;
            }
            svg_rect(b, x, y, SVG_CELL_WIDTH, heights[d],
                     ow_cell_bodies(inst, &g, cell, n) > 1 ? "#e4e4e4" : "#f4f4f4");
            svg_cell(b, inst, &g, cell, n, x + SVG_PAD, y + baseline);
        }
        y += heights[d];
    }
    assert(cursor == g.n);
    ow_buf_puts(b, "</svg>\n");
    free(heights);
    ow_grid_free(&g);
    return OW_OK;
}
