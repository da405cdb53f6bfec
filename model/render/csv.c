/* csv.c: the schedule as data, a row per piece of an item (RFC 4180). */
#include "formats.h"

#include <string.h>

/* RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
 * A field that a spreadsheet would take for a formula (it begins with =, +, -, @,
 * a tab or a carriage return) gets a leading ' (OWASP, "CSV injection"), and control
 * characters other than line breaks and tabs (ESC, BEL, DEL, C1) are dropped
 * (docs/output.md). */
void ow_put_csv_field(ow_buf *b, const char *s)
{
    ow_buf clean = OW_BUF_INIT;
    if (strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0')
        ow_buf_putc(&clean, '\'');
    for (const unsigned char *c = (const unsigned char *)s; *c != '\0'; c++) {
        if ((*c < 0x20 && *c != '\t' && *c != '\r' && *c != '\n') || *c == 0x7F)
            continue;
        if (ow_c1_at((const char *)c)) {
            c++;
            continue;
        }
        ow_buf_putc(&clean, (char)*c);
    }
    if (clean.failed)
        b->failed = true;
    const char *t = ow_buf_str(&clean);
    if (strpbrk(t, ",\"\r\n") == NULL) {
        ow_buf_puts(b, t);
    } else {
        ow_buf_putc(b, '"');
        for (; *t != '\0'; t++) {
            if (*t == '"')
                ow_buf_putc(b, '"');
            ow_buf_putc(b, *t);
        }
        ow_buf_putc(b, '"');
    }
    ow_buf_free(&clean);
}

void ow_render_csv(const ow_instance *inst, const ow_schedule *s, const ow_render_options *opts,
                   ow_buf *b)
{
    ow_buf_puts(b, "body,meeting,date,start,end,room,item,title,minutes,continued\r\n");
    if (!ow_solve_status_has_schedule(s->status))
        return;
    for (size_t i = 0; i < s->n_meetings; i++) {
        const ow_meeting *m = &s->meetings[i];
        if (!body_selected(opts, m->body))
            continue;
        const ow_body *body = &inst->bodies[m->body];
        char date[11], start[6], end[6];
        ow_date_iso(m->date, date);
        ow_time_hhmm(m->start, start);
        ow_time_hhmm(m->end, end);
        /* A meeting without pieces still gets a row, with empty item fields. */
        size_t rows = m->n_pieces > 0 ? m->n_pieces : 1;
        for (size_t k = 0; k < rows; k++) {
            ow_put_csv_field(b, str_or_empty(body->id));
            ow_buf_printf(b, ",%d,%s,%s,%s,", m->n, date, start, end);
            ow_put_csv_field(b, str_or_empty(room_name(inst, m->room)));
            ow_buf_putc(b, ',');
            if (m->n_pieces == 0) {
                ow_buf_puts(b, ",,,\r\n");
                continue;
            }
            const ow_piece *p = &m->pieces[k];
            const ow_item *item = ow_piece_item(inst, m, p);
            ow_put_csv_field(b, str_or_empty(item->label));
            ow_buf_putc(b, ',');
            ow_buf title = OW_BUF_INIT;
            ow_buf_puts(&title, str_or_empty(item->title));
            ow_buf note = OW_BUF_INIT;
            if (ow_put_joint_note(&note, inst, m, p))
                ow_buf_printf(&title, " (%s)", ow_buf_str(&note));
            if (title.failed || note.failed)
                b->failed = true;
            ow_put_csv_field(b, ow_buf_str(&title));
            ow_buf_free(&note);
            ow_buf_free(&title);
            ow_buf_printf(b, ",%d,%s\r\n", p->minutes, p->continued ? "true" : "false");
        }
    }
}
