/* render.c: the proposed organization of work as the seeds' annexes lay it out
 * (md, text, html), as data for other tools (csv, ics, json), and the whole
 * period as one timetable (the html overview, svg).
 *
 * Every renderer writes into a private buffer that is appended to the caller's
 * only when it is complete, so a failure leaves the caller's buffer as it was. */
#include "orgwork/render.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orgwork/calendar.h"

/* Plain-text tables are laid out for a terminal or a printed page of this width. */
#define TEXT_WIDTH 78
/* ...but a title column narrower than this would wrap every word. */
#define TEXT_MIN_TITLE 30
/* RFC 5545 §3.1: content lines are folded at 75 octets. */
#define ICS_LINE_OCTETS 75

/* What stands in place of the annex when there is no schedule. */
static const char *no_schedule_note(const ow_schedule *s)
{
    if (s->status == OW_SOLVE_UNKNOWN)
        return "No proposed organization of work: the search stopped before it found a "
               "schedule (nothing is proven).";
    return "No proposed organization of work: no schedule meets every rule (infeasible).";
}

bool ow_format_parse(const char *name, ow_format *out)
{
    static const struct {
        const char *name;
        ow_format format;
    } formats[] = {
        {"md", OW_FORMAT_MD},   {"text", OW_FORMAT_TEXT}, {"html", OW_FORMAT_HTML},
        {"csv", OW_FORMAT_CSV}, {"ics", OW_FORMAT_ICS},   {"json", OW_FORMAT_JSON},
        {"svg", OW_FORMAT_SVG},
    };
    if (name == NULL)
        return false;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(name, formats[i].name) == 0) {
            *out = formats[i].format;
            return true;
        }
    }
    return false;
}

/* ---- UTF-8 ------------------------------------------------------------------ */

/* Decodes one character of s[0..n) into *cp and returns its length in bytes.  A
 * byte that does not start a well-formed sequence counts as one character U+FFFD,
 * so malformed input can neither stall a loop nor be cut in the middle. */
static size_t utf8_next(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len;
    uint32_t c, min;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    } else if ((u[0] & 0xE0) == 0xC0) {
        len = 2, c = u[0] & 0x1F, min = 0x80;
    } else if ((u[0] & 0xF0) == 0xE0) {
        len = 3, c = u[0] & 0x0F, min = 0x800;
    } else if ((u[0] & 0xF8) == 0xF0) {
        len = 4, c = u[0] & 0x07, min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return len;
}

/* Columns a character takes in a terminal: East Asian wide characters take two,
 * combining marks none (enough for aligning Chinese, Arabic and Russian titles). */
static int char_columns(uint32_t c)
{
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
        (c >= 0x200B && c <= 0x200F))
        return 0;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

static int text_columns(const char *s, size_t n)
{
    int cols = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += utf8_next(s + i, n - i, &c);
        cols += char_columns(c);
    }
    return cols;
}

/* ---- shared helpers ------------------------------------------------------------- */

static const char *str_or_empty(const char *s)
{
    return s != NULL ? s : "";
}

static const char *room_name(const ow_instance *inst, int room)
{
    if (room < 0 || (size_t)room >= inst->n_rooms)
        return NULL;
    return inst->rooms[room];
}

/* Numbers for JSON: integral values as integers, others in %g style; NaN and
 * infinities have no JSON spelling and become null. */
static void put_json_number(ow_buf *b, double v)
{
    if (!isfinite(v))
        ow_buf_puts(b, "null");
    else if (v == floor(v) && fabs(v) < 1e15)
        ow_buf_printf(b, "%.0f", v == 0 ? 0.0 : v);
    else
        ow_buf_printf(b, "%.6g", v);
}

/* The body's meetings in the schedule, in the order of the annex: by date, then
 * start time, then number. */
typedef struct body_meetings {
    size_t n;
    const ow_meeting **list; /* malloc'ed */
} body_meetings;

static int compare_meeting_ptrs(const void *a, const void *b)
{
    const ow_meeting *x = *(const ow_meeting *const *)a;
    const ow_meeting *y = *(const ow_meeting *const *)b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    /* Equal keys: keep schedule order so the output stays deterministic. */
    return x < y ? -1 : (x > y);
}

static ow_status collect_meetings(const ow_schedule *s, size_t body, body_meetings *out,
                                  ow_error *err)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_meetings; i++)
        n += s->meetings[i].body == body;
    const ow_meeting **list = NULL;
    if (n > 0) {
        list = malloc(n * sizeof *list);
        if (list == NULL)
            return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        n = 0;
        for (size_t i = 0; i < s->n_meetings; i++)
            if (s->meetings[i].body == body)
                list[n++] = &s->meetings[i];
        qsort(list, n, sizeof *list, compare_meeting_ptrs);
    }
    out->n = n;
    out->list = list;
    return OW_OK;
}

/* The renderers trust the schedule's indices; a schedule that breaks them is a
 * bug upstream, reported rather than read out of bounds. */
static ow_status validate(const ow_instance *inst, const ow_schedule *s,
                          const ow_render_options *opts, ow_error *err)
{
    if (opts->body >= 0 && (size_t)opts->body >= inst->n_bodies)
        return ow_error_set(err, OW_INPUT, NULL, (ow_loc){0, 0},
                            "no body number %d to render (the instance has %zu)", opts->body + 1,
                            inst->n_bodies);
    for (size_t i = 0; i < s->n_meetings; i++) {
        const ow_meeting *m = &s->meetings[i];
        if (m->body >= inst->n_bodies)
            return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0},
                                "schedule meeting %zu names body %zu of %zu", i + 1, m->body + 1,
                                inst->n_bodies);
        for (size_t k = 0; k < m->n_pieces; k++) {
            const ow_piece *p = &m->pieces[k];
            size_t owner = p->joint ? p->owner : m->body;
            if (owner >= inst->n_bodies || p->item >= inst->bodies[owner].n_items)
                return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0},
                                    "schedule meeting %d of body %s names an item that does "
                                    "not exist",
                                    m->n, inst->bodies[m->body].id);
        }
    }
    return OW_OK;
}

/* ---- joint meetings ------------------------------------------------------------- */

static bool in_list(const size_t *list, size_t n, size_t b)
{
    for (size_t k = 0; k < n; k++)
        if (list[k] == b)
            return true;
    return false;
}

/* Whether body b, other than the meeting's own, attends the joint meeting that piece p
 * makes of m: the owner and every body its item is joint with attend. */
static bool piece_attended_by(const ow_instance *inst, const ow_meeting *m, const ow_piece *p,
                              size_t b)
{
    if (b == m->body)
        return false;
    const ow_item *item = ow_piece_item(inst, m, p);
    if (item->n_joint == 0)
        return false;
    return (p->joint && b == p->owner) || in_list(item->joint_with, item->n_joint, b);
}

static bool meeting_attended_by(const ow_instance *inst, const ow_meeting *m, size_t b)
{
    for (size_t k = 0; k < m->n_pieces; k++)
        if (piece_attended_by(inst, m, &m->pieces[k], b))
            return true;
    return false;
}

/* "joint meeting with the Working Group on Firearms and the Expert Meeting": the
 * other bodies attending, in instance order.  Returns false (writing nothing) when
 * the piece is not held in a joint meeting. */
static bool put_joint_note(ow_buf *b, const ow_instance *inst, const ow_meeting *m,
                           const ow_piece *p)
{
    size_t n = 0, written = 0;
    for (size_t k = 0; k < inst->n_bodies; k++)
        n += piece_attended_by(inst, m, p, k);
    if (n == 0)
        return false;
    ow_buf_puts(b, "joint meeting with ");
    for (size_t k = 0; k < inst->n_bodies; k++) {
        if (!piece_attended_by(inst, m, p, k))
            continue;
        if (written > 0)
            ow_buf_puts(b, written + 1 == n ? " and " : ", ");
        ow_buf_printf(b, "the %s", str_or_empty(inst->bodies[k].name));
        written++;
    }
    return true;
}

static bool body_selected(const ow_render_options *opts, size_t b)
{
    return opts->body < 0 || (size_t)opts->body == b;
}

/* The heading names the body when the reader could otherwise not tell which one
 * the table belongs to. */
static bool heading_names_body(const ow_instance *inst, const ow_body *body)
{
    return inst->n_bodies > 1 || body->session != NULL;
}

static void put_heading_text(ow_buf *b, const ow_instance *inst, const ow_body *body)
{
    ow_buf_puts(b, "Proposed organization of work");
    if (heading_names_body(inst, body)) {
        ow_buf_printf(b, ": %s", str_or_empty(body->name));
        if (body->session != NULL)
            ow_buf_printf(b, ", %s", body->session);
    }
}

/* ---- the resources sentence ------------------------------------------------------- */

/* "Working Group on the Smuggling of Migrants" is "the Working Group" in the
 * annotations: the name up to its first " on " or " of ". */
static size_t short_name_len(const char *name)
{
    size_t len = strlen(name);
    const char *on = strstr(name, " on ");
    const char *of = strstr(name, " of ");
    if (on != NULL && (size_t)(on - name) < len)
        len = (size_t)(on - name);
    if (of != NULL && (size_t)(of - name) < len)
        len = (size_t)(of - name);
    return len;
}

static void put_days(ow_buf *b, int meetings, int per_day)
{
    char words[64];
    int days = meetings / per_day;
    int rest = meetings % per_day;
    bool half = rest != 0 && 2 * rest == per_day;
    if (rest != 0 && !half)
        days++; /* part of a day that is not a half counts as a day */
    if (half && days == 0) {
        ow_buf_puts(b, "half a day");
        return;
    }
    ow_number_words(days, words, sizeof words);
    if (half)
        ow_buf_printf(b, "%s and a half days", words);
    else
        ow_buf_printf(b, "%s day%s", words, days == 1 ? "" : "s");
}

void ow_render_resources(const ow_instance *inst, const ow_body *body, ow_buf *out)
{
    char words[64];
    const char *name = str_or_empty(body->name);
    int meetings = ow_body_max_meetings(inst, body);
    int per_day = (int)inst->calendar.n_slots;
    if (body->meetings_per_day > 0 && (per_day == 0 || body->meetings_per_day < per_day))
        per_day = body->meetings_per_day;
    if (per_day <= 0)
        per_day = 1;

    ow_buf_puts(out, "The resources available to the ");
    ow_buf_append(out, name, short_name_len(name));
    ow_number_words(meetings, words, sizeof words);
    ow_buf_printf(out, " will permit the holding of %s plenary meeting%s over ", words,
                  meetings == 1 ? "" : "s");
    put_days(out, meetings, per_day);

    size_t n = inst->n_languages;
    if (!body->interpretation) {
        ow_buf_puts(out, ", without interpretation.");
    } else if (n == 6) {
        ow_buf_puts(out, ", with interpretation into the six official languages of the "
                         "United Nations.");
    } else if (n == 0) {
        ow_buf_puts(out, ", with interpretation.");
    } else {
        ow_buf_puts(out, ", with interpretation into ");
        for (size_t i = 0; i < n; i++) {
            if (i > 0)
                ow_buf_puts(out, i + 1 == n ? " and " : ", ");
            ow_buf_puts(out, str_or_empty(inst->languages[i]));
        }
        ow_buf_putc(out, '.');
    }
}

/* ---- the annex as rows -------------------------------------------------------------- */

/* One row of the annex table: a day heading, or a piece of an item (with the
 * meeting's time on the meeting's first row only).  A meeting without pieces
 * still gets a row, so that it shows. */
typedef struct annex_row {
    bool is_day;
    char when[64];     /* the date (day row) or the time ("" after the first row) */
    const char *label; /* "" for an empty meeting */
    const char *title;
    bool continued;
    const ow_meeting *m; /* the meeting and piece of the row (NULL for a day row or */
    const ow_piece *p;   /* an empty meeting): for the joint meeting note */
} annex_row;

typedef struct annex {
    size_t n;
    annex_row *rows; /* malloc'ed */
} annex;

static ow_status build_annex(const ow_instance *inst, const body_meetings *bm, annex *out,
                             ow_error *err)
{
    size_t cap = 0;
    for (size_t i = 0; i < bm->n; i++)
        cap += 1 + (bm->list[i]->n_pieces > 0 ? bm->list[i]->n_pieces : 1);
    annex_row *rows = NULL;
    if (cap > 0) {
        rows = calloc(cap, sizeof *rows);
        if (rows == NULL)
            return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    }
    size_t n = 0;
    for (size_t i = 0; i < bm->n; i++) {
        const ow_meeting *m = bm->list[i];
        if (i == 0 || m->date != bm->list[i - 1]->date) {
            rows[n].is_day = true;
            ow_date_long(m->date, rows[n].when, sizeof rows[n].when);
            n++;
        }
        size_t first = n;
        if (m->n_pieces == 0) {
            rows[n].label = "";
            rows[n].title = "";
            n++;
        }
        for (size_t k = 0; k < m->n_pieces; k++) {
            const ow_item *item = ow_piece_item(inst, m, &m->pieces[k]);
            rows[n].label = str_or_empty(item->label);
            rows[n].title = str_or_empty(item->title);
            rows[n].continued = m->pieces[k].continued;
            rows[n].m = m;
            rows[n].p = &m->pieces[k];
            n++;
        }
        ow_slot_house((ow_slot){m->start, m->end}, rows[first].when, sizeof rows[first].when);
    }
    out->n = n;
    out->rows = rows;
    return OW_OK;
}

/* The row's title as plain text, with the joint meeting note: "Title (joint meeting
 * with the …)"; "(continued)" is left to each format's own emphasis. */
static void put_row_title(ow_buf *b, const ow_instance *inst, const annex_row *r)
{
    ow_buf_puts(b, r->title);
    if (r->p == NULL)
        return;
    ow_buf note = OW_BUF_INIT;
    if (put_joint_note(&note, inst, r->m, r->p))
        ow_buf_printf(b, " (%s)", ow_buf_str(&note));
    if (note.failed)
        b->failed = true;
    ow_buf_free(&note);
}

/* ---- md ------------------------------------------------------------------------------ */

/* Markdown cell text: characters that would end the cell or start emphasis, code
 * or raw HTML are escaped; a line break inside a title becomes <br>, the only way
 * a table cell can hold one. */
/* Whether s starts with a C1 control character (U+0080–U+009F, as UTF-8 C2 80 to
 * C2 9F): like C0 controls, none goes out in any format. */
static bool c1_at(const char *s)
{
    return (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] >= 0x80 &&
           (unsigned char)s[1] <= 0x9F;
}

static void put_md_escaped(ow_buf *b, const char *s)
{
    for (; *s != '\0'; s++) {
        char c = *s;
        if (c == '\r' && s[1] == '\n')
            continue;
        if (c == '\n' || c == '\r')
            ow_buf_puts(b, "<br>");
        else if (c1_at(s) && ++s)
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
static void put_md_cell(ow_buf *b, const char *text, bool continued)
{
    if (text[0] == '\0' && !continued) {
        ow_buf_puts(b, " |");
        return;
    }
    ow_buf_putc(b, ' ');
    put_md_escaped(b, text);
    ow_buf_puts(b, continued ? " (*continued*) |" : " |");
}

static void render_md_body(ow_buf *b, const ow_instance *inst, const ow_body *body, const annex *a)
{
    ow_buf_puts(b, "## ");
    ow_buf heading = OW_BUF_INIT;
    put_heading_text(&heading, inst, body);
    put_md_escaped(b, ow_buf_str(&heading));
    ow_buf_free(&heading);
    ow_buf_puts(b, "\n\n");

    ow_buf sentence = OW_BUF_INIT;
    ow_render_resources(inst, body, &sentence);
    if (sentence.failed)
        b->failed = true;
    put_md_escaped(b, ow_buf_str(&sentence));
    ow_buf_free(&sentence);
    ow_buf_puts(b, "\n\n");

    ow_buf_puts(b, "| Date and time | Agenda item | Title or description |\n");
    ow_buf_puts(b, "|---|---|---|\n");
    for (size_t i = 0; i < a->n; i++) {
        const annex_row *r = &a->rows[i];
        if (r->is_day) {
            ow_buf_puts(b, "| **");
            put_md_escaped(b, r->when);
            ow_buf_puts(b, "** | | |\n");
            continue;
        }
        ow_buf title = OW_BUF_INIT;
        put_row_title(&title, inst, r);
        if (title.failed)
            b->failed = true;
        ow_buf_putc(b, '|');
        put_md_cell(b, r->when, false);
        put_md_cell(b, r->label, false);
        put_md_cell(b, ow_buf_str(&title), r->continued);
        ow_buf_putc(b, '\n');
        ow_buf_free(&title);
    }
}

/* ---- text ---------------------------------------------------------------------------- */

/* Plain text keeps line breaks but no other control characters. */
static void put_text_clean(ow_buf *b, const char *s)
{
    for (; *s != '\0'; s++) {
        if (*s == '\r' && s[1] == '\n')
            continue;
        if (*s == '\r')
            ow_buf_putc(b, '\n');
        else if (c1_at(s) && ++s)
            ow_buf_putc(b, ' ');
        else if (((unsigned char)*s < 0x20 && *s != '\n') || *s == 0x7F)
            ow_buf_putc(b, ' ');
        else
            ow_buf_putc(b, *s);
    }
}

/* The next line of s[0..n) wrapped at width columns: sets *line_len to the bytes
 * to print and returns the bytes consumed.  Breaks at a line break, else at the
 * last space that fits, else (one word wider than the column) between characters. */
static size_t wrap_next(const char *s, size_t n, int width, size_t *line_len)
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
        size_t len = utf8_next(s + i, n - i, &c);
        int w = char_columns(c);
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

static void render_text_body(ow_buf *b, const ow_instance *inst, const ow_body *body,
                             const annex *a)
{
    static const char h1[] = "Date and time", h2[] = "Agenda item", h3[] = "Title or description";
    ow_buf tmp = OW_BUF_INIT;
    put_heading_text(&tmp, inst, body);
    ow_buf heading = OW_BUF_INIT;
    put_text_clean(&heading, ow_buf_str(&tmp));
    ow_buf_free(&tmp);
    ow_buf_puts(b, ow_buf_str(&heading));
    ow_buf_putc(b, '\n');
    put_repeat(b, "=", text_columns(ow_buf_str(&heading), heading.len));
    ow_buf_puts(b, "\n\n");
    if (heading.failed)
        b->failed = true;
    ow_buf_free(&heading);

    int w1 = (int)strlen(h1), w2 = (int)strlen(h2);
    for (size_t i = 0; i < a->n; i++) {
        const annex_row *r = &a->rows[i];
        if (r->is_day)
            continue;
        int c1 = text_columns(r->when, strlen(r->when));
        int c2 = text_columns(r->label, strlen(r->label));
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
        put_row_title(&raw, inst, r);
        put_text_clean(&title, ow_buf_str(&raw));
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
            size_t used = wrap_next(t, left, w3, &line_len);
            if (first) {
                ow_buf_puts(b, r->when);
                put_spaces(b, w1 - text_columns(r->when, strlen(r->when)) + 2);
                ow_buf_puts(b, r->label);
                put_spaces(b, w2 - text_columns(r->label, strlen(r->label)) + 2);
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

/* ---- html ---------------------------------------------------------------------------- */

static void put_html_escaped(ow_buf *b, const char *s)
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
            if (c1_at(s) && ++s)
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
    "@media print {\n"
    "  body { margin: 0; max-width: none; font-size: 10pt; }\n"
    "  section { break-inside: avoid-page; }\n"
    "  thead { display: table-header-group; }\n"
    "  tr { break-inside: avoid; }\n"
    "}\n";

/* Added to HTML_STYLE only for a page with the overview. */
static const char HTML_OVERVIEW_STYLE[] =
    "table.overview { width: auto; font-size: 9pt; margin-bottom: 1em; }\n"
    "table.overview th, table.overview td { border: 1px solid #000; padding: 0.2em 0.4em; }\n"
    "table.overview thead th { text-align: center; font-style: normal; font-weight: bold; }\n"
    "table.overview tbody th { white-space: nowrap; font-weight: normal; }\n"
    "table.overview td.joint { background: #eee; }\n";

static void render_html_body(ow_buf *b, const ow_instance *inst, const ow_body *body,
                             const annex *a)
{
    ow_buf_puts(b, "<section>\n<h2>");
    ow_buf tmp = OW_BUF_INIT;
    put_heading_text(&tmp, inst, body);
    put_html_escaped(b, ow_buf_str(&tmp));
    ow_buf_free(&tmp);
    ow_buf_puts(b, "</h2>\n<p>");
    ow_render_resources(inst, body, &tmp);
    put_html_escaped(b, ow_buf_str(&tmp));
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
            put_html_escaped(b, r->when);
            ow_buf_puts(b, "</th></tr>\n");
            continue;
        }
        ow_buf_puts(b, "<tr><td class=\"when\">");
        put_html_escaped(b, r->when);
        ow_buf_puts(b, "</td><td class=\"item\">");
        put_html_escaped(b, r->label);
        /* dir="auto": an Arabic title reads right to left inside an English page. */
        ow_buf_puts(b, "</td><td dir=\"auto\">");
        ow_buf title = OW_BUF_INIT;
        put_row_title(&title, inst, r);
        put_html_escaped(b, ow_buf_str(&title));
        if (title.failed)
            b->failed = true;
        ow_buf_free(&title);
        if (r->continued)
            ow_buf_puts(b, " (<i>continued</i>)");
        ow_buf_puts(b, "</td></tr>\n");
    }
    ow_buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void put_html_head(ow_buf *b, const ow_instance *inst, bool overview)
{
    const char *title = inst->title != NULL ? inst->title : "Proposed organization of work";
    ow_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>");
    put_html_escaped(b, title);
    ow_buf_printf(b, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n", HTML_STYLE,
                  overview ? HTML_OVERVIEW_STYLE : "");
    if (inst->title != NULL) {
        ow_buf_puts(b, "<h1>");
        put_html_escaped(b, inst->title);
        ow_buf_puts(b, "</h1>\n");
    }
}

/* ---- the overview: the whole period as one timetable ---------------------------------- */

/* Days down, slot by room across; each cell lists the bodies meeting there (all of
 * them for a joint meeting) and the items taken.  Only days, slots and rooms that
 * hold a meeting get a row or a column, so a long calendar stays readable. */
typedef struct grid {
    size_t n; /* the selected meetings, in cell order */
    const ow_meeting **list;
    size_t n_dates;
    ow_date *dates;
    size_t n_slots;
    ow_slot *slots; /* distinct meeting times, in time order */
    size_t n_rooms;
    int *rooms;    /* rooms used, in instance order; an unknown one last */
    bool *attends; /* scratch: per body, whether it is in the current cell */
} grid;

static int room_key(int room)
{
    return room >= 0 ? room : INT_MAX;
}

static int compare_cells(const void *a, const void *b)
{
    const ow_meeting *x = *(const ow_meeting *const *)a;
    const ow_meeting *y = *(const ow_meeting *const *)b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (room_key(x->room) != room_key(y->room))
        return room_key(x->room) < room_key(y->room) ? -1 : 1;
    if (x->body != y->body)
        return x->body < y->body ? -1 : 1;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    return x < y ? -1 : (x > y);
}

static void grid_free(grid *g)
{
    free(g->list);
    free(g->dates);
    free(g->slots);
    free(g->rooms);
    free(g->attends);
    memset(g, 0, sizeof *g);
}

static ow_status grid_build(const ow_instance *inst, const ow_schedule *s,
                            const ow_render_options *opts, grid *g, ow_error *err)
{
    memset(g, 0, sizeof *g);
    size_t n = 0;
    for (size_t i = 0; i < s->n_meetings; i++)
        n += body_selected(opts, s->meetings[i].body);
    g->list = malloc((n + 1) * sizeof *g->list);
    g->dates = malloc((n + 1) * sizeof *g->dates);
    g->slots = malloc((n + 1) * sizeof *g->slots);
    g->rooms = malloc((n + 1) * sizeof *g->rooms);
    g->attends = calloc(inst->n_bodies + 1, sizeof *g->attends);
    if (g->list == NULL || g->dates == NULL || g->slots == NULL || g->rooms == NULL ||
        g->attends == NULL) {
        grid_free(g);
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    }
    for (size_t i = 0; i < s->n_meetings; i++)
        if (body_selected(opts, s->meetings[i].body))
            g->list[g->n++] = &s->meetings[i];
    if (g->n > 1)
        qsort(g->list, g->n, sizeof *g->list, compare_cells);
    for (size_t i = 0; i < g->n; i++) {
        const ow_meeting *m = g->list[i];
        if (g->n_dates == 0 || g->dates[g->n_dates - 1] != m->date)
            g->dates[g->n_dates++] = m->date;
        size_t k = 0;
        while (k < g->n_slots && (g->slots[k].start != m->start || g->slots[k].end != m->end))
            k++;
        if (k == g->n_slots) {
            /* Insertion keeps the slots in time order. */
            while (k > 0 && (g->slots[k - 1].start > m->start ||
                             (g->slots[k - 1].start == m->start && g->slots[k - 1].end > m->end))) {
                g->slots[k] = g->slots[k - 1];
                k--;
            }
            g->slots[k] = (ow_slot){m->start, m->end};
            g->n_slots++;
        }
        k = 0;
        while (k < g->n_rooms && g->rooms[k] != m->room)
            k++;
        if (k == g->n_rooms) {
            while (k > 0 && room_key(g->rooms[k - 1]) > room_key(m->room)) {
                g->rooms[k] = g->rooms[k - 1];
                k--;
            }
            g->rooms[k] = m->room;
            g->n_rooms++;
        }
    }
    return OW_OK;
}

/* The meetings of the cell at (date d, column c) start at *cursor, since the list is in
 * the order the grid is walked; returns how many there are and moves the cursor on. */
static size_t grid_cell(const grid *g, size_t d, size_t c, size_t *cursor)
{
    const ow_slot *slot = &g->slots[c / g->n_rooms];
    int room = g->rooms[c % g->n_rooms];
    size_t k = 0;
    while (*cursor + k < g->n) {
        const ow_meeting *m = g->list[*cursor + k];
        if (m->date != g->dates[d] || m->start != slot->start || m->end != slot->end ||
            m->room != room)
            break;
        k++;
    }
    *cursor += k;
    return k;
}

/* Marks in g->attends the bodies of the cell's meetings and those attending them
 * jointly; returns how many. */
static size_t cell_bodies(const ow_instance *inst, grid *g, const ow_meeting *const *cell, size_t n)
{
    size_t count = 0;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        g->attends[b] = false;
        for (size_t i = 0; i < n && !g->attends[b]; i++)
            g->attends[b] = cell[i]->body == b || meeting_attended_by(inst, cell[i], b);
        count += g->attends[b];
    }
    return count;
}

static size_t piece_owner(const ow_meeting *m, const ow_piece *p)
{
    return p->joint ? p->owner : m->body;
}

/* "Items 1 (a), 2 (cont.)": each item once, though a joint item sits in the meeting of
 * every body attending. */
static void put_cell_items(ow_buf *b, const ow_instance *inst, const ow_meeting *const *cell,
                           size_t n)
{
    size_t shown = 0;
    ow_buf labels = OW_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const ow_meeting *m = cell[i];
        for (size_t k = 0; k < m->n_pieces; k++) {
            const ow_piece *p = &m->pieces[k];
            bool seen = false;
            for (size_t j = 0; j <= i && !seen; j++)
                for (size_t q = 0; q < cell[j]->n_pieces && !seen && (j < i || q < k); q++)
                    seen = cell[j]->pieces[q].item == p->item &&
                           piece_owner(cell[j], &cell[j]->pieces[q]) == piece_owner(m, p);
            if (seen)
                continue;
            ow_buf_printf(&labels, "%s%s%s", shown ? ", " : "",
                          str_or_empty(ow_piece_item(inst, m, p)->label),
                          p->continued ? " (cont.)" : "");
            shown++;
        }
    }
    if (shown > 0)
        ow_buf_printf(b, "Item%s %s", shown == 1 ? "" : "s", ow_buf_str(&labels));
    if (labels.failed)
        b->failed = true;
    ow_buf_free(&labels);
}

static void put_short_name(ow_buf *b, const ow_body *body)
{
    const char *name = str_or_empty(body->name);
    ow_buf_append(b, name, short_name_len(name));
}

static ow_status render_html_overview(ow_buf *b, const ow_instance *inst, const ow_schedule *s,
                                      const ow_render_options *opts, ow_error *err)
{
    grid g;
    ow_status rc = grid_build(inst, s, opts, &g, err);
    if (rc != OW_OK)
        return rc;
    ow_buf_puts(b, "<section class=\"overview\">\n<h2>Overview of the period</h2>\n");
    if (g.n == 0) {
        ow_buf_puts(b, "<p>No meetings are scheduled.</p>\n</section>\n");
        grid_free(&g);
        return OW_OK;
    }
    char text[64];
    ow_buf_puts(b, "<table class=\"overview\">\n<thead>\n"
                   "<tr><th rowspan=\"2\" scope=\"col\">Date</th>");
    for (size_t k = 0; k < g.n_slots; k++) {
        ow_slot_house(g.slots[k], text, sizeof text);
        ow_buf_printf(b, "<th colspan=\"%zu\" scope=\"colgroup\">", g.n_rooms);
        put_html_escaped(b, text);
        ow_buf_puts(b, "</th>");
    }
    ow_buf_puts(b, "</tr>\n<tr>");
    for (size_t c = 0; c < g.n_slots * g.n_rooms; c++) {
        ow_buf_puts(b, "<th scope=\"col\">");
        put_html_escaped(b, str_or_empty(room_name(inst, g.rooms[c % g.n_rooms])));
        ow_buf_puts(b, "</th>");
    }
    ow_buf_puts(b, "</tr>\n</thead>\n<tbody>\n");
    size_t cursor = 0;
    for (size_t d = 0; d < g.n_dates; d++) {
        ow_date_long(g.dates[d], text, sizeof text);
        ow_buf_puts(b, "<tr><th scope=\"row\">");
        put_html_escaped(b, text);
        ow_buf_puts(b, "</th>");
        for (size_t c = 0; c < g.n_slots * g.n_rooms; c++) {
            const ow_meeting *const *cell = &g.list[cursor];
            size_t n = grid_cell(&g, d, c, &cursor);
            if (n == 0) {
                ow_buf_puts(b, "<td></td>");
                continue;
            }
            size_t bodies = cell_bodies(inst, &g, cell, n);
            ow_buf_puts(b, bodies > 1 ? "<td class=\"joint\">" : "<td>");
            for (size_t k = 0; k < inst->n_bodies; k++) {
                if (!g.attends[k])
                    continue;
                ow_buf line = OW_BUF_INIT;
                put_short_name(&line, &inst->bodies[k]);
                ow_buf_puts(b, "<b>");
                put_html_escaped(b, str_or_empty(inst->bodies[k].id));
                ow_buf_puts(b, "</b> ");
                put_html_escaped(b, ow_buf_str(&line));
                ow_buf_puts(b, "<br>");
                if (line.failed)
                    b->failed = true;
                ow_buf_free(&line);
            }
            ow_buf items = OW_BUF_INIT;
            put_cell_items(&items, inst, cell, n);
            put_html_escaped(b, ow_buf_str(&items));
            if (items.failed)
                b->failed = true;
            ow_buf_free(&items);
            ow_buf_puts(b, "</td>");
        }
        ow_buf_puts(b, "</tr>\n");
    }
    ow_buf_puts(b, "</tbody>\n</table>\n</section>\n");
    grid_free(&g);
    return OW_OK;
}

/* The same timetable as a Markdown table, before the annexes of a period. */
static ow_status render_md_overview(ow_buf *b, const ow_instance *inst, const ow_schedule *s,
                                    const ow_render_options *opts, ow_error *err)
{
    grid g;
    ow_status rc = grid_build(inst, s, opts, &g, err);
    if (rc != OW_OK)
        return rc;
    ow_buf_puts(b, "## Overview of the period\n\n| Date |");
    char text[64];
    ow_buf cell = OW_BUF_INIT;
    for (size_t c = 0; c < g.n_slots * g.n_rooms; c++) {
        ow_slot_house(g.slots[c / g.n_rooms], text, sizeof text);
        ow_buf_printf(&cell, "%s, %s", text, str_or_empty(room_name(inst, g.rooms[c % g.n_rooms])));
        put_md_cell(b, ow_buf_str(&cell), false);
        cell.len = 0;
    }
    ow_buf_puts(b, "\n|---|");
    for (size_t c = 0; c < g.n_slots * g.n_rooms; c++)
        ow_buf_puts(b, "---|");
    ow_buf_putc(b, '\n');
    size_t cursor = 0;
    for (size_t d = 0; d < g.n_dates; d++) {
        ow_date_long(g.dates[d], text, sizeof text);
        ow_buf_puts(b, "|");
        put_md_cell(b, text, false);
        for (size_t c = 0; c < g.n_slots * g.n_rooms; c++) {
            const ow_meeting *const *meetings = &g.list[cursor];
            size_t n = grid_cell(&g, d, c, &cursor);
            cell.len = 0;
            if (cell.data != NULL)
                cell.data[0] = '\0';
            if (n > 0) {
                /* "WG.4, WG.7: Item 4" — every body attending, then what it takes. */
                cell_bodies(inst, &g, meetings, n);
                size_t shown = 0;
                for (size_t k = 0; k < inst->n_bodies; k++)
                    if (g.attends[k])
                        ow_buf_printf(&cell, "%s%s", shown++ ? ", " : "",
                                      str_or_empty(inst->bodies[k].id));
                ow_buf_puts(&cell, ": ");
                put_cell_items(&cell, inst, meetings, n);
            }
            put_md_cell(b, ow_buf_str(&cell), false);
        }
        ow_buf_putc(b, '\n');
    }
    ow_buf_putc(b, '\n');
    if (cell.failed)
        b->failed = true;
    ow_buf_free(&cell);
    grid_free(&g);
    return OW_OK;
}

/* ---- svg ------------------------------------------------------------------------------ */

/* Sizes in pixels.  Text is not measured by the renderer, so cells hold a fixed number
 * of columns (characters) of 12-pixel serif text, with room to spare. */
#define SVG_MARGIN          10
#define SVG_FONT            12
#define SVG_LINE            15
#define SVG_PAD             5
#define SVG_DAY_WIDTH       180
#define SVG_CELL_WIDTH      190
#define SVG_COLS            28
#define SVG_TITLE_HEIGHT    28
#define SVG_NOTE_WIDTH      640
#define SVG_MAX_TITLE_WIDTH 1200
/* 16-pixel bold title text: about 8 pixels a character. */
#define SVG_TITLE_CHAR 8

/* XML character data: markup characters as entities; characters XML 1.0 does not
 * allow (controls, malformed UTF-8) become spaces or U+FFFD. */
static void put_xml_text(ow_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = utf8_next(s + i, n - i, &c);
        if (c == '&')
            ow_buf_puts(b, "&amp;");
        else if (c == '<')
            ow_buf_puts(b, "&lt;");
        else if (c == '>')
            ow_buf_puts(b, "&gt;");
        else if (c == '"')
            ow_buf_puts(b, "&quot;");
        else if (c == '\'')
            ow_buf_puts(b, "&#39;");
        else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF)
            ow_buf_putc(b, ' ');
        else if (c == 0xFFFD && len == 1)
            ow_buf_puts(b, "\xEF\xBF\xBD");
        else
            ow_buf_append(b, s + i, len);
        i += len;
    }
}

/* The bytes of s[0..n) that fit in cols columns; *cut tells whether an ellipsis must
 * stand for the rest (then one column is left for it). */
static size_t svg_fit(const char *s, size_t n, int cols, bool *cut)
{
    *cut = text_columns(s, n) > cols;
    if (!*cut)
        return n;
    size_t i = 0;
    int used = 0;
    while (i < n) {
        uint32_t c;
        size_t len = utf8_next(s + i, n - i, &c);
        if (used + char_columns(c) > cols - 1)
            break;
        used += char_columns(c);
        i += len;
    }
    return i;
}

/* One line of text; b NULL only measures.  anchor is "" or " text-anchor=\"middle\"". */
static void svg_text(ow_buf *b, int x, int y, const char *anchor, const char *bold, const char *s,
                     size_t n)
{
    if (b == NULL)
        return;
    ow_buf_printf(b, "<text x=\"%d\" y=\"%d\"%s>", x, y, anchor);
    if (bold != NULL) {
        ow_buf_puts(b, "<tspan font-weight=\"bold\">");
        put_xml_text(b, bold, strlen(bold));
        ow_buf_puts(b, "</tspan>");
        if (n > 0)
            ow_buf_putc(b, ' ');
    }
    put_xml_text(b, s, n);
    ow_buf_puts(b, "</text>\n");
}

/* Writes s wrapped at cols columns from baseline y down (b NULL: only counts) and
 * returns the number of lines. */
static int svg_wrapped(ow_buf *b, int x, int y, const char *anchor, const char *s, int cols)
{
    ow_buf clean = OW_BUF_INIT;
    for (const char *p = s; *p != '\0'; p++)
        ow_buf_putc(&clean, (unsigned char)*p < 0x20 ? ' ' : *p);
    const char *t = ow_buf_str(&clean);
    size_t left = clean.len;
    int lines = 0;
    while (left > 0) {
        size_t line_len;
        size_t used = wrap_next(t, left, cols, &line_len);
        svg_text(b, x, y + lines * SVG_LINE, anchor, NULL, t, line_len);
        lines++;
        t += used;
        left -= used;
    }
    if (clean.failed && b != NULL)
        b->failed = true;
    ow_buf_free(&clean);
    return lines;
}

/* A cell's text from baseline y: "ID short name" per body (cut to fit), then the
 * items wrapped.  Returns its lines; b NULL only counts. */
static int svg_cell(ow_buf *b, const ow_instance *inst, grid *g, const ow_meeting *const *cell,
                    size_t n, int x, int y)
{
    int lines = 0;
    cell_bodies(inst, g, cell, n);
    for (size_t k = 0; k < inst->n_bodies; k++) {
        if (!g->attends[k])
            continue;
        const char *id = str_or_empty(inst->bodies[k].id);
        const char *name = str_or_empty(inst->bodies[k].name);
        bool cut;
        int id_cols = text_columns(id, strlen(id));
        if (b != NULL && id_cols + 2 > SVG_COLS) {
            size_t len = svg_fit(id, strlen(id), SVG_COLS, &cut);
            ow_buf_printf(b, "<text x=\"%d\" y=\"%d\"><tspan font-weight=\"bold\">", x,
                          y + lines * SVG_LINE);
            put_xml_text(b, id, len);
            ow_buf_puts(b, "\xE2\x80\xA6</tspan></text>\n");
        } else if (b != NULL) {
            size_t len = svg_fit(name, short_name_len(name), SVG_COLS - id_cols - 1, &cut);
            ow_buf line = OW_BUF_INIT;
            ow_buf_append(&line, name, len);
            if (cut)
                ow_buf_puts(&line, "\xE2\x80\xA6");
            svg_text(b, x, y + lines * SVG_LINE, "", id, ow_buf_str(&line), line.len);
            if (line.failed)
                b->failed = true;
            ow_buf_free(&line);
        }
        lines++;
    }
    ow_buf items = OW_BUF_INIT;
    put_cell_items(&items, inst, cell, n);
    lines += svg_wrapped(b, x, y + lines * SVG_LINE, "", ow_buf_str(&items), SVG_COLS);
    if (items.failed && b != NULL)
        b->failed = true;
    ow_buf_free(&items);
    return lines;
}

static int row_height(int lines)
{
    return (lines > 0 ? lines : 1) * SVG_LINE + 2 * SVG_PAD;
}

static void svg_rect(ow_buf *b, int x, int y, int w, int h, const char *fill)
{
    ow_buf_printf(b,
                  "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                  "stroke=\"#000\"/>\n",
                  x, y, w, h, fill);
}

/* The picture is as wide as its grid, or as its title up to a limit. */
static int svg_width(const ow_instance *inst, int grid_width)
{
    if (inst->title == NULL)
        return grid_width;
    int title = 2 * SVG_MARGIN + SVG_TITLE_CHAR * text_columns(inst->title, strlen(inst->title));
    if (title > SVG_MAX_TITLE_WIDTH)
        title = SVG_MAX_TITLE_WIDTH;
    return title > grid_width ? title : grid_width;
}

static void svg_open(ow_buf *b, const ow_instance *inst, int width, int height)
{
    const char *title = inst->title != NULL ? inst->title : "Proposed organization of work";
    ow_buf_printf(b,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                  "viewBox=\"0 0 %d %d\" font-family=\"Times New Roman, Times, serif\" "
                  "font-size=\"%d\">\n<title>",
                  width, height, width, height, SVG_FONT);
    put_xml_text(b, title, strlen(title));
    ow_buf_printf(b, "</title>\n<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", width, height);
    if (inst->title != NULL) {
        bool cut;
        size_t len = svg_fit(inst->title, strlen(inst->title),
                             (width - 2 * SVG_MARGIN) / SVG_TITLE_CHAR, &cut);
        ow_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"16\" font-weight=\"bold\">",
                      SVG_MARGIN, SVG_MARGIN + 16);
        put_xml_text(b, inst->title, len);
        ow_buf_puts(b, cut ? "\xE2\x80\xA6</text>\n" : "</text>\n");
    }
}

static ow_status render_svg(const ow_instance *inst, const ow_schedule *s,
                            const ow_render_options *opts, ow_buf *b, ow_error *err)
{
    grid g;
    ow_status rc = grid_build(inst, s, opts, &g, err);
    if (rc != OW_OK)
        return rc;
    int top = SVG_MARGIN + (inst->title != NULL ? SVG_TITLE_HEIGHT : 0);
    if (!ow_solve_status_has_schedule(s->status) || g.n == 0) {
        const char *note = !ow_solve_status_has_schedule(s->status) ? no_schedule_note(s)
                                                                    : "No meetings are scheduled.";
        svg_open(b, inst, svg_width(inst, SVG_NOTE_WIDTH), top + SVG_LINE + SVG_MARGIN);
        svg_text(b, SVG_MARGIN, top + SVG_FONT, "", NULL, note, strlen(note));
        ow_buf_puts(b, "</svg>\n");
        grid_free(&g);
        return OW_OK;
    }
    size_t cols = g.n_slots * g.n_rooms;
    int slot_h = row_height(1);
    int room_lines = 1;
    for (size_t r = 0; r < g.n_rooms; r++) {
        int k = svg_wrapped(NULL, 0, 0, "", str_or_empty(room_name(inst, g.rooms[r])), SVG_COLS);
        room_lines = k > room_lines ? k : room_lines;
    }
    int room_h = row_height(room_lines);
    int *heights = calloc(g.n_dates + 1, sizeof *heights);
    if (heights == NULL) {
        grid_free(&g);
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    }
    int height = top + slot_h + room_h + SVG_MARGIN;
    size_t cursor = 0;
    char text[64];
    for (size_t d = 0; d < g.n_dates; d++) {
        ow_date_long(g.dates[d], text, sizeof text);
        int lines = svg_wrapped(NULL, 0, 0, "", text, SVG_COLS);
        for (size_t c = 0; c < cols; c++) {
            const ow_meeting *const *cell = &g.list[cursor];
            size_t n = grid_cell(&g, d, c, &cursor);
            int k = n > 0 ? svg_cell(NULL, inst, &g, cell, n, 0, 0) : 0;
            lines = k > lines ? k : lines;
        }
        heights[d] = row_height(lines);
        height += heights[d];
    }
    int width = 2 * SVG_MARGIN + SVG_DAY_WIDTH + (int)cols * SVG_CELL_WIDTH;
    svg_open(b, inst, svg_width(inst, width), height);

    int x0 = SVG_MARGIN + SVG_DAY_WIDTH, baseline = SVG_PAD + SVG_FONT - 1;
    svg_rect(b, SVG_MARGIN, top, SVG_DAY_WIDTH, slot_h + room_h, "#fff");
    ow_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">Date</text>\n",
                  SVG_MARGIN + SVG_PAD, top + baseline);
    for (size_t k = 0; k < g.n_slots; k++) {
        int x = x0 + (int)(k * g.n_rooms) * SVG_CELL_WIDTH, w = (int)g.n_rooms * SVG_CELL_WIDTH;
        svg_rect(b, x, top, w, slot_h, "#fff");
        ow_slot_house(g.slots[k], text, sizeof text);
        ow_buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">",
                      x + w / 2, top + baseline);
        put_xml_text(b, text, strlen(text));
        ow_buf_puts(b, "</text>\n");
    }
    for (size_t c = 0; c < cols; c++) {
        int x = x0 + (int)c * SVG_CELL_WIDTH;
        svg_rect(b, x, top + slot_h, SVG_CELL_WIDTH, room_h, "#fff");
        const char *room = str_or_empty(room_name(inst, g.rooms[c % g.n_rooms]));
        svg_wrapped(b, x + SVG_CELL_WIDTH / 2, top + slot_h + baseline, " text-anchor=\"middle\"",
                    room, SVG_COLS);
    }
    int y = top + slot_h + room_h;
    cursor = 0;
    for (size_t d = 0; d < g.n_dates; d++) {
        svg_rect(b, SVG_MARGIN, y, SVG_DAY_WIDTH, heights[d], "#fff");
        ow_date_long(g.dates[d], text, sizeof text);
        svg_wrapped(b, SVG_MARGIN + SVG_PAD, y + baseline, "", text, SVG_COLS);
        for (size_t c = 0; c < cols; c++) {
            int x = x0 + (int)c * SVG_CELL_WIDTH;
            const ow_meeting *const *cell = &g.list[cursor];
            size_t n = grid_cell(&g, d, c, &cursor);
            if (n == 0) {
                svg_rect(b, x, y, SVG_CELL_WIDTH, heights[d], "#fff");
                continue;
            }
            svg_rect(b, x, y, SVG_CELL_WIDTH, heights[d],
                     cell_bodies(inst, &g, cell, n) > 1 ? "#e4e4e4" : "#f4f4f4");
            svg_cell(b, inst, &g, cell, n, x + SVG_PAD, y + baseline);
        }
        y += heights[d];
    }
    ow_buf_puts(b, "</svg>\n");
    free(heights);
    grid_free(&g);
    return OW_OK;
}

/* md, text and html share the walk over bodies; they differ in each body's part
 * and in what wraps the whole. */
static ow_status render_annex(const ow_instance *inst, const ow_schedule *s, ow_format f,
                              const ow_render_options *opts, ow_buf *b, ow_error *err)
{
    ow_status rc = OW_OK;
    body_meetings bm = {0, NULL};
    annex a = {0, NULL};
    bool any = false;

    /* The period as a whole matters only when several bodies share it. */
    bool overview = (f == OW_FORMAT_HTML || f == OW_FORMAT_MD) && inst->n_bodies > 1 &&
                    opts->body < 0 && ow_solve_status_has_schedule(s->status);
    if (f == OW_FORMAT_HTML)
        put_html_head(b, inst, overview);
    if (overview && f == OW_FORMAT_HTML)
        OW_CALL(render_html_overview(b, inst, s, opts, err));
    if (overview && f == OW_FORMAT_MD)
        OW_CALL(render_md_overview(b, inst, s, opts, err));
    if (!ow_solve_status_has_schedule(s->status)) {
        if (f == OW_FORMAT_HTML) {
            ow_buf_printf(b, "<p>%s</p>\n</body>\n</html>\n", no_schedule_note(s));
        } else {
            ow_buf_printf(b, "%s\n", no_schedule_note(s));
        }
        goto done;
    }
    for (size_t i = 0; i < inst->n_bodies; i++) {
        if (!body_selected(opts, i))
            continue;
        const ow_body *body = &inst->bodies[i];
        OW_CALL(collect_meetings(s, i, &bm, err));
        OW_CALL(build_annex(inst, &bm, &a, err));
        if (any && f != OW_FORMAT_HTML)
            ow_buf_putc(b, '\n');
        any = true;
        if (f == OW_FORMAT_MD)
            render_md_body(b, inst, body, &a);
        else if (f == OW_FORMAT_TEXT)
            render_text_body(b, inst, body, &a);
        else
            render_html_body(b, inst, body, &a);
        free(a.rows);
        a.rows = NULL;
        free(bm.list);
        bm.list = NULL;
    }
    if (f == OW_FORMAT_HTML)
        ow_buf_puts(b, "</body>\n</html>\n");
done:
    free(a.rows);
    free(bm.list);
    return rc;
}

/* ---- csv ----------------------------------------------------------------------------- */

/* RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
 * A field that a spreadsheet would take for a formula (it begins with =, +, -, @,
 * a tab or a carriage return) gets a leading ' (OWASP, "CSV injection"), and control
 * characters other than line breaks and tabs (ESC, BEL, DEL, C1) are dropped
 * (docs/output.md). */
static void put_csv_field(ow_buf *b, const char *s)
{
    ow_buf clean = OW_BUF_INIT;
    if (strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0')
        ow_buf_putc(&clean, '\'');
    for (const unsigned char *c = (const unsigned char *)s; *c != '\0'; c++) {
        if ((*c < 0x20 && *c != '\t' && *c != '\r' && *c != '\n') || *c == 0x7F)
            continue;
        if (c[0] == 0xC2 && c[1] >= 0x80 && c[1] <= 0x9F) { /* C1: U+0080–U+009F */
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

static void render_csv(const ow_instance *inst, const ow_schedule *s, const ow_render_options *opts,
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
            if (put_joint_note(&note, inst, m, p))
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

/* ---- ics ----------------------------------------------------------------------------- */

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
        } else if (c1_at(s) && ++s) {
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
            size_t len = utf8_next(line + cut, n - cut, &c);
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

static void render_ics(const ow_instance *inst, const ow_schedule *s, const ow_render_options *opts,
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
                if (put_joint_note(&note, inst, m, &m->pieces[k])) {
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

/* ---- json ---------------------------------------------------------------------------- */

static void put_json_string(ow_buf *b, const char *s)
{
    size_t n = strlen(s);
    ow_buf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t len = utf8_next(s + i, n - i, &cp);
            if (cp == 0xFFFD && len == 1)
                ow_buf_puts(b, "\\ufffd"); /* malformed UTF-8 would make invalid JSON */
            else if (cp >= 0x80 && cp <= 0x9F)
                ow_buf_printf(b, "\\u%04x", (unsigned)cp); /* C1 controls, escaped */
            else
                ow_buf_append(b, s + i, len);
            i += len;
            continue;
        }
        switch (c) {
        case '"':
            ow_buf_puts(b, "\\\"");
            break;
        case '\\':
            ow_buf_puts(b, "\\\\");
            break;
        case '\n':
            ow_buf_puts(b, "\\n");
            break;
        case '\r':
            ow_buf_puts(b, "\\r");
            break;
        case '\t':
            ow_buf_puts(b, "\\t");
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                ow_buf_printf(b, "\\u%04x", c);
            else
                ow_buf_putc(b, (char)c);
        }
        i++;
    }
    ow_buf_putc(b, '"');
}

static void render_json_meeting(ow_buf *b, const ow_instance *inst, const ow_meeting *m)
{
    char date[11], start[6], end[6];
    ow_date_iso(m->date, date);
    ow_time_hhmm(m->start, start);
    ow_time_hhmm(m->end, end);
    ow_buf_printf(b,
                  "        {\n"
                  "          \"n\": %d,\n"
                  "          \"date\": \"%s\",\n"
                  "          \"start\": \"%s\",\n"
                  "          \"end\": \"%s\",\n"
                  "          \"room\": ",
                  m->n, date, start, end);
    /* An unknown room is "" rather than null: `orgwork check` reads rooms as strings. */
    put_json_string(b, str_or_empty(room_name(inst, m->room)));
    /* Informative only: `orgwork check` recomputes who attends from the pieces. */
    bool joint = false;
    for (size_t k = 0; k < inst->n_bodies; k++) {
        if (!meeting_attended_by(inst, m, k))
            continue;
        ow_buf_puts(b, joint ? ", " : ",\n          \"joint_with\": [");
        put_json_string(b, str_or_empty(inst->bodies[k].id));
        joint = true;
    }
    if (joint)
        ow_buf_putc(b, ']');
    ow_buf_puts(b, ",\n          \"items\": [");
    for (size_t k = 0; k < m->n_pieces; k++) {
        const ow_piece *p = &m->pieces[k];
        ow_buf_puts(b, k == 0 ? "\n            {\"item\": " : ",\n            {\"item\": ");
        put_json_string(b, str_or_empty(ow_piece_item(inst, m, p)->id));
        if (p->joint) {
            ow_buf_puts(b, ", \"body\": ");
            put_json_string(b, str_or_empty(inst->bodies[p->owner].id));
        }
        ow_buf_printf(b, ", \"minutes\": %d, \"continued\": %s}", p->minutes,
                      p->continued ? "true" : "false");
    }
    ow_buf_puts(b, m->n_pieces > 0 ? "\n          ]\n        }" : "]\n        }");
}

static ow_status render_json(const ow_instance *inst, const ow_schedule *s,
                             const ow_render_options *opts, ow_buf *b, ow_error *err)
{
    ow_status rc = OW_OK;
    body_meetings bm = {0, NULL};
    bool infeasible = !ow_solve_status_has_schedule(s->status);

    ow_buf_puts(b, "{\n  \"orgwork\": 1,\n  \"status\": ");
    put_json_string(b, ow_solve_status_name(s->status));
    ow_buf_puts(b, ",\n  \"objective\": ");
    if (infeasible)
        ow_buf_puts(b, "null");
    else
        put_json_number(b, s->objective);
    ow_buf_puts(b, ",\n  \"solver\": {\"name\": \"glpk\", ");
    if (opts->timings) {
        ow_buf_puts(b, "\"seconds\": ");
        put_json_number(b, s->seconds);
        ow_buf_puts(b, ", ");
    }
    ow_buf_puts(b, "\"gap\": ");
    /* Nothing is proven when the search stopped before any schedule. */
    if (s->status == OW_SOLVE_UNKNOWN)
        ow_buf_puts(b, "null");
    else
        put_json_number(b, s->gap);
    ow_buf_puts(b, "},\n");
    /* Every room, so that a reader of the JSON alone sees the whole period; left out
     * where there is nothing to choose, which keeps single-body files as they were. */
    if (inst->n_bodies > 1 || inst->n_rooms > 1) {
        ow_buf_puts(b, "  \"rooms\": [");
        for (size_t k = 0; k < inst->n_rooms; k++) {
            if (k > 0)
                ow_buf_puts(b, ", ");
            put_json_string(b, str_or_empty(inst->rooms[k]));
        }
        ow_buf_puts(b, "],\n");
    }
    ow_buf_puts(b, "  \"bodies\": [");

    bool any = false;
    for (size_t i = 0; !infeasible && i < inst->n_bodies; i++) {
        if (!body_selected(opts, i))
            continue;
        const ow_body *body = &inst->bodies[i];
        OW_CALL(collect_meetings(s, i, &bm, err));
        ow_buf_puts(b, any ? ",\n    {\n      \"id\": " : "\n    {\n      \"id\": ");
        any = true;
        put_json_string(b, str_or_empty(body->id));
        ow_buf_puts(b, ",\n      \"name\": ");
        put_json_string(b, str_or_empty(body->name));
        ow_buf_puts(b, ",\n      \"meetings\": [");
        for (size_t k = 0; k < bm.n; k++) {
            ow_buf_puts(b, k == 0 ? "\n" : ",\n");
            render_json_meeting(b, inst, bm.list[k]);
        }
        ow_buf_puts(b, bm.n > 0 ? "\n      ]\n    }" : "]\n    }");
        free(bm.list);
        bm.list = NULL;
    }
    ow_buf_puts(b, any ? "\n  ]\n}\n" : "]\n}\n");
done:
    free(bm.list);
    return rc;
}

/* ---- entry point ----------------------------------------------------------------------- */

ow_status ow_render(const ow_instance *inst, const ow_schedule *s, ow_format f,
                    const ow_render_options *opts, ow_buf *out, ow_error *err)
{
    static const ow_render_options defaults = {false, -1};
    ow_status rc = OW_OK;
    ow_buf b = OW_BUF_INIT;
    if (opts == NULL)
        opts = &defaults;

    OW_CALL(validate(inst, s, opts, err));
    switch (f) {
    case OW_FORMAT_MD:
    case OW_FORMAT_TEXT:
    case OW_FORMAT_HTML:
        OW_CALL(render_annex(inst, s, f, opts, &b, err));
        break;
    case OW_FORMAT_CSV:
        render_csv(inst, s, opts, &b);
        break;
    case OW_FORMAT_ICS:
        render_ics(inst, s, opts, &b);
        break;
    case OW_FORMAT_JSON:
        OW_CALL(render_json(inst, s, opts, &b, err));
        break;
    case OW_FORMAT_SVG:
        OW_CALL(render_svg(inst, s, opts, &b, err));
        break;
    default:
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "unknown output format %d",
                          (int)f);
        goto done;
    }
    if (b.failed) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory while rendering");
        goto done;
    }
    ow_buf_append(out, ow_buf_str(&b), b.len);
    if (out->failed)
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory while rendering");
done:
    ow_buf_free(&b);
    return rc;
}
