/* csv.c: the schedule as data, a row per piece of an item (RFC 4180). */
#include "formats.h"

#include <string.h>

/* RFC 4180: a field with the separator, a quote or a line break is quoted, quotes
 * doubled. */
static void put_quoted(ow_buf *b, const char *s, char sep)
{
    char special[] = {sep, '"', '\r', '\n', '\0'};
    if (strpbrk(s, special) == NULL) {
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

/* s without control characters other than line breaks and tabs (ESC, BEL, DEL, C1
 * are dropped) into out; with neutralise, a text that a spreadsheet would take for
 * a formula (it begins with =, +, -, @, a tab or a carriage return) gets a leading '
 * (OWASP, "CSV injection"; docs/output.md). */
static void clean_text(ow_buf *out, const char *s, bool neutralise)
{
    if (neutralise && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL)
        ow_buf_putc(out, '\'');
    for (const unsigned char *c = (const unsigned char *)s; *c != '\0'; c++) {
        if ((*c < 0x20 && *c != '\t' && *c != '\r' && *c != '\n') || *c == 0x7F)
            continue;
        if (ow_c1_at((const char *)c)) {
            c++;
            continue;
        }
        ow_buf_putc(out, (char)*c);
    }
}

/* A field of the instance's text: cleaned and neutralised, then quoted. */
static void put_field(ow_buf *b, const char *s, char sep)
{
    ow_buf clean = OW_BUF_INIT;
    clean_text(&clean, s, true);
    if (clean.failed)
        b->failed = true;
    put_quoted(b, ow_buf_str(&clean), sep);
    ow_buf_free(&clean);
}

void ow_put_csv_field(ow_buf *b, const char *s)
{
    put_field(b, s, ',');
}

/* An item number as Excel keeps it: the formula ="1.10" is the text 1.10, where the
 * bare 1.10 would become the number 1.1 (or, in some locales, a date). */
static void put_csv_label(ow_buf *b, const char *label, const ow_render_options *opts, char sep)
{
    if (!opts->excel || label[0] == '\0') {
        put_field(b, label, sep);
        return;
    }
    /* The one formula orgwork writes on purpose: the label inside is cleaned, and
     * within the string literal a leading = or @ is only text. */
    ow_buf text = OW_BUF_INIT, cell = OW_BUF_INIT;
    clean_text(&text, label, false);
    ow_buf_puts(&cell, "=\"");
    for (const char *p = ow_buf_str(&text); *p != '\0'; p++) {
        if (*p == '"')
            ow_buf_putc(&cell, '"');
        ow_buf_putc(&cell, *p);
    }
    ow_buf_putc(&cell, '"');
    put_quoted(b, ow_buf_str(&cell), sep);
    if (cell.failed || text.failed)
        b->failed = true;
    ow_buf_free(&cell);
    ow_buf_free(&text);
}

void ow_render_csv(const ow_instance *inst, const ow_schedule *s, const ow_render_options *opts,
                   ow_buf *b)
{
    char sep = opts->separator != 0 ? opts->separator : ',';
    if (opts->excel)
        ow_buf_puts(b, "\xEF\xBB\xBF"); /* the byte order mark that tells Excel it is UTF-8 */
    ow_buf_printf(b, "body%cmeeting%cdate%cstart%cend%croom%citem%ctitle%cminutes%ccontinued\r\n",
                  sep, sep, sep, sep, sep, sep, sep, sep, sep);
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
            put_field(b, str_or_empty(body->id), sep);
            ow_buf_printf(b, "%c%d%c%s%c%s%c%s%c", sep, m->n, sep, date, sep, start, sep, end, sep);
            put_field(b, str_or_empty(room_name(inst, m->room)), sep);
            ow_buf_putc(b, sep);
            if (m->n_pieces == 0) {
                ow_buf_printf(b, "%c%c%c\r\n", sep, sep, sep);
                continue;
            }
            const ow_piece *p = &m->pieces[k];
            const ow_item *item = ow_piece_item(inst, m, p);
            put_csv_label(b, item_number(item), opts, sep);
            ow_buf_putc(b, sep);
            ow_buf title = OW_BUF_INIT;
            ow_buf_puts(&title, str_or_empty(item->title));
            ow_buf note = OW_BUF_INIT;
            if (ow_put_joint_note(&note, inst, m, p))
                ow_buf_printf(&title, " (%s)", ow_buf_str(&note));
            if (title.failed || note.failed)
                b->failed = true;
            put_field(b, ow_buf_str(&title), sep);
            ow_buf_free(&note);
            ow_buf_free(&title);
            ow_buf_printf(b, "%c%d%c%s\r\n", sep, p->minutes, sep, p->continued ? "true" : "false");
        }
    }
}
