/* workplan.h: a body's workplan — which topics its future sessions take up.  The
 * workplan file (docs/formats.md, "Workplan files") lists topics, clusters, future
 * sessions and rules; a plan places topics in sessions.  The solver (solver/
 * workplan.c) finds the best plan; the checker here verifies any plan without it. */
#ifndef ORGWORK_WORKPLAN_H
#define ORGWORK_WORKPLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "orgwork/buf.h"
#include "orgwork/calendar.h"
#include "orgwork/error.h"
#include "orgwork/render.h"
#include "orgwork/schedule.h"

#define OW_WP_MAX_TOPICS      1000
#define OW_WP_MAX_CLUSTERS    100
#define OW_WP_MAX_SESSIONS    100
#define OW_WP_MAX_RULES       200
#define OW_WP_MAX_RULE_TOPICS 20 /* topics in a together or apart rule */
#define OW_WP_MAX_PER_SESSION 10 /* substantive topics a session can take */

/* Whether the body has addressed a topic since it was proposed. */
typedef enum ow_wp_status { OW_WP_NO = 0, OW_WP_PARTLY, OW_WP_YES } ow_wp_status;

/* "no", "partly", "yes". */
const char *ow_wp_status_name(ow_wp_status s);

typedef enum ow_wp_source { OW_WP_RECOMMENDATION = 0, OW_WP_RESOLUTION } ow_wp_source;

typedef struct ow_wp_cluster {
    const char *id;
    const char *title;
    bool shared; /* two of its topics may share a session */
    ow_loc loc;
} ow_wp_cluster;

typedef struct ow_wp_topic {
    const char *id;
    const char *title;
    size_t cluster;          /* index into clusters */
    int proposed;            /* year first proposed */
    const char *proposed_by; /* "sixth session (2019)" */
    ow_wp_status status;
    const char *addressed_by; /* the session that addressed it; NULL with status no */
    int addressed;            /* its year; 0 when none */
    ow_wp_source source;
    const char *reference; /* "resolution 5/3, operative paragraph 4"; may be NULL */
    ow_loc loc;
} ow_wp_topic;

typedef struct ow_wp_session {
    const char *id;   /* "11" */
    const char *name; /* "eleventh session"; may be NULL */
    int year;
    bool has_dates;
    ow_date from, to;
    int capacity;   /* substantive topics it can take */
    size_t n_fixed; /* topics already fixed for it */
    size_t *fixed;
    ow_loc loc;
} ow_wp_session;

typedef enum ow_wp_rule_kind {
    OW_WP_TOGETHER = 0, /* the topics go to one session (or all stay out) */
    OW_WP_APART,        /* no two of the topics share a session */
    OW_WP_NOT_BEFORE    /* the topic goes to no session before year */
} ow_wp_rule_kind;

typedef struct ow_wp_rule {
    ow_wp_rule_kind kind;
    size_t n_topics;
    size_t *topics;
    int year; /* not_before */
    ow_loc loc;
} ow_wp_rule;

typedef struct ow_workplan {
    const char *path;
    const char *title;
    const char *body_id;   /* the body whose sessions these are ("WG.7") */
    const char *body_name; /* "Working Group on the Smuggling of Migrants" */
    const char *review;    /* title of the review-mechanism item, or NULL */
    bool shared_clusters;  /* every cluster may put two topics in a session */
    size_t n_clusters, n_topics, n_sessions, n_rules;
    ow_wp_cluster *clusters;
    ow_wp_topic *topics;
    ow_wp_session *sessions;
    ow_wp_rule *rules;
    struct ow_arena *arena;
} ow_workplan;

/* Reads a workplan file; errors are OW_INPUT naming file:line:column and what was
 * expected (the same reader as instance files). */
ow_status ow_workplan_load(const char *path, ow_workplan **out, ow_error *err);
ow_status ow_workplan_load_string(const char *name, const char *text, size_t len, ow_workplan **out,
                                  ow_error *err);
void ow_workplan_free(ow_workplan *wp);

/* Index of the topic or session with that id, or -1. */
int ow_workplan_find_topic(const ow_workplan *wp, const char *id);

/* Keeps the first n sessions and appends sessions after the last, one a year, each
 * taking `capacity` topics (0: as the last listed), until there are n; with
 * capacity > 0 every session takes that many (or as many as are fixed for it, if
 * more).  For what-if sweeps. */
ow_status ow_workplan_resize(ow_workplan *wp, size_t n, int capacity, ow_error *err);

/* True when the session may take the topic: open (status no or partly) and not
 * held back by a not_before rule. */
bool ow_workplan_allowed(const ow_workplan *wp, size_t topic, size_t session);

/* A plan: for each topic, the session it goes to, or -1. */
typedef struct ow_wp_plan {
    ow_solve_status status;
    long objective; /* docs/model.md, "Workplan" */
    double gap;
    double seconds;
    int *session; /* n_topics entries */
    size_t n_topics;
    int needed;          /* sessions that would take every open topic (0: all fit; -1: unknown) */
    ow_stop_reason stop; /* why the search ended (OW_STOP_NONE: read back, not said) */
} ow_wp_plan;

ow_status ow_wp_plan_init(ow_wp_plan *plan, const ow_workplan *wp, ow_error *err);
void ow_wp_plan_free(ow_wp_plan *plan);

/* The objective's weights (docs/model.md, "Workplan").  A topic's priority is
 * 1 + its age: the years between its proposal and the newest proposal of the file,
 * at most OW_WP_MAX_AGE; older proposals weigh more. */
#define OW_WP_W_OPEN       100000 /* an open topic (status no) left out ... */
#define OW_WP_W_OPEN_AGE   100    /* ... plus this times its priority */
#define OW_WP_W_PARTLY     10000  /* a partly addressed topic left out ... */
#define OW_WP_W_PARTLY_AGE 10     /* ... plus this times its priority */
#define OW_WP_W_SHARED     200    /* a second topic of one cluster in a session (where allowed) */
#define OW_WP_W_REPEAT     50     /* a cluster in two consecutive sessions */
#define OW_WP_MAX_AGE      99     /* lateness: priority times the session's index (0, 1, ...) */

int ow_wp_priority(const ow_workplan *wp, size_t topic);

/* The plan's objective, recomputed from the plan alone with the documented weights
 * (docs/model.md, "Workplan"). */
typedef struct ow_wp_terms {
    int open_left, partly_left, partly_placed, repeats, shared;
    long lateness;
    long total;
} ow_wp_terms;
void ow_wp_objective(const ow_workplan *wp, const ow_wp_plan *plan, ow_wp_terms *out);

/* Reads a plan as `orgwork workplan --format json` writes it (or by hand, in YAML or
 * JSON): sessions by id, each with its topics by id.  Errors name file:line:column. */
ow_status ow_wp_plan_read(const ow_workplan *wp, const char *path, ow_wp_plan *plan, ow_error *err);

/* The checker: every broken rule of a plan, one sentence each.  complete: also
 * require every open topic placed when the sessions have room for it. */
typedef struct ow_wp_violation {
    char rule[24];
    char message[512];
} ow_wp_violation;

typedef struct ow_wp_check_report {
    size_t n_violations;
    ow_wp_violation *violations; /* malloc'ed */
    ow_wp_terms objective;
} ow_wp_check_report;

ow_status ow_wp_check(const ow_workplan *wp, const ow_wp_plan *plan, bool complete,
                      ow_wp_check_report *report, ow_error *err);
void ow_wp_check_report_free(ow_wp_check_report *report);
void ow_wp_check_report_text(const ow_wp_check_report *report, ow_buf *out);

/* Renders the workplan table session by session: md, html, csv or json (other
 * formats are OW_INPUT).  Same input, same bytes. */
ow_status ow_wp_render(const ow_workplan *wp, const ow_wp_plan *plan, ow_format format,
                       bool timings, ow_buf *out, ow_error *err);

/* The provisional agenda of session s as an instance file (docs/formats.md) that
 * `orgwork solve` reads: organizational items, the session's topics, the review
 * mechanism where the body has one, other matters, adoption of the report. */
void ow_wp_agenda(const ow_workplan *wp, const ow_wp_plan *plan, size_t s, ow_buf *out);

/* One row of a what-if sweep over sessions and topics per session. */
typedef struct ow_wp_variant {
    int sessions, per_session;
    ow_solve_status status;
    int open_placed, open_left, partly_placed;
    long objective;
    ow_stop_reason stop; /* why its search ended */
} ow_wp_variant;

ow_status ow_wp_variants_render(const ow_wp_variant *v, size_t n, ow_format format, ow_buf *out,
                                ow_error *err);

/* ---- Solving (solver/workplan.c, in the solver library: model/ never links GLPK) -- */

typedef struct ow_wp_solve_options {
    double time_limit; /* seconds; <= 0: none */
    bool verbose;      /* GLPK's own output */
    double gap;        /* stop once the proven relative gap is at most this (0: prove) */
} ow_wp_solve_options;

/* Finds the best plan (docs/model.md, "Workplan") into *plan (init'ed here; free with
 * ow_wp_plan_free).  OW_OK: plan->status optimal, or feasible when the time limit
 * stopped the search.  OW_INFEASIBLE: the fixed topics and the rules contradict each
 * other; why gets one line per broken rule, naming the rule and the topics. */
ow_status ow_workplan_solve(const ow_workplan *wp, const ow_wp_solve_options *opts,
                            ow_wp_plan *plan, ow_buf *why, ow_error *err);

/* With open topics left out: how many sessions (the file's, then one a year as the
 * last) would take them all.  Sets *needed, or -1 when even OW_WP_MAX_SESSIONS would
 * not.  Reloads the file for each try. */
ow_status ow_workplan_needed(const char *path, const ow_wp_solve_options *opts, int *needed,
                             ow_error *err);

/* What-if: for sessions from..to and topics per session 1, 2 and 3 (or per_from..
 * per_to), solves each variant of the file.  *out: malloc'ed rows, per session
 * count outermost. */
ow_status ow_workplan_whatif(const char *path, int from, int to, int per_from, int per_to,
                             const ow_wp_solve_options *opts, ow_wp_variant **out, size_t *n,
                             ow_error *err);

#endif
