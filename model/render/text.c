/* text.c: the annex as plain text, a table per body laid out for a terminal or a
 * printed page, wrapped by display columns. */
#include "formats.h"

#include <string.h>

/* Plain-text tables are laid out for a terminal or a printed page of this width. */
#define TEXT_WIDTH 78
/* ...but a title column narrower than this would wrap every word. */
#define TEXT_MIN_TITLE 30

/* The next line of s[0..n) wrapped at width columns: sets *line_len to the bytes
 * to print and returns the bytes consumed.  Breaks at a line break, else at the
 * last space that fits, else (one word wider than the column) between characters. */
size_t ow_wrap_next(const char *s, size_t n, int width, size_t *line_len)
{
    int cols = 0;
    size_t last_space = 0;
    bool have_space = false;
    size_t i = 0;
    while (i < n) {
        if (s[i] == '\n') {
            *line_len = i;
            return i + 1;
        }
        uint32_t c;
        size_t len = ow_utf8_next(s + i, n - i, &c);
        int w = ow_char_columns(c);
        if (c == ' ') {
            last_space = i;
            have_space = true;
        } else if (cols + w > width) {
            if (have_space) {
                size_t next = last_space;
                while (next < n && s[next] == ' ')
                    next++;
                *line_len = last_space;
                return next;
            }
            if (i == 0)
                i = len; /* a single character wider than the column still goes */
            *line_len = i;
            return i;
        }
        cols += w;
        i += len;
    }
    *line_len = n;
    return n;
}

static void put_spaces(ow_buf *b, int n)
{
    for (int i = 0; i < n; i++)
        ow_buf_putc(b, ' ');
}

static void put_repeat(ow_buf *b, const char *s, int n)
{
    for (int i = 0; i < n; i++)
        ow_buf_puts(b, s);
}

static void trim_trailing_spaces(ow_buf *b)
{
    while (b->len > 0 && b->data[b->len - 1] == ' ')
        b->data[--b->len] = '\0';
}

/* Writes s[0..n) wrapped at width columns, each line ended; returns the columns of
 * the widest line. */
static int put_text_wrapped(ow_buf *b, const char *s, size_t n, int width)
{
    int widest = 0;
    while (n > 0) {
        size_t line_len;
        size_t used = ow_wrap_next(s, n, width, &line_len);
        ow_buf_append(b, s, line_len);
        trim_trailing_spaces(b);
        ow_buf_putc(b, '\n');
        int cols = ow_text_columns(s, line_len);
        widest = cols > widest ? cols : widest;
        s += used;
        n -= used;
    }
    return widest;
}

void ow_render_text_body(ow_buf *b, const ow_instance *inst, const ow_body *body, const annex *a)
{
    static const char h1[] = "Date and time", h2[] = "Agenda item", h3[] = "Title or description";
    ow_buf tmp = OW_BUF_INIT;
    ow_put_heading_text(&tmp, inst, body);
    ow_buf heading = OW_BUF_INIT;
    ow_put_plain_text(&heading, ow_buf_str(&tmp));
    /* The heading wraps like any text; its rule is as wide as its widest line. */
    int rule = put_text_wrapped(b, ow_buf_str(&heading), heading.len, TEXT_WIDTH);
    put_repeat(b, "=", rule);
    ow_buf_puts(b, "\n\n");
    buf_reset(&tmp);
    buf_reset(&heading);
    ow_render_resources(inst, body, &tmp);
    ow_put_plain_text(&heading, ow_buf_str(&tmp));
    put_text_wrapped(b, ow_buf_str(&heading), heading.len, TEXT_WIDTH);
    ow_buf_putc(b, '\n');
    if (heading.failed || tmp.failed)
        b->failed = true;
    ow_buf_free(&tmp);
    ow_buf_free(&heading);

    int w1 = (int)strlen(h1), w2 = (int)strlen(h2);
    for (size_t i = 0; i < a->n; i++) {
        const annex_row *r = &a->rows[i];
        if (r->is_day)
            continue;
        int c1 = ow_text_columns(r->when, strlen(r->when));
        int c2 = ow_text_columns(r->label, strlen(r->label));
        w1 = c1 > w1 ? c1 : w1;
        w2 = c2 > w2 ? c2 : w2;
    }
    int w3 = TEXT_WIDTH - w1 - w2 - 4;
    if (w3 < TEXT_MIN_TITLE)
        w3 = TEXT_MIN_TITLE;

    ow_buf_puts(b, h1);
    put_spaces(b, w1 - (int)strlen(h1) + 2);
    ow_buf_puts(b, h2);
    put_spaces(b, w2 - (int)strlen(h2) + 2);
    ow_buf_printf(b, "%s\n", h3);
    put_repeat(b, "-", w1);
    put_spaces(b, 2);
    put_repeat(b, "-", w2);
    put_spaces(b, 2);
    put_repeat(b, "-", w3);
    ow_buf_putc(b, '\n');

    for (size_t i = 0; i < a->n; i++) {
        const annex_row *r = &a->rows[i];
        if (r->is_day) {
            ow_buf_printf(b, "%s\n", r->when);
            continue;
        }
        ow_buf raw = OW_BUF_INIT, title = OW_BUF_INIT;
        ow_put_row_title(&raw, inst, r);
        ow_put_plain_text(&title, ow_buf_str(&raw));
        if (raw.failed)
            b->failed = true;
        ow_buf_free(&raw);
        if (r->continued)
            ow_buf_puts(&title, " (continued)");
        if (title.failed)
            b->failed = true;
        const char *t = ow_buf_str(&title);
        size_t left = title.len;
        bool first = true;
        do {
            size_t line_len;
            size_t used = ow_wrap_next(t, left, w3, &line_len);
            if (first) {
                ow_buf_puts(b, r->when);
                put_spaces(b, w1 - ow_text_columns(r->when, strlen(r->when)) + 2);
                ow_buf_puts(b, r->label);
                put_spaces(b, w2 - ow_text_columns(r->label, strlen(r->label)) + 2);
            } else {
                put_spaces(b, w1 + w2 + 4);
            }
            ow_buf_append(b, t, line_len);
            trim_trailing_spaces(b);
            ow_buf_putc(b, '\n');
            t += used;
            left -= used;
            first = false;
        } while (left > 0);
        ow_buf_free(&title);
    }
}
