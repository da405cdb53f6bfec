/* instance.h: the planner's world — one session period, its bodies and agendas.
 * An instance is read from a YAML file (SPEC §2) by ow_instance_load and owns
 * every string and array below; ow_instance_free releases it all at once. */
#ifndef ORGWORK_INSTANCE_H
#define ORGWORK_INSTANCE_H

#include <stdbool.h>
#include <stddef.h>

#include "orgwork/calendar.h"
#include "orgwork/error.h"

/* Limits: growth has caps; past them the loader refuses with a clear message. */
#define OW_MAX_FILE_BYTES (4u << 20) /* instance file size */
#define OW_MAX_DEPTH      32         /* YAML nesting depth */
#define OW_MAX_BODIES     500
#define OW_MAX_ITEMS      200 /* agenda items (counting sub-items) per body */
#define OW_MAX_DAYS       600 /* working days in a calendar */
#define OW_MAX_SLOTS      8   /* meeting slots a day */
#define OW_MAX_ROOMS      50
#define OW_MAX_TEXT       4000 /* bytes in a title or documentation text */
#define OW_MAX_ID         64   /* bytes in an id */

/* item.meeting values besides a positive k. */
#define OW_MEETING_ANY  0
#define OW_MEETING_LAST (-1)

typedef enum ow_pin_kind {
    OW_PIN_NONE = 0,
    OW_PIN_MEETING, /* pin: {meeting: k} */
    OW_PIN_SLOT     /* pin: {date: D, slot: "HH:MM-HH:MM"} */
} ow_pin_kind;

/* An item of another body, named in `after` ("DC:3", {body: DC, item: 3}). */
typedef struct ow_item_ref {
    size_t body; /* index into instance bodies */
    size_t item; /* index into that body's items */
    ow_loc loc;  /* where the reference was written */
} ow_item_ref;

typedef struct ow_item {
    const char *id;    /* canonical id: "2", "1(a)" */
    const char *label; /* as shown in the annex: "2", "1 (a)" */
    const char *title;
    const char *parent_title; /* for a sub-item, the title of its item; else NULL */
    int minutes;              /* estimated duration, > 0 (a range's lower end) */
    int min_minutes;          /* least minutes it may take (= minutes unless flexible) */
    int max_minutes;          /* most minutes it may take (= minutes unless flexible) */
    bool has_estimate;        /* false for a range (`2h..4h`): no deviation counted */
    bool split;               /* may run over several meetings (default true) */
    int min_part;             /* smallest piece in one meeting, minutes; 0 = none */
    bool first;               /* first thing the body does in the session */
    bool last;                /* last thing the body does in the session */
    int meeting;              /* OW_MEETING_ANY, OW_MEETING_LAST, or k >= 1 */
    int day;                  /* 0 = any; k >= 1: the k-th working day of the body's session */
    bool has_day_date;
    ow_date day_date; /* when has_day_date: the item is taken on that date */
    bool day_last;    /* `day: last`: taken on the day of the body's last meeting */
    int day_from;     /* `not_before_day: k`: not before day k of the session; 0 = none */
    int day_to;       /* `not_after_day: k`: not after day k of the session; 0 = none */
    size_t n_after;
    size_t *after; /* indices into the body's items it must follow */
    size_t n_after_other;
    ow_item_ref *after_other; /* items of other bodies it must follow: it begins in a
                               * later slot than the one in which each of them ends */
    size_t n_joint;
    size_t *joint_with;        /* indices of other bodies attending (issue: multi-body) */
    const char *documentation; /* may be NULL */
    ow_pin_kind pin;
    int pin_meeting;     /* OW_PIN_MEETING */
    int pin_day;         /* OW_PIN_SLOT: index into calendar.days */
    int pin_slot;        /* OW_PIN_SLOT: index into calendar.slots */
    ow_loc loc;          /* where the item's mapping starts */
    ow_loc duration_loc; /* where its duration was given (or loc) */

    /* Agenda entries beyond a numbered item (docs/formats.md). */
    bool event; /* an event (a panel, a ceremony), not a numbered agenda item: id names
                 * it, and the annex prints no item number */
    bool alone; /* `alone: true`: its meetings hold nothing else */
    size_t n_together;
    const char **together; /* `together: [3]`: the ids of the items considered with it,
                            * one block: label "2 and 3", the titles joined, the
                            * durations summed (the agenda lists no item for them) */
} ow_item;

/* A slot of one working day, or the whole day: a body's `not_during` and `reserved`. */
typedef struct ow_when {
    int day;  /* index into calendar.days */
    int slot; /* index into calendar.slots; -1: every slot of the day */
    ow_loc loc;
} ow_when;

typedef struct ow_body {
    const char *id;
    const char *name;
    const char *session;  /* may be NULL */
    int meetings;         /* conference-service limit; 0 = every slot in its window */
    int meetings_per_day; /* 0 = no cap */
    int window_from;      /* index into calendar.days, inclusive */
    int window_to;        /* index into calendar.days, inclusive */
    bool has_window;      /* a window was given (else the whole calendar) */
    bool interpretation;  /* default true */
    bool plenary;         /* its meetings are plenary meetings (`plenary:`, else
                           * ow_name_holds_plenaries of its name) */
    int room;             /* index into rooms, or -1: any room */
    bool order_free;      /* `order: free` */
    bool held_all;        /* `held: all`: exactly its meetings are held, each with an item */
    int flex;             /* `flex: P%`: default tolerance of its items' estimates; 0 none */
    bool has_pin_from;
    int pin_from; /* index into calendar.days where the body must start */
    size_t n_slot_times;
    ow_slot *slot_times; /* `slots`: the body meets only at these times; none: at any */
    size_t n_not_during;
    ow_when *not_during; /* `not_during`: the body holds no meeting then */
    size_t n_only_during;
    ow_when *only_during; /* `only_during`: the body meets only then; none: any time */
    size_t n_reserved;
    ow_when *reserved; /* `reserved`: no other body meets then */
    size_t n_kept_out;
    ow_when *kept_out; /* the other bodies' `reserved`, gathered when the file is read */
    size_t n_items;
    ow_item *items; /* agenda order, sub-items flattened in place of their item (after
                     * the item itself when it has a duration of its own) */
    ow_loc loc;
    ow_loc meetings_loc; /* where `meetings` was given (or loc) */
} ow_body;

/* The slots of some days instead of the calendar's `slots`: `slots_on` (a date) or
 * `slots_by_weekday` (a weekday). */
typedef struct ow_day_slots {
    int weekday;  /* 0 = Monday … 6 = Sunday; -1: the entry is for `date` */
    ow_date date; /* when weekday < 0 */
    size_t n_slots;
    ow_slot slots[OW_MAX_SLOTS]; /* in time order, not overlapping */
    ow_loc loc;
} ow_day_slots;

typedef struct ow_calendar {
    ow_date start;
    int n_days;            /* working days in the window */
    ow_date *days;         /* the working days, in order */
    unsigned weekday_mask; /* 1 << weekday, 0 = Monday */
    size_t n_holidays;
    ow_date *holidays;
    size_t n_slots;          /* the most slots a day has: a global slot is day × n_slots + slot */
    ow_slot *slots;          /* `slots`, the regular day's slots, in time order, not
                              * overlapping (n_slots of them without day_slots; else
                              * n_regular, and the array is n_slots long) */
    size_t n_regular;        /* with day_slots: how many `slots` holds */
    size_t n_day_slots;      /* `slots_on` and `slots_by_weekday` entries; 0: none */
    ow_day_slots *day_slots; /* dates first, then weekdays */
    int standard_slot;       /* minutes of the first slot of `slots`: the "standard slot length" */
    const char *timezone;    /* IANA name of the venue's time zone; NULL: the default,
                              * OW_DEFAULT_TIMEZONE (orgwork/timezone.h) */
    ow_loc loc;
} ow_calendar;

typedef struct ow_rule {
    size_t n_bodies;
    size_t *bodies; /* `consecutive: [A, B, ...]`: indices, in order */
    ow_loc loc;
} ow_rule;

/* Objective weights (SPEC §3); defaults in docs/model.md. */
typedef struct ow_weights {
    int continued;  /* per "(continued)" piece */
    int meetings;   /* per meeting held */
    int days;       /* per day on which a body meets */
    int late_start; /* per item that does not start at the start of a meeting */
    int deviation;  /* per minute an item takes more or less than its estimate */
} ow_weights;

#define OW_WEIGHT_CONTINUED  10
#define OW_WEIGHT_MEETINGS   2
#define OW_WEIGHT_DAYS       4
#define OW_WEIGHT_LATE_START 1
#define OW_WEIGHT_DEVIATION  1

typedef struct ow_instance {
    const char *path;  /* the file it was read from, as given */
    const char *title; /* may be NULL */
    bool has_issued;
    ow_date issued; /* `issued:`, else the calendar's start (ICS DTSTAMP) */
    ow_calendar calendar;
    size_t n_rooms;
    const char **rooms;
    size_t n_languages;
    const char **languages;
    int interpretation_teams;
    size_t n_bodies;
    ow_body *bodies;
    size_t n_rules;
    ow_rule *rules;
    ow_weights weights;
    struct ow_arena *arena; /* owns everything above */
} ow_instance;

/* Reads and validates the instance file at path.  On success sets *out (free with
 * ow_instance_free).  On failure returns OW_INPUT with err naming file, line,
 * column and what was expected, and leaves *out untouched. */
ow_status ow_instance_load(const char *path, ow_instance **out, ow_error *err);

/* Same from memory; name is used in error messages as the file name. */
ow_status ow_instance_load_string(const char *name, const char *text, size_t len, ow_instance **out,
                                  ow_error *err);

void ow_instance_free(ow_instance *inst);

/* What-if overrides (`--days N`, `--meetings N`): days > 0 makes the calendar
 * that many working days from its start (windows past the new end are clipped;
 * a window that starts past it is an OW_INPUT error); meetings > 0 sets every
 * body's `meetings`.  0 leaves a setting as it is. */
ow_status ow_instance_override(ow_instance *inst, int days, int meetings, ow_error *err);

/* Index of the body with that id, or -1. */
int ow_instance_find_body(const ow_instance *inst, const char *id);

/* Index of the item with that id in body b, or -1.  Accepts "1(a)", "1 (a)",
 * "1a" for a sub-item; an item considered together with another gives that block's
 * index. */
int ow_body_find_item(const ow_body *body, const char *id);

/* The default of a body's `plenary`: false when its name says it is a committee,
 * a drafting group or an informal meeting ("Committee of the Whole", "Drafting
 * Committee", "informal consultations"), whose meetings are not plenary; true
 * otherwise (a conference, a working group of the whole). */
bool ow_name_holds_plenaries(const char *name);

/* The slots of working day `day` (an index into days), in time order: its
 * `slots_on` entry, else its weekday's `slots_by_weekday`, else `slots`.  Sets *n;
 * slot index s of that day is the global slot day × n_slots + s (s < *n). */
const ow_slot *ow_calendar_day_slots(const ow_calendar *cal, int day, size_t *n);

/* Minutes of the longest slot of any day of the calendar (what one meeting can hold
 * at most). */
int ow_calendar_longest_slot(const ow_calendar *cal);

/* Whether the body may meet in slot `slot` of working day `day` by its `slots`,
 * `not_during` and the other bodies' `reserved` (kept_out), its window and pins
 * aside. */
bool ow_body_may_meet(const ow_calendar *cal, const ow_body *body, int day, int slot);

/* Whether some slot of the calendar is closed to the body: days with slots of
 * their own, its `slots`, `not_during`, `only_during`, or another body's
 * `reserved`.  When not, it may meet in every slot of every day. */
bool ow_body_slots_limited(const ow_instance *inst, const ow_body *body);

/* The most meetings the body may hold on one day of its window: the slots it may
 * meet in that day (ow_body_may_meet), capped by meetings_per_day. */
int ow_body_meetings_a_day(const ow_instance *inst, const ow_body *body);

/* The least agenda minutes of a body (its estimates, or less where they are
 * flexible). */
int ow_body_total_minutes(const ow_body *body);

/* Meetings the body may hold at most: `meetings`, or every slot of its window that
 * it may meet in (after meetings_per_day). */
int ow_body_max_meetings(const ow_instance *inst, const ow_body *body);

#endif
