/* stages.h: what the stages of the loader (the files of model/load/) share,
 * internal to model/.
 *
 * The loader is a pipeline, a file per stage (the public entry points,
 * ow_instance_load and ow_instance_override, are declared in orgwork/instance.h):
 *   document.c  YAML text -> a tree of nodes, each with its place (libyaml events)
 *   scalar.c    typed reading of nodes: keys of a mapping, text, numbers, dates
 *   calendar.c  the instance keys of the period: calendar, rooms, services
 *   bodies.c    the instance keys of the bodies: agendas, rules, objective
 *   resolve.c   the cross-references (after, joint_with, consecutive)
 *   load.c      the root of the file, the defaults, the entry points
 * Every error names file, line, column and what was expected (fail). */
#ifndef ORGWORK_MODEL_LOAD_STAGES_H
#define ORGWORK_MODEL_LOAD_STAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "../arena.h"
#include "orgwork/buf.h"
#include "orgwork/calendar.h"
#include "orgwork/error.h"
#include "orgwork/instance.h"

/* The functions below keep their short names inside model/load/ and bear the
 * ow_load_ prefix in the library, which exports no bare fail or field. */
#define fail             ow_load_fail
#define is_null          ow_load_is_null
#define out_of_memory    ow_load_out_of_memory
#define parse_tree       ow_load_parse_tree
#define copy_id          ow_load_copy_id
#define copy_text        ow_load_copy_text
#define expect_list      ow_load_expect_list
#define expect_map       ow_load_expect_map
#define field            ow_load_field
#define field_key        ow_load_field_key
#define get_bool         ow_load_get_bool
#define get_date         ow_load_get_date
#define get_duration     ow_load_get_duration
#define get_int          ow_load_get_int
#define looks_like_date  ow_load_looks_like_date
#define looks_numeric    ow_load_looks_numeric
#define read_fields      ow_load_read_fields
#define wrong_type       ow_load_wrong_type
#define get_working_day  ow_load_get_working_day
#define inside_window    ow_load_inside_window
#define load_calendar    ow_load_load_calendar
#define load_names       ow_load_load_names
#define load_services    ow_load_load_services
#define outside_calendar ow_load_outside_calendar
#define join             ow_load_join
#define load_bodies      ow_load_load_bodies
#define load_objective   ow_load_load_objective
#define load_rules       ow_load_load_rules
#define body_refs        ow_load_body_refs
#define resolve_after    ow_load_resolve_after
#define resolve_joint    ow_load_resolve_joint

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
#define MAX_KEYS       32 /* keys a mapping may have: the longest table's, checked */
/* A table of keys (NULL-ended) fits in a fields: said at compile time, after each. */
#define KEYS_FIT(table)                                                                            \
    _Static_assert(sizeof(table) / sizeof((table)[0]) <= MAX_KEYS + 1,                             \
                   #table " has more keys than MAX_KEYS")
/* How much of a value an error message quotes. */
#define QUOTE 60

typedef enum node_kind { NODE_SCALAR, NODE_MAP, NODE_SEQ } node_kind;

/* A node of the YAML tree (document.c): a scalar, a mapping or a list, with its place. */
typedef struct node {
    node_kind kind;
    const char *text; /* a scalar's value */
    size_t len;
    bool plain; /* a scalar written without quotes: only these can be null */
    ow_loc loc;
    size_t n; /* a list's entries; a mapping's keys and values alternate */
    struct node *first, *last, *next;
} node;

/* One load in progress: the text, the arenas, and the context errors name. */
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
    bool event;          /* item names an event ("event panel-1") */
    const node ***joint; /* per body, per item: its joint_with list, resolved last */
    const node ***after; /* per body, per item: its after list; items of other bodies
                          * in it are resolved last */
    /* For the other files read with this loader (model/workplan/); NULL in an
     * instance: */
    const char *expected; /* an empty file's: "a mapping starting with workplan: 1" */
    const char *what;     /* one per file: "workplan" */
    const char *where;    /* error context: "topic T01" */
} loader;

/* A mapping's values by the keys it may hold (scalar.c read_fields). */
typedef struct fields {
    const char *const *allowed;
    const node *map;
    const node *key[MAX_KEYS];
    const node *value[MAX_KEYS];
} fields;

/* ---- document.c: the YAML text to a tree; errors at a node's place */
ow_status fail(loader *ld, ow_loc loc, const char *fmt, ...) PRINTF_LIKE(3, 4);
ow_status out_of_memory(loader *ld);
bool is_null(const node *n);
ow_status parse_tree(loader *ld, node **root);

/* ---- scalar.c: typed reading of nodes */
ow_status wrong_type(loader *ld, const node *n, const char *expected, const char *key);
ow_status expect_map(loader *ld, const node *n, const char *key);
ow_status expect_list(loader *ld, const node *n, const char *key, size_t max);
ow_status read_fields(loader *ld, const node *map, const char *what, const char *key,
                      const char *const *allowed, fields *f);
const node *field(const fields *f, const char *key);
const node *field_key(const fields *f, const char *key);
ow_status copy_text(loader *ld, const node *n, const char *key, size_t max, const char **out);
ow_status copy_id(loader *ld, const node *n, const char *key, const char **out);
bool looks_numeric(const char *s);
ow_status get_int(loader *ld, const node *n, const char *key, long min, long max, int *out);
ow_status get_bool(loader *ld, const node *n, const char *key, bool *out);
bool looks_like_date(const char *s);
ow_status get_date(loader *ld, const node *n, const char *key, ow_date *out);
ow_status get_duration(loader *ld, const node *n, const char *key, int *out);
void join(char *out, size_t size, const char *const *names, size_t n, size_t stride);

/* ---- calendar.c: calendar, rooms, services */
ow_status outside_calendar(loader *ld, const node *n, const char *key);
ow_status get_working_day(loader *ld, const node *n, const char *key, int *out);
ow_status inside_window(loader *ld, const ow_body *body, const node *n, const char *key, int day);
ow_status load_calendar(loader *ld, const node *map);
ow_status load_names(loader *ld, const node *list, const char *key, size_t max, const char ***out,
                     size_t *n_out);
ow_status load_services(loader *ld, const node *map);

/* ---- resolve.c: cross-references */
ow_status resolve_after(loader *ld, ow_body *body, const node **after);
ow_status body_refs(loader *ld, const node *list, const char *key, size_t self, size_t **out,
                    size_t *n_out);
ow_status resolve_joint(loader *ld);
ow_status resolve_after_other(loader *ld);

/* ---- bodies.c: bodies, agendas, rules, objective */
ow_status load_rules(loader *ld, const node *list);
ow_status load_objective(loader *ld, const node *map);
ow_status load_bodies(loader *ld, const fields *top);

#endif
