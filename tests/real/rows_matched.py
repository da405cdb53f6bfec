#!/usr/bin/env python3
"""How many rows of a published organization of work a schedule reproduces.

Usage: rows_matched.py EXPECTED SCHEDULE.csv [--list]

EXPECTED (tests/real/*.expected) holds the published table, one row a line:
    DATE<TAB>TIME<TAB>BODY<TAB>ITEM<TAB>published title
DATE is YYYY-MM-DD; TIME the start of the meeting as published (HH:MM), or
"morning", "afternoon" or "evening" where the document gives no hour (matched by a
meeting that starts before 12:00, from 12:00 to 17:59, from 18:00), or another word
("after plenary"), which no meeting matches; BODY the id the instance gives
the body that holds the row; ITEM the agenda item as published, "-" for a row that
is no agenda item (a registration, a panel, a drafting committee).  Lines starting
with "#" are comments.

SCHEDULE.csv is `orgwork solve FILE --format csv`.  A published row is matched when
the schedule has a row of the same body with the same item on that date in a meeting
that starts at that time, or in that part of the day (each schedule row matches one
published row at most).  The
title and the order of rows inside a meeting are not compared.  Item labels are
compared after writing a sub-item "4 (a)" as "4.a", so that the FAO style "16.1"
and orgwork's "16 (1)" name the same item, and "II & III" as "II and III"; an
event's row (no item number) is "-".  A block of items considered together ("6 (a)
and 6 (b)") also matches published rows of its items one by one.

Prints "matched X of Y rows"; --list also prints each published row that is not
matched.  Exit 0, or 2 on unreadable input."""
import csv
import re
import sys
from collections import Counter


def fail(message):
    print("rows_matched.py: " + message, file=sys.stderr)
    sys.exit(2)


def norm(label):
    """One spelling of a label: "4 (a)" is "4.a", "II & III" is "II and III", and
    an event's row (no item number) is "-"."""
    label = label.strip().replace(" & ", " and ")
    if not label:
        return "-"
    m = re.fullmatch(r"(\S+) \((\S+)\)", label)
    return m.group(1) + "." + m.group(2) if m else label


def parts(label):
    """The items of a block of items considered together ("2 and 3", "4, 5 and 6"),
    or none."""
    if " and " not in label:
        return []
    head, last = label.rsplit(" and ", 1)
    return [norm(p) for p in head.split(", ")] + [norm(last)]


PARTS = {"morning": ("00:00", "11:59"), "afternoon": ("12:00", "17:59"),
         "evening": ("18:00", "23:59")}


def take(have, row):
    """Takes a schedule row for the published row, if there is one left."""
    date, time, body, item = row
    if time in PARTS:
        lo, hi = PARTS[time]
        keys = sorted(k for k in have if have[k] > 0 and k[0] == date and k[2] == body
                      and k[3] == item and lo <= k[1] <= hi)
        row = keys[0] if keys else None
    if row is None or have[row] <= 0:
        return False
    have[row] -= 1
    return True


def expected_rows(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) < 4:
                fail(f"{path}:{n}: expected DATE, TIME, BODY, ITEM separated by tabs")
            rows.append((cells[0], cells[1], cells[2], norm(cells[3])))
    return rows


def schedule_rows(path):
    """The schedule's rows; a block of items considered together also stands for
    each of its items, for a timetable that lists them on lines of their own."""
    have = Counter()
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            key = (r["date"], r["start"], r["body"])
            label = norm(r["item"])
            have[key + (label,)] += 1
            for part in parts(label):
                have[key + (part,)] += 1
    return have


def main(argv):
    if len(argv) < 3:
        fail("usage: rows_matched.py EXPECTED SCHEDULE.csv [--list]")
    try:
        want = expected_rows(argv[1])
        have = schedule_rows(argv[2])
    except (OSError, UnicodeDecodeError, KeyError, csv.Error) as e:
        fail(f"cannot read {e}")
    matched, missing = 0, []
    for row in want:
        if take(have, row):
            matched += 1
        else:
            missing.append(row)
    print(f"matched {matched} of {len(want)} rows")
    if "--list" in argv[3:]:
        for row in missing:
            print("  not matched: " + "\t".join(row))


if __name__ == "__main__":
    main(sys.argv)
