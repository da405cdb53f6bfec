/* odt.c: the proposed organization of work as an OpenDocument text (ODF 1.3), for
 * LibreOffice and the offices that keep ODF: the same layout as the Word document
 * (docx.c) — A4, the UN documents' margins, Times New Roman 10 pt, the table's
 * header row repeated on each page, bold day rows, "(continued)" in italics, the
 * overview and its key first for a period.  Zipped by zip.c with the mimetype
 * stored first, as ODF requires. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "orgwork/calendar.h"

#define NS_OFFICE "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
#define NS_ALL                                                                                     \
    NS_OFFICE " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "                  \
              "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "                     \
              "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "                   \
              "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "          \
              "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "            \
              "office:version=\"1.3\""

static const char MIMETYPE[] = "application/vnd.oasis.opendocument.text";

static const char MANIFEST[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
    "manifest:version=\"1.3\">"
    "<manifest:file-entry manifest:full-path=\"/\" "
    "manifest:media-type=\"application/vnd.oasis.opendocument.text\" manifest:version=\"1.3\"/>"
    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
    "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
    "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
    "</manifest:manifest>\n";

/* The page and the styles of docx.c, in centimetres (twips / 567). */
static const char STYLES[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-styles " NS_ALL ">"
    "<office:font-face-decls><style:font-face style:name=\"Times New Roman\" "
    "svg:font-family=\"'Times New Roman'\" style:font-family-generic=\"roman\"/>"
    "</office:font-face-decls><office:styles>"
    "<style:default-style style:family=\"paragraph\"><style:text-properties "
    "style:font-name=\"Times New Roman\" fo:font-size=\"10pt\" fo:language=\"en\" "
    "fo:country=\"GB\"/></style:default-style>"
    "<style:style style:name=\"Standard\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"HCh\" style:family=\"paragraph\"><style:paragraph-properties "
    "fo:margin-top=\"0.42cm\" fo:margin-bottom=\"0.42cm\" fo:keep-with-next=\"always\"/>"
    "<style:text-properties fo:font-size=\"14pt\" fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"H1\" style:family=\"paragraph\"><style:paragraph-properties "
    "fo:margin-top=\"0.42cm\" fo:margin-bottom=\"0.42cm\" fo:keep-with-next=\"always\"/>"
    "<style:text-properties fo:font-size=\"12pt\" fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"SingleTxt\" style:family=\"paragraph\"><style:paragraph-properties "
    "fo:margin-left=\"2.235cm\" fo:margin-right=\"2.235cm\" fo:margin-bottom=\"0.21cm\" "
    "fo:text-align=\"justify\"/></style:style>"
    "<style:style style:name=\"Cell\" style:family=\"paragraph\"><style:paragraph-properties "
    "fo:margin-top=\"0.07cm\" fo:margin-bottom=\"0.07cm\"/></style:style>"
    "<style:style style:name=\"HeadP\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Cell\"><style:text-properties fo:font-size=\"8pt\" "
    "fo:font-style=\"italic\"/></style:style>"
    "<style:style style:name=\"Small\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Cell\"><style:text-properties fo:font-size=\"8pt\"/></style:style>"
    "</office:styles><office:automatic-styles><style:page-layout style:name=\"A4\">"
    "<style:page-layout-properties fo:page-width=\"21.001cm\" fo:page-height=\"29.7cm\" "
    "style:print-orientation=\"portrait\" fo:margin-top=\"3.072cm\" "
    "fo:margin-bottom=\"3.347cm\" fo:margin-left=\"2.108cm\" fo:margin-right=\"2.108cm\"/>"
    "</style:page-layout></office:automatic-styles><office:master-styles>"
    "<style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"/>"
    "</office:master-styles></office:document-styles>\n";

/* Styles of the content: the annex table's columns (3.56, 2.03, 11.19 cm, as in the
 * Word document), its cells, rows that do not split, bold and italic spans, and a
 * heading that starts a new page. */
static const char AUTOMATIC_STYLES[] =
    "<office:automatic-styles>"
    "<style:style style:name=\"Annex\" style:family=\"table\"><style:table-properties "
    "style:width=\"16.78cm\" table:align=\"left\"/></style:style>"
    "<style:style style:name=\"Annex.A\" style:family=\"table-column\">"
    "<style:table-column-properties style:column-width=\"3.56cm\"/></style:style>"
    "<style:style style:name=\"Annex.B\" style:family=\"table-column\">"
    "<style:table-column-properties style:column-width=\"2.03cm\"/></style:style>"
    "<style:style style:name=\"Annex.C\" style:family=\"table-column\">"
    "<style:table-column-properties style:column-width=\"11.19cm\"/></style:style>"
    "<style:style style:name=\"Head\" style:family=\"table-cell\"><style:table-cell-properties "
    "fo:border-bottom=\"0.5pt solid #000000\" fo:border-top=\"none\" fo:border-left=\"none\" "
    "fo:border-right=\"none\" fo:padding=\"0.05cm\"/></style:style>"
    "<style:style style:name=\"Box\" style:family=\"table-cell\"><style:table-cell-properties "
    "fo:border=\"none\" fo:padding=\"0.05cm\"/></style:style>"
    "<style:style style:name=\"Joint\" style:family=\"table-cell\"><style:table-cell-properties "
    "fo:border=\"none\" fo:padding=\"0.05cm\" fo:background-color=\"#e4e4e4\"/></style:style>"
    "<style:style style:name=\"Row\" style:family=\"table-row\"><style:table-row-properties "
    "fo:keep-together=\"always\"/></style:style>"
    "<style:style style:name=\"B\" style:family=\"text\"><style:text-properties "
    "fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"I\" style:family=\"text\"><style:text-properties "
    "fo:font-style=\"italic\"/></style:style>"
    "<style:style style:name=\"PageHCh\" style:family=\"paragraph\" "
    "style:parent-style-name=\"HCh\"><style:paragraph-properties fo:break-before=\"page\"/>"
    "</style:style>"
    "<style:style style:name=\"PageH1\" style:family=\"paragraph\" "
    "style:parent-style-name=\"H1\"><style:paragraph-properties fo:break-before=\"page\"/>"
    "</style:style>"
    "</office:automatic-styles>";

/* ODF text: markup escaped, a line break as <text:line-break/>, a run of spaces as
 * one space and <text:s/> (ODF collapses white space otherwise). */
static void put_text(ow_buf *b, const char *s)
{
    ow_buf tmp = OW_BUF_INIT;
    for (;;) {
        size_t n = strcspn(s, "\r\n");
        buf_reset(&tmp);
        ow_put_xml_text(&tmp, s, n);
        const char *t = ow_buf_str(&tmp);
        for (size_t i = 0; i < tmp.len;) {
            size_t k = 0;
            while (i + k < tmp.len && t[i + k] == ' ')
                k++;
            if (k == 0) {
                ow_buf_putc(b, t[i++]);
                continue;
            }
            ow_buf_putc(b, ' ');
            if (k > 1)
                ow_buf_printf(b, "<text:s text:c=\"%zu\"/>", k - 1);
            i += k;
        }
        s += n;
        if (*s == '\0')
            break;
        s += (s[0] == '\r' && s[1] == '\n') ? 2 : 1;
        ow_buf_puts(b, "<text:line-break/>");
    }
    if (tmp.failed)
        b->failed = true;
    ow_buf_free(&tmp);
}

static void put_span(ow_buf *b, const char *style, const char *s)
{
    ow_buf_printf(b, "<text:span text:style-name=\"%s\">", style);
    put_text(b, s);
    ow_buf_puts(b, "</text:span>");
}

static void put_para(ow_buf *b, const char *tag, const char *style, const char *s)
{
    if (strcmp(tag, "text:h") == 0)
        ow_buf_printf(b, "<text:h text:style-name=\"%s\" text:outline-level=\"1\">", style);
    else
        ow_buf_printf(b, "<text:p text:style-name=\"%s\">", style);
    put_text(b, s);
    ow_buf_printf(b, "</%s>", tag);
}

static void open_cell(ow_buf *b, const char *cell_style, const char *para_style)
{
    ow_buf_printf(b,
                  "<table:table-cell table:style-name=\"%s\" office:value-type=\"string\">"
                  "<text:p text:style-name=\"%s\">",
                  cell_style, para_style);
}

static void close_cell(ow_buf *b)
{
    ow_buf_puts(b, "</text:p></table:table-cell>");
}

static void render_body(ow_buf *b, const ow_instance *inst, const ow_body *body, const annex *a,
                        size_t number, bool new_page, bool annex_heading)
{
    ow_buf text = OW_BUF_INIT;
    if (annex_heading)
        put_para(b, "text:h", new_page ? "PageHCh" : "HCh", "Annex");
    ow_put_heading_text(&text, inst, body);
    const char *style = annex_heading ? "HCh" : new_page ? "PageH1" : "H1";
    put_para(b, "text:h", style, ow_buf_str(&text));
    buf_reset(&text);
    ow_put_resources(&text, inst, body, a);
    put_para(b, "text:p", "SingleTxt", ow_buf_str(&text));
    ow_buf_printf(b,
                  "<table:table table:name=\"Annex%zu\" table:style-name=\"Annex\">"
                  "<table:table-column table:style-name=\"Annex.A\"/>"
                  "<table:table-column table:style-name=\"Annex.B\"/>"
                  "<table:table-column table:style-name=\"Annex.C\"/>"
                  "<table:table-header-rows><table:table-row>",
                  number);
    static const char *const names[3] = {"Date and time", "Agenda item", "Title or description"};
    for (int k = 0; k < 3; k++) {
        open_cell(b, "Head", "HeadP");
        put_text(b, names[k]);
        close_cell(b);
    }
    ow_buf_puts(b, "</table:table-row></table:table-header-rows>");
    for (size_t i = 0; i < a->n; i++) {
        const annex_row *r = &a->rows[i];
        ow_buf_puts(b, "<table:table-row table:style-name=\"Row\">");
        if (r->is_day) {
            ow_buf_puts(b, "<table:table-cell table:style-name=\"Box\" "
                           "table:number-columns-spanned=\"3\" office:value-type=\"string\">"
                           "<text:p text:style-name=\"Cell\">");
            put_span(b, "B", r->when);
            ow_buf_puts(b, "</text:p></table:table-cell><table:covered-table-cell/>"
                           "<table:covered-table-cell/></table:table-row>");
            continue;
        }
        open_cell(b, "Box", "Cell");
        put_text(b, r->when);
        close_cell(b);
        open_cell(b, "Box", "Cell");
        put_text(b, r->label);
        close_cell(b);
        open_cell(b, "Box", "Cell");
        buf_reset(&text);
        ow_put_row_title(&text, inst, r);
        put_text(b, ow_buf_str(&text));
        if (r->continued) {
            ow_buf_puts(b, " (");
            put_span(b, "I", "continued");
            ow_buf_puts(b, ")");
        }
        close_cell(b);
        ow_buf_puts(b, "</table:table-row>");
    }
    ow_buf_puts(b, "</table:table>");
    if (text.failed)
        b->failed = true;
    ow_buf_free(&text);
}

static ow_status render_overview(ow_buf *b, const ow_instance *inst, const ow_schedule *s,
                                 const ow_render_options *opts, ow_error *err)
{
    grid g;
    ow_status rc = ow_grid_build(inst, s, opts, &g, err);
    if (rc != OW_OK)
        return rc;
    put_para(b, "text:h", "H1", "Overview of the period");
    size_t ncols = 1 + g.n_slots * g.n_rooms;
    ow_buf_printf(b,
                  "<table:table table:name=\"Overview\" table:style-name=\"Annex\">"
                  "<table:table-column table:style-name=\"Annex.A\"/>"
                  "<table:table-column table:number-columns-repeated=\"%zu\"/>"
                  "<table:table-header-rows><table:table-row>",
                  ncols - 1);
    open_cell(b, "Head", "Small");
    put_span(b, "B", "Date");
    close_cell(b);
    char text[64];
    for (size_t c = 1; c < ncols; c++) {
        open_cell(b, "Head", "Small");
        ow_slot_house(g.slots[(c - 1) / g.n_rooms], text, sizeof text);
        put_span(b, "B", text);
        ow_buf_puts(b, "<text:line-break/>");
        const char *room = room_name(inst, g.rooms[(c - 1) % g.n_rooms]);
        put_span(b, "B", room != NULL ? room : "");
        close_cell(b);
    }
    ow_buf_puts(b, "</table:table-row></table:table-header-rows>");
    size_t cursor = 0;
    ow_buf cell = OW_BUF_INIT;
    for (size_t d = 0; d < g.n_dates; d++) {
        ow_buf_puts(b, "<table:table-row table:style-name=\"Row\">");
        open_cell(b, "Box", "Small");
        ow_date_long(g.dates[d], text, sizeof text);
        put_text(b, text);
        close_cell(b);
        for (size_t c = 1; c < ncols; c++) {
            const ow_meeting *const *meetings = &g.list[cursor];
            size_t n = ow_grid_cell(&g, d, c - 1, &cursor);
            size_t bodies = n > 0 ? ow_cell_bodies(inst, &g, meetings, n) : 0;
            open_cell(b, bodies > 1 ? "Joint" : "Box", "Small");
            for (size_t k = 0; n > 0 && k < inst->n_bodies; k++) {
                if (!g.attends[k])
                    continue;
                put_span(b, "B", inst->bodies[k].id);
                ow_buf_puts(b, "<text:line-break/>");
            }
            if (n > 0) {
                buf_reset(&cell);
                ow_put_cell_items(&cell, inst, meetings, n);
                put_text(b, ow_buf_str(&cell));
            }
            close_cell(b);
        }
        ow_buf_puts(b, "</table:table-row>");
    }
    ow_buf_puts(b, "</table:table>");
    put_para(b, "text:p", "Cell", "");
    ow_buf_puts(b, "<text:p text:style-name=\"Cell\">");
    put_span(b, "I", "Bodies");
    ow_buf_puts(b, "</text:p>");
    for (size_t k = 0; k < inst->n_bodies; k++) {
        if (!body_selected(opts, k))
            continue;
        ow_buf_puts(b, "<text:p text:style-name=\"Standard\">");
        put_span(b, "B", inst->bodies[k].id);
        ow_buf_puts(b, "<text:tab/>");
        put_text(b, inst->bodies[k].name != NULL ? inst->bodies[k].name : "");
        ow_buf_puts(b, "</text:p>");
    }
    if (cell.failed)
        b->failed = true;
    ow_buf_free(&cell);
    ow_grid_free(&g);
    return OW_OK;
}

static ow_status render_content(const ow_instance *inst, const ow_schedule *s,
                                const ow_render_options *opts, ow_buf *b, ow_error *err)
{
    ow_status rc = OW_OK;
    body_meetings bm = {0, NULL};
    annex a = {0, NULL};
    ow_buf_puts(b,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " NS_ALL ">");
    ow_buf_puts(b, AUTOMATIC_STYLES);
    ow_buf_puts(b, "<office:body><office:text>");
    bool page = false;
    size_t number = 0;
    if (!ow_solve_status_has_schedule(s->status)) {
        put_para(b, "text:p", "Standard", ow_no_schedule_note(s));
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
            render_body(b, inst, &inst->bodies[i], &a, ++number, page, opts->annex_heading);
            page = true;
            free(a.rows);
            a.rows = NULL;
            free(bm.list);
            bm.list = NULL;
        }
    }
    ow_buf_puts(b, "</office:text></office:body></office:document-content>\n");
done:
    free(a.rows);
    free(bm.list);
    return rc;
}

static void render_meta(ow_buf *b, const ow_instance *inst)
{
    char date[11];
    ow_date_iso(ow_document_date(inst), date);
    const char *title = inst->title != NULL ? inst->title : "Proposed organization of work";
    ow_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta " NS_OFFICE
                   " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
                   "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\">"
                   "<office:meta><dc:title>");
    ow_put_xml_text(b, title, strlen(title));
    ow_buf_printf(b,
                  "</dc:title><meta:generator>orgwork</meta:generator>"
                  "<dc:language>en-GB</dc:language>"
                  "<meta:creation-date>%sT00:00:00</meta:creation-date>"
                  "<dc:date>%sT00:00:00</dc:date></office:meta></office:document-meta>\n",
                  date, date);
}

ow_status ow_render_odt(const ow_instance *inst, const ow_schedule *s,
                        const ow_render_options *opts, ow_buf *out, ow_error *err)
{
    ow_status rc = OW_OK;
    ow_buf content = OW_BUF_INIT, meta = OW_BUF_INIT;
    OW_CALL(render_content(inst, s, opts, &content, err));
    render_meta(&meta, inst);
    if (content.failed || meta.failed) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    const ow_zip_entry entries[] = {
        {"mimetype", MIMETYPE, sizeof MIMETYPE - 1, true},
        {"META-INF/manifest.xml", MANIFEST, sizeof MANIFEST - 1, false},
        {"meta.xml", meta.data, meta.len, false},
        {"styles.xml", STYLES, sizeof STYLES - 1, false},
        {"content.xml", content.data, content.len, false},
    };
    rc = ow_zip_entries(entries, sizeof entries / sizeof entries[0], inst, out, err);
done:
    ow_buf_free(&content);
    ow_buf_free(&meta);
    return rc;
}
