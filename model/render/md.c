/* md.c: the annex as Markdown, a table per body (the seeds' layout). */
#include "formats.h"

#include <string.h>

/* Markdown cell text: characters that would end the cell or start emphasis, code
 * or raw HTML are escaped; a line break inside a title becomes <br>, the only way
 * a table cell can hold one. */
void ow_put_md_escaped(ow_buf *b, const char *s)
{
    for (; *s != '\0'; s++) {
        char c = *s;
        if (c == '\r' && s[1] == '\n')
            continue;
        if (c == '\n' || c == '\r')
            ow_buf_puts(b, "<br>");
        else if (ow_c1_at(s) && ++s)
            ow_buf_putc(b, ' ');
        else if ((unsigned char)c < 0x20 || c == 0x7F)
            ow_buf_putc(b, ' ');
        else if (strchr("\\|*_`<>[]", c) != NULL) {
            ow_buf_putc(b, '\\');
            ow_buf_putc(b, c);
        } else
            ow_buf_putc(b, c);
    }
}

/* One cell after its opening bar: " text |", or " |" when empty. */
void ow_put_md_cell(ow_buf *b, const char *text, bool continued)
{
    if (text[0] == '\0' && !continued) {
        ow_buf_puts(b, " |");
        return;
    }
    ow_buf_putc(b, ' ');
    ow_put_md_escaped(b, text);
    ow_buf_puts(b, continued ? " (*continued*) |" : " |");
}

void ow_render_md_body(ow_buf *b, const ow_instance *inst, const ow_body *body, const annex *a)
{
    ow_buf_puts(b, "## ");
    ow_buf heading = OW_BUF_INIT;
    ow_put_heading_text(&heading, inst, body);
    if (heading.failed)
        b->failed = true;
    ow_put_md_escaped(b, ow_buf_str(&heading));
    ow_buf_free(&heading);
    ow_buf_puts(b, "\n\n");

    ow_buf sentence = OW_BUF_INIT;
    ow_put_resources(&sentence, inst, body, a);
    if (sentence.failed)
        b->failed = true;
    ow_put_md_escaped(b, ow_buf_str(&sentence));
    ow_buf_free(&sentence);
    ow_buf_puts(b, "\n\n");

    ow_buf_puts(b, "| Date and time | Agenda item | Title or description |\n");
    ow_buf_puts(b, "|---|---|---|\n");
    for (size_t i = 0; i < a->n; i++) {
        const annex_row *r = &a->rows[i];
        if (r->is_day) {
            ow_buf_puts(b, "| **");
            ow_put_md_escaped(b, r->when);
            ow_buf_puts(b, "** | | |\n");
            continue;
        }
        ow_buf title = OW_BUF_INIT;
        ow_put_row_title(&title, inst, r);
        if (title.failed)
            b->failed = true;
        ow_buf_putc(b, '|');
        ow_put_md_cell(b, r->when, false);
        ow_put_md_cell(b, r->label, false);
        ow_put_md_cell(b, ow_buf_str(&title), r->continued);
        ow_buf_putc(b, '\n');
        ow_buf_free(&title);
    }
}
