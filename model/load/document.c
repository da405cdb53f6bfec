/* document.c: the YAML text to a tree of nodes.
 *
 * libyaml's events are first turned into a small tree of our own, so that aliases,
 * anchors and deep nesting are refused before anything else looks at the data (an
 * alias can make a tiny file expand without bound), and so that every node keeps
 * the place it came from.  Errors name file, line and column (fail). */
#include "stages.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

ow_status fail(loader *ld, ow_loc loc, const char *fmt, ...)
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
        ow_error_context(ld->err, "in body %s, %s %s", ld->body,
                         ld->event ? "event" : "agenda item", ld->item);
    else if (body)
        ow_error_context(ld->err, "in body %s", ld->body);
    else if (ld->where != NULL)
        ow_error_context(ld->err, "in %s", ld->where);
    return OW_INPUT;
}

ow_status out_of_memory(loader *ld)
{
    const ow_loc none = {0, 0};
    return ow_error_set(ld->err, OW_INTERNAL, ld->name, none, "out of memory");
}

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
    /* A mapping's keys and values alternate: readers step two nodes at a time. */
    assert(n->kind != NODE_MAP || n->n % 2 == 0);
    *out = n;
done:
    yaml_event_delete(&child);
    yaml_event_delete(ev);
    return rc;
}

bool is_null(const node *n)
{
    return n->kind == NODE_SCALAR && n->plain &&
           (n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
            strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0);
}

ow_status parse_tree(loader *ld, node **root)
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
        rc = fail(ld, none, "the file is empty (expected %s)",
                  ld->expected ? ld->expected : "a mapping starting with orgwork: 1");
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
        rc = fail(ld, mark_loc(ev.start_mark), "a second YAML document (expected one %s per file)",
                  ld->what ? ld->what : "instance");
        goto done;
    }
    if (is_null(r)) {
        rc = fail(ld, none, "the file is empty (expected %s)",
                  ld->expected ? ld->expected : "a mapping starting with orgwork: 1");
        goto done;
    }
    *root = r;
done:
    yaml_event_delete(&ev);
    yaml_parser_delete(&p);
    return rc;
}
