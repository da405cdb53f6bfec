/* schedule.h: a proposed organization of work — which meetings each body holds,
 * when and where, and which pieces of which items each meeting takes.  Produced by
 * the solver, read back from JSON for `orgwork check`, consumed by the renderers. */
#ifndef ORGWORK_SCHEDULE_H
#define ORGWORK_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

#include "orgwork/buf.h"
#include "orgwork/calendar.h"
#include "orgwork/error.h"
#include "orgwork/instance.h"

typedef enum ow_solve_status {
    OW_SOLVE_OPTIMAL = 0,
    OW_SOLVE_FEASIBLE, /* a limit stopped the search with a schedule in hand */
    OW_SOLVE_INFEASIBLE,
    OW_SOLVE_UNKNOWN /* a limit or Ctrl-C stopped the search before any schedule:
                      * nothing is proven */
} ow_solve_status;

/* "optimal", "feasible", "infeasible", "unknown". */
const char *ow_solve_status_name(ow_solve_status s);

/* True when the status comes with a schedule (optimal or feasible). */
bool ow_solve_status_has_schedule(ow_solve_status s);

/* Why the solver stopped (docs/output.md, `solver.stop`). */
typedef enum ow_stop_reason {
    OW_STOP_NONE = 0,    /* not said (a schedule read from a file that does not say) */
    OW_STOP_PROVEN,      /* the search is complete: optimal, or no schedule exists */
    OW_STOP_GAP,         /* the proven gap reached the gap asked for (--gap) */
    OW_STOP_TIME,        /* the time limit asked for (--time-limit) */
    OW_STOP_INTERRUPTED, /* Ctrl-C (a signal) */
    OW_STOP_DEFAULT,     /* the default time limit of `orgwork solve` */
    OW_STOP_PLANNED      /* no limit: a plan body by body whose every part is proven
                          * best in what the parts before it left, kept with its gap */
} ow_stop_reason;

/* "proven", "gap", "time", "interrupted", "default", "planned"; NULL for none. */
const char *ow_stop_reason_name(ow_stop_reason r);

/* The reason of a name ow_stop_reason_name gives; false for any other. */
bool ow_stop_reason_parse(const char *name, ow_stop_reason *out);

typedef struct ow_piece {
    size_t item;    /* index into the items of the body that owns the item */
    int minutes;    /* > 0 */
    bool continued; /* the item already had a piece in an earlier meeting */
    bool joint;     /* a joint item owned by another body (its `joint_with` lists
                     * this meeting's body): the meeting is that joint meeting */
    size_t owner;   /* when joint: index of the body whose agenda lists the item */
} ow_piece;

typedef struct ow_meeting {
    size_t body; /* index into instance bodies */
    int n;       /* 1-based number among the body's meetings */
    ow_date date;
    int day;        /* index into calendar.days, or -1 if date is not a working day */
    int slot;       /* index into calendar.slots, or -1 if start/end match none */
    int start, end; /* minutes since midnight */
    int room;       /* index into instance rooms, or -1 if unknown */
    size_t n_pieces;
    ow_piece *pieces; /* in the order they are taken */
} ow_meeting;

typedef struct ow_schedule {
    ow_solve_status status;
    double objective;     /* the reported objective (SPEC §3 weights; no tie-break) */
    bool objective_given; /* objective is a claim (JSON "objective", or the solver's):
                           * ow_check compares it with the rules' objective */
    double gap;           /* relative gap, 0 when optimal */
    double seconds;       /* solver time; shown only with --timings */
    ow_stop_reason stop;  /* why the solver stopped */
    const char *note;     /* ow_solve: NULL, or a sentence for the user (owned by the
                           * schedule): the body-by-body plan broke a rule and the
                           * whole program stands in (the answer holds; the planner in
                           * turn has a bug worth a report) */
    size_t n_meetings;
    ow_meeting *meetings;   /* sorted by body, then n */
    struct ow_arena *arena; /* owns the arrays above */
} ow_schedule;

/* The item a piece takes: from the meeting's body, or for a joint piece from its
 * owner's agenda. */
const ow_item *ow_piece_item(const ow_instance *inst, const ow_meeting *m, const ow_piece *p);

/* An empty schedule (free with ow_schedule_free), or NULL when out of memory. */
ow_schedule *ow_schedule_new(void);
void ow_schedule_free(ow_schedule *s);

/* Appends a meeting with room for n_pieces pieces (zeroed; fill them in) and returns
 * it, or NULL when out of memory.  Pointers into the schedule stay valid until the
 * next ow_schedule_add_meeting. */
ow_meeting *ow_schedule_add_meeting(ow_schedule *s, size_t n_pieces);

/* Sorts meetings by body, then by date and start time (then room and number), and
 * numbers each body's meetings 1, 2, … in that order. */
void ow_schedule_sort(ow_schedule *s);

/* The objective of a schedule under the instance's weights, computed from the
 * schedule alone (SPEC §3, docs/model.md): continued pieces, meetings held,
 * body-days used, items not starting at the start of a meeting, and minutes away
 * from flexible estimates. */
typedef struct ow_objective_terms {
    int continued;
    int meetings;
    int days;
    int late_starts;
    long deviation; /* minutes the items with a flexible estimate take more or less than it */
    bool flexible;  /* some item's duration is flexible (so deviation is a term) */
    long total;     /* the weighted sum */
} ow_objective_terms;

void ow_schedule_objective(const ow_instance *inst, const ow_schedule *s, ow_objective_terms *out);

/* Reads a schedule in the JSON of SPEC §4 (as `orgwork solve --format json` writes
 * it) and resolves its ids, dates, times and rooms against inst.  Unknown keys are
 * ignored; wrong types, unknown body or item ids and unparseable dates or times are
 * OW_INPUT errors naming file, line and column.  Dates outside the calendar and
 * times matching no slot are kept (day or slot -1) for the checker to report. */
ow_status ow_schedule_read_json(const ow_instance *inst, const char *path, ow_schedule **out,
                                ow_error *err);
/* The same for re-planning (`--keep`): items are matched by body and item id, and a
 * piece whose body or item the instance no longer has is left out and named, one
 * line each, in unmatched ("bodies[0].meetings[2].items[1]: item 5 of WG.7"), where
 * ow_schedule_read_json refuses the file. */
ow_status ow_schedule_read_json_matching(const ow_instance *inst, const char *path,
                                         ow_buf *unmatched, ow_schedule **out, ow_error *err);
ow_status ow_schedule_read_json_string_matching(const ow_instance *inst, const char *name,
                                                const char *text, size_t len, ow_buf *unmatched,
                                                ow_schedule **out, ow_error *err);
ow_status ow_schedule_read_json_string(const ow_instance *inst, const char *name, const char *text,
                                       size_t len, ow_schedule **out, ow_error *err);

#endif
