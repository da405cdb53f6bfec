#!/usr/bin/env bash
# An item with sub-items and a duration of its own: its general discussion is a row
# of its own ("2"), taken before its sub-items ("2 (a)", "2 (b)"), in agenda order
# and in free order; `check` holds it there; JSON round-trips through check and
# --keep. The goldens are tests/golden/agenda/parent-discussion.*.
# Usage: bash tests/cli/parent_discussion.sh path/to/orgwork   (from the repository root)
#        UPDATE_GOLDEN=1 ... rewrites the goldens
set -u
bin=${1:?usage: parent_discussion.sh ORGWORK_BINARY}
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
in=tests/data/parent-discussion.yaml

for fmt in md text csv json html ics; do
    golden=tests/golden/agenda/parent-discussion.$fmt
    "$bin" solve "$in" --format "$fmt" -o "$t/out.$fmt" || { echo "FAIL: solve --format $fmt: exit $?"; fail=1; }
    [ -n "${UPDATE_GOLDEN:-}" ] && cp "$t/out.$fmt" "$golden"
    diff -u "$golden" "$t/out.$fmt" || { echo "FAIL: --format $fmt differs from $golden"; fail=1; }
done
"$bin" check "$in" "$t/out.json" > "$t/check" ||
    { echo "FAIL: check of the solved schedule: $(cat "$t/check")"; fail=1; }

# The parent's own row comes right before its first sub-item's, with the item's
# number alone and its own title.
python3 - "$t/out.md" <<'PY' || fail=1
import sys
rows = [l.split("|") for l in open(sys.argv[1]) if l.startswith("|")]
cells = [(r[2].strip(), r[3].strip()) for r in rows if len(r) > 3]
order = [c[0] for c in cells if c[0]]
for parent, sub in (("2", "2 (a)"), ("3", "3 (a)")):
    assert parent in order and sub in order, (parent, sub, order)
    assert order.index(parent) + 1 == order.index(sub), order
assert ("2", "Review of the implementation of the Protocol") in cells, cells
PY

# A schedule that takes a sub-item before its parent's discussion breaks agenda order.
python3 - "$t/out.json" "$t/swapped.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ms = d["bodies"][0]["meetings"]
a = next(p for m in ms for p in m["items"] if p["item"] == "2")
b = next(p for m in ms for p in m["items"] if p["item"] == "2(a)")
a["item"], a["minutes"], b["item"], b["minutes"] = "2(a)", b["minutes"], "2", a["minutes"]
json.dump(d, open(sys.argv[2], "w"))
PY
"$bin" check "$in" "$t/swapped.json" > "$t/swapped.out"
st=$?
[ $st -eq 3 ] && grep -q '\[order\].*item 2 (a) starts before item 2 is finished' "$t/swapped.out" ||
    { echo "FAIL: sub-item before its parent's discussion (exit $st): $(cat "$t/swapped.out")"; fail=1; }

# In free order the discussion still comes first: the solver keeps it, and check
# names the rule when a schedule does not.
awk '{print} /^  meetings:/ {print "  order: free"}' "$in" > "$t/free.yaml"
"$bin" solve "$t/free.yaml" --format json -o "$t/free.json" || { echo "FAIL: free solve: exit $?"; fail=1; }
"$bin" check "$t/free.yaml" "$t/free.json" > /dev/null || { echo "FAIL: check of the free schedule"; fail=1; }
python3 - "$t/free.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
seq = [p["item"] for m in d["bodies"][0]["meetings"] for p in m["items"]]
for parent in ("2", "3"):
    subs = [i for i, x in enumerate(seq) if x.startswith(parent + "(")]
    assert seq.index(parent) < min(subs), seq
PY
"$bin" check "$t/free.yaml" "$t/swapped.json" > "$t/free-swapped.out"
st=$?
[ $st -eq 3 ] && grep -q '\[after\].*item 2 (a) must follow item 2 ' "$t/free-swapped.out" ||
    { echo "FAIL: free order, sub-item first (exit $st): $(cat "$t/free-swapped.out")"; fail=1; }

# --keep reads the parent's own piece back and keeps every placement.
"$bin" solve "$in" --keep "$t/out.json" --format json -o "$t/kept.json" 2> "$t/kept.err" ||
    { echo "FAIL: --keep: exit $?"; fail=1; }
grep -qxF "orgwork: 8 of 8 items keep their place; 0 move" "$t/kept.err" ||
    { echo "FAIL: --keep: $(cat "$t/kept.err")"; fail=1; }
cmp -s "$t/out.json" "$t/kept.json" || { echo "FAIL: --keep changed the schedule"; fail=1; }

# Without a duration, a parent still takes only item, title and subitems.
sed '/^      duration: 45m$/d' "$in" > "$t/nodur.yaml"
"$bin" solve "$t/nodur.yaml" > /dev/null 2> "$t/nodur.err"
st=$?
[ $st -eq 2 ] && grep -qF "nodur.yaml:26:7: error: key \"split\" is not allowed on an item with subitems and no duration" "$t/nodur.err" ||
    { echo "FAIL: parent without duration (exit $st): $(cat "$t/nodur.err")"; fail=1; }

[ $fail -eq 0 ] && echo "parent_discussion: all checks passed"
exit $fail
