/* bodies.c: the instance keys of the bodies: each body, its agenda (items,
 * sub-items, pins, days, windows), the rules and the objective. */
#include "stages.h"

#include <stdio.h>
#include <string.h>

static const char *const BODY_KEYS[] = {
    "id",     "name",           "session", "meetings", "meetings_per_day",
    "window", "interpretation", "room",    "order",    "pin",
    "agenda", "held",           "flex",    NULL};
static const char *const WINDOW_KEYS[] = {"from", "to", NULL};
static const char *const BODY_PIN_KEYS[] = {"from", NULL};
static const char *const ITEM_KEYS[] = {
    "item",    "title", "duration", "subitems",   "split",         "min_part", "first", "last",
    "meeting", "day",   "after",    "joint_with", "documentation", "pin",      "flex",  NULL};
static const char *const SUBITEM_KEYS[] = {
    "item", "title", "duration",   "split",         "min_part", "first", "last", "meeting",
    "day",  "after", "joint_with", "documentation", "pin",      "flex",  NULL};
static const char *const ITEM_PIN_KEYS[] = {"meeting", "date", "slot", NULL};

static ow_status load_window(loader *ld, const node *map, ow_body *body)
{
    ow_status rc = OW_OK;
    const ow_calendar *cal = &ld->inst->calendar;
    fields f;
    OW_CALL(read_fields(ld, map, "window", "window", WINDOW_KEYS, &f));
    const node *from = field(&f, "from"), *to = field(&f, "to");
    body->has_window = true;
    ow_date a = cal->days[0], b = cal->days[cal->n_days - 1];
    if (from != NULL) {
        OW_CALL(get_date(ld, from, "window from", &a));
        if (a < cal->days[0] || a > cal->days[cal->n_days - 1])
            return outside_calendar(ld, from, "window from");
    }
    if (to != NULL) {
        OW_CALL(get_date(ld, to, "window to", &b));
        if (b < cal->days[0] || b > cal->days[cal->n_days - 1])
            return outside_calendar(ld, to, "window to");
    }
    /* A window may begin or end on a weekend: it then holds the working days inside. */
    int lo = 0, hi = cal->n_days - 1;
    while (lo < cal->n_days && cal->days[lo] < a)
        lo++;
    while (hi >= 0 && cal->days[hi] > b)
        hi--;
    if (lo > hi)
        return fail(ld, map->loc, "the window holds no working day of the calendar");
    body->window_from = lo;
    body->window_to = hi;
done:
    return rc;
}

static ow_status load_item_pin(loader *ld, const node *map, const ow_body *body, ow_item *item)
{
    ow_status rc = OW_OK;
    const ow_calendar *cal = &ld->inst->calendar;
    fields f;
    OW_CALL(read_fields(ld, map, "pin", "pin", ITEM_PIN_KEYS, &f));
    const node *meeting = field(&f, "meeting"), *date = field(&f, "date"),
               *slot = field(&f, "slot");
    if (meeting != NULL && (date != NULL || slot != NULL))
        return fail(ld, map->loc, "give pin meeting, or pin date and slot, not both");
    if (meeting != NULL) {
        OW_CALL(get_int(ld, meeting, "pin meeting", 1, MAX_MEETINGS, &item->pin_meeting));
        item->pin = OW_PIN_MEETING;
        return OW_OK;
    }
    if (date == NULL && slot == NULL)
        return fail(ld, map->loc, "pin is empty (expected meeting: k, or date: and slot:)");
    if (date == NULL)
        return fail(ld, map->loc,
                    "missing key \"date\" in pin (expected the date of the slot, YYYY-MM-DD)");
    if (slot == NULL)
        return fail(ld, map->loc,
                    "missing key \"slot\" in pin (expected one of the calendar's slots, such as "
                    "\"10:00-13:00\")");
    OW_CALL(get_working_day(ld, date, "pin date", &item->pin_day));
    OW_CALL(inside_window(ld, body, date, "pin date", item->pin_day));
    ow_slot s;
    if (slot->kind != NODE_SCALAR || !ow_slot_parse(slot->text, &s))
        return wrong_type(ld, slot, "a time slot HH:MM-HH:MM (start before end)", "pin slot");
    for (size_t i = 0; i < cal->n_slots; i++) {
        if (cal->slots[i].start == s.start && cal->slots[i].end == s.end) {
            item->pin_slot = (int)i;
            item->pin = OW_PIN_SLOT;
            return OW_OK;
        }
    }
    char list[256] = "";
    size_t used = 0;
    for (size_t i = 0; i < cal->n_slots; i++) {
        char a[6], b[6];
        ow_time_hhmm(cal->slots[i].start, a);
        ow_time_hhmm(cal->slots[i].end, b);
        used +=
            (size_t)snprintf(list + used, sizeof list - used, "%s%s-%s", i > 0 ? ", " : "", a, b);
    }
    return fail(ld, slot->loc, "slot \"%s\" is not one of the calendar's slots (%s)", slot->text,
                list);
done:
    return rc;
}

static ow_status load_item_day(loader *ld, const node *n, const ow_body *body, ow_item *item)
{
    ow_status rc = OW_OK;
    if (n->kind == NODE_SCALAR && looks_like_date(n->text)) {
        int idx;
        OW_CALL(get_working_day(ld, n, "day", &idx));
        OW_CALL(inside_window(ld, body, n, "day", idx));
        item->has_day_date = true;
        item->day_date = ld->inst->calendar.days[idx];
        return OW_OK;
    }
    if (n->kind != NODE_SCALAR || !looks_numeric(n->text))
        return wrong_type(ld, n, "a day number or a date (YYYY-MM-DD)", "day");
    OW_CALL(get_int(ld, n, "day", 1, OW_MAX_DAYS, &item->day));
done:
    return rc;
}

static ow_status load_meeting(loader *ld, const node *n, ow_item *item)
{
    if (n->kind == NODE_SCALAR && strcmp(n->text, "first") == 0) {
        item->meeting = 1;
        return OW_OK;
    }
    if (n->kind == NODE_SCALAR && strcmp(n->text, "last") == 0) {
        item->meeting = OW_MEETING_LAST;
        return OW_OK;
    }
    if (n->kind != NODE_SCALAR || !looks_numeric(n->text))
        return wrong_type(ld, n, "first, last or a meeting number", "meeting");
    return get_int(ld, n, "meeting", 1, MAX_MEETINGS, &item->meeting);
}

/* `flex: P%`: a whole percentage from 0 to 100. */
static ow_status get_flex(loader *ld, const node *n, int *out)
{
    if (n->kind == NODE_SCALAR && !is_null(n)) {
        const char *t = n->text;
        size_t digits = strspn(t, "0123456789");
        if (digits > 0 && digits <= 4 && t[digits] == '%' && t[digits + 1] == '\0') {
            int p = 0;
            for (size_t k = 0; k < digits; k++)
                p = p * 10 + (t[k] - '0');
            if (p > 100)
                return fail(ld, n->loc, "flex \"%s\" is out of range (expected 0%% to 100%%)", t);
            *out = p;
            return OW_OK;
        }
    }
    return wrong_type(ld, n, "a percentage such as 25%", "flex");
}

/* An item's duration: one estimate (`1 meeting`), made flexible by the item's or
 * the body's `flex`, or a range with no estimate (`2h..4h`). */
static ow_status load_duration(loader *ld, const fields *f, const ow_body *body, ow_item *item)
{
    ow_status rc = OW_OK;
    const node *duration = field(f, "duration"), *flex = field(f, "flex");
    const char *dots = duration->kind == NODE_SCALAR ? strstr(duration->text, "..") : NULL;
    bool joint = field(f, "joint_with") != NULL;
    if (dots != NULL) {
        char low[64];
        size_t len = (size_t)(dots - duration->text);
        if (len >= sizeof low)
            return fail(ld, duration->loc,
                        "cannot parse duration \"%.*s\" (expected " DURATION_FORMS
                        ", or a range such as 2h..4h)",
                        QUOTE, duration->text);
        memcpy(low, duration->text, len);
        low[len] = '\0';
        node part = *duration;
        part.text = low;
        part.len = len;
        OW_CALL(get_duration(ld, &part, "duration", &item->min_minutes));
        part.text = dots + 2;
        part.len = strlen(dots + 2);
        OW_CALL(get_duration(ld, &part, "duration", &item->max_minutes));
        if (item->min_minutes > item->max_minutes)
            return fail(ld, duration->loc,
                        "duration range \"%s\" runs backwards (expected the shorter end first, "
                        "as in 2h..4h)",
                        duration->text);
        if (flex != NULL)
            return fail(ld, flex->loc,
                        "flex with a duration range (line %d): the range already "
                        "says how long the item may take",
                        duration->loc.line);
        item->minutes = item->min_minutes;
        item->has_estimate = false;
    } else {
        OW_CALL(get_duration(ld, duration, "duration", &item->minutes));
        int p = body->flex;
        if (flex != NULL)
            OW_CALL(get_flex(ld, flex, &p));
        else if (joint)
            p = 0; /* the body's default leaves a joint item as its bodies share it */
        long lo = ((long)item->minutes * (100 - p) + 99) / 100;
        long hi = (long)item->minutes * (100 + p) / 100;
        item->min_minutes = lo < 1 ? 1 : (int)lo;
        item->max_minutes = hi > MAX_DURATION ? MAX_DURATION : (int)hi;
        item->has_estimate = true;
    }
    if (item->min_minutes < item->max_minutes) {
        const node *at = flex != NULL ? flex : duration;
        if (body->order_free)
            return fail(ld, at->loc,
                        "a flexible duration needs agenda order (the body has "
                        "order: free)");
        if (joint)
            return fail(ld, at->loc,
                        "a joint item's duration cannot be flexible (its bodies "
                        "share it)");
    }
done:
    return rc;
}

/* The item's own fields, for an item without sub-items or a sub-item. */
static ow_status load_item_fields(loader *ld, const fields *f, const ow_body *body, ow_item *item,
                                  const node **after)
{
    ow_status rc = OW_OK;
    const node *n;
    const node *duration = field(f, "duration");
    if (duration == NULL)
        return fail(ld, f->map->loc, "missing key \"duration\" (expected " DURATION_FORMS ")");
    item->duration_loc = duration->loc;
    OW_CALL(load_duration(ld, f, body, item));
    item->split = true;
    if ((n = field(f, "split")) != NULL)
        OW_CALL(get_bool(ld, n, "split", &item->split));
    if ((n = field(f, "min_part")) != NULL) {
        OW_CALL(get_duration(ld, n, "min_part", &item->min_part));
        if (item->min_part > item->minutes)
            return fail(ld, n->loc, "min_part %s is longer than the item's duration %s", n->text,
                        duration->text);
        if (item->min_part > item->min_minutes)
            return fail(ld, n->loc,
                        "min_part %s is longer than the least the item may take (%d min)", n->text,
                        item->min_minutes);
    }
    if ((n = field(f, "first")) != NULL)
        OW_CALL(get_bool(ld, n, "first", &item->first));
    if ((n = field(f, "last")) != NULL)
        OW_CALL(get_bool(ld, n, "last", &item->last));
    if ((n = field(f, "meeting")) != NULL)
        OW_CALL(load_meeting(ld, n, item));
    if ((n = field(f, "day")) != NULL)
        OW_CALL(load_item_day(ld, n, body, item));
    if ((n = field(f, "documentation")) != NULL)
        OW_CALL(copy_text(ld, n, "documentation", OW_MAX_TEXT, &item->documentation));
    if ((n = field(f, "pin")) != NULL) {
        OW_CALL(load_item_pin(ld, n, body, item));
        /* Two of the item's own rules that name different places cannot both hold:
         * refused here rather than one of them being dropped. */
        const node *other = field(f, "meeting");
        if (item->pin == OW_PIN_MEETING && item->meeting > 0 && item->meeting != item->pin_meeting)
            return fail(ld, n->loc,
                        "pin meeting %d contradicts meeting %s (line %d): an item is taken "
                        "in one meeting",
                        item->pin_meeting, other->text, other->loc.line);
        other = field(f, "day");
        if (item->pin == OW_PIN_SLOT && item->has_day_date &&
            ld->inst->calendar.days[item->pin_day] != item->day_date)
            return fail(ld, n->loc,
                        "pin date contradicts day %s (line %d): an item pinned to a slot is "
                        "taken on that slot's date",
                        other->text, other->loc.line);
    }
    if ((n = field(f, "after")) != NULL) {
        if (n->kind != NODE_SCALAR)
            OW_CALL(expect_list(ld, n, "after", OW_MAX_ITEMS));
        *after = n;
    }
    if ((n = field(f, "joint_with")) != NULL) {
        if (n->kind != NODE_SCALAR)
            OW_CALL(expect_list(ld, n, "joint_with", OW_MAX_BODIES));
        ld->joint[body - ld->inst->bodies][body->n_items] = n;
    }
done:
    return rc;
}

/* Sets the id and label of an item ("2") or sub-item ("1(a)", shown "1 (a)"). */
static ow_status item_id(loader *ld, const fields *f, const ow_item *parent, ow_body *body,
                         ow_item *item)
{
    ow_status rc = OW_OK;
    const node *n = field(f, "item");
    if (n == NULL)
        return fail(
            ld, f->map->loc,
            "missing key \"item\" (expected the item's number, such as 2, or a sub-item's letter)");
    if (n->kind == NODE_SCALAR && parent != NULL && n->len >= 2 && n->text[0] == '(' &&
        n->text[n->len - 1] == ')') {
        /* "(a)" as printed in the agenda is the sub-item "a". */
        node bare = *n;
        bare.text = ow_arena_strndup(ld->tree, n->text + 1, n->len - 2);
        bare.len = n->len - 2;
        if (bare.text == NULL)
            return out_of_memory(ld);
        OW_CALL(copy_id(ld, &bare, "item", &item->id));
    } else {
        OW_CALL(copy_id(ld, n, "item", &item->id));
    }
    if (parent != NULL) {
        char id[2 * OW_MAX_ID + 8], label[2 * OW_MAX_ID + 8];
        snprintf(id, sizeof id, "%s(%s)", parent->id, item->id);
        snprintf(label, sizeof label, "%s (%s)", parent->id, item->id);
        item->id = ow_arena_strdup(ld->arena, id);
        item->label = ow_arena_strdup(ld->arena, label);
        if (item->id == NULL || item->label == NULL)
            return out_of_memory(ld);
    } else {
        item->label = item->id;
    }
    ld->item = item->label;
    int twin = ow_body_find_item(body, item->id);
    /* A parent is not among the items: its first sub-item stands for it. */
    for (size_t i = 0; i < body->n_items && twin < 0 && parent == NULL; i++) {
        size_t k = strlen(item->id);
        if (body->items[i].parent_title != NULL && strncmp(body->items[i].id, item->id, k) == 0 &&
            body->items[i].id[k] == '(')
            twin = (int)i;
    }
    if (twin >= 0)
        return fail(ld, n->loc, "item id \"%s\" used twice (first as %s at line %d)", item->label,
                    body->items[twin].label, body->items[twin].loc.line);
done:
    return rc;
}

/* The scalar under key in a mapping, read ahead of the checks so that errors found
 * before an element's id is read can still name it; NULL when there is none. */
static const char *peek(const node *map, const char *key)
{
    if (map->kind != NODE_MAP)
        return NULL;
    for (const node *k = map->first; k != NULL; k = k->next->next)
        if (k->kind == NODE_SCALAR && strcmp(k->text, key) == 0)
            return k->next->kind == NODE_SCALAR && k->next->len <= OW_MAX_ID ? k->next->text : NULL;
    return NULL;
}

static ow_status load_item(loader *ld, const node *map, const ow_item *parent, ow_body *body,
                           const node **after)
{
    ow_status rc = OW_OK;
    fields f;
    ow_item *item = &body->items[body->n_items];
    const char *id = peek(map, "item");
    if (id != NULL && parent != NULL) {
        char label[2 * OW_MAX_ID + 8];
        snprintf(label, sizeof label, "%s (%s)", parent->label, id);
        id = ow_arena_strdup(ld->tree, label);
    }
    if (id != NULL)
        ld->item = id;
    OW_CALL(read_fields(ld, map, parent != NULL ? "a sub-item" : "an agenda item",
                        parent != NULL ? "a sub-item" : "an agenda item",
                        parent != NULL ? SUBITEM_KEYS : ITEM_KEYS, &f));
    item->loc = map->loc;
    item->duration_loc = map->loc;
    OW_CALL(item_id(ld, &f, parent, body, item));
    const node *title = field(&f, "title");
    if (title == NULL)
        return fail(ld, map->loc, "missing key \"title\" (expected the item's title)");
    OW_CALL(copy_text(ld, title, "title", OW_MAX_TEXT, &item->title));
    if (parent != NULL)
        item->parent_title = parent->title;
    OW_CALL(load_item_fields(ld, &f, body, item, &after[body->n_items]));
    body->n_items++;
done:
    return rc;
}

/* An item with sub-items only names them: they stand in its place in the agenda. */
static ow_status load_parent(loader *ld, const node *map, ow_body *body, const node **after)
{
    ow_status rc = OW_OK;
    fields f;
    ow_item parent;
    memset(&parent, 0, sizeof parent);
    ld->item = peek(map, "item");
    OW_CALL(read_fields(ld, map, "an agenda item", "an agenda item", ITEM_KEYS, &f));
    const node *subitems = field(&f, "subitems");
    /* item_id checks for twins among the items so far: a parent "1" and an item "1"
     * are one id twice. */
    OW_CALL(item_id(ld, &f, NULL, body, &parent));
    parent.loc = map->loc;
    for (size_t i = 0; f.allowed[i] != NULL; i++) {
        const char *k = f.allowed[i];
        if (f.key[i] != NULL && strcmp(k, "item") != 0 && strcmp(k, "title") != 0 &&
            strcmp(k, "subitems") != 0)
            return fail(
                ld, f.key[i]->loc,
                "key \"%s\" is not allowed on an item with subitems (give it to its sub-items)", k);
    }
    const node *title = field(&f, "title");
    if (title == NULL)
        return fail(ld, map->loc, "missing key \"title\" (expected the item's title)");
    OW_CALL(copy_text(ld, title, "title", OW_MAX_TEXT, &parent.title));
    OW_CALL(expect_list(ld, subitems, "subitems", OW_MAX_ITEMS));
    if (subitems->n == 0)
        return fail(
            ld, subitems->loc,
            "subitems lists no sub-item (expected a list of sub-items, or a duration instead)");
    for (const node *e = subitems->first; e != NULL; e = e->next) {
        ld->item = parent.label;
        OW_CALL(load_item(ld, e, &parent, body, after));
    }
done:
    return rc;
}

/* How many items an agenda holds once sub-items are flattened. */
static size_t count_items(const node *agenda)
{
    size_t n = 0;
    for (const node *e = agenda->first; e != NULL; e = e->next) {
        const node *subitems = NULL;
        if (e->kind == NODE_MAP)
            for (const node *k = e->first; k != NULL; k = k->next->next)
                if (k->kind == NODE_SCALAR && strcmp(k->text, "subitems") == 0)
                    subitems = k->next;
        n += subitems != NULL && subitems->kind == NODE_SEQ && subitems->n > 0 ? subitems->n : 1;
    }
    return n;
}

static bool has_key(const node *map, const char *key)
{
    if (map->kind != NODE_MAP)
        return false;
    for (const node *k = map->first; k != NULL; k = k->next->next)
        if (k->kind == NODE_SCALAR && strcmp(k->text, key) == 0)
            return true;
    return false;
}

static ow_status load_body_fields(loader *ld, const fields *f, ow_body *body)
{
    ow_status rc = OW_OK;
    const node *n;
    const ow_instance *inst = ld->inst;
    if ((n = field(f, "name")) == NULL)
        return fail(ld, f->map->loc, "missing key \"name\" (expected the body's full name)");
    OW_CALL(copy_text(ld, n, "name", OW_MAX_TEXT, &body->name));
    if ((n = field(f, "session")) != NULL)
        OW_CALL(copy_text(ld, n, "session", OW_MAX_TEXT, &body->session));
    body->meetings_loc = body->loc;
    if ((n = field(f, "meetings")) != NULL) {
        OW_CALL(get_int(ld, n, "meetings", 1, MAX_MEETINGS, &body->meetings));
        body->meetings_loc = n->loc;
    }
    if ((n = field(f, "meetings_per_day")) != NULL)
        OW_CALL(get_int(ld, n, "meetings_per_day", 1, OW_MAX_SLOTS, &body->meetings_per_day));
    body->window_from = 0;
    body->window_to = inst->calendar.n_days - 1;
    if ((n = field(f, "window")) != NULL)
        OW_CALL(load_window(ld, n, body));
    body->interpretation = true;
    if ((n = field(f, "interpretation")) != NULL)
        OW_CALL(get_bool(ld, n, "interpretation", &body->interpretation));
    body->room = -1;
    if ((n = field(f, "room")) != NULL) {
        if (n->kind != NODE_SCALAR || is_null(n))
            return wrong_type(ld, n, "a room name", "room");
        for (size_t i = 0; i < inst->n_rooms && body->room < 0; i++)
            if (strcmp(inst->rooms[i], n->text) == 0)
                body->room = (int)i;
        if (body->room < 0) {
            char rooms[400];
            join(rooms, sizeof rooms, inst->rooms, inst->n_rooms, sizeof *inst->rooms);
            return fail(ld, n->loc, "unknown room \"%.*s\" (rooms: %s)", QUOTE, n->text, rooms);
        }
    }
    if ((n = field(f, "order")) != NULL) {
        if (n->kind == NODE_SCALAR && strcmp(n->text, "free") == 0)
            body->order_free = true;
        else if (n->kind != NODE_SCALAR || strcmp(n->text, "agenda") != 0)
            return wrong_type(ld, n, "free or agenda", "order");
    }
    if ((n = field(f, "flex")) != NULL)
        OW_CALL(get_flex(ld, n, &body->flex));
    if ((n = field(f, "held")) != NULL) {
        if (n->kind == NODE_SCALAR && strcmp(n->text, "all") == 0)
            body->held_all = true;
        else if (n->kind != NODE_SCALAR || strcmp(n->text, "as_needed") != 0)
            return wrong_type(ld, n, "all or as_needed", "held");
        int days = body->window_to - body->window_from + 1, ns = (int)inst->calendar.n_slots;
        int per_day =
            body->meetings_per_day > 0 && body->meetings_per_day < ns ? body->meetings_per_day : ns;
        if (body->held_all && body->meetings > days * per_day)
            return fail(ld, n->loc,
                        "held: all asks for %d meetings but the body's window has %d slots "
                        "(%d day%s, %d a day)",
                        body->meetings, days * per_day, days, days == 1 ? "" : "s", per_day);
    }
    if ((n = field(f, "pin")) != NULL) {
        fields pin;
        OW_CALL(read_fields(ld, n, "a body's pin", "pin", BODY_PIN_KEYS, &pin));
        const node *from = field(&pin, "from");
        if (from == NULL)
            return fail(
                ld, n->loc,
                "missing key \"from\" in pin (expected the date the body starts, YYYY-MM-DD)");
        OW_CALL(get_working_day(ld, from, "pin from", &body->pin_from));
        OW_CALL(inside_window(ld, body, from, "pin from", body->pin_from));
        body->has_pin_from = true;
    }
done:
    return rc;
}

static ow_status load_body(loader *ld, const node *map, size_t index)
{
    ow_status rc = OW_OK;
    ow_instance *inst = ld->inst;
    ow_body *body = &inst->bodies[index];
    fields f;
    ld->body = NULL;
    ld->item = NULL;
    ld->body = peek(map, "id");
    OW_CALL(read_fields(ld, map, "a body", "a body", BODY_KEYS, &f));
    body->loc = map->loc;
    const node *id = field(&f, "id");
    if (id == NULL)
        return fail(ld, map->loc,
                    "missing key \"id\" in a body (expected a short id such as WG.7)");
    OW_CALL(copy_id(ld, id, "id", &body->id));
    for (size_t j = 0; j < index; j++)
        if (strcmp(inst->bodies[j].id, body->id) == 0)
            return fail(ld, id->loc, "body id \"%s\" used twice (first at line %d)", body->id,
                        inst->bodies[j].loc.line);
    OW_CALL(load_body_fields(ld, &f, body));
    const node *agenda = field(&f, "agenda");
    if (agenda == NULL)
        return fail(ld, map->loc, "missing key \"agenda\" (expected the list of agenda items)");
    OW_CALL(expect_list(ld, agenda, "agenda", OW_MAX_ITEMS));
    if (agenda->n == 0)
        return fail(ld, agenda->loc, "agenda lists no item (expected at least one agenda item)");
    size_t n_items = count_items(agenda);
    if (n_items > OW_MAX_ITEMS)
        return fail(ld, agenda->loc, "too many agenda items: %zu counting sub-items (at most %d)",
                    n_items, OW_MAX_ITEMS);
    body->items = ow_arena_calloc(ld->arena, n_items, sizeof *body->items);
    const node **after = ow_arena_calloc(ld->tree, n_items, sizeof *after);
    ld->joint[index] = ow_arena_calloc(ld->tree, n_items, sizeof **ld->joint);
    if (body->items == NULL || after == NULL || ld->joint[index] == NULL)
        return out_of_memory(ld);
    for (const node *e = agenda->first; e != NULL; e = e->next) {
        ld->item = NULL;
        if (has_key(e, "subitems"))
            OW_CALL(load_parent(ld, e, body, after));
        else
            OW_CALL(load_item(ld, e, NULL, body, after));
    }
    ld->item = NULL;
    OW_CALL(resolve_after(ld, body, after));
done:
    return rc;
}

/* Resolves a list of body ids (a single id may stand for a list of one). */

static const char *const RULE_KEYS[] = {"consecutive", NULL};

ow_status load_rules(loader *ld, const node *list)
{
    ow_status rc = OW_OK;
    ow_instance *inst = ld->inst;
    OW_CALL(expect_list(ld, list, "rules", OW_MAX_BODIES));
    inst->rules = ow_arena_calloc(ld->arena, list->n + 1, sizeof *inst->rules);
    if (inst->rules == NULL)
        return out_of_memory(ld);
    for (const node *e = list->first; e != NULL; e = e->next) {
        fields f;
        OW_CALL(read_fields(ld, e, "a rule", "a rule", RULE_KEYS, &f));
        const node *c = field(&f, "consecutive");
        if (c == NULL)
            return fail(ld, e->loc,
                        "missing key \"consecutive\" in a rule (expected consecutive: [a body id, "
                        "another body id])");
        OW_CALL(expect_list(ld, c, "consecutive", OW_MAX_BODIES));
        if (c->n < 2)
            return fail(ld, c->loc, "consecutive lists %zu body (expected at least two body ids)",
                        c->n);
        ow_rule *rule = &inst->rules[inst->n_rules];
        rule->loc = e->loc;
        OW_CALL(body_refs(ld, c, "consecutive", (size_t)-1, &rule->bodies, &rule->n_bodies));
        inst->n_rules++;
    }
done:
    return rc;
}

static const char *const OBJECTIVE_KEYS[] = {"continued",  "meetings",  "days",
                                             "late_start", "deviation", NULL};

ow_status load_objective(loader *ld, const node *map)
{
    ow_status rc = OW_OK;
    ow_weights *w = &ld->inst->weights;
    int *slots[] = {&w->continued, &w->meetings, &w->days, &w->late_start, &w->deviation};
    fields f;
    OW_CALL(read_fields(ld, map, "objective", "objective", OBJECTIVE_KEYS, &f));
    for (size_t i = 0; OBJECTIVE_KEYS[i] != NULL; i++)
        if (f.value[i] != NULL)
            OW_CALL(get_int(ld, f.value[i], OBJECTIVE_KEYS[i], 0, MAX_WEIGHT, slots[i]));
done:
    return rc;
}

ow_status load_bodies(loader *ld, const fields *top)
{
    ow_status rc = OW_OK;
    ow_instance *inst = ld->inst;
    const node *one = field(top, "body"), *many = field(top, "bodies");
    const node *first;
    size_t n;
    if (one != NULL && many != NULL) {
        const node *later = field_key(top, "body")->loc.line > field_key(top, "bodies")->loc.line
                                ? field_key(top, "body")
                                : field_key(top, "bodies");
        return fail(ld, later->loc, "give body: (one body) or bodies: (a list), not both");
    }
    if (one == NULL && many == NULL)
        return fail(
            ld, top->map->loc,
            "missing key \"bodies\" (expected bodies: a list of bodies, or body: one body)");
    if (one != NULL) {
        OW_CALL(expect_map(ld, one, "body"));
        first = one;
        n = 1;
    } else {
        OW_CALL(expect_list(ld, many, "bodies", OW_MAX_BODIES));
        if (many->n == 0)
            return fail(ld, many->loc, "bodies lists no body (expected at least one)");
        first = many->first;
        n = many->n;
    }
    inst->bodies = ow_arena_calloc(ld->arena, n, sizeof *inst->bodies);
    ld->joint = ow_arena_calloc(ld->tree, n, sizeof *ld->joint);
    if (inst->bodies == NULL || ld->joint == NULL)
        return out_of_memory(ld);
    size_t i = 0;
    for (const node *e = first; e != NULL && i < n; e = e->next, i++) {
        OW_CALL(load_body(ld, e, i));
        inst->n_bodies++;
    }
    ld->body = ld->item = NULL;
    OW_CALL(resolve_joint(ld));
done:
    return rc;
}
