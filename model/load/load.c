/* load.c: reads an instance file (SPEC §2) into an ow_instance: the entry points,
 * the root of the file and the defaults.
 *
 * The stages of the loader have a file each beside this one (stages.h lists
 * them): the text becomes a tree of nodes first (document.c), so that aliases,
 * anchors and deep nesting are refused before anything else looks at the data, and
 * so that every node keeps the place it came from.  The tree then is read top-down
 * against the schema, with an error naming file, line, column and what was
 * expected at the first problem. */
#include "stages.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *const TOP_KEYS[] = {"orgwork", "title",     "issued", "calendar",
                                       "rooms",   "services",  "body",   "bodies",
                                       "rules",   "objective", NULL};
KEYS_FIT(TOP_KEYS);

static const char *const DEFAULT_LANGUAGES[] = {"Arabic", "Chinese", "English",
                                                "French", "Russian", "Spanish"};

static ow_status set_defaults(loader *ld)
{
    ow_instance *inst = ld->inst;
    static const char *const rooms[] = {"Plenary"};
    inst->rooms = ow_arena_calloc(ld->arena, 1, sizeof *inst->rooms);
    inst->languages = ow_arena_calloc(ld->arena, 6, sizeof *inst->languages);
    if (inst->rooms == NULL || inst->languages == NULL)
        return out_of_memory(ld);
    inst->rooms[0] = rooms[0];
    inst->n_rooms = 1;
    for (size_t i = 0; i < 6; i++)
        inst->languages[i] = DEFAULT_LANGUAGES[i];
    inst->n_languages = 6;
    inst->interpretation_teams = 1;
    inst->weights.continued = OW_WEIGHT_CONTINUED;
    inst->weights.meetings = OW_WEIGHT_MEETINGS;
    inst->weights.days = OW_WEIGHT_DAYS;
    inst->weights.late_start = OW_WEIGHT_LATE_START;
    inst->weights.deviation = OW_WEIGHT_DEVIATION;
    return OW_OK;
}

static ow_status load_root(loader *ld, const node *root)
{
    ow_status rc = OW_OK;
    ow_instance *inst = ld->inst;
    fields f;
    const node *n;
    if (root->kind != NODE_MAP)
        return wrong_type(ld, root, "a mapping starting with orgwork: 1", "the instance");
    for (const node *k = root->first; k != NULL; k = k->next->next)
        if (k->kind == NODE_SCALAR && strcmp(k->text, "workplan") == 0)
            return fail(ld, k->loc,
                        "this is a workplan file (workplan: 1), which `orgwork workplan` reads; "
                        "an instance starts with orgwork: 1");
    OW_CALL(read_fields(ld, root, "the instance", "the instance", TOP_KEYS, &f));
    if ((n = field(&f, "orgwork")) == NULL)
        return fail(ld, root->loc,
                    "missing key \"orgwork\" (expected orgwork: 1, the format version)");
    /* Any number but 1, however large, is a version this orgwork does not know. */
    if (n->kind == NODE_SCALAR && n->len > 0 && n->text[strspn(n->text, "+-0123456789")] == '\0') {
        errno = 0;
        char *end;
        long long version = strtoll(n->text, &end, 10);
        if (errno != 0 || *end != '\0' || version != 1)
            return fail(ld, n->loc, "unsupported format version %.*s (expected orgwork: 1)", QUOTE,
                        n->text);
    } else {
        int version;
        OW_CALL(get_int(ld, n, "orgwork", INT_MIN, INT_MAX, &version));
        if (version != 1)
            return fail(ld, n->loc, "unsupported format version %d (expected orgwork: 1)", version);
    }
    OW_CALL(set_defaults(ld));
    if ((n = field(&f, "title")) != NULL)
        OW_CALL(copy_text(ld, n, "title", OW_MAX_TEXT, &inst->title));
    if ((n = field(&f, "issued")) != NULL) {
        OW_CALL(get_date(ld, n, "issued", &inst->issued));
        inst->has_issued = true;
    }
    if ((n = field(&f, "calendar")) == NULL)
        return fail(ld, root->loc,
                    "missing key \"calendar\" (expected a mapping with start, and days or end)");
    OW_CALL(load_calendar(ld, n));
    if (!inst->has_issued)
        inst->issued = inst->calendar.start;
    if ((n = field(&f, "rooms")) != NULL) {
        OW_CALL(load_names(ld, n, "rooms", OW_MAX_ROOMS, &inst->rooms, &inst->n_rooms));
        if (inst->n_rooms == 0)
            return fail(ld, n->loc, "rooms lists no room (expected at least one)");
    }
    if ((n = field(&f, "services")) != NULL)
        OW_CALL(load_services(ld, n));
    OW_CALL(load_bodies(ld, &f));
    if ((n = field(&f, "rules")) != NULL)
        OW_CALL(load_rules(ld, n));
    if ((n = field(&f, "objective")) != NULL)
        OW_CALL(load_objective(ld, n));
done:
    return rc;
}

ow_status ow_instance_load_string(const char *name, const char *text, size_t len, ow_instance **out,
                                  ow_error *err)
{
    ow_status rc = OW_OK;
    const ow_loc none = {0, 0};
    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.name = name;
    ld.text = text;
    ld.len = len;
    ld.err = err;
    ow_instance *inst = NULL;
    if (len > OW_MAX_FILE_BYTES)
        return ow_error_set(err, OW_INPUT, name, none,
                            "file is larger than %u bytes, the most orgwork reads",
                            OW_MAX_FILE_BYTES);
    ld.tree = ow_arena_new();
    ld.arena = ow_arena_new();
    if (ld.tree == NULL || ld.arena == NULL) {
        rc = out_of_memory(&ld);
        goto done;
    }
    inst = ow_arena_alloc(ld.arena, sizeof *inst);
    if (inst == NULL) {
        rc = out_of_memory(&ld);
        goto done;
    }
    inst->arena = ld.arena;
    inst->path = ow_arena_strdup(ld.arena, name != NULL ? name : "");
    ld.inst = inst;
    node *root = NULL;
    OW_CALL(parse_tree(&ld, &root));
    OW_CALL(load_root(&ld, root));
    *out = inst;
    ld.arena = NULL;
done:
    ow_arena_free(ld.arena);
    ow_arena_free(ld.tree);
    return rc;
}

ow_status ow_instance_load(const char *path, ow_instance **out, ow_error *err)
{
    char *text = NULL;
    size_t len = 0;
    ow_status rc = ow_read_file(path, OW_MAX_FILE_BYTES, &text, &len, err);
    if (rc == OW_OK)
        rc = ow_instance_load_string(path, text, len, out, err);
    free(text);
    return rc;
}

void ow_instance_free(ow_instance *inst)
{
    if (inst != NULL)
        ow_arena_free(inst->arena);
}

static ow_status override_days(ow_instance *inst, int days, ow_error *err)
{
    ow_calendar *cal = &inst->calendar;
    const ow_loc none = {0, 0};
    if (days > OW_MAX_DAYS)
        return ow_error_set(err, OW_INPUT, NULL, none,
                            "--days %d is more than the %d working days orgwork plans", days,
                            OW_MAX_DAYS);
    ow_date *d = ow_arena_calloc(inst->arena, (size_t)days, sizeof *d);
    if (d == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    if (!ow_calendar_working_days(cal->start, days, cal->weekday_mask, cal->holidays,
                                  cal->n_holidays, d))
        return ow_error_set(err, OW_INPUT, NULL, none,
                            "--days %d: the calendar does not hold that many working days", days);
    if (ow_calendar_past_last_year(d[days - 1]))
        return ow_error_set(err, OW_INPUT, NULL, none,
                            "--days %d: the calendar would run past 2999-12-31 (the last date "
                            "orgwork reads back from a schedule)",
                            days);
    /* The new calendar begins on the same day with the same working days, so day
     * indices held by windows and pins keep their meaning; only the end moves. */
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const ow_body *body = &inst->bodies[b];
        char last[11], date[11];
        if (body->window_from >= days || (body->has_pin_from && body->pin_from >= days)) {
            int from = body->window_from >= days ? body->window_from : body->pin_from;
            ow_date_iso(d[days - 1], last);
            ow_date_iso(cal->days[from], date);
            return ow_error_set(err, OW_INPUT, inst->path, body->loc,
                                "--days %d ends the calendar on %s, before body %s may begin "
                                "on %s",
                                days, last, body->id, date);
        }
        for (size_t i = 0; i < body->n_items; i++) {
            const ow_item *item = &body->items[i];
            if ((item->pin == OW_PIN_SLOT && item->pin_day >= days) ||
                (item->has_day_date && item->day_date > d[days - 1]))
                return ow_error_set(err, OW_INPUT, inst->path, item->loc,
                                    "--days %d ends the calendar before the date given for "
                                    "agenda item %s of body %s",
                                    days, item->label, body->id);
        }
    }
    /* The slots a body may meet in, in the new window: none left is refused too. */
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const ow_body *body = &inst->bodies[b];
        int to = !body->has_window || body->window_to >= days ? days - 1 : body->window_to;
        bool any = false;
        for (int day = body->window_from; day <= to && !any; day++)
            for (int s = 0; s < (int)cal->n_slots && !any; s++)
                any = ow_body_may_meet(cal, body, day, s);
        if (!any) {
            char last[11];
            ow_date_iso(d[days - 1], last);
            return ow_error_set(err, OW_INPUT, inst->path, body->loc,
                                "--days %d ends the calendar on %s, before any slot body %s "
                                "may meet in",
                                days, last, body->id);
        }
    }
    cal->days = d;
    cal->n_days = days;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        ow_body *body = &inst->bodies[b];
        if (!body->has_window || body->window_to >= days)
            body->window_to = days - 1;
    }
    return OW_OK;
}

ow_status ow_instance_override(ow_instance *inst, int days, int meetings, ow_error *err)
{
    const ow_loc none = {0, 0};
    if (days < 0 || meetings < 0)
        return ow_error_set(err, OW_INPUT, NULL, none,
                            "--days and --meetings take a positive number");
    if (meetings > MAX_MEETINGS)
        return ow_error_set(err, OW_INPUT, NULL, none, "--meetings %d is more than %d", meetings,
                            MAX_MEETINGS);
    if (days > 0) {
        ow_status rc = override_days(inst, days, err);
        if (rc != OW_OK)
            return rc;
    }
    if (meetings > 0)
        for (size_t b = 0; b < inst->n_bodies; b++)
            inst->bodies[b].meetings = meetings;
    return OW_OK;
}
