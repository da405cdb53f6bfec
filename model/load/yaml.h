/* yaml.h: what model/'s YAML loaders share — the file read into a tree of nodes that
 * keep their line and column, and typed reading of nodes into errors that name
 * file:line:column and what was expected.  Internal to model/: libyaml stays out of
 * the public headers. */
#ifndef ORGWORK_MODEL_LOAD_YAML_H
#define ORGWORK_MODEL_LOAD_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include "orgwork/arena.h"
#include "orgwork/calendar.h"
#include "orgwork/error.h"

#if defined(__GNUC__)
#define OW_YAML_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define OW_YAML_PRINTF(f, a)
#endif

/* How much of a value an error message quotes. */
#define QUOTE 60
/* Keys a mapping of any schema may have. */
#define OW_YAML_MAX_KEYS 16

typedef enum ow_yaml_kind { OW_YAML_SCALAR, OW_YAML_MAP, OW_YAML_SEQ } ow_yaml_kind;

typedef struct ow_yaml_node {
    ow_yaml_kind kind;
    const char *text; /* a scalar's value */
    size_t len;
    bool plain; /* a scalar written without quotes: only these can be null */
    ow_loc loc;
    size_t n; /* a list's entries; a mapping's keys and values alternate */
    struct ow_yaml_node *first, *last, *next;
} ow_yaml_node;

/* One reading of one file.  The caller fills name, text, len, err, the two arenas
 * and the words of its schema; context, when set, adds "(in ...)" to each error. */
typedef struct ow_yaml {
    const char *name;
    const char *text;
    size_t len;
    ow_arena *tree;  /* the YAML tree and scratch; dies with the load */
    ow_arena *arena; /* what the loader builds (copied strings go here) */
    ow_error *err;
    const char *expected; /* an empty file's message: "a mapping starting with orgwork: 1" */
    const char *what;     /* "instance": "expected one instance per file" */
    void (*context)(void *owner, ow_error *err);
    void *owner;
} ow_yaml;

/* A mapping's values filed under its keys (see ow_yaml_read_fields). */
typedef struct ow_yaml_fields {
    const char *const *allowed;
    const ow_yaml_node *map;
    const ow_yaml_node *key[OW_YAML_MAX_KEYS];
    const ow_yaml_node *value[OW_YAML_MAX_KEYS];
} ow_yaml_fields;

/* Sets an OW_INPUT error at loc (with the loader's context) and returns OW_INPUT. */
ow_status ow_yaml_fail(ow_yaml *y, ow_loc loc, const char *fmt, ...) OW_YAML_PRINTF(3, 4);
ow_status ow_yaml_out_of_memory(ow_yaml *y);

/* Parses y->text into a tree in y->tree: one document, no anchors or aliases, at
 * most OW_MAX_DEPTH levels, not empty. */
ow_status ow_yaml_parse(ow_yaml *y, ow_yaml_node **root);

/* An unquoted empty value, ~ or null. */
bool ow_yaml_is_null(const ow_yaml_node *n);
/* "a mapping", "a list", "nothing" or "a scalar", for messages. */
const char *ow_yaml_kind_name(const ow_yaml_node *n);

/* "expected <expected> for <key>, found ..." */
ow_status ow_yaml_wrong_type(ow_yaml *y, const ow_yaml_node *n, const char *expected,
                             const char *key);
ow_status ow_yaml_expect_map(ow_yaml *y, const ow_yaml_node *n, const char *key);
/* A list, with at most max entries. */
ow_status ow_yaml_expect_list(ow_yaml *y, const ow_yaml_node *n, const char *key, size_t max);

/* Checks a mapping's keys against allowed (NULL-ended, at most OW_YAML_MAX_KEYS):
 * an unknown key lists the allowed ones, a key given twice names the first's line. */
ow_status ow_yaml_read_fields(ow_yaml *y, const ow_yaml_node *map, const char *what,
                              const char *key, const char *const *allowed, ow_yaml_fields *f);
/* The value (or key node) given for key, or NULL. */
const ow_yaml_node *ow_yaml_field(const ow_yaml_fields *f, const char *key);
const ow_yaml_node *ow_yaml_field_key(const ow_yaml_fields *f, const char *key);

/* Non-blank text of at most max bytes, copied into y->arena. */
ow_status ow_yaml_copy_text(ow_yaml *y, const ow_yaml_node *n, const char *key, size_t max,
                            const char **out);
/* An id: non-empty text without spaces or parentheses, at most OW_MAX_ID bytes. */
ow_status ow_yaml_copy_id(ow_yaml *y, const ow_yaml_node *n, const char *key, const char **out);
ow_status ow_yaml_get_int(ow_yaml *y, const ow_yaml_node *n, const char *key, long min, long max,
                          int *out);
/* true or false (True, TRUE, False, FALSE); never yes/no. */
ow_status ow_yaml_get_bool(ow_yaml *y, const ow_yaml_node *n, const char *key, bool *out);
/* YYYY-MM-DD, a real date, years 1900 to 2999. */
ow_status ow_yaml_get_date(ow_yaml *y, const ow_yaml_node *n, const char *key, ow_date *out);

/* Decimal digits with an optional sign. */
bool ow_yaml_looks_numeric(const char *s);
/* The shape NNNN-NN-NN. */
bool ow_yaml_looks_like_date(const char *s);

#endif
