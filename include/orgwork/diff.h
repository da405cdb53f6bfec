/* diff.h: what moved between two JSON schedules (SPEC §4), in words, for `orgwork diff`. */
#ifndef ORGWORK_DIFF_H
#define ORGWORK_DIFF_H

#include <stddef.h>

#include "orgwork/buf.h"
#include "orgwork/error.h"

#define OW_DIFF_MAX_BYTES  (16u << 20) /* size of each schedule file */
#define OW_DIFF_MAX_PIECES 100000      /* item pieces in each schedule */

/* Compares schedule A with schedule B, working from the JSON alone (no instance).
 * Agenda items are matched by body id and item id, never by position; an item's
 * placement is the chronological list of its meetings (date, start, end, room).
 * Appends one line per change to *out, e.g.
 *   "WG.7: item 3 moves from Thursday, 11 July 2024, 3–6 p.m.
 *    to Friday, 12 July 2024, 10 a.m.–1 p.m."   (one line)
 *   "WG.7: item 2 now runs over 3 meetings (was 2): …"
 *   "WG.7: item 2 moves to <its meetings in B> (was <in A>)"   (two or more meetings)
 *   "WG.7: item 4 moves to Board Room D (was Plenary)"
 *   "WG.7: item 3 changes rooms: <its meetings in B, each with its room>"
 *   "WG.7: item 2 keeps its meetings, with different minutes"
 *   "WG.7: item 1 (a) is new" / "WG.7: item 5 is no longer scheduled"
 *   "body WG.9 is new" / "body WG.9 is no longer scheduled"
 * bodies in A's order then those only in B, items in order of first appearance in
 * A then those only in B, and a last line "N changes." (or only "No item moved.").
 * Sets *n_changes (may be NULL) to the number of change lines.  *out and
 * *n_changes are touched only on success.  Errors are OW_INPUT: a syntax error at
 * the file's line and column, a wrong shape naming the JSON path
 * ("bodies[0].meetings[2].items[1].item: expected a string such as \"1(a)\""). */
ow_status ow_diff_strings(const char *a_name, const char *a, size_t a_len, const char *b_name,
                          const char *b, size_t b_len, ow_buf *out, int *n_changes, ow_error *err);

/* As ow_diff_strings, reading both files (at most OW_DIFF_MAX_BYTES each). */
ow_status ow_diff_files(const char *a_path, const char *b_path, ow_buf *out, int *n_changes,
                        ow_error *err);

#endif
