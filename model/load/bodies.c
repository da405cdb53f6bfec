/* bodies.c: the instance keys of the bodies: each body, its agenda (items,
 * sub-items, pins, days, windows), the rules and the objective. */
#include "stages.h"

#include <stdio.h>
#include <string.h>

static const char *const BODY_KEYS[] = {
    "id",      "name",           "session",    "meetings",    "meetings_per_day",
    "window",  "interpretation", "room",       "order",       "pin",
    "agenda",  "slots",          "not_during", "only_during", "reserved",
    "plenary", "held",           "flex",       NULL};
KEYS_FIT(BODY_KEYS);
static const char *const WHEN_KEYS[] = {"date", "slot", NULL};
KEYS_FIT(WHEN_KEYS);
static const char *const WINDOW_KEYS[] = {"from", "to", NULL};
KEYS_FIT(WINDOW_KEYS);
static const char *const BODY_PIN_KEYS[] = {"from", NULL};
KEYS_FIT(BODY_PIN_KEYS);
static const char *const ITEM_KEYS[] = {"item",    "title",      "duration",       "subitems",
                                        "split",   "min_part",   "first",          "last",
                                        "meeting", "day",        "not_before_day", "not_after_day",
                                        "after",   "joint_with", "documentation",  "pin",
                                        "alone",   "together",   "flex",           NULL};
KEYS_FIT(ITEM_KEYS);
static const char *const SUBITEM_KEYS[] = {
    "item",       "title",         "duration", "split",          "min_part",      "first",
    "last",       "meeting",       "day",      "not_before_day", "not_after_day", "after",
    "joint_with", "documentation", "pin",      "alone",          "flex",          NULL};
KEYS_FIT(SUBITEM_KEYS);
static const char *const EVENT_KEYS[] = {"event",      "title",          "duration",      "split",
                                         "min_part",   "first",          "last",          "meeting",
                                         "day",        "not_before_day", "not_after_day", "after",
                                         "joint_with", "documentation",  "pin",           "alone",
                                         NULL};
KEYS_FIT(EVENT_KEYS);
static const char *const TOGETHER_KEYS[] = {"item", "title", "duration", NULL};
KEYS_FIT(TOGETHER_KEYS);
static const char *const ITEM_PIN_KEYS[] = {"meeting", "date", "slot", NULL};
KEYS_FIT(ITEM_PIN_KEYS);

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

/* The slot that n names ("10:00-13:00") among the slots of working day `day`
 * (ow_calendar_day_slots), or of any day when day < 0: sets *index (its index in
 * that day; any day: -1) and *out, or fails listing them. */
static ow_status find_slot(loader *ld, const node *n, const char *key, int day, int *index,
                           ow_slot *out)
{
    const ow_calendar *cal = &ld->inst->calendar;
    ow_slot s;
    if (n->kind != NODE_SCALAR || !ow_slot_parse(n->text, &s))
        return wrong_type(ld, n, "a time slot HH:MM-HH:MM (start before end)", key);
    size_t count;
    const ow_slot *slots = ow_calendar_day_slots(cal, day, &count);
    for (size_t i = 0; i < count; i++) {
        if (slots[i].start == s.start && slots[i].end == s.end) {
            *index = (int)i;
            *out = s;
            return OW_OK;
        }
    }
    for (int d = 0; day < 0 && cal->n_day_slots > 0 && d < cal->n_days; d++) {
        const ow_slot *other = ow_calendar_day_slots(cal, d, &count);
        for (size_t i = 0; i < count; i++)
            if (other[i].start == s.start && other[i].end == s.end) {
                *index = -1;
                *out = s;
                return OW_OK;
            }
    }
    char list[256] = "";
    size_t used = 0;
    for (size_t i = 0; i < count && used < sizeof list; i++) {
        char a[6], b[6];
        ow_time_hhmm(slots[i].start, a);
        ow_time_hhmm(slots[i].end, b);
        used +=
            (size_t)snprintf(list + used, sizeof list - used, "%s%s-%s", i > 0 ? ", " : "", a, b);
    }
    if (day >= 0 && cal->n_day_slots > 0) {
        char date[11];
        ow_date_iso(cal->days[day], date);
        return fail(ld, n->loc, "slot \"%s\" is not one of the slots of %s (%s)", n->text, date,
                    list);
    }
    return fail(ld, n->loc, "slot \"%s\" is not one of the calendar's slots (%s)", n->text, list);
}

/* `slots: ["19:00-21:00"]`: the calendar's slot times the body meets in. */
static ow_status load_body_slots(loader *ld, const node *list, ow_body *body)
{
    ow_status rc = OW_OK;
    OW_CALL(expect_list(ld, list, "slots", OW_MAX_SLOTS));
    if (list->n == 0)
        return fail(ld, list->loc,
                    "slots lists no slot (expected the calendar's slots the body meets in)");
    body->slot_times = ow_arena_calloc(ld->arena, list->n, sizeof *body->slot_times);
    if (body->slot_times == NULL)
        return out_of_memory(ld);
    for (const node *e = list->first; e != NULL; e = e->next) {
        int idx;
        ow_slot slot;
        OW_CALL(find_slot(ld, e, "slots", -1, &idx, &slot));
        for (size_t j = 0; j < body->n_slot_times; j++)
            if (body->slot_times[j].start == slot.start && body->slot_times[j].end == slot.end)
                return fail(ld, e->loc, "slot \"%s\" listed twice in slots", e->text);
        body->slot_times[body->n_slot_times++] = slot;
    }
done:
    return rc;
}

/* `not_during`, `reserved`: a list of {date, slot} (slot left out: the whole day). */
static ow_status load_whens(loader *ld, const node *list, const char *key, ow_when **out,
                            size_t *n_out)
{
    ow_status rc = OW_OK;
    OW_CALL(expect_list(ld, list, key, (size_t)OW_MAX_DAYS * OW_MAX_SLOTS));
    ow_when *w = ow_arena_calloc(ld->arena, list->n + 1, sizeof *w);
    if (w == NULL)
        return out_of_memory(ld);
    size_t n = 0;
    for (const node *e = list->first; e != NULL; e = e->next, n++) {
        fields f;
        OW_CALL(read_fields(ld, e, key, key, WHEN_KEYS, &f));
        const node *date = field(&f, "date"), *slot = field(&f, "slot");
        if (date == NULL)
            return fail(ld, e->loc,
                        "missing key \"date\" in %s (expected date: YYYY-MM-DD, and a slot or "
                        "none for the whole day)",
                        key);
        OW_CALL(get_working_day(ld, date, key, &w[n].day));
        w[n].slot = -1;
        ow_slot times;
        if (slot != NULL)
            OW_CALL(find_slot(ld, slot, key, w[n].day, &w[n].slot, &times));
        w[n].loc = e->loc;
    }
    *out = w;
    *n_out = n;
done:
    return rc;
}

static ow_status load_item_pin(loader *ld, const node *map, const ow_body *body, ow_item *item)
{
    ow_status rc = OW_OK;
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
    ow_slot times;
    OW_CALL(find_slot(ld, slot, "pin slot", item->pin_day, &item->pin_slot, &times));
    item->pin = OW_PIN_SLOT;
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
    if (n->kind == NODE_SCALAR && strcmp(n->text, "last") == 0) {
        item->day_last = true;
        return OW_OK;
    }
    if (n->kind != NODE_SCALAR || !looks_numeric(n->text))
        return wrong_type(ld, n, "a day number, last or a date (YYYY-MM-DD)", "day");
    OW_CALL(get_int(ld, n, "day", 1, OW_MAX_DAYS, &item->day));
done:
    return rc;
}

/* `not_before_day`, `not_after_day`: days of the body's session, counted as `day: k`
 * counts them; a window that holds no day, or that leaves out the item's `day: k`,
 * is refused here rather than found infeasible. */
static ow_status load_day_window(loader *ld, const fields *f, ow_item *item)
{
    ow_status rc = OW_OK;
    const node *from = field(f, "not_before_day"), *to = field(f, "not_after_day");
    const node *day = field(f, "day");
    if (from != NULL)
        OW_CALL(get_int(ld, from, "not_before_day", 1, OW_MAX_DAYS, &item->day_from));
    if (to != NULL)
        OW_CALL(get_int(ld, to, "not_after_day", 1, OW_MAX_DAYS, &item->day_to));
    if (from != NULL && to != NULL && item->day_from > item->day_to)
        return fail(ld, to->loc, "not_after_day %d is before not_before_day %d (line %d)",
                    item->day_to, item->day_from, from->loc.line);
    if (item->day > 0 && from != NULL && item->day < item->day_from)
        return fail(ld, from->loc, "not_before_day %d contradicts day %d (line %d)", item->day_from,
                    item->day, day->loc.line);
    if (item->day > 0 && to != NULL && item->day > item->day_to)
        return fail(ld, to->loc, "not_after_day %d contradicts day %d (line %d)", item->day_to,
                    item->day, day->loc.line);
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
    if ((n = field(f, "alone")) != NULL)
        OW_CALL(get_bool(ld, n, "alone", &item->alone));
    if ((n = field(f, "meeting")) != NULL)
        OW_CALL(load_meeting(ld, n, item));
    if ((n = field(f, "day")) != NULL)
        OW_CALL(load_item_day(ld, n, body, item));
    OW_CALL(load_day_window(ld, f, item));
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
        if (n->kind != NODE_SCALAR && n->kind != NODE_MAP) /* one id or {body, item} */
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

/* A sub-item numbered after its item with a dot: "4.1" of item "4". */
static bool dotted_child(const char *parent, const char *id)
{
    size_t k = strlen(parent);
    return strncmp(parent, id, k) == 0 && id[k] == '.' && id[k + 1] != '\0';
}

/* Sets the id and label of an item ("2") or sub-item ("1(a)", shown "1 (a)"; "4.1"
 * of item 4 as it is). */
static ow_status item_id(loader *ld, const fields *f, const ow_item *parent, ow_body *body,
                         ow_item *item)
{
    ow_status rc = OW_OK;
    const node *n = field(f, item->event ? "event" : "item");
    if (n == NULL)
        return fail(
            ld, f->map->loc,
            "missing key \"item\" (expected the item's number, such as 2, or a sub-item's letter)");
    if (item->event && (n->kind != NODE_SCALAR || is_null(n)))
        return wrong_type(ld, n, "an id such as panel-1", "event");
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
        OW_CALL(copy_id(ld, n, item->event ? "event" : "item", &item->id));
    }
    if (parent != NULL && dotted_child(parent->id, item->id)) {
        item->label = item->id; /* "4.1" of item 4 is "4.1" already */
    } else if (parent != NULL) {
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
            (body->items[i].id[k] == '(' || body->items[i].id[k] == '.'))
            twin = (int)i;
    }
    if (twin >= 0)
        return fail(ld, n->loc, "%s id \"%s\" used twice (first as %s at line %d)",
                    item->event ? "event" : "item", item->label, body->items[twin].label,
                    body->items[twin].loc.line);
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

/* An agenda item, a sub-item of parent, or (event) an event: a mapping with `event:`
 * in place of `item:`, in the agenda list like an item and read like one. */
static ow_status load_item(loader *ld, const node *map, const ow_item *parent, bool event,
                           ow_body *body, const node **after)
{
    ow_status rc = OW_OK;
    fields f;
    ow_item *item = &body->items[body->n_items];
    item->event = event;
    ld->event = event;
    const char *id = peek(map, event ? "event" : "item");
    if (id != NULL && parent != NULL && !dotted_child(parent->label, id)) {
        char label[2 * OW_MAX_ID + 8];
        snprintf(label, sizeof label, "%s (%s)", parent->label, id);
        id = ow_arena_strdup(ld->tree, label);
    }
    if (id != NULL)
        ld->item = id;
    const char *what = event ? "an event" : parent != NULL ? "a sub-item" : "an agenda item";
    OW_CALL(read_fields(ld, map, what, what,
                        event            ? EVENT_KEYS
                        : parent != NULL ? SUBITEM_KEYS
                                         : ITEM_KEYS,
                        &f));
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

/* An item with sub-items names them: they follow it in the agenda.  Without a
 * duration it is only their heading, and its sub-items stand in its place; with a
 * duration it also has a discussion of its own (the general discussion of the item),
 * an item of the agenda taken just before its sub-items, which takes every key an
 * item takes. */
static ow_status load_parent(loader *ld, const node *map, ow_body *body, const node **after)
{
    ow_status rc = OW_OK;
    fields f;
    ow_item parent;
    memset(&parent, 0, sizeof parent);
    ld->item = peek(map, "item");
    ld->event = false;
    OW_CALL(read_fields(ld, map, "an agenda item", "an agenda item", ITEM_KEYS, &f));
    const node *subitems = field(&f, "subitems");
    /* item_id checks for twins among the items so far: a parent "1" and an item "1"
     * are one id twice. */
    OW_CALL(item_id(ld, &f, NULL, body, &parent));
    parent.loc = map->loc;
    parent.duration_loc = map->loc;
    bool own = field(&f, "duration") != NULL;
    if (field(&f, "together") != NULL)
        return fail(ld, field_key(&f, "together")->loc,
                    "an item with subitems is not considered together with others (give "
                    "together to an item without sub-items)");
    for (size_t i = 0; f.allowed[i] != NULL && !own; i++) {
        const char *k = f.allowed[i];
        if (f.key[i] != NULL && strcmp(k, "item") != 0 && strcmp(k, "title") != 0 &&
            strcmp(k, "subitems") != 0)
            return fail(ld, f.key[i]->loc,
                        "key \"%s\" is not allowed on an item with subitems and no duration "
                        "(give it to its sub-items, or give the item a duration for a "
                        "discussion of its own)",
                        k);
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
    if (own) {
        ow_item *item = &body->items[body->n_items];
        *item = parent;
        OW_CALL(load_item_fields(ld, &f, body, item, &after[body->n_items]));
        body->n_items++;
    }
    for (const node *e = subitems->first; e != NULL; e = e->next) {
        ld->item = parent.label;
        OW_CALL(load_item(ld, e, &parent, false, body, after));
    }
done:
    return rc;
}

/* In free order the agenda does not put an item's own discussion before its
 * sub-items: each sub-item is then also `after` it. */
static ow_status discussion_first(loader *ld, ow_body *body)
{
    for (size_t i = 0, p = 0; i < body->n_items; i++) {
        ow_item *item = &body->items[i];
        if (item->parent_title == NULL) {
            p = i;
            continue;
        }
        /* The discussion is the item just before the first sub-item, its title the
         * very string the sub-items keep as parent_title. */
        if (p == i || body->items[p].title != item->parent_title ||
            body->items[p].parent_title != NULL)
            continue;
        size_t *after = ow_arena_calloc(ld->arena, item->n_after + 1, sizeof *after);
        if (after == NULL)
            return out_of_memory(ld);
        if (item->n_after > 0)
            memcpy(after, item->after, item->n_after * sizeof *after);
        after[item->n_after++] = p;
        item->after = after;
    }
    return OW_OK;
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

/* The value under key in a mapping, or NULL. */
static const node *value_of(const node *map, const char *key)
{
    if (map->kind != NODE_MAP)
        return NULL;
    for (const node *k = map->first; k != NULL; k = k->next->next)
        if (k->kind == NODE_SCALAR && strcmp(k->text, key) == 0)
            return k->next;
    return NULL;
}

/* "2 and 3", "2, 3 and 4"; the titles joined by "; ". */
static ow_status together_texts(loader *ld, ow_item *block, const char **titles)
{
    size_t n = block->n_together + 1, label_len = strlen(block->label) + 1, title_len = 1;
    for (size_t k = 0; k < n; k++) {
        label_len += (k > 0 ? strlen(block->together[k - 1]) : 0) + 5;
        title_len += strlen(titles[k]) + 2;
    }
    char *label = ow_arena_calloc(ld->arena, label_len, 1);
    char *title = ow_arena_calloc(ld->arena, title_len, 1);
    if (label == NULL || title == NULL)
        return out_of_memory(ld);
    strcpy(label, block->label);
    strcpy(title, titles[0]);
    for (size_t k = 1; k < n; k++) {
        strcat(label, k + 1 == n ? " and " : ", ");
        strcat(label, block->together[k - 1]);
        strcat(title, "; ");
        strcat(title, titles[k]);
    }
    block->label = label;
    block->title = title;
    return OW_OK;
}

/* `together: [3, 4]` on the item just read: the items listed, which the agenda lists
 * right after it, are considered with it as one block (one item of the program);
 * they take only item, title and duration.  *cursor moves to the last of them. */
static ow_status load_together(loader *ld, const node *map, ow_body *body, const node **cursor)
{
    ow_status rc = OW_OK;
    ow_item *block = &body->items[body->n_items - 1];
    const node *list = value_of(map, "together");
    bool single = list->kind == NODE_SCALAR;
    if (!single)
        OW_CALL(expect_list(ld, list, "together", OW_MAX_ITEMS));
    size_t n = single ? 1 : list->n;
    if (n == 0)
        return fail(ld, list->loc,
                    "together lists no item (expected the ids of the items considered with "
                    "this one)");
    block->together = ow_arena_calloc(ld->arena, n, sizeof *block->together);
    const char **titles = ow_arena_calloc(ld->tree, n + 1, sizeof *titles);
    if (block->together == NULL || titles == NULL)
        return out_of_memory(ld);
    titles[0] = block->title;
    const node *at = *cursor;
    for (const node *e = single ? list : list->first; e != NULL; e = single ? NULL : e->next) {
        if (e->kind != NODE_SCALAR || is_null(e))
            return wrong_type(ld, e, "an item id", "together");
        const node *next = at->next;
        const char *next_id = next != NULL ? peek(next, "item") : NULL;
        if (next == NULL || next_id == NULL || has_key(next, "event") ||
            has_key(next, "subitems") || strcmp(next_id, e->text) != 0)
            return fail(ld, e->loc,
                        "item %.*s is considered together with item %s, so the agenda lists it "
                        "right after %s (expected item %.*s there%s%s)",
                        QUOTE, e->text, block->id,
                        block->n_together > 0 ? block->together[block->n_together - 1] : block->id,
                        QUOTE, e->text, next_id != NULL ? ", found " : "",
                        next_id != NULL ? next_id : "");
        ld->item = next_id;
        fields f;
        OW_CALL(read_fields(ld, next, "an item considered together with another",
                            "an item considered together with another", TOGETHER_KEYS, &f));
        const node *id = field(&f, "item");
        const char *member;
        OW_CALL(copy_id(ld, id, "item", &member));
        int twin = ow_body_find_item(body, member);
        if (twin >= 0)
            return fail(ld, id->loc, "item id \"%s\" used twice (first as %s at line %d)", member,
                        body->items[twin].label, body->items[twin].loc.line);
        const node *title = field(&f, "title");
        if (title == NULL)
            return fail(ld, next->loc, "missing key \"title\" (expected the item's title)");
        OW_CALL(copy_text(ld, title, "title", OW_MAX_TEXT, &titles[block->n_together + 1]));
        const node *duration = field(&f, "duration");
        if (duration == NULL)
            return fail(ld, next->loc, "missing key \"duration\" (expected " DURATION_FORMS ")");
        int minutes;
        OW_CALL(get_duration(ld, duration, "duration", &minutes));
        if (block->minutes + minutes > MAX_DURATION)
            return fail(ld, duration->loc,
                        "items considered together take more than %d minutes in all", MAX_DURATION);
        block->minutes += minutes;
        block->min_minutes += minutes; /* a member's length is fixed */
        block->max_minutes += minutes;
        block->together[block->n_together++] = member;
        at = next;
    }
    *cursor = at;
    OW_CALL(together_texts(ld, block, titles));
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
        /* A parent with a duration of its own is an item too, before its sub-items. */
        n += subitems != NULL && subitems->kind == NODE_SEQ && subitems->n > 0
                 ? subitems->n + (has_key(e, "duration") ? 1 : 0)
                 : 1;
    }
    return n;
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
    body->plenary = ow_name_holds_plenaries(body->name);
    if ((n = field(f, "plenary")) != NULL)
        OW_CALL(get_bool(ld, n, "plenary", &body->plenary));
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
    if ((n = field(f, "slots")) != NULL)
        OW_CALL(load_body_slots(ld, n, body));
    if ((n = field(f, "not_during")) != NULL)
        OW_CALL(load_whens(ld, n, "not_during", &body->not_during, &body->n_not_during));
    if ((n = field(f, "only_during")) != NULL)
        OW_CALL(load_whens(ld, n, "only_during", &body->only_during, &body->n_only_during));
    if ((n = field(f, "reserved")) != NULL)
        OW_CALL(load_whens(ld, n, "reserved", &body->reserved, &body->n_reserved));
done:
    return rc;
}

static bool overlaps(const ow_when *a, const ow_when *b)
{
    return a->day == b->day && (a->slot < 0 || b->slot < 0 || a->slot == b->slot);
}

/* Slots kept for two bodies keep each out of the other's; a body left no slot of
 * its window by `slots`, `not_during` and the others' `reserved` can hold nothing.
 * Both are refused here, naming the line.  Each body is given the others'
 * `reserved` as its kept_out, so that a body seen alone still knows them. */
static ow_status check_slots_left(loader *ld)
{
    ow_instance *inst = ld->inst;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const ow_body *body = &inst->bodies[b];
        for (size_t i = 0; i < body->n_reserved; i++)
            for (size_t o = 0; o < b; o++)
                for (size_t j = 0; j < inst->bodies[o].n_reserved; j++)
                    if (overlaps(&body->reserved[i], &inst->bodies[o].reserved[j])) {
                        ld->body = body->id;
                        return fail(ld, body->reserved[i].loc,
                                    "reserved overlaps a slot reserved for body %s (line %d): "
                                    "a slot is reserved for one body",
                                    inst->bodies[o].id, inst->bodies[o].reserved[j].loc.line);
                    }
    }
    size_t n_reserved = 0;
    for (size_t b = 0; b < inst->n_bodies; b++)
        n_reserved += inst->bodies[b].n_reserved;
    for (size_t b = 0; b < inst->n_bodies && n_reserved > 0; b++) {
        ow_body *body = &inst->bodies[b];
        body->kept_out = ow_arena_calloc(ld->arena, n_reserved, sizeof *body->kept_out);
        if (body->kept_out == NULL)
            return out_of_memory(ld);
        for (size_t o = 0; o < inst->n_bodies; o++)
            for (size_t j = 0; o != b && j < inst->bodies[o].n_reserved; j++)
                body->kept_out[body->n_kept_out++] = inst->bodies[o].reserved[j];
    }
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const ow_body *body = &inst->bodies[b];
        bool any = false;
        for (int d = body->window_from; d <= body->window_to && !any; d++)
            for (int s = 0; s < (int)inst->calendar.n_slots && !any; s++)
                any = ow_body_may_meet(&inst->calendar, body, d, s);
        if (!any) {
            ld->body = body->id;
            return fail(ld, body->loc,
                        "the body may meet in no slot of its window (its slots, not_during, "
                        "only_during and the slots reserved for other bodies leave none)");
        }
    }
    ld->body = NULL;
    return OW_OK;
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
    ld->after[index] = after;
    if (body->items == NULL || after == NULL || ld->joint[index] == NULL)
        return out_of_memory(ld);
    for (const node *e = agenda->first; e != NULL; e = e->next) {
        ld->item = NULL;
        if (has_key(e, "event") && has_key(e, "item"))
            return fail(ld, e->loc,
                        "give item (an agenda item's number) or event (an event's id), not "
                        "both: an event has no item number");
        if (has_key(e, "event") && has_key(e, "subitems"))
            return fail(ld, e->loc, "an event has no sub-items (give each its own event or item)");
        if (has_key(e, "subitems"))
            OW_CALL(load_parent(ld, e, body, after));
        else
            OW_CALL(load_item(ld, e, NULL, has_key(e, "event"), body, after));
        if (has_key(e, "together") && !has_key(e, "subitems") && !has_key(e, "event"))
            OW_CALL(load_together(ld, e, body, &e));
    }
    ld->item = NULL;
    OW_CALL(resolve_after(ld, body, after));
    if (body->order_free)
        OW_CALL(discussion_first(ld, body));
done:
    return rc;
}

/* Resolves a list of body ids (a single id may stand for a list of one). */

static const char *const RULE_KEYS[] = {"consecutive", NULL};
KEYS_FIT(RULE_KEYS);

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
KEYS_FIT(OBJECTIVE_KEYS);

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
    ld->after = ow_arena_calloc(ld->tree, n, sizeof *ld->after);
    if (inst->bodies == NULL || ld->joint == NULL || ld->after == NULL)
        return out_of_memory(ld);
    size_t i = 0;
    for (const node *e = first; e != NULL && i < n; e = e->next, i++) {
        OW_CALL(load_body(ld, e, i));
        inst->n_bodies++;
    }
    ld->body = ld->item = NULL;
    OW_CALL(resolve_joint(ld));
    OW_CALL(resolve_after_other(ld));
    OW_CALL(check_slots_left(ld));
done:
    return rc;
}
