/* yaml.c: reading YAML into a tree of nodes that keep their place, and typed
 * reading of that tree, for every loader of model/ (instances, workplans, plans).
 *
 * libyaml's events are first turned into a small tree of our own, so that aliases,
 * anchors and deep nesting are refused before anything else looks at the data (an
 * alias can make a tiny file expand without bound), and so that every node keeps
 * the place it came from.  The loaders then read the tree top-down against their
 * schema, with an error naming file, line, column and what was expected at the
 * first problem. */
#include "load/yaml.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "orgwork/arena.h"
#include "orgwork/instance.h"

ow_status ow_yaml_fail(ow_yaml *y, ow_loc loc, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ow_error_set(y->err, OW_INPUT, y->name, loc, "%s", msg);
    if (y->context != NULL)
        y->context(y->owner, y->err);
    return OW_INPUT;
}

ow_status ow_yaml_out_of_memory(ow_yaml *y)
{
    const ow_loc none = {0, 0};
    return ow_error_set(y->err, OW_INTERNAL, y->name, none, "out of memory");
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

/* The byte at a libyaml mark, found by line and column (columns count characters). */
static char char_at(const ow_yaml *y, yaml_mark_t m)
{
    size_t i = 0;
    for (size_t line = 0; line < m.line && i < y->len; i++)
        if (y->text[i] == '\n')
            line++;
    for (size_t col = 0; col < m.column && i < y->len; col++) {
        i++;
        while (i < y->len && utf8_continuation(y->text[i]))
            i++;
    }
    return i < y->len ? y->text[i] : '\0';
}

/* libyaml's reader reports a byte offset, not a mark. */
static ow_loc offset_loc(const ow_yaml *y, size_t offset)
{
    ow_loc loc = {1, 1};
    for (size_t i = 0; i < offset && i < y->len; i++) {
        if (y->text[i] == '\n') {
            loc.line++;
            loc.column = 1;
        } else if (!utf8_continuation(y->text[i])) {
            loc.column++;
        }
    }
    return loc;
}

static ow_status yaml_fail(ow_yaml *y, const yaml_parser_t *p)
{
    const char *problem = p->problem != NULL ? p->problem : "unknown problem";
    if (p->error == YAML_MEMORY_ERROR)
        return ow_yaml_out_of_memory(y);
    if (p->error == YAML_READER_ERROR)
        return ow_yaml_fail(y, offset_loc(y, p->problem_offset),
                            "cannot read the text: %s (expected UTF-8 text)", problem);
    ow_loc loc = mark_loc(p->problem_mark);
    if (char_at(y, p->problem_mark) == '\t' || strstr(problem, "tab") != NULL)
        return ow_yaml_fail(y, loc, "tab character in indentation (YAML indents with spaces)");
    if (p->context != NULL)
        return ow_yaml_fail(y, loc, "invalid YAML: %s %s", problem, p->context);
    return ow_yaml_fail(y, loc, "invalid YAML: %s", problem);
}

static ow_status next_event(ow_yaml *y, yaml_parser_t *p, yaml_event_t *ev)
{
    if (!yaml_parser_parse(p, ev))
        return yaml_fail(y, p);
    return OW_OK;
}

static ow_status new_node(ow_yaml *y, ow_yaml_kind kind, yaml_mark_t mark, ow_yaml_node **out)
{
    ow_yaml_node *n = ow_arena_alloc(y->tree, sizeof *n);
    if (n == NULL)
        return ow_yaml_out_of_memory(y);
    n->kind = kind;
    n->loc = mark_loc(mark);
    *out = n;
    return OW_OK;
}

/* Builds the node of *ev and, for a collection, of every event up to its end.
 * Consumes *ev. */
static ow_status build(ow_yaml *y, yaml_parser_t *p, yaml_event_t *ev, int depth,
                       ow_yaml_node **out)
{
    ow_status rc = OW_OK;
    ow_yaml_node *n = NULL;
    yaml_event_t child;
    memset(&child, 0, sizeof child);
    ow_loc loc = mark_loc(ev->start_mark);
    const yaml_char_t *anchor =
        ev->type == YAML_SCALAR_EVENT           ? ev->data.scalar.anchor
        : ev->type == YAML_MAPPING_START_EVENT  ? ev->data.mapping_start.anchor
        : ev->type == YAML_SEQUENCE_START_EVENT ? ev->data.sequence_start.anchor
                                                : NULL;
    if (ev->type == YAML_ALIAS_EVENT) {
        rc = ow_yaml_fail(y, loc, "aliases are not supported (write the value out in full)");
        goto done;
    }
    if (anchor != NULL) {
        rc = ow_yaml_fail(y, loc,
                          "anchors and aliases are not supported (write the value out in full)");
        goto done;
    }
    if (depth > OW_MAX_DEPTH) {
        rc = ow_yaml_fail(y, loc, "nesting deeper than %d levels", OW_MAX_DEPTH);
        goto done;
    }
    if (ev->type == YAML_SCALAR_EVENT) {
        OW_CALL(new_node(y, OW_YAML_SCALAR, ev->start_mark, &n));
        n->len = ev->data.scalar.length;
        n->text = ow_arena_strndup(y->tree, (const char *)ev->data.scalar.value, n->len);
        if (n->text == NULL) {
            rc = ow_yaml_out_of_memory(y);
            goto done;
        }
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    } else if (ev->type == YAML_MAPPING_START_EVENT || ev->type == YAML_SEQUENCE_START_EVENT) {
        bool map = ev->type == YAML_MAPPING_START_EVENT;
        OW_CALL(new_node(y, map ? OW_YAML_MAP : OW_YAML_SEQ, ev->start_mark, &n));
        for (;;) {
            OW_CALL(next_event(y, p, &child));
            if (child.type == YAML_MAPPING_END_EVENT || child.type == YAML_SEQUENCE_END_EVENT)
                break;
            ow_yaml_node *c = NULL;
            OW_CALL(build(y, p, &child, depth + 1, &c));
            if (n->last != NULL)
                n->last->next = c;
            else
                n->first = c;
            n->last = c;
            n->n++;
        }
    } else {
        rc = ow_yaml_fail(y, loc, "unexpected YAML event");
        goto done;
    }
    *out = n;
done:
    yaml_event_delete(&child);
    yaml_event_delete(ev);
    return rc;
}

bool ow_yaml_is_null(const ow_yaml_node *n)
{
    return n->kind == OW_YAML_SCALAR && n->plain &&
           (n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
            strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0);
}

ow_status ow_yaml_parse(ow_yaml *y, ow_yaml_node **root)
{
    ow_status rc = OW_OK;
    const ow_loc none = {0, 0};
    yaml_parser_t p;
    yaml_event_t ev;
    memset(&ev, 0, sizeof ev);
    if (!yaml_parser_initialize(&p))
        return ow_yaml_out_of_memory(y);
    yaml_parser_set_input_string(&p, (const unsigned char *)y->text, y->len);
    OW_CALL(next_event(y, &p, &ev)); /* stream start */
    yaml_event_delete(&ev);
    OW_CALL(next_event(y, &p, &ev));
    if (ev.type == YAML_STREAM_END_EVENT) {
        rc = ow_yaml_fail(y, none, "the file is empty (expected %s)", y->expected);
        goto done;
    }
    yaml_event_delete(&ev); /* document start */
    ow_yaml_node *r = NULL;
    OW_CALL(next_event(y, &p, &ev));
    OW_CALL(build(y, &p, &ev, 1, &r));
    OW_CALL(next_event(y, &p, &ev)); /* document end */
    yaml_event_delete(&ev);
    OW_CALL(next_event(y, &p, &ev));
    if (ev.type != YAML_STREAM_END_EVENT) {
        rc = ow_yaml_fail(y, mark_loc(ev.start_mark),
                          "a second YAML document (expected one %s per file)", y->what);
        goto done;
    }
    if (ow_yaml_is_null(r)) {
        rc = ow_yaml_fail(y, none, "the file is empty (expected %s)", y->expected);
        goto done;
    }
    *root = r;
done:
    yaml_event_delete(&ev);
    yaml_parser_delete(&p);
    return rc;
}

/* ---- Typed reading of nodes ------------------------------------------------------ */

const char *ow_yaml_kind_name(const ow_yaml_node *n)
{
    if (n->kind == OW_YAML_MAP)
        return "a mapping";
    if (n->kind == OW_YAML_SEQ)
        return "a list";
    if (ow_yaml_is_null(n))
        return "nothing";
    return "a scalar";
}

ow_status ow_yaml_wrong_type(ow_yaml *y, const ow_yaml_node *n, const char *expected,
                             const char *key)
{
    if (n->kind == OW_YAML_SCALAR && !ow_yaml_is_null(n))
        return ow_yaml_fail(y, n->loc, "expected %s for %s, found \"%.*s\"", expected, key, QUOTE,
                            n->text);
    return ow_yaml_fail(y, n->loc, "expected %s for %s, found %s", expected, key,
                        ow_yaml_kind_name(n));
}

ow_status ow_yaml_expect_map(ow_yaml *y, const ow_yaml_node *n, const char *key)
{
    return n->kind == OW_YAML_MAP ? OW_OK : ow_yaml_wrong_type(y, n, "a mapping", key);
}

/* A list, with at most max entries. */
ow_status ow_yaml_expect_list(ow_yaml *y, const ow_yaml_node *n, const char *key, size_t max)
{
    if (n->kind != OW_YAML_SEQ)
        return ow_yaml_wrong_type(y, n, "a list", key);
    if (n->n > max)
        return ow_yaml_fail(y, n->loc, "too many entries in %s: %zu (at most %zu)", key, n->n, max);
    return OW_OK;
}

/* Checks a mapping's keys against allowed (NULL-ended, at most MAX_KEYS) and files
 * each value under its key. */
ow_status ow_yaml_read_fields(ow_yaml *y, const ow_yaml_node *map, const char *what,
                              const char *key, const char *const *allowed, ow_yaml_fields *f)
{
    ow_status rc = OW_OK;
    memset(f, 0, sizeof *f);
    f->allowed = allowed;
    f->map = map;
    OW_CALL(ow_yaml_expect_map(y, map, key));
    for (const ow_yaml_node *k = map->first; k != NULL; k = k->next->next) {
        if (k->kind != OW_YAML_SCALAR)
            return ow_yaml_fail(y, k->loc, "expected a key name in %s, found %s", what,
                                ow_yaml_kind_name(k));
        size_t i = 0;
        while (allowed[i] != NULL && strcmp(allowed[i], k->text) != 0)
            i++;
        if (allowed[i] == NULL) {
            char list[512] = "";
            size_t used = 0;
            for (size_t j = 0; allowed[j] != NULL && used < sizeof list; j++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", j > 0 ? ", " : "",
                                         allowed[j]);
            return ow_yaml_fail(y, k->loc, "unknown key \"%.*s\" in %s (expected one of: %s)",
                                QUOTE, k->text, what, list);
        }
        if (f->key[i] != NULL)
            return ow_yaml_fail(y, k->loc, "key \"%s\" given twice in %s (first at line %d)",
                                allowed[i], what, f->key[i]->loc.line);
        f->key[i] = k;
        f->value[i] = k->next;
    }
done:
    return rc;
}

static size_t field_index(const ow_yaml_fields *f, const char *key)
{
    size_t i = 0;
    while (f->allowed[i] != NULL && strcmp(f->allowed[i], key) != 0)
        i++;
    return i;
}

const ow_yaml_node *ow_yaml_field(const ow_yaml_fields *f, const char *key)
{
    return f->value[field_index(f, key)];
}

const ow_yaml_node *ow_yaml_field_key(const ow_yaml_fields *f, const char *key)
{
    return f->key[field_index(f, key)];
}

ow_status ow_yaml_copy_text(ow_yaml *y, const ow_yaml_node *n, const char *key, size_t max,
                            const char **out)
{
    if (n->kind != OW_YAML_SCALAR || ow_yaml_is_null(n))
        return ow_yaml_wrong_type(y, n, "a string", key);
    if (n->len > max)
        return ow_yaml_fail(y, n->loc, "%s is too long: %zu bytes (at most %zu)", key, n->len, max);
    if (strlen(n->text) != n->len)
        return ow_yaml_fail(y, n->loc, "%s contains a NUL character", key);
    /* A blank title or name would print as an empty cell of the annex. */
    if (n->text[strspn(n->text, " \t\r\n")] == '\0')
        return ow_yaml_fail(y, n->loc, "%s is empty (expected some text)", key);
    const char *s = ow_arena_strndup(y->arena, n->text, n->len);
    if (s == NULL)
        return ow_yaml_out_of_memory(y);
    *out = s;
    return OW_OK;
}

/* An id: non-empty text without spaces or parentheses, at most OW_MAX_ID bytes. */
ow_status ow_yaml_copy_id(ow_yaml *y, const ow_yaml_node *n, const char *key, const char **out)
{
    ow_status rc = OW_OK;
    const char *s = NULL;
    if (n->kind == OW_YAML_SCALAR && !ow_yaml_is_null(n) &&
        n->text[strspn(n->text, " \t\r\n")] == '\0')
        return ow_yaml_fail(y, n->loc, "%s is empty (expected an id such as WG.7 or 2)", key);
    OW_CALL(ow_yaml_copy_text(y, n, key, OW_MAX_ID, &s));
    if (strpbrk(s, " \t\r\n()") != NULL)
        return ow_yaml_fail(
            y, n->loc,
            "%s \"%s\" contains a space or parenthesis (expected an id such as WG.7 or 2)", key, s);
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

bool ow_yaml_looks_numeric(const char *s)
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

ow_status ow_yaml_get_int(ow_yaml *y, const ow_yaml_node *n, const char *key, long min, long max,
                          int *out)
{
    long v;
    if (n->kind != OW_YAML_SCALAR || ow_yaml_is_null(n) || !ow_yaml_looks_numeric(n->text))
        return ow_yaml_wrong_type(y, n, "an integer", key);
    if (!parse_long(n->text, &v) || v < min || v > max)
        return ow_yaml_fail(y, n->loc,
                            "%s %.*s is out of range (expected an integer from %ld to %ld)", key,
                            QUOTE, n->text, min, max);
    *out = (int)v;
    return OW_OK;
}

ow_status ow_yaml_get_bool(ow_yaml *y, const ow_yaml_node *n, const char *key, bool *out)
{
    static const char *const yes[] = {"true", "True", "TRUE", NULL};
    static const char *const no[] = {"false", "False", "FALSE", NULL};
    if (n->kind == OW_YAML_SCALAR) {
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
    return ow_yaml_wrong_type(y, n, "a boolean (true or false)", key);
}

bool ow_yaml_looks_like_date(const char *s)
{
    return strlen(s) == 10 && s[4] == '-' && s[7] == '-';
}

ow_status ow_yaml_get_date(ow_yaml *y, const ow_yaml_node *n, const char *key, ow_date *out)
{
    if (n->kind != OW_YAML_SCALAR || ow_yaml_is_null(n))
        return ow_yaml_wrong_type(y, n, "a date (YYYY-MM-DD)", key);
    if (ow_date_parse(n->text, out))
        return OW_OK;
    if (ow_yaml_looks_like_date(n->text) &&
        (strncmp(n->text, "1900", 4) < 0 || strncmp(n->text, "2999", 4) > 0))
        return ow_yaml_fail(
            y, n->loc, "date \"%s\" for %s is out of range (expected a year from 1900 to 2999)",
            n->text, key);
    if (ow_yaml_looks_like_date(n->text))
        return ow_yaml_fail(y, n->loc,
                            "impossible date \"%s\" for %s (expected a real date, YYYY-MM-DD)",
                            n->text, key);
    return ow_yaml_wrong_type(y, n, "a date (YYYY-MM-DD)", key);
}
