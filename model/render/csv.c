/* csv.c: the schedule as data, a row per piece of an item (RFC 4180). */
#include "formats.h"

#include <string.h>

/* RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
static void put_csv_field(ow_buf *b, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        ow_buf_puts(b, s);
        return;
    }
    ow_buf_putc(b, '"');
    for (; *s != '\0'; s++) {
        if (*s == '"')
            ow_buf_putc(b, '"');
        ow_buf_putc(b, *s);
    }
    ow_buf_putc(b, '"');
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
            put_csv_field(b, str_or_empty(body->id));
            ow_buf_printf(b, ",%d,%s,%s,%s,", m->n, date, start, end);
            put_csv_field(b, str_or_empty(room_name(inst, m->room)));
            ow_buf_putc(b, ',');
            if (m->n_pieces == 0) {
                ow_buf_puts(b, ",,,\r\n");
                continue;
            }
            const ow_piece *p = &m->pieces[k];
            const ow_item *item = ow_piece_item(inst, m, p);
            put_csv_field(b, str_or_empty(item->label));
            ow_buf_putc(b, ',');
            ow_buf title = OW_BUF_INIT;
            ow_buf_puts(&title, str_or_empty(item->title));
            ow_buf note = OW_BUF_INIT;
            if (ow_put_joint_note(&note, inst, m, p))
                ow_buf_printf(&title, " (%s)", ow_buf_str(&note));
            if (title.failed || note.failed)
                b->failed = true;
            put_csv_field(b, ow_buf_str(&title));
            ow_buf_free(&note);
            ow_buf_free(&title);
            ow_buf_printf(b, ",%d,%s\r\n", p->minutes, p->continued ? "true" : "false");
        }
    }
}
