/* html.c: the annex as one HTML page, a table per body, with the style the seeds'
 * annexes print in. */
#include "formats.h"

void ow_put_html_escaped(ow_buf *b, const char *s)
{
    for (; *s != '\0'; s++) {
        switch (*s) {
        case '&':
            ow_buf_puts(b, "&amp;");
            break;
        case '<':
            ow_buf_puts(b, "&lt;");
            break;
        case '>':
            ow_buf_puts(b, "&gt;");
            break;
        case '"':
            ow_buf_puts(b, "&quot;");
            break;
        case '\'':
            ow_buf_puts(b, "&#39;");
            break;
        case '\r':
            if (s[1] != '\n')
                ow_buf_puts(b, "<br>");
            break;
        case '\n':
            ow_buf_puts(b, "<br>");
            break;
        default:
            if (ow_c1_at(s) && ++s)
                ow_buf_putc(b, ' ');
            else if ((unsigned char)*s < 0x20 || *s == 0x7F)
                ow_buf_putc(b, ' ');
            else
                ow_buf_putc(b, *s);
        }
    }
}

static const char HTML_STYLE[] =
    "body { font-family: \"Times New Roman\", Times, serif; font-size: 11pt;"
    " margin: 2em auto; max-width: 48em; color: #000; background: #fff; }\n"
    "h1 { font-size: 14pt; }\n"
    "h2 { font-size: 12pt; margin-top: 2em; }\n"
    "table { border-collapse: collapse; width: 100%; }\n"
    "th, td { text-align: left; vertical-align: top; padding: 0.2em 0.6em 0.2em 0; }\n"
    "thead th { font-style: italic; font-weight: normal; border-bottom: 1px solid #000; }\n"
    "td.when { white-space: nowrap; width: 9em; }\n"
    "td.item { white-space: nowrap; width: 6em; }\n"
    "tr.day th { font-weight: bold; padding-top: 0.8em; }\n"
    "p.annex { font-size: 14pt; font-weight: bold; margin: 0 0 0.5em; }\n"
    "@page { size: A4; margin: 2cm 2.1cm 2.3cm; }\n"
    "@media print {\n"
    "  body { margin: 0; max-width: none; font-size: 10pt; }\n"
    "  section + section.annex { break-before: page; }\n"
    "  h2, tr.day { break-after: avoid-page; }\n"
    "  thead { display: table-header-group; }\n"
    "  tr { break-inside: avoid; }\n"
    "}\n";

/* Added to HTML_STYLE only for a page with the overview. */
static const char HTML_OVERVIEW_STYLE[] =
    "table.overview { width: auto; font-size: 9pt; margin-bottom: 1em; }\n"
    "table.overview th, table.overview td { border: 1px solid #000; padding: 0.2em 0.4em; }\n"
    "table.overview thead th { text-align: center; font-style: normal; font-weight: bold; }\n"
    "table.overview tbody th { white-space: nowrap; font-weight: normal; }\n"
    "table.overview td.joint { background: #eee; }\n"
    "table.key { width: auto; font-size: 9pt; }\n"
    "table.key caption { text-align: left; font-style: italic; }\n"
    "table.key th { padding-right: 1em; }\n";

void ow_put_html_nowrap(ow_buf *b, const char *s, bool keep_lists)
{
    ow_buf tmp = OW_BUF_INIT;
    ow_put_html_escaped(&tmp, s);
    const char *t = ow_buf_str(&tmp);
    for (size_t i = 0; i < tmp.len; i++) {
        if (t[i] == ' ' && !(keep_lists && i > 0 && t[i - 1] == ','))
            ow_buf_puts(b, "&nbsp;");
        else
            ow_buf_putc(b, t[i]);
    }
    if (tmp.failed)
        b->failed = true;
    ow_buf_free(&tmp);
}

void ow_render_html_body(ow_buf *b, const ow_instance *inst, const ow_body *body, const annex *a,
                         bool annex_heading)
{
    if (annex_heading)
        ow_buf_puts(b, "<section class=\"annex\">\n<p class=\"annex\">Annex</p>\n<h2>");
    else
        ow_buf_puts(b, "<section>\n<h2>");
    ow_buf tmp = OW_BUF_INIT;
    ow_put_heading_text(&tmp, inst, body);
    ow_put_html_escaped(b, ow_buf_str(&tmp));
    if (tmp.failed)
        b->failed = true;
    ow_buf_free(&tmp);
    ow_buf_puts(b, "</h2>\n<p>");
    ow_put_resources(&tmp, inst, body, a);
    ow_put_html_escaped(b, ow_buf_str(&tmp));
    if (tmp.failed)
        b->failed = true;
    ow_buf_free(&tmp);
    ow_buf_puts(b, "</p>\n<table>\n<thead>\n<tr><th scope=\"col\">Date and time</th>"
                   "<th scope=\"col\">Agenda item</th>"
                   "<th scope=\"col\">Title or description</th></tr>\n</thead>\n<tbody>\n");
    for (size_t i = 0; i < a->n; i++) {
        const annex_row *r = &a->rows[i];
        if (r->is_day) {
            ow_buf_puts(b, "<tr class=\"day\"><th colspan=\"3\" scope=\"rowgroup\">");
            ow_put_html_escaped(b, r->when);
            ow_buf_puts(b, "</th></tr>\n");
            continue;
        }
        ow_buf_puts(b, "<tr><td class=\"when\">");
        ow_put_html_nowrap(b, r->when, false);
        ow_buf_puts(b, "</td><td class=\"item\">");
        ow_put_html_nowrap(b, r->label, false);
        /* dir="auto": an Arabic title reads right to left inside an English page. */
        ow_buf_puts(b, "</td><td dir=\"auto\">");
        ow_buf title = OW_BUF_INIT;
        ow_put_row_title(&title, inst, r);
        ow_put_html_escaped(b, ow_buf_str(&title));
        if (title.failed)
            b->failed = true;
        ow_buf_free(&title);
        if (r->continued)
            ow_buf_puts(b, " (<i>continued</i>)");
        ow_buf_puts(b, "</td></tr>\n");
    }
    ow_buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

void ow_put_html_head(ow_buf *b, const ow_instance *inst, bool overview)
{
    const char *title = inst->title != NULL ? inst->title : "Proposed organization of work";
    ow_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>");
    ow_put_html_escaped(b, title);
    ow_buf_printf(b, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n", HTML_STYLE,
                  overview ? HTML_OVERVIEW_STYLE : "");
    if (inst->title != NULL) {
        ow_buf_puts(b, "<h1>");
        ow_put_html_escaped(b, inst->title);
        ow_buf_puts(b, "</h1>\n");
    }
}
