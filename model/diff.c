/* diff.c: what moved between two JSON schedules, in words.  Works from the JSON
 * alone, so a planner can compare yesterday's schedule with today's without the
 * instance that produced either.  Items are matched by (body id, item id): meeting
 * numbers and positions change whenever anything earlier moves, so they say
 * nothing about whether an item itself moved. */
#include "orgwork/diff.h"

#include "orgwork/text.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "json_input.h"
#include "orgwork/calendar.h"

#define MINUTES_MAX 100000

typedef struct piece {
    size_t item;
    ow_date date;
    int start, end;
    const char *room;
    int minutes;
} piece;

typedef struct item {
    size_t body;
    const char *id;
    size_t first, n; /* its pieces: a chronological range of schedule.pieces */
} item;

typedef struct body {
    const char *id;
    bool listed;        /* in "bodies"; otherwise known only from a joint piece */
    json_t *item_index; /* item id -> index in schedule.items */
    size_t first, n;    /* its items, in order of first appearance: a range of schedule.order */
} body;

/* One side of the comparison.  Strings are borrowed from root. */
typedef struct schedule {
    const char *name;
    ow_error *err;
    json_t *root;
    json_t *body_index; /* body id -> index in bodies */
    body *bodies;
    size_t n_bodies, cap_bodies;
    item *items;
    size_t n_items, cap_items;
    piece *pieces;
    size_t n_pieces, cap_pieces;
    size_t *order; /* item indices grouped by body, each group in order of first appearance */
} schedule;

/* Fails naming the JSON path of the offending value ("bodies[0].meetings[2].date"). */
#define fail(s, path, key, ...) ow_json_fail((s)->err, (s)->name, path, key, __VA_ARGS__)

static ow_status out_of_memory(const schedule *s)
{
    return ow_error_set(s->err, OW_INTERNAL, s->name, (ow_loc){0, 0}, "out of memory");
}

/* Makes room for one more element of size bytes after n in array; returns the
 * array, moved or not, or NULL (array left as it was). */
static void *grow(void *array, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return array;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = realloc(array, ncap * size);
    if (p != NULL)
        *cap = ncap;
    return p;
}

static ow_status get_string(const schedule *s, json_t *obj, const char *path, const char *key,
                            const char *example, const char **out)
{
    json_t *v = json_object_get(obj, key);
    if (v == NULL)
        return fail(s, path, NULL, "missing key \"%s\"", key);
    if (!json_is_string(v) || json_string_length(v) == 0)
        return fail(s, path, key, "expected a string such as %s", example);
    *out = json_string_value(v);
    return OW_OK;
}

static ow_status get_array(const schedule *s, json_t *obj, const char *path, const char *key,
                           json_t **out)
{
    json_t *v = json_object_get(obj, key);
    if (v == NULL)
        return fail(s, path, NULL, "missing key \"%s\"", key);
    if (!json_is_array(v))
        return fail(s, path, key, "expected a list");
    *out = v;
    return OW_OK;
}

static ow_status find_or_add_body(schedule *s, const char *id, size_t *out)
{
    json_t *known = json_object_get(s->body_index, id);
    if (known != NULL) {
        *out = (size_t)json_integer_value(known);
        return OW_OK;
    }
    body *bodies = grow(s->bodies, &s->cap_bodies, s->n_bodies, sizeof *s->bodies);
    if (bodies == NULL)
        return out_of_memory(s);
    s->bodies = bodies;
    body *b = &s->bodies[s->n_bodies];
    *b = (body){id, false, json_object(), 0, 0};
    if (b->item_index == NULL)
        return out_of_memory(s);
    s->n_bodies++;
    if (json_object_set_new(s->body_index, id, json_integer((json_int_t)s->n_bodies - 1)) != 0)
        return out_of_memory(s);
    *out = s->n_bodies - 1;
    return OW_OK;
}

static ow_status find_or_add_item(schedule *s, size_t b, const char *id, size_t *out)
{
    json_t *index = s->bodies[b].item_index;
    json_t *known = json_object_get(index, id);
    if (known != NULL) {
        *out = (size_t)json_integer_value(known);
        return OW_OK;
    }
    item *items = grow(s->items, &s->cap_items, s->n_items, sizeof *s->items);
    if (items == NULL)
        return out_of_memory(s);
    s->items = items;
    s->items[s->n_items] = (item){b, id, 0, 0};
    s->n_items++;
    if (json_object_set_new(index, id, json_integer((json_int_t)s->n_items - 1)) != 0)
        return out_of_memory(s);
    *out = s->n_items - 1;
    return OW_OK;
}

/* A piece of a joint meeting names the body whose agenda holds the item ("body"),
 * and the meeting is listed under every attending body: the copies are merged
 * once the pieces are sorted. */
static ow_status read_piece(schedule *s, size_t b, const piece *meeting, json_t *obj,
                            const char *path)
{
    if (!json_is_object(obj))
        return fail(s, path, NULL, "expected an object {\"item\": …, \"minutes\": …}");
    const char *id = NULL, *owner_id = NULL;
    ow_status rc = get_string(s, obj, path, "item", "\"1(a)\"", &id);
    if (rc != OW_OK)
        return rc;
    size_t owner = b;
    if (json_object_get(obj, "body") != NULL) {
        if ((rc = get_string(s, obj, path, "body", "\"WG.7\"", &owner_id)) != OW_OK ||
            (rc = find_or_add_body(s, owner_id, &owner)) != OW_OK)
            return rc;
    }
    json_t *minutes = json_object_get(obj, "minutes");
    if (minutes == NULL)
        return fail(s, path, NULL, "missing key \"minutes\"");
    if (!json_is_integer(minutes) || json_integer_value(minutes) < -MINUTES_MAX ||
        json_integer_value(minutes) > MINUTES_MAX)
        return fail(s, path, "minutes", "expected a whole number of minutes (at most %d)",
                    MINUTES_MAX);
    if (s->n_pieces >= OW_DIFF_MAX_PIECES)
        return fail(s, path, NULL, "more than the %d item pieces orgwork diff accepts",
                    OW_DIFF_MAX_PIECES);
    size_t it = 0;
    if ((rc = find_or_add_item(s, owner, id, &it)) != OW_OK)
        return rc;
    piece *pieces = grow(s->pieces, &s->cap_pieces, s->n_pieces, sizeof *s->pieces);
    if (pieces == NULL)
        return out_of_memory(s);
    s->pieces = pieces;
    piece *p = &s->pieces[s->n_pieces++];
    *p = *meeting;
    p->item = it;
    p->minutes = (int)json_integer_value(minutes);
    return OW_OK;
}

static ow_status read_meeting(schedule *s, size_t b, json_t *obj, const char *path)
{
    if (!json_is_object(obj))
        return fail(s, path, NULL,
                    "expected an object {\"date\": …, \"start\": …, \"end\": …, \"room\": …, "
                    "\"items\": […]}");
    const char *date = NULL, *start = NULL, *end = NULL, *room;
    json_t *items = NULL;
    ow_status rc;
    if ((rc = get_string(s, obj, path, "date", "\"2024-07-11\"", &date)) != OW_OK ||
        (rc = get_string(s, obj, path, "start", "\"10:00\"", &start)) != OW_OK ||
        (rc = get_string(s, obj, path, "end", "\"13:00\"", &end)) != OW_OK ||
        (rc = get_array(s, obj, path, "items", &items)) != OW_OK)
        return rc;
    /* The renderer writes "" for a room the instance does not name. */
    json_t *room_value = json_object_get(obj, "room");
    if (room_value == NULL)
        return fail(s, path, NULL, "missing key \"room\"");
    if (!json_is_string(room_value))
        return fail(s, path, "room", "expected a string such as \"Plenary\"");
    room = json_string_value(room_value);
    piece meeting = {0, 0, 0, 0, room, 0};
    if (!ow_date_parse(date, &meeting.date))
        return fail(s, path, "date", "cannot read \"%s\" as a date (expected YYYY-MM-DD)", date);
    if (!ow_time_parse(start, &meeting.start))
        return fail(s, path, "start", "cannot read \"%s\" as a time (expected HH:MM)", start);
    if (!ow_time_parse(end, &meeting.end))
        return fail(s, path, "end", "cannot read \"%s\" as a time (expected HH:MM)", end);
    if (meeting.end <= meeting.start)
        return fail(s, path, "end", "the meeting ends at %s, not after it starts at %s", end,
                    start);
    for (size_t k = 0; k < json_array_size(items); k++) {
        char sub[160];
        snprintf(sub, sizeof sub, "%s.items[%zu]", path, k);
        if ((rc = read_piece(s, b, &meeting, json_array_get(items, k), sub)) != OW_OK)
            return rc;
    }
    return OW_OK;
}

static ow_status read_body(schedule *s, json_t *obj, const char *path)
{
    if (!json_is_object(obj))
        return fail(s, path, NULL, "expected an object {\"id\": …, \"meetings\": […]}");
    const char *id = NULL;
    json_t *meetings = NULL;
    size_t b;
    ow_status rc;
    if ((rc = get_string(s, obj, path, "id", "\"WG.7\"", &id)) != OW_OK ||
        (rc = get_array(s, obj, path, "meetings", &meetings)) != OW_OK ||
        (rc = find_or_add_body(s, id, &b)) != OW_OK)
        return rc;
    if (s->bodies[b].listed)
        return fail(s, path, "id", "body %s is listed twice", id);
    s->bodies[b].listed = true;
    for (size_t k = 0; k < json_array_size(meetings); k++) {
        char sub[96];
        snprintf(sub, sizeof sub, "%s.meetings[%zu]", path, k);
        if ((rc = read_meeting(s, b, json_array_get(meetings, k), sub)) != OW_OK)
            return rc;
    }
    return OW_OK;
}

static ow_status read_root(schedule *s)
{
    json_t *root = s->root;
    if (!json_is_object(root))
        return fail(s, "", NULL,
                    "expected an object {\"orgwork\": 1, \"status\": …, \"bodies\": […]}");
    json_t *version = json_object_get(root, "orgwork");
    if (!json_is_integer(version) || json_integer_value(version) != 1)
        return fail(s, "", "orgwork",
                    "this is format version 1 of orgwork; the file must say "
                    "\"orgwork\": 1");
    json_t *bodies = json_object_get(root, "bodies");
    if (bodies == NULL) {
        /* An infeasible run has no schedule to list. */
        const char *status = json_string_value(json_object_get(root, "status"));
        if (status != NULL && strcmp(status, "infeasible") == 0)
            return OW_OK;
    }
    ow_status rc = get_array(s, root, "", "bodies", &bodies);
    for (size_t k = 0; rc == OW_OK && k < json_array_size(bodies); k++) {
        char path[32];
        snprintf(path, sizeof path, "bodies[%zu]", k);
        rc = read_body(s, json_array_get(bodies, k), path);
    }
    return rc;
}

static int compare_ints(long long a, long long b)
{
    return (a > b) - (a < b);
}

/* Chronological within an item; room last so that copies of a joint meeting meet. */
static int compare_pieces(const void *x, const void *y)
{
    const piece *a = x, *b = y;
    int c = compare_ints((long long)a->item, (long long)b->item);
    if (c == 0)
        c = compare_ints(a->date, b->date);
    if (c == 0)
        c = compare_ints(a->start, b->start);
    if (c == 0)
        c = compare_ints(a->end, b->end);
    if (c == 0)
        c = strcmp(a->room, b->room);
    return c != 0 ? c : compare_ints(a->minutes, b->minutes);
}

static bool same_place(const piece *a, const piece *b)
{
    return a->date == b->date && a->start == b->start && a->end == b->end &&
           strcmp(a->room, b->room) == 0;
}

/* Sorts each item's pieces, drops the copies of joint meetings, and groups the
 * items by body (a counting sort keeps the order of first appearance). */
static ow_status index_schedule(schedule *s)
{
    if (s->n_pieces > 0) /* pieces is NULL then, which qsort may not be given */
        qsort(s->pieces, s->n_pieces, sizeof *s->pieces, compare_pieces);
    size_t kept = 0;
    for (size_t k = 0; k < s->n_pieces; k++) {
        const piece *p = &s->pieces[k];
        const piece *last = kept > 0 ? &s->pieces[kept - 1] : NULL;
        if (last != NULL && last->item == p->item && same_place(last, p))
            continue;
        s->pieces[kept++] = *p;
    }
    s->n_pieces = kept;
    for (size_t k = 0; k < s->n_pieces; k++) {
        item *it = &s->items[s->pieces[k].item];
        if (it->n++ == 0)
            it->first = k;
    }

    s->order = malloc((s->n_items + 1) * sizeof *s->order);
    if (s->order == NULL)
        return out_of_memory(s);
    for (size_t k = 0; k < s->n_items; k++)
        s->bodies[s->items[k].body].n++;
    for (size_t b = 1; b < s->n_bodies; b++)
        s->bodies[b].first = s->bodies[b - 1].first + s->bodies[b - 1].n;
    for (size_t b = 0; b < s->n_bodies; b++)
        s->bodies[b].n = 0;
    for (size_t k = 0; k < s->n_items; k++) {
        body *b = &s->bodies[s->items[k].body];
        s->order[b->first + b->n++] = k;
    }
    return OW_OK;
}

static ow_status load(schedule *s, const char *name, const char *text, size_t len, ow_error *err)
{
    s->name = name;
    s->err = err;
    if (len > OW_DIFF_MAX_BYTES)
        return fail(s, "", NULL, "file is larger than %u bytes, the most orgwork diff reads",
                    OW_DIFF_MAX_BYTES);
    ow_status rc = ow_json_parse(name, text, len, &s->root, err);
    if (rc != OW_OK)
        return rc;
    s->body_index = json_object();
    if (s->body_index == NULL)
        return out_of_memory(s);
    rc = read_root(s);
    return rc == OW_OK ? index_schedule(s) : rc;
}

static void unload(schedule *s)
{
    for (size_t k = 0; k < s->n_bodies; k++)
        json_decref(s->bodies[k].item_index);
    free(s->order);
    free(s->pieces);
    free(s->items);
    free(s->bodies);
    json_decref(s->body_index);
    json_decref(s->root);
}

static const body *find_body(const schedule *s, const char *id)
{
    json_t *known = json_object_get(s->body_index, id);
    return known ? &s->bodies[json_integer_value(known)] : NULL;
}

static const item *find_item(const schedule *s, const body *b, const char *id)
{
    json_t *known = b ? json_object_get(b->item_index, id) : NULL;
    return known ? &s->items[json_integer_value(known)] : NULL;
}

/* ---- words ---------------------------------------------------------------------------- */

/* "WG.7: item 1 (a)": the seeds write a space before a sub-item's letter.  Ids and
 * rooms come from the files as written: control characters in them are escaped
 * (ow_buf_put_safe), never sent to the terminal. */
static void put_item(ow_buf *out, const char *body_id, const char *id)
{
    ow_buf spaced = OW_BUF_INIT;
    ow_buf_put_safe(out, body_id);
    ow_buf_puts(out, ": item ");
    for (const char *c = id; *c; c++) {
        if (*c == '(' && c > id && c[-1] != ' ')
            ow_buf_putc(&spaced, ' ');
        ow_buf_putc(&spaced, *c);
    }
    if (spaced.failed)
        out->failed = true;
    ow_buf_put_safe(out, ow_buf_str(&spaced));
    ow_buf_free(&spaced);
}

static const char *room_name(const char *room)
{
    return *room ? room : "no room";
}

/* "Thursday, 11 July 2024, 10 a.m.–1 p.m. and 3–6 p.m.; Friday, 12 July 2024, …",
 * each slot followed by " in Plenary" when rooms is set. */
static void put_places(ow_buf *out, const piece *p, size_t n, bool rooms)
{
    for (size_t k = 0; k < n; k++) {
        char date[48], slot[48];
        ow_slot_house((ow_slot){p[k].start, p[k].end}, slot, sizeof slot);
        if (k > 0 && p[k].date == p[k - 1].date) {
            ow_buf_printf(out, " and %s", slot);
        } else {
            ow_date_long(p[k].date, date, sizeof date);
            ow_buf_printf(out, "%s%s, %s", k > 0 ? "; " : "", date, slot);
        }
        if (rooms) {
            ow_buf_puts(out, " in ");
            ow_buf_put_safe(out, room_name(p[k].room));
        }
    }
}

static bool all_in(const piece *p, size_t n, const char *room)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(p[k].room, room) != 0)
            return false;
    return true;
}

/* Appends the line for one item, if it changed; returns whether it did. */
static bool item_change(ow_buf *out, const char *body_id, const char *id, const schedule *sa,
                        const item *a, const schedule *sb, const item *b)
{
    if (a == NULL || b == NULL) {
        put_item(out, body_id, id);
        ow_buf_puts(out, a == NULL ? " is new\n" : " is no longer scheduled\n");
        return true;
    }
    const piece *pa = &sa->pieces[a->first], *pb = &sb->pieces[b->first];
    size_t n = a->n;
    bool slots_same = a->n == b->n, rooms_same = a->n == b->n, minutes_same = a->n == b->n;
    for (size_t k = 0; slots_same && k < n; k++)
        slots_same =
            pa[k].date == pb[k].date && pa[k].start == pb[k].start && pa[k].end == pb[k].end;
    for (size_t k = 0; rooms_same && k < n; k++)
        rooms_same = strcmp(pa[k].room, pb[k].room) == 0;
    for (size_t k = 0; minutes_same && k < n; k++)
        minutes_same = pa[k].minutes == pb[k].minutes;
    bool places_same = slots_same && rooms_same;
    if (places_same && minutes_same)
        return false;
    put_item(out, body_id, id);
    /* Rooms are worth naming only when the item does not stay in one room. */
    bool one_room_a = a->n > 0 && all_in(pa, a->n, pa[0].room);
    bool one_room_b = b->n > 0 && all_in(pb, b->n, pb[0].room);
    bool rooms = !(one_room_a && one_room_b && strcmp(pa[0].room, pb[0].room) == 0);
    if (places_same) {
        ow_buf_puts(out, " keeps its meetings, with different minutes");
    } else if (a->n != b->n) {
        ow_buf_printf(out, " now runs over %zu meeting%s (was %zu): ", b->n, b->n == 1 ? "" : "s",
                      a->n);
        put_places(out, pb, b->n, rooms);
    } else if (slots_same && one_room_a && one_room_b) {
        ow_buf_puts(out, " moves to ");
        ow_buf_put_safe(out, room_name(pb[0].room));
        ow_buf_puts(out, " (was ");
        ow_buf_put_safe(out, room_name(pa[0].room));
        ow_buf_putc(out, ')');
    } else if (slots_same) {
        ow_buf_puts(out, " changes rooms: ");
        put_places(out, pb, n, true);
    } else if (n == 1) {
        ow_buf_puts(out, " moves from ");
        put_places(out, pa, n, rooms);
        ow_buf_puts(out, " to ");
        put_places(out, pb, n, rooms);
    } else {
        /* "from A; B to C; D" would blur where one list ends. */
        ow_buf_puts(out, " moves to ");
        put_places(out, pb, n, rooms);
        ow_buf_puts(out, " (was ");
        put_places(out, pa, n, rooms);
        ow_buf_putc(out, ')');
    }
    ow_buf_putc(out, '\n');
    return true;
}

/* The lines for one body, present on one side or both; returns how many. */
static int body_changes(ow_buf *out, const schedule *sa, const body *a, const schedule *sb,
                        const body *b)
{
    const char *id = a ? a->id : b->id;
    bool listed_a = a && a->listed, listed_b = b && b->listed;
    if (listed_a != listed_b) {
        ow_buf_puts(out, "body ");
        ow_buf_put_safe(out, id);
        ow_buf_printf(out, " %s\n", listed_b ? "is new" : "is no longer scheduled");
        return 1;
    }
    int n = 0;
    for (size_t k = 0; a && k < a->n; k++) {
        const item *ia = &sa->items[sa->order[a->first + k]];
        n += item_change(out, id, ia->id, sa, ia, sb, find_item(sb, b, ia->id));
    }
    for (size_t k = 0; b && k < b->n; k++) {
        const item *ib = &sb->items[sb->order[b->first + k]];
        if (find_item(sa, a, ib->id) == NULL)
            n += item_change(out, id, ib->id, sa, NULL, sb, ib);
    }
    return n;
}

ow_status ow_diff_strings(const char *a_name, const char *a, size_t a_len, const char *b_name,
                          const char *b, size_t b_len, ow_buf *out, int *n_changes, ow_error *err)
{
    ow_status rc = OW_OK;
    schedule sa = {0}, sb = {0};
    ow_buf text = OW_BUF_INIT;
    OW_CALL(load(&sa, a_name, a, a_len, err));
    OW_CALL(load(&sb, b_name, b, b_len, err));

    int n = 0;
    for (size_t k = 0; k < sa.n_bodies; k++)
        n += body_changes(&text, &sa, &sa.bodies[k], &sb, find_body(&sb, sa.bodies[k].id));
    for (size_t k = 0; k < sb.n_bodies; k++)
        if (find_body(&sa, sb.bodies[k].id) == NULL)
            n += body_changes(&text, &sa, NULL, &sb, &sb.bodies[k]);
    if (n == 0)
        ow_buf_puts(&text, "No item moved.\n");
    else
        ow_buf_printf(&text, "%d change%s.\n", n, n == 1 ? "" : "s");
    if (text.failed) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    ow_buf_append(out, text.data, text.len);
    if (out->failed) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    if (n_changes != NULL)
        *n_changes = n;
done:
    ow_buf_free(&text);
    unload(&sb);
    unload(&sa);
    return rc;
}

ow_status ow_diff_files(const char *a_path, const char *b_path, ow_buf *out, int *n_changes,
                        ow_error *err)
{
    ow_status rc = OW_OK;
    char *a = NULL, *b = NULL;
    size_t a_len = 0, b_len = 0;
    OW_CALL(ow_read_file(a_path, OW_DIFF_MAX_BYTES, &a, &a_len, err));
    OW_CALL(ow_read_file(b_path, OW_DIFF_MAX_BYTES, &b, &b_len, err));
    OW_CALL(ow_diff_strings(a_path, a, a_len, b_path, b, b_len, out, n_changes, err));
done:
    free(b);
    free(a);
    return rc;
}
