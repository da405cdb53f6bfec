/* order.h: the orders meetings are put in, named, internal to model/.
 *
 * Every order is chronological at heart (date, then start time) but they differ in
 * what comes before and after, and each is kept by some output: changing one
 * changes bytes.  Each comparator is for qsort; "position" is the meeting's place in
 * the schedule's array, so the last three are for arrays of pointers into one
 * schedule and never tie between two meetings.  (diff.c sorts pieces of items, by
 * item first, not meetings: its order is its own.) */
#ifndef ORGWORK_MODEL_ORDER_H
#define ORGWORK_MODEL_ORDER_H

#include "orgwork/schedule.h"

/* By date, then start time: the head of every order below.  Not a total order. */
int ow_order_time(const ow_meeting *x, const ow_meeting *y);

/* The schedule's order (ow_schedule_sort, and so the solver's and the JSON's): by
 * body, time, room, then number.  Sorts an array of ow_meeting. */
int ow_order_schedule(const void *a, const void *b);

/* The checker's order (check.c): by body, time, then position, so that a schedule
 * read from a file is ranked the same however the file lists it.  Sorts an array of
 * const ow_meeting * into one schedule. */
int ow_order_body_time(const void *a, const void *b);

/* The annex order (render/, one body's table): by time, number, then position.
 * Sorts an array of const ow_meeting * into one schedule. */
int ow_order_annex(const void *a, const void *b);

/* A room's rank in the timetable: the room's number, an unknown room (-1) last. */
int ow_order_room(int room);

/* The timetable order (render/overview.c, a cell after another): by time, end, room
 * (an unknown room last), body, number, then position.  Sorts an array of
 * const ow_meeting * into one schedule. */
int ow_order_timetable(const void *a, const void *b);

#endif
