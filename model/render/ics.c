/* ics.c: the schedule as an iCalendar file, an event per meeting (RFC 5545), in the
 * venue's time zone (calendar.timezone) with its VTIMEZONE. */
#include "formats.h"

#include <stdint.h>
#include <string.h>

#include "orgwork/timezone.h"

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

/* A UID part from an id: letters, digits, '.' and '-' as they are, every other byte
 * as '_' and two hex digits, so that different ids ("WG,7", "WG-7", "WG_7") never
 * give the same UID. */
static void put_ics_uid_part(ow_buf *b, const char *s)
{
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '-';
        if (ok)
            ow_buf_putc(b, (char)c);
        else
            ow_buf_printf(b, "_%02X", c);
    }
}

/* The instance's part of every UID: a 64-bit FNV-1a hash of its title and calendar
 * start, so that next year's session (or another period) never replaces this one's
 * events, while a re-run or a re-plan of the same instance updates them. */
static uint64_t ics_instance_hash(const ow_instance *inst)
{
    char start[11];
    ow_date_iso(inst->calendar.start, start);
    uint64_t h = 0xcbf29ce484222325u;
    const char *parts[2] = {str_or_empty(inst->title), start};
    for (int k = 0; k < 2; k++) {
        for (const char *p = parts[k]; *p != '\0'; p++)
            h = (h ^ (unsigned char)*p) * 0x100000001b3u;
        h = (h ^ 0xFF) * 0x100000001b3u; /* a separator no UTF-8 text contains */
    }
    return h;
}

/* DTSTART/DTEND: local time in the venue's zone (TZID), or UTC (Z) for UTC. */
static void put_ics_local(ow_buf *b, const char *prop, const char *tz, bool utc, ow_date date,
                          int minutes)
{
    ow_buf_puts(b, prop);
    if (!utc)
        ow_buf_printf(b, ";TZID=%s", tz);
    ow_buf_putc(b, ':');
    put_ics_datetime(b, date, minutes);
    ow_buf_puts(b, utc ? "Z\r\n" : "\r\n");
}

static void render_ics_event(ow_buf *b, ow_buf *line, const ow_instance *inst,
                             const ow_render_options *opts, const ow_meeting *m, bool cancelled,
                             const char *tz, bool utc, uint64_t hash)
{
    const ow_body *body = &inst->bodies[m->body];
    ow_date stamp = inst->has_issued ? inst->issued : inst->calendar.start;
    ow_buf_puts(b, "BEGIN:VEVENT\r\n");
    buf_reset(line);
    ow_buf_printf(line, "UID:%016llx-", (unsigned long long)hash);
    put_ics_uid_part(line, str_or_empty(body->id));
    ow_buf_printf(line, "-%d@orgwork", m->n);
    put_ics_line(b, line->data, line->len);

    ow_buf_puts(b, "DTSTAMP:");
    put_ics_datetime(b, stamp, 0);
    ow_buf_puts(b, "Z\r\n");
    put_ics_local(b, "DTSTART", tz, utc, m->date, m->start);
    put_ics_local(b, "DTEND", tz, utc, m->date, m->end);
    ow_buf_printf(b, "SEQUENCE:%d\r\nSTATUS:%s\r\n", opts->sequence,
                  cancelled ? "CANCELLED" : "CONFIRMED");

    buf_reset(line);
    ow_buf_puts(line, "SUMMARY:");
    put_ics_text(line, str_or_empty(body->name));
    ow_buf_printf(line, ": meeting %d", m->n);
    put_ics_line(b, line->data, line->len);

    if (m->n_pieces > 0 && !cancelled) {
        buf_reset(line);
        ow_buf_puts(line, "DESCRIPTION:");
        for (size_t k = 0; k < m->n_pieces; k++) {
            const ow_item *item = ow_piece_item(inst, m, &m->pieces[k]);
            if (k > 0)
                ow_buf_puts(line, "\\n");
            if (!item->event) {
                put_ics_text(line, str_or_empty(item->label));
                ow_buf_putc(line, ' ');
            }
            put_ics_text(line, str_or_empty(item->title));
            ow_buf note = OW_BUF_INIT;
            if (ow_put_joint_note(&note, inst, m, &m->pieces[k])) {
                ow_buf_puts(line, " (");
                put_ics_text(line, ow_buf_str(&note));
                ow_buf_putc(line, ')');
            }
            if (note.failed)
                b->failed = true;
            ow_buf_free(&note);
            if (m->pieces[k].continued)
                ow_buf_puts(line, " (continued)");
        }
        put_ics_line(b, line->data, line->len);
    }

    const char *room = room_name(inst, m->room);
    if (room != NULL) {
        buf_reset(line);
        ow_buf_puts(line, "LOCATION:");
        put_ics_text(line, room);
        put_ics_line(b, line->data, line->len);
    }
    ow_buf_puts(b, "END:VEVENT\r\n");
    if (line->failed)
        b->failed = true;
}

/* The body's highest meeting number in s (0 when it has none). */
static int last_meeting(const ow_schedule *s, size_t body)
{
    int n = 0;
    for (size_t i = 0; i < s->n_meetings; i++)
        if (s->meetings[i].body == body && s->meetings[i].n > n)
            n = s->meetings[i].n;
    return n;
}

ow_status ow_render_ics(const ow_instance *inst, const ow_schedule *s,
                        const ow_render_options *opts, ow_buf *b, ow_error *err)
{
    const char *tz =
        inst->calendar.timezone != NULL ? inst->calendar.timezone : OW_DEFAULT_TIMEZONE;
    ow_buf line = OW_BUF_INIT;
    ow_buf_puts(b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//orgwork//orgwork 0.1//EN\r\n"
                   "CALSCALE:GREGORIAN\r\n");
    /* The zone's rules over the calendar (and the re-planned schedule's dates). */
    ow_date from = inst->calendar.start, to = inst->calendar.start;
    if (inst->calendar.n_days > 0)
        to = inst->calendar.days[inst->calendar.n_days - 1];
    const ow_schedule *all[2] = {s, opts->previous};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; all[k] != NULL && i < all[k]->n_meetings; i++) {
            ow_date d = all[k]->meetings[i].date;
            from = d < from ? d : from;
            to = d + 1 > to ? d + 1 : to; /* 24:00 is the next day */
        }
    bool utc = !ow_timezone_vtimezone(tz, from, to, b);
    if (utc && !ow_timezone_known(tz))
        return ow_error_set(err, OW_INPUT, inst->path, inst->calendar.loc,
                            "unknown time zone \"%s\"", tz);
    uint64_t hash = ics_instance_hash(inst);
    bool has = ow_solve_status_has_schedule(s->status);
    for (size_t i = 0; has && i < s->n_meetings; i++)
        if (body_selected(opts, s->meetings[i].body))
            render_ics_event(b, &line, inst, opts, &s->meetings[i], false, tz, utc, hash);
    /* Re-planning: the meetings the new schedule no longer holds are cancelled, so
     * that calendars which imported them drop them. */
    const ow_schedule *old = opts->previous;
    for (size_t i = 0; has && old != NULL && i < old->n_meetings; i++) {
        const ow_meeting *m = &old->meetings[i];
        if (m->body < inst->n_bodies && body_selected(opts, m->body) &&
            m->n > last_meeting(s, m->body))
            render_ics_event(b, &line, inst, opts, m, true, tz, utc, hash);
    }
    ow_buf_puts(b, "END:VCALENDAR\r\n");
    ow_buf_free(&line);
    return OW_OK;
}
