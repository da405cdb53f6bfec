/* json.c: the schedule as the JSON of SPEC §4, both ways: written by ow_render
 * (--format json) and read back by ow_schedule_read_json for `orgwork check`, so the
 * one format's writer and reader stand together.
 *
 * Reading: only syntax errors carry a line and column (jansson keeps no positions in
 * a parsed document), so semantic errors name the JSON path instead: a planner
 * editing the file by hand can still find the spot. */
#include "orgwork/schedule.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../json_input.h"
#include "../arena.h"
#include "orgwork/buf.h"
#include "formats.h"

/* Caps beyond anything a real session needs, so a hostile file cannot make the
 * checker's pairwise rules quadratic in millions of meetings. */
#define MEETINGS_PER_BODY_MAX  (OW_MAX_DAYS * OW_MAX_SLOTS)
#define PIECES_PER_MEETING_MAX (2 * OW_MAX_ITEMS)
#define MINUTES_MAX            100000
#define NUMBER_MAX             100000

/* ---- reading ------------------------------------------------------------------- */

typedef struct reader {
    const ow_instance *inst;
    const char *name;
    ow_error *err;
    ow_buf *unmatched; /* re-planning: ids the instance lacks are listed here, not refused */
} reader;

/* A piece (or body) left out because the instance no longer has it. */
#define SKIPPED ((ow_status)-1)

/* Fails naming the JSON path of the offending value ("bodies[0].meetings[2].date"). */
#define fail(r, path, key, ...) ow_json_fail((r)->err, (r)->name, path, key, __VA_ARGS__)

/* Looks up key in obj, failing when it is missing.  path names obj. */
static ow_status member(const reader *r, json_t *obj, const char *path, const char *key,
                        json_t **out)
{
    json_t *v = json_object_get(obj, key);
    if (v == NULL)
        return fail(r, path, NULL, "missing key \"%s\"", key);
    *out = v;
    return OW_OK;
}

static ow_status string_member(const reader *r, json_t *obj, const char *path, const char *key,
                               const char *example, const char **out)
{
    json_t *v = NULL;
    ow_status rc = member(r, obj, path, key, &v);
    if (rc != OW_OK)
        return rc;
    if (!json_is_string(v))
        return fail(r, path, key, "expected a string such as %s", example);
    *out = json_string_value(v);
    return OW_OK;
}

static ow_status int_member(const reader *r, json_t *obj, const char *path, const char *key, int lo,
                            int hi, int *out)
{
    json_t *v = NULL;
    ow_status rc = member(r, obj, path, key, &v);
    if (rc != OW_OK)
        return rc;
    if (!json_is_integer(v))
        return fail(r, path, key, "expected a whole number");
    if (json_integer_value(v) < lo || json_integer_value(v) > hi)
        return fail(r, path, key, "%" JSON_INTEGER_FORMAT " is out of range (%d to %d)",
                    json_integer_value(v), lo, hi);
    *out = (int)json_integer_value(v);
    return OW_OK;
}

static ow_status array_member(const reader *r, json_t *obj, const char *path, const char *key,
                              size_t max, json_t **out)
{
    json_t *v = NULL;
    ow_status rc = member(r, obj, path, key, &v);
    if (rc != OW_OK)
        return rc;
    if (!json_is_array(v))
        return fail(r, path, key, "expected a list");
    if (json_array_size(v) > max)
        return fail(r, path, key, "%zu entries, more than the %zu orgwork accepts",
                    json_array_size(v), max);
    *out = v;
    return OW_OK;
}

/* A piece's item is in the meeting's body's agenda unless "body" names another body:
 * then it is a joint item of that body, held in this meeting as their joint meeting.
 * The meeting's "joint_with" list is not read: the checker works out who attends from
 * the pieces. */
static ow_status read_piece(const reader *r, size_t body_index, json_t *obj, const char *path,
                            ow_piece *piece)
{
    if (!json_is_object(obj))
        return fail(r, path, NULL,
                    "expected an object {\"item\": …, \"minutes\": …, \"continued\": …}");
    const char *id = NULL;
    ow_status rc = string_member(r, obj, path, "item", "\"1(a)\"", &id);
    if (rc != OW_OK)
        return rc;
    size_t owner = body_index;
    if (json_object_get(obj, "body") != NULL) {
        const char *owner_id = NULL;
        rc = string_member(r, obj, path, "body", "\"WG.4\"", &owner_id);
        if (rc != OW_OK)
            return rc;
        int b = ow_instance_find_body(r->inst, owner_id);
        if (b < 0 && r->unmatched != NULL) {
            ow_buf_printf(r->unmatched, "%s: body %s (a joint item %s)\n", path, owner_id, id);
            return SKIPPED;
        }
        if (b < 0)
            return fail(r, path, "body", "the instance has no body \"%s\"", owner_id);
        owner = (size_t)b;
    }
    const ow_body *body = &r->inst->bodies[owner];
    int item = ow_body_find_item(body, id);
    if (item < 0 && r->unmatched != NULL) {
        ow_buf_printf(r->unmatched, "%s: item %s of %s\n", path, id, body->id);
        return SKIPPED;
    }
    if (item < 0)
        return fail(r, path, "item", "%s has no agenda item \"%s\"", body->id, id);
    int minutes = 0;
    rc = int_member(r, obj, path, "minutes", -MINUTES_MAX, MINUTES_MAX, &minutes);
    if (rc != OW_OK)
        return rc;
    json_t *continued = NULL;
    rc = member(r, obj, path, "continued", &continued);
    if (rc != OW_OK)
        return rc;
    if (!json_is_boolean(continued))
        return fail(r, path, "continued", "expected true or false");
    piece->item = (size_t)item;
    piece->minutes = minutes;
    piece->continued = json_is_true(continued);
    /* Naming the meeting's own body is the same as naming none. */
    piece->joint = owner != body_index;
    piece->owner = piece->joint ? owner : 0;
    return OW_OK;
}

static int find_day(const ow_calendar *cal, ow_date date)
{
    for (int d = 0; d < cal->n_days; d++)
        if (cal->days[d] == date)
            return d;
    return -1;
}

/* The index of the slot of that day (its own slots: ow_calendar_day_slots), or -1. */
static int find_slot(const ow_calendar *cal, int day, int start, int end)
{
    size_t n;
    const ow_slot *slots = ow_calendar_day_slots(cal, day, &n);
    for (size_t k = 0; k < n; k++)
        if (slots[k].start == start && slots[k].end == end)
            return (int)k;
    return -1;
}

static int find_room(const ow_instance *inst, const char *name)
{
    for (size_t k = 0; k < inst->n_rooms; k++)
        if (strcmp(inst->rooms[k], name) == 0)
            return (int)k;
    return -1;
}

static ow_status read_meeting(const reader *r, ow_schedule *s, size_t body_index, json_t *obj,
                              const char *path)
{
    if (!json_is_object(obj))
        return fail(r, path, NULL, "expected an object {\"n\": …, \"date\": …, \"start\": …, …}");
    int n = 0;
    ow_status rc = int_member(r, obj, path, "n", -NUMBER_MAX, NUMBER_MAX, &n);
    if (rc != OW_OK)
        return rc;
    const char *date_text = NULL, *start_text = NULL, *end_text = NULL, *room_text = NULL;
    rc = string_member(r, obj, path, "date", "\"2024-07-11\"", &date_text);
    if (rc != OW_OK)
        return rc;
    ow_date date;
    if (!ow_date_parse(date_text, &date))
        return fail(r, path, "date", "cannot read \"%s\" as a date (expected YYYY-MM-DD)",
                    date_text);
    rc = string_member(r, obj, path, "start", "\"10:00\"", &start_text);
    if (rc != OW_OK)
        return rc;
    rc = string_member(r, obj, path, "end", "\"13:00\"", &end_text);
    if (rc != OW_OK)
        return rc;
    int start, end;
    if (!ow_time_parse(start_text, &start))
        return fail(r, path, "start", "cannot read \"%s\" as a time (expected HH:MM)", start_text);
    if (!ow_time_parse(end_text, &end))
        return fail(r, path, "end", "cannot read \"%s\" as a time (expected HH:MM)", end_text);
    if (end <= start)
        return fail(r, path, "end", "the meeting ends at %s, not after it starts at %s", end_text,
                    start_text);
    rc = string_member(r, obj, path, "room", "\"Plenary\"", &room_text);
    if (rc != OW_OK)
        return rc;
    json_t *items = NULL;
    rc = array_member(r, obj, path, "items", PIECES_PER_MEETING_MAX, &items);
    if (rc != OW_OK)
        return rc;

    ow_meeting *m = ow_schedule_add_meeting(s, json_array_size(items));
    if (m == NULL)
        return ow_error_set(r->err, OW_INTERNAL, r->name, (ow_loc){0, 0}, "out of memory");
    m->body = body_index;
    m->n = n;
    m->date = date;
    m->day = find_day(&r->inst->calendar, date);
    m->slot = find_slot(&r->inst->calendar, m->day, start, end);
    m->start = start;
    m->end = end;
    m->room = find_room(r->inst, room_text);
    size_t kept = 0;
    for (size_t k = 0; k < json_array_size(items); k++) {
        char sub[192];
        snprintf(sub, sizeof sub, "%s.items[%zu]", path, k);
        rc = read_piece(r, body_index, json_array_get(items, k), sub, &m->pieces[kept]);
        if (rc == SKIPPED)
            continue;
        if (rc != OW_OK)
            return rc;
        kept++;
    }
    m->n_pieces = kept;
    if (kept == 0 && json_array_size(items) > 0)
        s->n_meetings--; /* every piece was left out: so is the meeting */
    return OW_OK;
}

static ow_status read_body(const reader *r, ow_schedule *s, json_t *obj, const char *path,
                           bool *seen)
{
    if (!json_is_object(obj))
        return fail(r, path, NULL, "expected an object {\"id\": …, \"meetings\": […]}");
    const char *id = NULL;
    ow_status rc = string_member(r, obj, path, "id", "\"WG.7\"", &id);
    if (rc != OW_OK)
        return rc;
    int b = ow_instance_find_body(r->inst, id);
    if (b < 0 && r->unmatched != NULL) {
        ow_buf_printf(r->unmatched, "%s: body %s\n", path, id);
        return OW_OK;
    }
    if (b < 0)
        return fail(r, path, "id", "the instance has no body \"%s\"", id);
    if (seen[b])
        return fail(r, path, "id", "body %s is listed twice", id);
    seen[b] = true;
    json_t *meetings = NULL;
    rc = array_member(r, obj, path, "meetings", MEETINGS_PER_BODY_MAX, &meetings);
    if (rc != OW_OK)
        return rc;
    for (size_t k = 0; k < json_array_size(meetings); k++) {
        char sub[160];
        snprintf(sub, sizeof sub, "%s.meetings[%zu]", path, k);
        rc = read_meeting(r, s, (size_t)b, json_array_get(meetings, k), sub);
        if (rc != OW_OK)
            return rc;
    }
    return OW_OK;
}

static ow_status read_status(const reader *r, json_t *root, ow_solve_status *out)
{
    const char *text = NULL;
    ow_status rc = string_member(r, root, "", "status", "\"optimal\"", &text);
    if (rc != OW_OK)
        return rc;
    static const ow_solve_status all[] = {OW_SOLVE_OPTIMAL, OW_SOLVE_FEASIBLE, OW_SOLVE_INFEASIBLE,
                                          OW_SOLVE_UNKNOWN};
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
        if (strcmp(text, ow_solve_status_name(all[k])) == 0) {
            *out = all[k];
            return OW_OK;
        }
    }
    return fail(r, "", "status", "\"%s\" is not optimal, feasible, infeasible or unknown", text);
}

/* solver.gap, solver.seconds and solver.stop are optional: a hand-written schedule
 * has no solver. */
static ow_status read_solver(const reader *r, json_t *root, ow_schedule *s)
{
    json_t *solver = json_object_get(root, "solver");
    if (solver == NULL)
        return OW_OK;
    if (!json_is_object(solver))
        return fail(r, "", "solver", "expected an object {\"name\": …, \"gap\": …}");
    json_t *gap = json_object_get(solver, "gap");
    if (gap != NULL && !json_is_null(gap)) {
        if (!json_is_number(gap))
            return fail(r, "solver", "gap", "expected a number");
        s->gap = json_number_value(gap);
    }
    json_t *seconds = json_object_get(solver, "seconds");
    if (seconds != NULL) {
        if (!json_is_number(seconds))
            return fail(r, "solver", "seconds", "expected a number");
        s->seconds = json_number_value(seconds);
    }
    json_t *stop = json_object_get(solver, "stop");
    if (stop != NULL &&
        !(json_is_string(stop) && ow_stop_reason_parse(json_string_value(stop), &s->stop)))
        return fail(r, "solver", "stop",
                    "expected \"proven\", \"gap\", \"time\", \"interrupted\", \"default\" "
                    "or \"planned\"");
    return OW_OK;
}

static ow_status read_root(const reader *r, json_t *root, ow_schedule *s, bool *seen)
{
    if (!json_is_object(root))
        return fail(r, "", NULL,
                    "expected an object {\"orgwork\": 1, \"status\": …, \"bodies\": […]}");
    json_t *version = NULL;
    ow_status rc = member(r, root, "", "orgwork", &version);
    if (rc != OW_OK)
        return rc;
    if (!json_is_integer(version) || json_integer_value(version) != 1)
        return fail(r, "", "orgwork",
                    "this is format version 1 of orgwork; the file must say "
                    "\"orgwork\": 1");
    rc = read_status(r, root, &s->status);
    if (rc != OW_OK)
        return rc;
    json_t *objective = json_object_get(root, "objective");
    if (objective != NULL && !json_is_null(objective)) {
        if (!json_is_number(objective))
            return fail(r, "", "objective", "expected a number");
        s->objective = json_number_value(objective);
        s->objective_given = true;
    }
    rc = read_solver(r, root, s);
    if (rc != OW_OK)
        return rc;
    /* An infeasible run has no schedule to list. */
    if (!ow_solve_status_has_schedule(s->status) && json_object_get(root, "bodies") == NULL)
        return OW_OK;
    json_t *bodies = NULL;
    rc = array_member(r, root, "", "bodies", OW_MAX_BODIES, &bodies);
    if (rc != OW_OK)
        return rc;
    for (size_t k = 0; k < json_array_size(bodies); k++) {
        char path[32];
        snprintf(path, sizeof path, "bodies[%zu]", k);
        rc = read_body(r, s, json_array_get(bodies, k), path, seen);
        if (rc != OW_OK)
            return rc;
    }
    return OW_OK;
}

static ow_status read_string(const ow_instance *inst, const char *name, const char *text,
                             size_t len, ow_buf *unmatched, ow_schedule **out, ow_error *err)
{
    ow_status rc = OW_OK;
    ow_schedule *s = NULL;
    bool *seen = NULL;
    reader r = {inst, name, err, unmatched};
    json_t *root = NULL;
    OW_CALL(ow_json_parse(name, text, len, &root, err));
    s = ow_schedule_new();
    seen = calloc(inst->n_bodies + 1, sizeof *seen);
    if (s == NULL || seen == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, name, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    OW_CALL(read_root(&r, root, s, seen));
    *out = s;
    s = NULL;
done:
    free(seen);
    ow_schedule_free(s);
    json_decref(root);
    return rc;
}

ow_status ow_schedule_read_json_string(const ow_instance *inst, const char *name, const char *text,
                                       size_t len, ow_schedule **out, ow_error *err)
{
    return read_string(inst, name, text, len, NULL, out, err);
}

static ow_status read_file(const ow_instance *inst, const char *path, ow_buf *unmatched,
                           ow_schedule **out, ow_error *err)
{
    char *text = NULL;
    size_t len = 0;
    ow_status rc = ow_read_file(path, OW_MAX_FILE_BYTES, &text, &len, err);
    if (rc != OW_OK)
        return rc;
    rc = read_string(inst, path, text, len, unmatched, out, err);
    free(text);
    return rc;
}

ow_status ow_schedule_read_json(const ow_instance *inst, const char *path, ow_schedule **out,
                                ow_error *err)
{
    return read_file(inst, path, NULL, out, err);
}

ow_status ow_schedule_read_json_matching(const ow_instance *inst, const char *path,
                                         ow_buf *unmatched, ow_schedule **out, ow_error *err)
{
    return read_file(inst, path, unmatched, out, err);
}

ow_status ow_schedule_read_json_string_matching(const ow_instance *inst, const char *name,
                                                const char *text, size_t len, ow_buf *unmatched,
                                                ow_schedule **out, ow_error *err)
{
    return read_string(inst, name, text, len, unmatched, out, err);
}

/* ---- writing ------------------------------------------------------------------- */

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

void ow_put_json_string(ow_buf *b, const char *s)
{
    size_t n = strlen(s);
    ow_buf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t len = ow_utf8_next(s + i, n - i, &cp);
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
    ow_put_json_string(b, str_or_empty(room_name(inst, m->room)));
    /* Informative only: `orgwork check` recomputes who attends from the pieces. */
    bool joint = false;
    for (size_t k = 0; k < inst->n_bodies; k++) {
        if (!ow_meeting_attended_by(inst, m, k))
            continue;
        ow_buf_puts(b, joint ? ", " : ",\n          \"joint_with\": [");
        ow_put_json_string(b, str_or_empty(inst->bodies[k].id));
        joint = true;
    }
    if (joint)
        ow_buf_putc(b, ']');
    ow_buf_puts(b, ",\n          \"items\": [");
    for (size_t k = 0; k < m->n_pieces; k++) {
        const ow_piece *p = &m->pieces[k];
        ow_buf_puts(b, k == 0 ? "\n            {\"item\": " : ",\n            {\"item\": ");
        ow_put_json_string(b, str_or_empty(ow_piece_item(inst, m, p)->id));
        /* Informative, as joint_with is: readers find the event by its id. */
        const ow_item *item = ow_piece_item(inst, m, p);
        if (item->event)
            ow_buf_puts(b, ", \"event\": true");
        /* Informative too: the items considered with it, one block under its id. */
        for (size_t t = 0; t < item->n_together; t++) {
            ow_buf_puts(b, t == 0 ? ", \"together\": [" : ", ");
            ow_put_json_string(b, str_or_empty(item->together[t]));
        }
        if (item->n_together > 0)
            ow_buf_putc(b, ']');
        if (p->joint) {
            ow_buf_puts(b, ", \"body\": ");
            ow_put_json_string(b, str_or_empty(inst->bodies[p->owner].id));
        }
        ow_buf_printf(b, ", \"minutes\": %d, \"continued\": %s}", p->minutes,
                      p->continued ? "true" : "false");
    }
    ow_buf_puts(b, m->n_pieces > 0 ? "\n          ]\n        }" : "]\n        }");
}

ow_status ow_render_json(const ow_instance *inst, const ow_schedule *s,
                         const ow_render_options *opts, ow_buf *b, ow_error *err)
{
    ow_status rc = OW_OK;
    body_meetings bm = {0, NULL};
    bool infeasible = !ow_solve_status_has_schedule(s->status);

    ow_buf_puts(b, "{\n  \"orgwork\": 1,\n  \"status\": ");
    ow_put_json_string(b, ow_solve_status_name(s->status));
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
    if (ow_stop_reason_name(s->stop) != NULL) {
        ow_buf_puts(b, ", \"stop\": ");
        ow_put_json_string(b, ow_stop_reason_name(s->stop));
    }
    ow_buf_puts(b, "},\n");
    /* Every room, so that a reader of the JSON alone sees the whole period; left out
     * where there is nothing to choose, which keeps single-body files as they were. */
    if (inst->n_bodies > 1 || inst->n_rooms > 1) {
        ow_buf_puts(b, "  \"rooms\": [");
        for (size_t k = 0; k < inst->n_rooms; k++) {
            if (k > 0)
                ow_buf_puts(b, ", ");
            ow_put_json_string(b, str_or_empty(inst->rooms[k]));
        }
        ow_buf_puts(b, "],\n");
    }
    ow_buf_puts(b, "  \"bodies\": [");

    bool any = false;
    for (size_t i = 0; !infeasible && i < inst->n_bodies; i++) {
        if (!body_selected(opts, i))
            continue;
        const ow_body *body = &inst->bodies[i];
        OW_CALL(ow_collect_meetings(s, i, &bm, err));
        ow_buf_puts(b, any ? ",\n    {\n      \"id\": " : "\n    {\n      \"id\": ");
        any = true;
        ow_put_json_string(b, str_or_empty(body->id));
        ow_buf_puts(b, ",\n      \"name\": ");
        ow_put_json_string(b, str_or_empty(body->name));
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
