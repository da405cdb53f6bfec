/* load.c: reads an instance file (SPEC §2) into an ow_instance.
 *
 * libyaml's events are first turned into a small tree of our own, so that aliases,
 * anchors and deep nesting are refused before anything else looks at the data (an
 * alias can make a tiny file expand without bound), and so that every node keeps
 * the place it came from.  The tree then is read top-down against the schema, with
 * an error naming file, line, column and what was expected at the first problem. */
#include "orgwork/instance.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "orgwork/arena.h"
#include "orgwork/buf.h"

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

#define DURATION_FORMS "90m, 1h30m, 1.5h or 1.5 meetings"
#define MAX_MEETINGS   10000
#define MAX_WEIGHT     1000000
#define MAX_DURATION   100000 /* minutes; ow_duration_parse refuses more */
#define MAX_TEAMS      100
#define MAX_LANGUAGES  50
#define MAX_KEYS       16
/* How much of a value an error message quotes. */
#define QUOTE 60

typedef enum node_kind { NODE_SCALAR, NODE_MAP, NODE_SEQ } node_kind;

typedef struct node {
    node_kind kind;
    const char *text; /* a scalar's value */
    size_t len;
    bool plain; /* a scalar written without quotes: only these can be null */
    ow_loc loc;
    size_t n; /* a list's entries; a mapping's keys and values alternate */
    struct node *first, *last, *next;
} node;

typedef struct loader {
    const char *name;
    const char *text;
    size_t len;
    ow_arena *tree;  /* the YAML tree and scratch; dies with the load */
    ow_arena *arena; /* the instance's */
    ow_instance *inst;
    ow_error *err;
    const char *body; /* for error context */
    const char *item;
    const node ***joint; /* per body, per item: its joint_with list, resolved last */
} loader;

typedef struct fields {
    const char *const *allowed;
    const node *map;
    const node *key[MAX_KEYS];
    const node *value[MAX_KEYS];
} fields;

static ow_status fail(loader *ld, ow_loc loc, const char *fmt, ...) PRINTF_LIKE(3, 4);

static ow_status fail(loader *ld, ow_loc loc, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ow_error_set(ld->err, OW_INPUT, ld->name, loc, "%s", msg);
    /* An empty id names nothing: "(in body )" would only puzzle. */
    bool body = ld->body != NULL && ld->body[0] != '\0';
    bool item = ld->item != NULL && ld->item[0] != '\0';
    if (body && item)
        ow_error_context(ld->err, "in body %s, agenda item %s", ld->body, ld->item);
    else if (body)
        ow_error_context(ld->err, "in body %s", ld->body);
    return OW_INPUT;
}

static ow_status out_of_memory(loader *ld)
{
    const ow_loc none = {0, 0};
    return ow_error_set(ld->err, OW_INTERNAL, ld->name, none, "out of memory");
}

/* ---- YAML text to tree ---------------------------------------------------------- */

static ow_loc mark_loc(yaml_mark_t m)
{
    ow_loc loc = {(int)m.line + 1, (int)m.column + 1};
    return loc;
}

static bool utf8_continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* Whether the byte at i ends a line: a line feed, or a carriage return not followed
 * by one (files with CR-only line ends, as libyaml counts them). */
static bool line_end(const loader *ld, size_t i)
{
    return ld->text[i] == '\n' ||
           (ld->text[i] == '\r' && (i + 1 >= ld->len || ld->text[i + 1] != '\n'));
}

/* The byte at a libyaml mark, found by line and column (columns count characters). */
static char char_at(const loader *ld, yaml_mark_t m)
{
    size_t i = 0;
    for (size_t line = 0; line < m.line && i < ld->len; i++)
        if (line_end(ld, i))
            line++;
    for (size_t col = 0; col < m.column && i < ld->len; col++) {
        i++;
        while (i < ld->len && utf8_continuation(ld->text[i]))
            i++;
    }
    return i < ld->len ? ld->text[i] : '\0';
}

/* libyaml's reader reports a byte offset, not a mark. */
static ow_loc offset_loc(const loader *ld, size_t offset)
{
    ow_loc loc = {1, 1};
    for (size_t i = 0; i < offset && i < ld->len; i++) {
        if (line_end(ld, i)) {
            loc.line++;
            loc.column = 1;
        } else if (!utf8_continuation(ld->text[i])) {
            loc.column++;
        }
    }
    return loc;
}

static ow_status yaml_fail(loader *ld, const yaml_parser_t *p)
{
    const char *problem = p->problem != NULL ? p->problem : "unknown problem";
    if (p->error == YAML_MEMORY_ERROR)
        return out_of_memory(ld);
    if (p->error == YAML_READER_ERROR)
        return fail(ld, offset_loc(ld, p->problem_offset),
                    "cannot read the text: %s (expected UTF-8 text)", problem);
    ow_loc loc = mark_loc(p->problem_mark);
    if (char_at(ld, p->problem_mark) == '\t' || strstr(problem, "tab") != NULL)
        return fail(ld, loc, "tab character in indentation (YAML indents with spaces)");
    if (p->context != NULL)
        return fail(ld, loc, "invalid YAML: %s %s", problem, p->context);
    return fail(ld, loc, "invalid YAML: %s", problem);
}

static ow_status next_event(loader *ld, yaml_parser_t *p, yaml_event_t *ev)
{
    if (!yaml_parser_parse(p, ev))
        return yaml_fail(ld, p);
    return OW_OK;
}

static ow_status new_node(loader *ld, node_kind kind, yaml_mark_t mark, node **out)
{
    node *n = ow_arena_alloc(ld->tree, sizeof *n);
    if (n == NULL)
        return out_of_memory(ld);
    n->kind = kind;
    n->loc = mark_loc(mark);
    *out = n;
    return OW_OK;
}

/* Builds the node of *ev and, for a collection, of every event up to its end.
 * Consumes *ev. */
static ow_status build(loader *ld, yaml_parser_t *p, yaml_event_t *ev, int depth, node **out)
{
    ow_status rc = OW_OK;
    node *n = NULL;
    yaml_event_t child;
    memset(&child, 0, sizeof child);
    ow_loc loc = mark_loc(ev->start_mark);
    const yaml_char_t *anchor =
        ev->type == YAML_SCALAR_EVENT           ? ev->data.scalar.anchor
        : ev->type == YAML_MAPPING_START_EVENT  ? ev->data.mapping_start.anchor
        : ev->type == YAML_SEQUENCE_START_EVENT ? ev->data.sequence_start.anchor
                                                : NULL;
    if (ev->type == YAML_ALIAS_EVENT) {
        rc = fail(ld, loc, "aliases are not supported (write the value out in full)");
        goto done;
    }
    if (anchor != NULL) {
        rc = fail(ld, loc, "anchors and aliases are not supported (write the value out in full)");
        goto done;
    }
    /* A tag (!!python/object, !!binary, !custom) would be dropped in silence and the
     * value read as if it had none. */
    const yaml_char_t *tag = ev->type == YAML_SCALAR_EVENT           ? ev->data.scalar.tag
                             : ev->type == YAML_MAPPING_START_EVENT  ? ev->data.mapping_start.tag
                             : ev->type == YAML_SEQUENCE_START_EVENT ? ev->data.sequence_start.tag
                                                                     : NULL;
    if (tag != NULL) {
        rc = fail(ld, loc, "YAML tags such as %.80s are not supported (write plain values)",
                  (const char *)tag);
        goto done;
    }
    if (depth > OW_MAX_DEPTH) {
        rc = fail(ld, loc, "nesting deeper than %d levels", OW_MAX_DEPTH);
        goto done;
    }
    if (ev->type == YAML_SCALAR_EVENT) {
        OW_CALL(new_node(ld, NODE_SCALAR, ev->start_mark, &n));
        n->len = ev->data.scalar.length;
        n->text = ow_arena_strndup(ld->tree, (const char *)ev->data.scalar.value, n->len);
        if (n->text == NULL) {
            rc = out_of_memory(ld);
            goto done;
        }
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        /* No value is read cut at a NUL ("2024-07-11\0junk"): refused here, in every
         * key and value alike.  (Other control characters are the renderers' to
         * escape, and the error messages'.) */
        if (strlen(n->text) != n->len) {
            rc = fail(ld, loc, "the text contains a NUL character (\\0)");
            goto done;
        }
    } else if (ev->type == YAML_MAPPING_START_EVENT || ev->type == YAML_SEQUENCE_START_EVENT) {
        bool map = ev->type == YAML_MAPPING_START_EVENT;
        OW_CALL(new_node(ld, map ? NODE_MAP : NODE_SEQ, ev->start_mark, &n));
        for (;;) {
            OW_CALL(next_event(ld, p, &child));
            if (child.type == YAML_MAPPING_END_EVENT || child.type == YAML_SEQUENCE_END_EVENT)
                break;
            node *c = NULL;
            OW_CALL(build(ld, p, &child, depth + 1, &c));
            if (n->last != NULL)
                n->last->next = c;
            else
                n->first = c;
            n->last = c;
            n->n++;
        }
    } else {
        rc = fail(ld, loc, "unexpected YAML event");
        goto done;
    }
    *out = n;
done:
    yaml_event_delete(&child);
    yaml_event_delete(ev);
    return rc;
}

static bool is_null(const node *n)
{
    return n->kind == NODE_SCALAR && n->plain &&
           (n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
            strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0);
}

static ow_status parse_tree(loader *ld, node **root)
{
    ow_status rc = OW_OK;
    const ow_loc none = {0, 0};
    yaml_parser_t p;
    yaml_event_t ev;
    memset(&ev, 0, sizeof ev);
    /* libyaml would decode UTF-16 read from its byte order mark; the format is UTF-8
     * (a UTF-8 byte order mark is allowed). */
    const unsigned char *u = (const unsigned char *)ld->text;
    if (ld->len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return fail(ld, (ow_loc){1, 1},
                    "the file is UTF-16 or UTF-32 (a byte order mark): save it as UTF-8");
    if (ld->len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
        return fail(ld, (ow_loc){1, 1},
                    "the file is UTF-16 or UTF-32 (a byte order mark): save it as UTF-8");
    if (!yaml_parser_initialize(&p))
        return out_of_memory(ld);
    yaml_parser_set_input_string(&p, (const unsigned char *)ld->text, ld->len);
    OW_CALL(next_event(ld, &p, &ev)); /* stream start */
    yaml_event_delete(&ev);
    OW_CALL(next_event(ld, &p, &ev));
    if (ev.type == YAML_STREAM_END_EVENT) {
        rc = fail(ld, none, "the file is empty (expected a mapping starting with orgwork: 1)");
        goto done;
    }
    if (ev.data.document_start.tag_directives.start != ev.data.document_start.tag_directives.end) {
        rc = fail(ld, mark_loc(ev.start_mark),
                  "YAML %%TAG directives are not supported (write plain values)");
        goto done;
    }
    yaml_event_delete(&ev); /* document start */
    node *r = NULL;
    OW_CALL(next_event(ld, &p, &ev));
    OW_CALL(build(ld, &p, &ev, 1, &r));
    OW_CALL(next_event(ld, &p, &ev)); /* document end */
    yaml_event_delete(&ev);
    OW_CALL(next_event(ld, &p, &ev));
    if (ev.type != YAML_STREAM_END_EVENT) {
        rc = fail(ld, mark_loc(ev.start_mark),
                  "a second YAML document (expected one instance per file)");
        goto done;
    }
    if (is_null(r)) {
        rc = fail(ld, none, "the file is empty (expected a mapping starting with orgwork: 1)");
        goto done;
    }
    *root = r;
done:
    yaml_event_delete(&ev);
    yaml_parser_delete(&p);
    return rc;
}

/* ---- Typed reading of nodes ------------------------------------------------------ */

static const char *kind_name(const node *n)
{
    if (n->kind == NODE_MAP)
        return "a mapping";
    if (n->kind == NODE_SEQ)
        return "a list";
    if (is_null(n))
        return "nothing";
    return "a scalar";
}

static ow_status wrong_type(loader *ld, const node *n, const char *expected, const char *key)
{
    if (n->kind == NODE_SCALAR && !is_null(n))
        return fail(ld, n->loc, "expected %s for %s, found \"%.*s\"", expected, key, QUOTE,
                    n->text);
    return fail(ld, n->loc, "expected %s for %s, found %s", expected, key, kind_name(n));
}

static ow_status expect_map(loader *ld, const node *n, const char *key)
{
    return n->kind == NODE_MAP ? OW_OK : wrong_type(ld, n, "a mapping", key);
}

/* A list, with at most max entries. */
static ow_status expect_list(loader *ld, const node *n, const char *key, size_t max)
{
    if (n->kind != NODE_SEQ)
        return wrong_type(ld, n, "a list", key);
    if (n->n > max)
        return fail(ld, n->loc, "too many entries in %s: %zu (at most %zu)", key, n->n, max);
    return OW_OK;
}

/* Checks a mapping's keys against allowed (NULL-ended, at most MAX_KEYS) and files
 * each value under its key. */
static ow_status read_fields(loader *ld, const node *map, const char *what, const char *key,
                             const char *const *allowed, fields *f)
{
    ow_status rc = OW_OK;
    memset(f, 0, sizeof *f);
    f->allowed = allowed;
    f->map = map;
    OW_CALL(expect_map(ld, map, key));
    for (const node *k = map->first; k != NULL; k = k->next->next) {
        if (k->kind != NODE_SCALAR)
            return fail(ld, k->loc, "expected a key name in %s, found %s", what, kind_name(k));
        size_t i = 0;
        while (allowed[i] != NULL && strcmp(allowed[i], k->text) != 0)
            i++;
        if (allowed[i] == NULL) {
            char list[512] = "";
            size_t used = 0;
            for (size_t j = 0; allowed[j] != NULL && used < sizeof list; j++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", j > 0 ? ", " : "",
                                         allowed[j]);
            return fail(ld, k->loc, "unknown key \"%.*s\" in %s (expected one of: %s)", QUOTE,
                        k->text, what, list);
        }
        if (f->key[i] != NULL)
            return fail(ld, k->loc, "key \"%s\" given twice in %s (first at line %d)", allowed[i],
                        what, f->key[i]->loc.line);
        f->key[i] = k;
        f->value[i] = k->next;
    }
done:
    return rc;
}

static size_t field_index(const fields *f, const char *key)
{
    size_t i = 0;
    while (f->allowed[i] != NULL && strcmp(f->allowed[i], key) != 0)
        i++;
    return i;
}

static const node *field(const fields *f, const char *key)
{
    return f->value[field_index(f, key)];
}

static const node *field_key(const fields *f, const char *key)
{
    return f->key[field_index(f, key)];
}

static ow_status copy_text(loader *ld, const node *n, const char *key, size_t max, const char **out)
{
    if (n->kind != NODE_SCALAR || is_null(n))
        return wrong_type(ld, n, "a string", key);
    if (n->len > max)
        return fail(ld, n->loc, "%s is too long: %zu bytes (at most %zu)", key, n->len, max);
    if (strlen(n->text) != n->len)
        return fail(ld, n->loc, "%s contains a NUL character", key);
    /* A blank title or name would print as an empty cell of the annex. */
    if (n->text[strspn(n->text, " \t\r\n")] == '\0')
        return fail(ld, n->loc, "%s is empty (expected some text)", key);
    const char *s = ow_arena_strndup(ld->arena, n->text, n->len);
    if (s == NULL)
        return out_of_memory(ld);
    *out = s;
    return OW_OK;
}

/* An id: non-empty text without spaces or parentheses, at most OW_MAX_ID bytes. */
static ow_status copy_id(loader *ld, const node *n, const char *key, const char **out)
{
    ow_status rc = OW_OK;
    const char *s = NULL;
    if (n->kind == NODE_SCALAR && !is_null(n) && n->text[strspn(n->text, " \t\r\n")] == '\0')
        return fail(ld, n->loc, "%s is empty (expected an id such as WG.7 or 2)", key);
    OW_CALL(copy_text(ld, n, key, OW_MAX_ID, &s));
    if (strpbrk(s, " \t\r\n()") != NULL)
        return fail(ld, n->loc,
                    "%s \"%s\" contains a space or parenthesis (expected an id such as WG.7 or 2)",
                    key, s);
    *out = s;
done:
    return rc;
}

/* Reads a decimal integer, refusing what does not fit in a long. */
static bool parse_long(const char *s, long *out)
{
    const char *p = s;
    bool negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    if (*p == '\0')
        return false;
    long v = 0;
    for (; *p != '\0'; p++) {
        if (*p < '0' || *p > '9')
            return false;
        int d = *p - '0';
        if (v > (LONG_MAX - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = negative ? -v : v;
    return true;
}

static bool looks_numeric(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (*s == '\0')
        return false;
    for (; *s != '\0'; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static ow_status get_int(loader *ld, const node *n, const char *key, long min, long max, int *out)
{
    long v;
    if (n->kind != NODE_SCALAR || is_null(n) || !looks_numeric(n->text))
        return wrong_type(ld, n, "an integer", key);
    if (!parse_long(n->text, &v) || v < min || v > max)
        return fail(ld, n->loc, "%s %.*s is out of range (expected an integer from %ld to %ld)",
                    key, QUOTE, n->text, min, max);
    *out = (int)v;
    return OW_OK;
}

static ow_status get_bool(loader *ld, const node *n, const char *key, bool *out)
{
    static const char *const yes[] = {"true", "True", "TRUE", NULL};
    static const char *const no[] = {"false", "False", "FALSE", NULL};
    if (n->kind == NODE_SCALAR) {
        for (size_t i = 0; yes[i] != NULL; i++) {
            if (strcmp(n->text, yes[i]) == 0) {
                *out = true;
                return OW_OK;
            }
            if (strcmp(n->text, no[i]) == 0) {
                *out = false;
                return OW_OK;
            }
        }
    }
    return wrong_type(ld, n, "a boolean (true or false)", key);
}

static bool looks_like_date(const char *s)
{
    return strlen(s) == 10 && s[4] == '-' && s[7] == '-';
}

static ow_status get_date(loader *ld, const node *n, const char *key, ow_date *out)
{
    if (n->kind != NODE_SCALAR || is_null(n))
        return wrong_type(ld, n, "a date (YYYY-MM-DD)", key);
    if (ow_date_parse(n->text, out))
        return OW_OK;
    if (looks_like_date(n->text) &&
        (strncmp(n->text, "1900", 4) < 0 || strncmp(n->text, "2999", 4) > 0))
        return fail(ld, n->loc,
                    "date \"%s\" for %s is out of range (expected a year from 1900 to 2999)",
                    n->text, key);
    if (looks_like_date(n->text))
        return fail(ld, n->loc, "impossible date \"%s\" for %s (expected a real date, YYYY-MM-DD)",
                    n->text, key);
    return wrong_type(ld, n, "a date (YYYY-MM-DD)", key);
}

static bool is_zero_text(const char *s)
{
    bool digit = false;
    for (; *s != '\0'; s++) {
        if (*s >= '1' && *s <= '9')
            return false;
        digit = digit || *s == '0';
    }
    return digit;
}

/* Is text a well-formed duration that is only out of range?  It is when the same
 * text with its leading number made 1 parses: too long when that number's whole part
 * is not zero ("100001m", "99999999999999999999h"), else under a minute ("0.4m",
 * "0.0001h"). */
static bool duration_out_of_range(const char *text, int slot_minutes)
{
    char probe[64];
    const char *s = text;
    while (*s == ' ')
        s++;
    size_t digits = strspn(s, "0123456789");
    if (digits == 0 || strlen(s + digits) + 2 > sizeof probe)
        return false;
    probe[0] = '1';
    strcpy(probe + 1, s + digits);
    int minutes;
    return ow_duration_parse(probe, slot_minutes, &minutes);
}

static ow_status get_duration(loader *ld, const node *n, const char *key, int *out)
{
    if (n->kind != NODE_SCALAR || is_null(n))
        return wrong_type(ld, n, "a duration (" DURATION_FORMS ")", key);
    if (ow_duration_parse(n->text, ld->inst->calendar.standard_slot, out))
        return OW_OK;
    const char *s = n->text;
    while (*s == ' ')
        s++;
    if (*s == '-' || is_zero_text(s))
        return fail(ld, n->loc, "%s must be more than zero, found \"%.*s\"", key, QUOTE, n->text);
    if (duration_out_of_range(s, ld->inst->calendar.standard_slot)) {
        size_t whole = strspn(s, "0123456789");
        if (strspn(s, "0") >= whole)
            return fail(ld, n->loc,
                        "%s \"%.*s\" is less than a minute (durations are whole minutes, at "
                        "least 1m)",
                        key, QUOTE, n->text);
        return fail(ld, n->loc, "%s \"%.*s\" is too long (at most %d minutes)", key, QUOTE, n->text,
                    MAX_DURATION);
    }
    return fail(ld, n->loc, "cannot parse %s \"%.*s\" (expected " DURATION_FORMS ")", key, QUOTE,
                n->text);
}

/* ---- Days of the calendar -------------------------------------------------------- */

static void calendar_range(const ow_calendar *cal, char *out, size_t size)
{
    char a[11], b[11];
    ow_date_iso(cal->days[0], a);
    ow_date_iso(cal->days[cal->n_days - 1], b);
    snprintf(out, size, "%s to %s", a, b);
}

static ow_status outside_calendar(loader *ld, const node *n, const char *key)
{
    char range[32];
    calendar_range(&ld->inst->calendar, range, sizeof range);
    return fail(ld, n->loc, "%s %s is outside the calendar (%s)", key, n->text, range);
}

/* The index of a working day of the calendar given as a date. */
static ow_status get_working_day(loader *ld, const node *n, const char *key, int *out)
{
    ow_status rc = OW_OK;
    const ow_calendar *cal = &ld->inst->calendar;
    ow_date d;
    OW_CALL(get_date(ld, n, key, &d));
    for (int i = 0; i < cal->n_days; i++) {
        if (cal->days[i] == d) {
            *out = i;
            return OW_OK;
        }
    }
    if (d < cal->days[0] || d > cal->days[cal->n_days - 1])
        return outside_calendar(ld, n, key);
    if (cal->weekday_mask & (1u << ow_date_weekday(d)))
        return fail(ld, n->loc, "%s %s is not a working day of the calendar (it is a holiday)", key,
                    n->text);
    return fail(ld, n->loc, "%s %s is not a working day of the calendar (it is a %s)", key, n->text,
                ow_weekday_name(ow_date_weekday(d)));
done:
    return rc;
}

static ow_status inside_window(loader *ld, const ow_body *body, const node *n, const char *key,
                               int day)
{
    if (day >= body->window_from && day <= body->window_to)
        return OW_OK;
    char a[11], b[11];
    ow_date_iso(ld->inst->calendar.days[body->window_from], a);
    ow_date_iso(ld->inst->calendar.days[body->window_to], b);
    return fail(ld, n->loc, "%s %s is outside the body's window (%s to %s)", key, n->text, a, b);
}

/* ---- Calendar, rooms, services --------------------------------------------------- */

static const char *const CALENDAR_KEYS[] = {"start",    "days",  "end", "weekdays",
                                            "holidays", "slots", NULL};

static ow_status load_weekdays(loader *ld, const node *list, unsigned *mask)
{
    static const char *const names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    static const char *const long_names[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};
    ow_status rc = OW_OK;
    OW_CALL(expect_list(ld, list, "weekdays", 7));
    if (list->n == 0)
        return fail(ld, list->loc,
                    "weekdays lists no day (expected some of mon, tue, wed, thu, fri, sat, sun)");
    unsigned m = 0;
    for (const node *e = list->first; e != NULL; e = e->next) {
        char low[16] = "";
        if (e->kind == NODE_SCALAR && e->len < sizeof low)
            for (size_t i = 0; i <= e->len; i++)
                low[i] = (char)(e->text[i] >= 'A' && e->text[i] <= 'Z' ? e->text[i] - 'A' + 'a'
                                                                       : e->text[i]);
        int w = 0;
        while (w < 7 && strcmp(low, names[w]) != 0 && strcmp(low, long_names[w]) != 0)
            w++;
        if (w == 7)
            return wrong_type(ld, e, "a weekday (mon, tue, wed, thu, fri, sat or sun)", "weekdays");
        m |= 1u << w;
    }
    *mask = m;
done:
    return rc;
}

typedef struct placed_slot {
    ow_slot slot;
    const node *n;
} placed_slot;

static ow_status load_slots(loader *ld, const node *list, ow_calendar *cal)
{
    ow_status rc = OW_OK;
    placed_slot placed[OW_MAX_SLOTS];
    OW_CALL(expect_list(ld, list, "slots", OW_MAX_SLOTS));
    if (list->n == 0)
        return fail(
            ld, list->loc,
            "slots lists no slot (expected a list such as [\"10:00-13:00\", \"15:00-18:00\"])");
    size_t k = 0;
    for (const node *e = list->first; e != NULL; e = e->next, k++) {
        if (e->kind != NODE_SCALAR || !ow_slot_parse(e->text, &placed[k].slot))
            return wrong_type(ld, e, "a time slot HH:MM-HH:MM (start before end)", "slots");
        placed[k].n = e;
        /* Insertion sort: the slots are few, and a day's order is their time order. */
        for (size_t j = k; j > 0 && placed[j].slot.start < placed[j - 1].slot.start; j--) {
            placed_slot t = placed[j];
            placed[j] = placed[j - 1];
            placed[j - 1] = t;
        }
    }
    for (size_t i = 1; i < k; i++) {
        if (placed[i].slot.start < placed[i - 1].slot.end) {
            /* Point at whichever of the two was written later. */
            const node *later = placed[i].n->loc.line > placed[i - 1].n->loc.line ||
                                        (placed[i].n->loc.line == placed[i - 1].n->loc.line &&
                                         placed[i].n->loc.column > placed[i - 1].n->loc.column)
                                    ? placed[i].n
                                    : placed[i - 1].n;
            const node *other = later == placed[i].n ? placed[i - 1].n : placed[i].n;
            return fail(ld, later->loc, "slot \"%s\" overlaps slot \"%s\" (slots may not overlap)",
                        later->text, other->text);
        }
    }
    cal->slots = ow_arena_calloc(ld->arena, k, sizeof *cal->slots);
    if (cal->slots == NULL)
        return out_of_memory(ld);
    for (size_t i = 0; i < k; i++)
        cal->slots[i] = placed[i].slot;
    cal->n_slots = k;
done:
    return rc;
}

/* Whether d is past 2999: the schedule readers (check, diff, --keep) read years
 * 1900 to 2999, so no calendar may run past them. */
static bool past_last_year(ow_date d)
{
    char iso[16];
    ow_date_iso(d, iso);
    return strlen(iso) != 10 || strncmp(iso, "2999", 4) > 0;
}

static ow_status load_calendar(loader *ld, const node *map)
{
    ow_status rc = OW_OK;
    ow_calendar *cal = &ld->inst->calendar;
    fields f;
    OW_CALL(read_fields(ld, map, "calendar", "calendar", CALENDAR_KEYS, &f));
    cal->loc = map->loc;
    const node *start = field(&f, "start"), *days = field(&f, "days"), *end = field(&f, "end");
    if (start == NULL)
        return fail(ld, map->loc,
                    "missing key \"start\" in calendar (expected the first day, YYYY-MM-DD)");
    OW_CALL(get_date(ld, start, "start", &cal->start));
    if (days != NULL && end != NULL)
        return fail(ld, field_key(&f, "end")->loc, "give calendar days or end, not both");
    if (days == NULL && end == NULL)
        return fail(ld, map->loc,
                    "missing key \"days\" in calendar (expected days: N or end: YYYY-MM-DD)");
    cal->weekday_mask = OW_WEEKDAYS_DEFAULT;
    if (field(&f, "weekdays") != NULL)
        OW_CALL(load_weekdays(ld, field(&f, "weekdays"), &cal->weekday_mask));
    const node *hol = field(&f, "holidays");
    if (hol != NULL) {
        OW_CALL(expect_list(ld, hol, "holidays", OW_MAX_DAYS));
        cal->holidays = ow_arena_calloc(ld->arena, hol->n, sizeof *cal->holidays);
        if (cal->holidays == NULL && hol->n > 0)
            return out_of_memory(ld);
        for (const node *e = hol->first; e != NULL; e = e->next)
            OW_CALL(get_date(ld, e, "holidays", &cal->holidays[cal->n_holidays++]));
    }
    if (field(&f, "slots") != NULL) {
        OW_CALL(load_slots(ld, field(&f, "slots"), cal));
    } else {
        static const ow_slot defaults[2] = {{10 * 60, 13 * 60}, {15 * 60, 18 * 60}};
        cal->slots = ow_arena_calloc(ld->arena, 2, sizeof *cal->slots);
        if (cal->slots == NULL)
            return out_of_memory(ld);
        memcpy(cal->slots, defaults, sizeof defaults);
        cal->n_slots = 2;
    }
    cal->standard_slot = cal->slots[0].end - cal->slots[0].start;
    if (days != NULL) {
        OW_CALL(get_int(ld, days, "days", 1, OW_MAX_DAYS, &cal->n_days));
    } else {
        ow_date last;
        OW_CALL(get_date(ld, end, "end", &last));
        if (last < cal->start)
            return fail(ld, end->loc, "calendar end %s is before its start %s", end->text,
                        start->text);
        int n = ow_calendar_count_days(cal->start, last, cal->weekday_mask, cal->holidays,
                                       cal->n_holidays);
        if (n == 0)
            return fail(ld, end->loc, "the calendar from %s to %s holds no working day",
                        start->text, end->text);
        if (n > OW_MAX_DAYS)
            return fail(ld, end->loc,
                        "the calendar from %s to %s holds %d working days (at most %d)",
                        start->text, end->text, n, OW_MAX_DAYS);
        cal->n_days = n;
    }
    cal->days = ow_arena_calloc(ld->arena, (size_t)cal->n_days, sizeof *cal->days);
    if (cal->days == NULL)
        return out_of_memory(ld);
    if (!ow_calendar_working_days(cal->start, cal->n_days, cal->weekday_mask, cal->holidays,
                                  cal->n_holidays, cal->days))
        return fail(ld, map->loc, "the calendar does not hold %d working days within 20 years",
                    cal->n_days);
    if (past_last_year(cal->days[cal->n_days - 1])) {
        char last[16];
        ow_date_iso(cal->days[cal->n_days - 1], last);
        return fail(ld, map->loc,
                    "the calendar runs to %s, past 2999-12-31 (the last date orgwork reads "
                    "back from a schedule)",
                    last);
    }
done:
    return rc;
}

/* A list of distinct names (rooms, languages). */
static ow_status load_names(loader *ld, const node *list, const char *key, size_t max,
                            const char ***out, size_t *n_out)
{
    ow_status rc = OW_OK;
    OW_CALL(expect_list(ld, list, key, max));
    const char **names = ow_arena_calloc(ld->arena, list->n + 1, sizeof *names);
    if (names == NULL)
        return out_of_memory(ld);
    size_t k = 0;
    for (const node *e = list->first; e != NULL; e = e->next, k++) {
        OW_CALL(copy_text(ld, e, key, OW_MAX_TEXT, &names[k]));
        for (size_t j = 0; j < k; j++)
            if (strcmp(names[j], names[k]) == 0)
                return fail(ld, e->loc, "\"%s\" listed twice in %s", names[k], key);
    }
    *out = names;
    *n_out = k;
done:
    return rc;
}

static const char *const SERVICES_KEYS[] = {"languages", "interpretation_teams", NULL};

static ow_status load_services(loader *ld, const node *map)
{
    ow_status rc = OW_OK;
    fields f;
    OW_CALL(read_fields(ld, map, "services", "services", SERVICES_KEYS, &f));
    if (field(&f, "languages") != NULL)
        OW_CALL(load_names(ld, field(&f, "languages"), "languages", MAX_LANGUAGES,
                           &ld->inst->languages, &ld->inst->n_languages));
    if (field(&f, "interpretation_teams") != NULL)
        OW_CALL(get_int(ld, field(&f, "interpretation_teams"), "interpretation_teams", 1, MAX_TEAMS,
                        &ld->inst->interpretation_teams));
done:
    return rc;
}

/* ---- Bodies and their agendas ---------------------------------------------------- */

static const char *const BODY_KEYS[] = {
    "id",    "name", "session", "meetings", "meetings_per_day", "window", "interpretation", "room",
    "order", "pin",  "agenda",  NULL};
static const char *const WINDOW_KEYS[] = {"from", "to", NULL};
static const char *const BODY_PIN_KEYS[] = {"from", NULL};
static const char *const ITEM_KEYS[] = {
    "item",    "title", "duration", "subitems",   "split",         "min_part", "first", "last",
    "meeting", "day",   "after",    "joint_with", "documentation", "pin",      NULL};
static const char *const SUBITEM_KEYS[] = {
    "item",    "title", "duration", "split",      "min_part",      "first", "last",
    "meeting", "day",   "after",    "joint_with", "documentation", "pin",   NULL};
static const char *const ITEM_PIN_KEYS[] = {"meeting", "date", "slot", NULL};

/* Writes "a, b, c" of up to about size bytes, ending in ", …" when cut short. */
static void join(char *out, size_t size, const char *const *names, size_t n, size_t stride)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *s = *(const char *const *)((const char *)names + i * stride);
        if (used + strlen(s) + 8 > size) {
            snprintf(out + used, size - used, ", \xE2\x80\xA6");
            return;
        }
        used += (size_t)snprintf(out + used, size - used, "%s%s", i > 0 ? ", " : "", s);
    }
}

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

/* The item's own fields, for an item without sub-items or a sub-item. */
static ow_status load_item_fields(loader *ld, const fields *f, const ow_body *body, ow_item *item,
                                  const node **after)
{
    ow_status rc = OW_OK;
    const node *n;
    const node *duration = field(f, "duration");
    if (duration == NULL)
        return fail(ld, f->map->loc, "missing key \"duration\" (expected " DURATION_FORMS ")");
    OW_CALL(get_duration(ld, duration, "duration", &item->minutes));
    item->duration_loc = duration->loc;
    item->split = true;
    if ((n = field(f, "split")) != NULL)
        OW_CALL(get_bool(ld, n, "split", &item->split));
    if ((n = field(f, "min_part")) != NULL) {
        OW_CALL(get_duration(ld, n, "min_part", &item->min_part));
        if (item->min_part > item->minutes)
            return fail(ld, n->loc, "min_part %s is longer than the item's duration %s", n->text,
                        duration->text);
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
    if ((n = field(f, "pin")) != NULL)
        OW_CALL(load_item_pin(ld, n, body, item));
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

static ow_status resolve_after(loader *ld, ow_body *body, const node **after)
{
    for (size_t i = 0; i < body->n_items; i++) {
        const node *list = after[i];
        if (list == NULL)
            continue;
        ow_item *item = &body->items[i];
        ld->item = item->label;
        bool single = list->kind == NODE_SCALAR;
        size_t n = single ? 1 : list->n;
        item->after = ow_arena_calloc(ld->arena, n, sizeof *item->after);
        if (item->after == NULL && n > 0)
            return out_of_memory(ld);
        for (const node *e = single ? list : list->first; e != NULL; e = single ? NULL : e->next) {
            if (e->kind != NODE_SCALAR || is_null(e))
                return wrong_type(ld, e, "an item id", "after");
            int k = ow_body_find_item(body, e->text);
            if (k < 0) {
                char ids[400];
                join(ids, sizeof ids, &body->items[0].label, body->n_items, sizeof(ow_item));
                return fail(ld, e->loc, "unknown item \"%.*s\" in after (items of body %s: %s)",
                            QUOTE, e->text, body->id, ids);
            }
            if ((size_t)k == i)
                return fail(ld, e->loc, "an item cannot come after itself");
            item->after[item->n_after++] = (size_t)k;
        }
    }
    ld->item = NULL;
    return OW_OK;
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
static ow_status body_refs(loader *ld, const node *list, const char *key, size_t self, size_t **out,
                           size_t *n_out)
{
    const ow_instance *inst = ld->inst;
    bool single = list->kind == NODE_SCALAR;
    size_t n = single ? 1 : list->n;
    size_t *refs = ow_arena_calloc(ld->arena, n, sizeof *refs);
    if (refs == NULL && n > 0)
        return out_of_memory(ld);
    size_t k = 0;
    for (const node *e = single ? list : list->first; e != NULL; e = single ? NULL : e->next) {
        if (e->kind != NODE_SCALAR || is_null(e))
            return wrong_type(ld, e, "a body id", key);
        int b = ow_instance_find_body(inst, e->text);
        if (b < 0) {
            char ids[400];
            join(ids, sizeof ids, &inst->bodies[0].id, inst->n_bodies, sizeof(ow_body));
            return fail(ld, e->loc, "unknown body \"%.*s\" in %s (bodies: %s)", QUOTE, e->text, key,
                        ids);
        }
        if ((size_t)b == self)
            return fail(ld, e->loc, "%s names the item's own body %s", key, e->text);
        for (size_t j = 0; j < k; j++)
            if (refs[j] == (size_t)b)
                return fail(ld, e->loc, "body %s listed twice in %s", e->text, key);
        refs[k++] = (size_t)b;
    }
    *out = refs;
    *n_out = k;
    return OW_OK;
}

static ow_status resolve_joint(loader *ld)
{
    ow_status rc = OW_OK;
    ow_instance *inst = ld->inst;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        ow_body *body = &inst->bodies[b];
        ld->body = body->id;
        for (size_t i = 0; i < body->n_items; i++) {
            const node *list = ld->joint[b][i];
            if (list == NULL)
                continue;
            ld->item = body->items[i].label;
            OW_CALL(body_refs(ld, list, "joint_with", b, &body->items[i].joint_with,
                              &body->items[i].n_joint));
        }
    }
    ld->body = ld->item = NULL;
done:
    return rc;
}

static const char *const RULE_KEYS[] = {"consecutive", NULL};

static ow_status load_rules(loader *ld, const node *list)
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

static const char *const OBJECTIVE_KEYS[] = {"continued", "meetings", "days", "late_start", NULL};

static ow_status load_objective(loader *ld, const node *map)
{
    ow_status rc = OW_OK;
    ow_weights *w = &ld->inst->weights;
    int *slots[] = {&w->continued, &w->meetings, &w->days, &w->late_start};
    fields f;
    OW_CALL(read_fields(ld, map, "objective", "objective", OBJECTIVE_KEYS, &f));
    for (size_t i = 0; OBJECTIVE_KEYS[i] != NULL; i++)
        if (f.value[i] != NULL)
            OW_CALL(get_int(ld, f.value[i], OBJECTIVE_KEYS[i], 0, MAX_WEIGHT, slots[i]));
done:
    return rc;
}

static ow_status load_bodies(loader *ld, const fields *top)
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

static const char *const TOP_KEYS[] = {"orgwork", "title",     "issued", "calendar",
                                       "rooms",   "services",  "body",   "bodies",
                                       "rules",   "objective", NULL};

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
    if (past_last_year(d[days - 1]))
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
