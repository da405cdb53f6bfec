/* render.c: the proposed organization of work as the seeds' annexes lay it out
 * (md, text, html), as data for other tools (csv, ics, json), and the whole
 * period as one timetable (the html overview, svg): the dispatch, and what the
 * formats share.  Each format has a file of its own beside this one
 * (render_private.h lists them).
 *
 * Every renderer writes into a private buffer that is appended to the caller's
 * only when it is complete, so a failure leaves the caller's buffer as it was. */
#include "render_private.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../order.h"
#include "orgwork/calendar.h"

/* What stands in place of the annex when there is no schedule. */
const char *ow_no_schedule_note(const ow_schedule *s)
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
size_t ow_utf8_next(const char *s, size_t n, uint32_t *cp)
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
int ow_char_columns(uint32_t c)
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

int ow_text_columns(const char *s, size_t n)
{
    int cols = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += ow_utf8_next(s + i, n - i, &c);
        cols += ow_char_columns(c);
    }
    return cols;
}

/* ---- shared helpers ------------------------------------------------------------- */

ow_status ow_collect_meetings(const ow_schedule *s, size_t body, body_meetings *out, ow_error *err)
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
        qsort(list, n, sizeof *list, ow_order_annex);
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

bool ow_meeting_attended_by(const ow_instance *inst, const ow_meeting *m, size_t b)
{
    for (size_t k = 0; k < m->n_pieces; k++)
        if (piece_attended_by(inst, m, &m->pieces[k], b))
            return true;
    return false;
}

/* "joint meeting with the Working Group on Firearms and the Expert Meeting": the
 * other bodies attending, in instance order.  Returns false (writing nothing) when
 * the piece is not held in a joint meeting. */
bool ow_put_joint_note(ow_buf *b, const ow_instance *inst, const ow_meeting *m, const ow_piece *p)
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

/* The heading names the body when the reader could otherwise not tell which one
 * the table belongs to. */
static bool heading_names_body(const ow_instance *inst, const ow_body *body)
{
    return inst->n_bodies > 1 || body->session != NULL;
}

void ow_put_heading_text(ow_buf *b, const ow_instance *inst, const ow_body *body)
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
size_t ow_short_name_len(const char *name)
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
    ow_buf_append(out, name, ow_short_name_len(name));
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
    assert(n <= cap);
    out->n = n;
    out->rows = rows;
    return OW_OK;
}

/* The row's title as plain text, with the joint meeting note: "Title (joint meeting
 * with the …)"; "(continued)" is left to each format's own emphasis. */
void ow_put_row_title(ow_buf *b, const ow_instance *inst, const annex_row *r)
{
    ow_buf_puts(b, r->title);
    if (r->p == NULL)
        return;
    ow_buf note = OW_BUF_INIT;
    if (ow_put_joint_note(&note, inst, r->m, r->p))
        ow_buf_printf(b, " (%s)", ow_buf_str(&note));
    if (note.failed)
        b->failed = true;
    ow_buf_free(&note);
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
        ow_put_html_head(b, inst, overview);
    if (overview && f == OW_FORMAT_HTML)
        OW_CALL(ow_render_html_overview(b, inst, s, opts, err));
    if (overview && f == OW_FORMAT_MD)
        OW_CALL(ow_render_md_overview(b, inst, s, opts, err));
    if (!ow_solve_status_has_schedule(s->status)) {
        if (f == OW_FORMAT_HTML) {
            ow_buf_printf(b, "<p>%s</p>\n</body>\n</html>\n", ow_no_schedule_note(s));
        } else {
            ow_buf_printf(b, "%s\n", ow_no_schedule_note(s));
        }
        goto done;
    }
    for (size_t i = 0; i < inst->n_bodies; i++) {
        if (!body_selected(opts, i))
            continue;
        const ow_body *body = &inst->bodies[i];
        OW_CALL(ow_collect_meetings(s, i, &bm, err));
        OW_CALL(build_annex(inst, &bm, &a, err));
        if (any && f != OW_FORMAT_HTML)
            ow_buf_putc(b, '\n');
        any = true;
        if (f == OW_FORMAT_MD)
            ow_render_md_body(b, inst, body, &a);
        else if (f == OW_FORMAT_TEXT)
            ow_render_text_body(b, inst, body, &a);
        else
            ow_render_html_body(b, inst, body, &a);
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
        ow_render_csv(inst, s, opts, &b);
        break;
    case OW_FORMAT_ICS:
        ow_render_ics(inst, s, opts, &b);
        break;
    case OW_FORMAT_JSON:
        OW_CALL(ow_render_json(inst, s, opts, &b, err));
        break;
    case OW_FORMAT_SVG:
        OW_CALL(ow_render_svg(inst, s, opts, &b, err));
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
