/* ics.c: the schedule as an iCalendar file, an event per meeting (RFC 5545). */
#include "formats.h"

/* RFC 5545 §3.1: content lines are folded at 75 octets. */
#define ICS_LINE_OCTETS 75

/* RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, line breaks as
 * \n; other control characters are not allowed in TEXT and become spaces. */
static void put_ics_text(ow_buf *b, const char *s)
{
    for (; *s != '\0'; s++) {
        char c = *s;
        if (c == '\r' && s[1] == '\n')
            continue;
        if (c == '\\' || c == ';' || c == ',') {
            ow_buf_putc(b, '\\');
            ow_buf_putc(b, c);
        } else if (c == '\n' || c == '\r') {
            ow_buf_puts(b, "\\n");
        } else if (ow_c1_at(s) && ++s) {
            ow_buf_putc(b, ' ');
        } else if ((unsigned char)c < 0x20 || c == 0x7F) {
            ow_buf_putc(b, ' ');
        } else {
            ow_buf_putc(b, c);
        }
    }
}

/* Ends a content line: folds it (RFC 5545 §3.1) so no physical line exceeds 75
 * octets, breaking only between UTF-8 characters, and closes it with CRLF. */
static void put_ics_line(ow_buf *b, const char *line, size_t n)
{
    size_t room = ICS_LINE_OCTETS;
    size_t i = 0;
    while (n - i > room) {
        size_t cut = i;
        while (cut < n) {
            uint32_t c;
            size_t len = ow_utf8_next(line + cut, n - cut, &c);
            if (cut + len - i > room)
                break;
            cut += len;
        }
        ow_buf_append(b, line + i, cut - i);
        ow_buf_puts(b, "\r\n ");
        i = cut;
        room = ICS_LINE_OCTETS - 1; /* the leading space counts */
    }
    ow_buf_append(b, line + i, n - i);
    ow_buf_puts(b, "\r\n");
}

static void put_ics_datetime(ow_buf *b, ow_date date, int minutes)
{
    /* 24:00 ends a day: iCalendar spells it as midnight of the next. */
    date += minutes / (24 * 60);
    minutes %= 24 * 60;
    int y, mo, d;
    ow_date_to_ymd(date, &y, &mo, &d);
    ow_buf_printf(b, "%04d%02d%02dT%02d%02d00", y, mo, d, minutes / 60, minutes % 60);
}

/* UIDs stay within characters every calendar program accepts. */
static void put_ics_uid_part(ow_buf *b, const char *s)
{
    for (; *s != '\0'; s++) {
        char c = *s;
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '-' || c == '_';
        ow_buf_putc(b, ok ? c : '-');
    }
}

void ow_render_ics(const ow_instance *inst, const ow_schedule *s, const ow_render_options *opts,
                   ow_buf *b)
{
    ow_buf line = OW_BUF_INIT;
    ow_buf_puts(b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//orgwork//orgwork 0.1//EN\r\n"
                   "CALSCALE:GREGORIAN\r\n");
    ow_date stamp = inst->has_issued ? inst->issued : inst->calendar.start;
    for (size_t i = 0; ow_solve_status_has_schedule(s->status) && i < s->n_meetings; i++) {
        const ow_meeting *m = &s->meetings[i];
        if (!body_selected(opts, m->body))
            continue;
        const ow_body *body = &inst->bodies[m->body];
        ow_buf_puts(b, "BEGIN:VEVENT\r\n");

        ow_buf_puts(&line, "UID:");
        put_ics_uid_part(&line, str_or_empty(body->id));
        ow_buf_printf(&line, "-%d@orgwork", m->n);
        put_ics_line(b, line.data, line.len);
        line.len = 0;

        ow_buf_puts(b, "DTSTAMP:");
        put_ics_datetime(b, stamp, 0);
        ow_buf_puts(b, "Z\r\nDTSTART:");
        put_ics_datetime(b, m->date, m->start);
        ow_buf_puts(b, "\r\nDTEND:");
        put_ics_datetime(b, m->date, m->end);
        ow_buf_puts(b, "\r\n");

        ow_buf_puts(&line, "SUMMARY:");
        put_ics_text(&line, str_or_empty(body->name));
        ow_buf_printf(&line, ": meeting %d", m->n);
        put_ics_line(b, line.data, line.len);
        line.len = 0;

        if (m->n_pieces > 0) {
            ow_buf_puts(&line, "DESCRIPTION:");
            for (size_t k = 0; k < m->n_pieces; k++) {
                const ow_item *item = ow_piece_item(inst, m, &m->pieces[k]);
                if (k > 0)
                    ow_buf_puts(&line, "\\n");
                put_ics_text(&line, str_or_empty(item->label));
                ow_buf_putc(&line, ' ');
                put_ics_text(&line, str_or_empty(item->title));
                ow_buf note = OW_BUF_INIT;
                if (ow_put_joint_note(&note, inst, m, &m->pieces[k])) {
                    ow_buf_puts(&line, " (");
                    put_ics_text(&line, ow_buf_str(&note));
                    ow_buf_putc(&line, ')');
                }
                if (note.failed)
                    b->failed = true;
                ow_buf_free(&note);
                if (m->pieces[k].continued)
                    ow_buf_puts(&line, " (continued)");
            }
            put_ics_line(b, line.data, line.len);
            line.len = 0;
        }

        const char *room = room_name(inst, m->room);
        if (room != NULL) {
            ow_buf_puts(&line, "LOCATION:");
            put_ics_text(&line, room);
            put_ics_line(b, line.data, line.len);
            line.len = 0;
        }
        ow_buf_puts(b, "END:VEVENT\r\n");
        if (line.failed)
            b->failed = true;
    }
    ow_buf_puts(b, "END:VCALENDAR\r\n");
    ow_buf_free(&line);
}
