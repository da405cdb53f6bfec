#!/usr/bin/env bash
# Events that are not agenda items (`event:` in an agenda): a keynote lecture sharing
# a meeting, a panel with meetings of its own (`alone: true`) on a given day, a joint
# special event and a closing ceremony. Their annex rows carry no item number in every
# format; the solver keeps `alone` in agenda and in free order; `check` names a
# meeting that breaks it; JSON marks event pieces and reads back through check,
# --keep and diff. The goldens are tests/golden/agenda/events.*.
# Usage: bash tests/cli/events.sh path/to/orgwork   (from the repository root)
#        UPDATE_GOLDEN=1 ... rewrites the goldens
set -u
bin=${1:?usage: events.sh ORGWORK_BINARY}
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
in=tests/data/events.yaml

for fmt in md text csv json html ics svg; do
    golden=tests/golden/agenda/events.$fmt
    "$bin" solve "$in" --format "$fmt" -o "$t/out.$fmt" || { echo "FAIL: solve --format $fmt: exit $?"; fail=1; }
    [ -n "${UPDATE_GOLDEN:-}" ] && cp "$t/out.$fmt" "$golden"
    diff -u "$golden" "$t/out.$fmt" || { echo "FAIL: --format $fmt differs from $golden"; fail=1; }
done
"$bin" check "$in" "$t/out.json" > "$t/check" ||
    { echo "FAIL: check of the solved schedule: $(cat "$t/check")"; fail=1; }

# Every event's row has an empty number cell and its title; items keep theirs.
python3 - "$t" <<'PY' || fail=1
import csv, sys, zipfile, re
t = sys.argv[1]
events = {"Keynote lecture on trafficking in persons in the digital age",
          "Panel discussion on the protection of victims in situations of armed conflict",
          "Special event: launch of the global study on smuggling of migrants",
          "Closing ceremony"}
rows = [l.split("|") for l in open(t + "/out.md") if l.startswith("| ")]
seen = set()
for r in rows:
    if len(r) < 4:
        continue
    title = re.sub(r" \(joint meeting with .*\)$", "", r[3].strip())
    if title in events:
        assert r[2].strip() == "", r
        seen.add(title)
    elif title and not title.startswith("**"):
        assert r[2].strip() != "" or r[1].strip().startswith("**"), r
assert seen == events, seen
for row in csv.DictReader(open(t + "/out.csv", newline="")):
    title = re.sub(r" \(joint meeting with .*\)$", "", row["title"])
    assert (row["item"] == "") == (title in events), row
PY
# One part of a zip container, read with python3's zipfile (unzip is not installed).
part() { python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' "$1" "$2"; }
for fmt in docx odt; do
    "$bin" solve "$in" --format $fmt -o "$t/out.$fmt" || { echo "FAIL: $fmt: exit $?"; fail=1; }
done
part "$t/out.docx" word/document.xml | grep -q 'Panel discussion on the protection of victims' ||
    { echo "FAIL: the docx annex lacks the panel"; fail=1; }
part "$t/out.odt" content.xml | grep -q 'Closing ceremony' ||
    { echo "FAIL: the odt annex lacks the closing ceremony"; fail=1; }
grep -q 'DESCRIPTION:Panel discussion' "$t/out.ics" ||
    { echo "FAIL: the ics description of the panel starts with a number"; fail=1; }

# JSON marks the pieces of events, and only those; the panel's meetings hold it alone.
python3 - "$t/out.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
ev = {"keynote", "panel", "special-event", "closing"}
for b in d["bodies"]:
    for m in b["meetings"]:
        for p in m["items"]:
            assert p.get("event", False) == (p["item"] in ev), p
        if any(p["item"] == "panel" for p in m["items"]):
            assert len(m["items"]) == 1, m
PY

# Without alone the panel shares a meeting: alone is what gives it one of its own.
grep -v 'alone: true' "$in" > "$t/shared.yaml"
"$bin" solve "$t/shared.yaml" --format json -o "$t/shared.json" || { echo "FAIL: shared: exit $?"; fail=1; }
python3 - "$t/shared.json" <<'PY' || { echo "FAIL: without alone the panel was expected to share a meeting"; fail=1; }
import json, sys
d = json.load(open(sys.argv[1]))
ms = [m for b in d["bodies"] for m in b["meetings"] if any(p["item"] == "panel" for p in m["items"])]
assert any(len(m["items"]) > 1 for m in ms), ms
PY
# ... and check names a schedule where the panel shares its meeting.
"$bin" check "$in" "$t/shared.json" > "$t/shared.out"
st=$?
[ $st -eq 3 ] && grep -q '^\[alone\] Working Group on Trafficking in Persons, meeting .*: item panel is taken alone, in meetings of its own, but this one holds [0-9]* pieces$' "$t/shared.out" ||
    { echo "FAIL: check of a shared panel (exit $st): $(cat "$t/shared.out")"; fail=1; }

# Free order keeps alone too (and every other rule: check).
awk '{print} /^    meetings: 5/ {print "    order: free"}' "$in" > "$t/free.yaml"
"$bin" solve "$t/free.yaml" --format json -o "$t/free.json" || { echo "FAIL: free: exit $?"; fail=1; }
"$bin" check "$t/free.yaml" "$t/free.json" > /dev/null || { echo "FAIL: check of the free schedule"; fail=1; }
python3 - "$t/free.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
for b in d["bodies"]:
    for m in b["meetings"]:
        if any(p["item"] == "panel" for p in m["items"]):
            assert len(m["items"]) == 1, m
PY

# --keep reads the events back and keeps every placement; diff names a moved event.
"$bin" solve "$in" --keep "$t/out.json" --format json -o "$t/kept.json" 2> "$t/kept.err" ||
    { echo "FAIL: --keep: exit $?"; fail=1; }
grep -qxF "orgwork: 12 of 12 items keep their place; 0 move" "$t/kept.err" ||
    { echo "FAIL: --keep: $(cat "$t/kept.err")"; fail=1; }
cmp -s "$t/out.json" "$t/kept.json" || { echo "FAIL: --keep changed the schedule"; fail=1; }
"$bin" diff "$t/out.json" "$t/shared.json" > "$t/diff.out"
# (Where the panel goes without alone depends on the rest of the plan: the report of
# WG.4 now closes its session after the joint special event, so the panel may keep
# its slot and another item move.)
grep -q 'moves from' "$t/diff.out" || { echo "FAIL: diff names no move: $(cat "$t/diff.out")"; fail=1; }

[ $fail -eq 0 ] && echo "events: all checks passed"
exit $fail
