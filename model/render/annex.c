/* annex.c: what the formats share about the annex: the body's meetings in annex
 * order, the annex as rows, the heading, the joint meeting notes, the resources
 * sentence, and the note that stands in place of the annex when there is no
 * schedule. */
#include "formats.h"

#include <assert.h>
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

static void put_day_words(ow_buf *b, int days, bool half);

static void put_days(ow_buf *b, int meetings, int per_day)
{
    int days = meetings / per_day;
    int rest = meetings % per_day;
    bool half = rest != 0 && 2 * rest == per_day;
    if (rest != 0 && !half)
        days++; /* part of a day that is not a half counts as a day */
    put_day_words(b, days, half);
}

/* When days differ in the slots a body may meet in (slots_on, slots_by_weekday,
 * its slots, not_during, reserved) and `meetings` is not given: the days of its
 * window on which it may meet, a day with half the slots of its fullest day
 * counting half. */
static void put_window_days(ow_buf *b, const ow_instance *inst, const ow_body *body)
{
    int most = ow_body_meetings_a_day(inst, body), halves = 0;
    for (int d = body->window_from; d <= body->window_to && d < inst->calendar.n_days; d++) {
        int n = 0;
        for (int s = 0; s < (int)inst->calendar.n_slots; s++)
            n += ow_body_may_meet(&inst->calendar, body, d, s);
        if (n > most)
            n = most;
        halves += n == 0 ? 0 : 2 * n == most ? 1 : 2;
    }
    put_day_words(b, halves / 2, halves % 2 != 0);
}

static void put_day_words(ow_buf *b, int days, bool half)
{
    char words[64];
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
    if (ow_body_slots_limited(inst, body))
        per_day = ow_body_meetings_a_day(inst, body); /* the slots it may meet in */
    if (per_day <= 0)
        per_day = 1;

    ow_buf_puts(out, "The resources available to the ");
    ow_buf_append(out, name, ow_short_name_len(name));
    ow_number_words(meetings, words, sizeof words);
    ow_buf_printf(out, " will permit the holding of %s plenary meeting%s over ", words,
                  meetings == 1 ? "" : "s");
    if (body->meetings == 0 && ow_body_slots_limited(inst, body))
        put_window_days(out, inst, body);
    else
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

ow_status ow_build_annex(const ow_instance *inst, const body_meetings *bm, annex *out,
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
            rows[n].label = item_number(item);
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
