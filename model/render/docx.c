/* docx.c: the proposed organization of work as a Word document (WordprocessingML,
 * ECMA-376) in the layout of the United Nations documents the annex goes into: A4,
 * the documents' margins, Times New Roman 10 pt, the three-column table with its
 * header row repeated on every page, day rows in bold, "(continued)" in italics.
 * A period opens with the overview timetable and a key of the bodies.
 *
 * The package (a zip archive, zip.c) carries a fixed time and the document a fixed
 * date (the instance's `issued:`), so the same input gives the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "orgwork/calendar.h"

/* Sizes in twentieths of a point (twips). */
#define PAGE_WIDTH    11906 /* A4 */
#define PAGE_HEIGHT   16838
#define MARGIN_TOP    1742
#define MARGIN_BOTTOM 1898
#define MARGIN_SIDE   1195
#define TEXT_WIDTH    (PAGE_WIDTH - 2 * MARGIN_SIDE)
#define COL_WHEN      2016
#define COL_ITEM      1152
#define COL_TITLE     (TEXT_WIDTH - COL_WHEN - COL_ITEM)
#define INDENT        1267 /* the documents' paragraph indent, 2.235 cm */

static const char CONTENT_TYPES[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    "</Types>\n";

static const char PACKAGE_RELS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
    "</Relationships>\n";

static const char DOCUMENT_RELS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/settings\" Target=\"settings.xml\"/>"
    "</Relationships>\n";

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static const char SETTINGS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:settings " W_NS "><w:defaultTabStop w:val=\"1267\"/>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
    "</w:settings>\n";

/* Times New Roman 10 pt, British English; the documents' heading styles HCh (14 pt
 * bold) and H1 (12 pt bold), and SingleTxt, their indented body paragraph. */
static const char STYLES[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles " W_NS ">"
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
    "w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
    "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"en-GB\"/>"
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
    "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"HCh\"><w:name w:val=\"HCh\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
    "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"240\" "
    "w:line=\"300\" w:lineRule=\"exact\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
    "<w:rPr><w:b/><w:spacing w:val=\"-2\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:name w:val=\"H1\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
    "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"240\" "
    "w:line=\"270\" w:lineRule=\"exact\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
    "<w:rPr><w:b/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"SingleTxt\"><w:name w:val=\"SingleTxt\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:qFormat/>"
    "<w:pPr><w:spacing w:after=\"120\"/><w:ind w:left=\"1267\" w:right=\"1267\"/>"
    "<w:jc w:val=\"both\"/></w:pPr></w:style>"
    "</w:styles>\n";

/* Text as runs' content: each line of s in a <w:t>, line breaks as <w:br/>. */
static void put_run_text(ow_buf *b, const char *rpr, const char *s)
{
    ow_buf_printf(b, "<w:r>%s<w:t xml:space=\"preserve\">", rpr);
    for (;;) {
        size_t n = strcspn(s, "\r\n");
        ow_put_xml_text(b, s, n);
        s += n;
        if (*s == '\0')
            break;
        s += (s[0] == '\r' && s[1] == '\n') ? 2 : 1;
        ow_buf_puts(b, "</w:t><w:br/><w:t xml:space=\"preserve\">");
    }
    ow_buf_puts(b, "</w:t></w:r>");
}

static void put_paragraph(ow_buf *b, const char *style, const char *text)
{
    ow_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
    put_run_text(b, "", text);
    ow_buf_puts(b, "</w:p>");
}

static void put_page_break(ow_buf *b)
{
    ow_buf_puts(b, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
}

/* A cell of width w (twips) holding one paragraph; nowrap keeps times and labels
 * on one line; shaded marks a joint meeting in the overview. */
static void open_shaded_cell(ow_buf *b, int w, int span, bool nowrap, bool rule_below, bool shaded)
{
    ow_buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", w);
    if (shaded)
        ow_buf_puts(b, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E4E4E4\"/>");
    if (span > 1)
        ow_buf_printf(b, "<w:gridSpan w:val=\"%d\"/>", span);
    if (rule_below)
        ow_buf_puts(b, "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
                       "w:color=\"000000\"/></w:tcBorders>");
    if (nowrap)
        ow_buf_puts(b, "<w:noWrap/>");
    ow_buf_puts(b, "</w:tcPr><w:p><w:pPr><w:spacing w:before=\"40\" w:after=\"40\"/></w:pPr>");
}

static void open_cell(ow_buf *b, int w, int span, bool nowrap, bool rule_below)
{
    open_shaded_cell(b, w, span, nowrap, rule_below, false);
}

static void close_cell(ow_buf *b)
{
    ow_buf_puts(b, "</w:p></w:tc>");
}

static void put_table_start(ow_buf *b, const int *cols, size_t n)
{
    int width = 0;
    for (size_t i = 0; i < n; i++)
        width += cols[i];
    ow_buf_printf(b,
                  "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
                  "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
                  "<w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"113\" w:type=\"dxa\"/>"
                  "</w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>",
                  width);
    for (size_t i = 0; i < n; i++)
        ow_buf_printf(b, "<w:gridCol w:w=\"%d\"/>", cols[i]);
    ow_buf_puts(b, "</w:tblGrid>");
}

/* The header row, repeated at the top of every page the table runs over. */
static void put_header_row(ow_buf *b, const int *cols, const char *const *names, size_t n)
{
    ow_buf_puts(b, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for (size_t i = 0; i < n; i++) {
        open_cell(b, cols[i], 1, false, true);
        put_run_text(b, "<w:rPr><w:i/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>",
                     names[i]);
        close_cell(b);
    }
    ow_buf_puts(b, "</w:tr>");
}

static void render_body(ow_buf *b, const ow_instance *inst, const ow_body *body, const annex *a,
                        bool annex_heading)
{
    ow_buf text = OW_BUF_INIT;
    if (annex_heading)
        put_paragraph(b, "HCh", "Annex");
    ow_put_heading_text(&text, inst, body);
    put_paragraph(b, annex_heading ? "HCh" : "H1", ow_buf_str(&text));
    buf_reset(&text);
    ow_put_resources(&text, inst, body, a);
    put_paragraph(b, "SingleTxt", ow_buf_str(&text));

    static const int cols[3] = {COL_WHEN, COL_ITEM, COL_TITLE};
    static const char *const names[3] = {"Date and time", "Agenda item", "Title or description"};
    put_table_start(b, cols, 3);
    put_header_row(b, cols, names, 3);
    for (size_t i = 0; i < a->n; i++) {
        const annex_row *r = &a->rows[i];
        ow_buf_puts(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        if (r->is_day) {
            /* A day row stays with the meeting below it. */
            ow_buf_printf(b,
                          "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>"
                          "<w:gridSpan w:val=\"3\"/></w:tcPr><w:p><w:pPr><w:keepNext/>"
                          "<w:spacing w:before=\"160\" w:after=\"40\"/></w:pPr>",
                          TEXT_WIDTH);
            put_run_text(b, "<w:rPr><w:b/></w:rPr>", r->when);
            ow_buf_puts(b, "</w:p></w:tc></w:tr>");
            continue;
        }
        open_cell(b, COL_WHEN, 1, true, false);
        put_run_text(b, "", r->when);
        close_cell(b);
        open_cell(b, COL_ITEM, 1, true, false);
        put_run_text(b, "", r->label);
        close_cell(b);
        open_cell(b, COL_TITLE, 1, false, false);
        buf_reset(&text);
        ow_put_row_title(&text, inst, r);
        put_run_text(b, "", ow_buf_str(&text));
        if (r->continued) {
            put_run_text(b, "", " (");
            put_run_text(b, "<w:rPr><w:i/></w:rPr>", "continued");
            put_run_text(b, "", ")");
        }
        close_cell(b);
        ow_buf_puts(b, "</w:tr>");
    }
    ow_buf_puts(b, "</w:tbl>");
    if (text.failed)
        b->failed = true;
    ow_buf_free(&text);
}

/* The overview timetable: a column for the dates, one per meeting time and room;
 * each cell names the bodies meeting there and the items they take.  Then the key
 * of the bodies' ids. */
static ow_status render_overview(ow_buf *b, const ow_instance *inst, const ow_schedule *s,
                                 const ow_render_options *opts, ow_error *err)
{
    grid g;
    ow_status rc = ow_grid_build(inst, s, opts, &g, err);
    if (rc != OW_OK)
        return rc;
    put_paragraph(b, "H1", "Overview of the period");
    size_t ncols = 1 + g.n_slots * g.n_rooms;
    int *cols = malloc(ncols * sizeof *cols);
    if (cols == NULL) {
        ow_grid_free(&g);
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    }
    cols[0] = 1900;
    for (size_t c = 1; c < ncols; c++)
        cols[c] = (TEXT_WIDTH - cols[0]) / (int)(ncols - 1);
    put_table_start(b, cols, ncols);
    static const char *small = "<w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>";
    static const char *small_bold =
        "<w:rPr><w:b/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>";
    char text[64];
    ow_buf_puts(b, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    open_cell(b, cols[0], 1, false, true);
    put_run_text(b, small_bold, "Date");
    close_cell(b);
    ow_buf cell = OW_BUF_INIT;
    for (size_t c = 1; c < ncols; c++) {
        open_cell(b, cols[c], 1, false, true);
        ow_slot_house(g.slots[(c - 1) / g.n_rooms], text, sizeof text);
        put_run_text(b, small_bold, text);
        ow_buf_puts(b, "<w:r><w:br/></w:r>");
        const char *room = room_name(inst, g.rooms[(c - 1) % g.n_rooms]);
        put_run_text(b, small_bold, room != NULL ? room : "");
        close_cell(b);
    }
    ow_buf_puts(b, "</w:tr>");
    size_t cursor = 0;
    for (size_t d = 0; d < g.n_dates; d++) {
        ow_buf_puts(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        open_cell(b, cols[0], 1, false, false);
        ow_date_long(g.dates[d], text, sizeof text);
        put_run_text(b, small, text);
        close_cell(b);
        for (size_t c = 1; c < ncols; c++) {
            const ow_meeting *const *meetings = &g.list[cursor];
            size_t n = ow_grid_cell(&g, d, c - 1, &cursor);
            size_t bodies = n > 0 ? ow_cell_bodies(inst, &g, meetings, n) : 0;
            open_shaded_cell(b, cols[c], 1, false, false, bodies > 1);
            if (n > 0) {
                for (size_t k = 0; k < inst->n_bodies; k++) {
                    if (!g.attends[k])
                        continue;
                    put_run_text(b, small_bold, inst->bodies[k].id);
                    ow_buf_puts(b, "<w:r><w:br/></w:r>");
                }
                buf_reset(&cell);
                ow_put_cell_items(&cell, inst, meetings, n);
                put_run_text(b, small, ow_buf_str(&cell));
            }
            close_cell(b);
        }
        ow_buf_puts(b, "</w:tr>");
    }
    ow_buf_puts(b, "</w:tbl>");
    /* The key: every body of the overview, id and name. */
    ow_buf_puts(b, "<w:p><w:pPr><w:spacing w:before=\"240\" w:after=\"120\"/></w:pPr>");
    put_run_text(b, "<w:rPr><w:i/></w:rPr>", "Bodies");
    ow_buf_puts(b, "</w:p>");
    for (size_t k = 0; k < inst->n_bodies; k++) {
        if (!body_selected(opts, k))
            continue;
        ow_buf_puts(b, "<w:p><w:pPr><w:ind w:left=\"1267\" w:hanging=\"1267\"/></w:pPr>");
        put_run_text(b, "<w:rPr><w:b/></w:rPr>", inst->bodies[k].id);
        ow_buf_puts(b, "<w:r><w:tab/></w:r>");
        put_run_text(b, "", inst->bodies[k].name != NULL ? inst->bodies[k].name : "");
        ow_buf_puts(b, "</w:p>");
    }
    if (cell.failed)
        b->failed = true;
    ow_buf_free(&cell);
    free(cols);
    ow_grid_free(&g);
    return OW_OK;
}

static ow_status render_document(const ow_instance *inst, const ow_schedule *s,
                                 const ow_render_options *opts, ow_buf *b, ow_error *err)
{
    ow_status rc = OW_OK;
    body_meetings bm = {0, NULL};
    annex a = {0, NULL};
    ow_buf_puts(b,
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " W_NS
                "><w:body>");
    bool page = false;
    if (!ow_solve_status_has_schedule(s->status)) {
        put_paragraph(b, "Normal", ow_no_schedule_note(s));
    } else {
        if (inst->n_bodies > 1 && opts->body < 0) {
            OW_CALL(render_overview(b, inst, s, opts, err));
            page = true;
        }
        for (size_t i = 0; i < inst->n_bodies; i++) {
            if (!body_selected(opts, i))
                continue;
            OW_CALL(ow_collect_meetings(s, i, &bm, err));
            OW_CALL(ow_build_annex(inst, &bm, &a, err));
            if (page)
                put_page_break(b);
            page = true;
            render_body(b, inst, &inst->bodies[i], &a, opts->annex_heading);
            free(a.rows);
            a.rows = NULL;
            free(bm.list);
            bm.list = NULL;
        }
    }
    ow_buf_printf(b,
                  "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" "
                  "w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"576\" "
                  "w:footer=\"1030\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>\n",
                  PAGE_WIDTH, PAGE_HEIGHT, MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM, MARGIN_SIDE);
done:
    free(a.rows);
    free(bm.list);
    return rc;
}

static void render_core(ow_buf *b, const ow_instance *inst)
{
    char date[11];
    ow_date_iso(ow_document_date(inst), date);
    const char *title = inst->title != NULL ? inst->title : "Proposed organization of work";
    ow_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
                   "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                   "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                   "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
    ow_put_xml_text(b, title, strlen(title));
    ow_buf_printf(b,
                  "</dc:title><dc:creator>orgwork</dc:creator><dc:language>en-GB</dc:language>"
                  "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%sT00:00:00Z</dcterms:created>"
                  "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%sT00:00:00Z</dcterms:modified>"
                  "</cp:coreProperties>\n",
                  date, date);
}

static const char APP[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/"
                          "2006/extended-properties\"><Application>orgwork</Application>"
                          "</Properties>\n";

ow_status ow_render_docx(const ow_instance *inst, const ow_schedule *s,
                         const ow_render_options *opts, ow_buf *out, ow_error *err)
{
    ow_status rc = OW_OK;
    ow_buf doc = OW_BUF_INIT, core = OW_BUF_INIT;
    OW_CALL(render_document(inst, s, opts, &doc, err));
    render_core(&core, inst);
    if (doc.failed || core.failed) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    const ow_zip_entry entries[] = {
        {"[Content_Types].xml", CONTENT_TYPES, sizeof CONTENT_TYPES - 1, false},
        {"_rels/.rels", PACKAGE_RELS, sizeof PACKAGE_RELS - 1, false},
        {"docProps/core.xml", core.data, core.len, false},
        {"docProps/app.xml", APP, sizeof APP - 1, false},
        {"word/_rels/document.xml.rels", DOCUMENT_RELS, sizeof DOCUMENT_RELS - 1, false},
        {"word/document.xml", doc.data, doc.len, false},
        {"word/styles.xml", STYLES, sizeof STYLES - 1, false},
        {"word/settings.xml", SETTINGS, sizeof SETTINGS - 1, false},
    };
    rc = ow_zip_entries(entries, sizeof entries / sizeof entries[0], inst, out, err);
done:
    ow_buf_free(&doc);
    ow_buf_free(&core);
    return rc;
}
