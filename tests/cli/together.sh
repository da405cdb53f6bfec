#!/usr/bin/env bash
# Items considered together (`together: [3]` on item 2): one block of the agenda and
# of the program, its duration the sum, printed as "2 and 3" ("4, 5 and 6") with the
# titles joined; `split: false` on the first holds the whole block in one meeting;
# check counts the block as one item; JSON names it by its first id and reads back
# through check, --keep and diff. The goldens are tests/golden/agenda/together.*.
# Usage: bash tests/cli/together.sh path/to/orgwork   (from the repository root)
#        UPDATE_GOLDEN=1 ... rewrites the goldens
set -u
bin=${1:?usage: together.sh ORGWORK_BINARY}
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
in=tests/data/together.yaml

for fmt in md text csv json html ics; do
    golden=tests/golden/agenda/together.$fmt
    "$bin" solve "$in" --format "$fmt" -o "$t/out.$fmt" || { echo "FAIL: solve --format $fmt: exit $?"; fail=1; }
    [ -n "${UPDATE_GOLDEN:-}" ] && cp "$t/out.$fmt" "$golden"
    diff -u "$golden" "$t/out.$fmt" || { echo "FAIL: --format $fmt differs from $golden"; fail=1; }
done
"$bin" check "$in" "$t/out.json" > "$t/check" ||
    { echo "FAIL: check of the solved schedule: $(cat "$t/check")"; fail=1; }

# The rows: "2 and 3" with both titles, "4, 5 and 6" in one meeting (split: false on
# item 4), no row numbered 3 or 5 alone; the JSON pieces carry the block's minutes.
python3 - "$t" <<'PY' || fail=1
import json, sys
t = sys.argv[1]
rows = [l.split("|") for l in open(t + "/out.md") if l.startswith("| ")]
nums = [r[2].strip() for r in rows if len(r) > 3 and r[2].strip()]
assert "2 and 3" in nums and "4, 5 and 6" in nums, nums
assert not {"3", "5", "6"} & set(nums), nums
cells = [(r[2].strip(), r[3].strip()) for r in rows if len(r) > 3]
assert ("2 and 3", "Review of the implementation of the Protocol; Technical assistance") in cells, cells
d = json.load(open(t + "/out.json"))
pieces = [(m["n"], p) for m in d["bodies"][0]["meetings"] for p in m["items"]]
block = [p for n, p in pieces if p["item"] == "2"]
assert sum(p["minutes"] for p in block) == 210 and all(p["together"] == ["3"] for p in block), block
big = [n for n, p in pieces if p["item"] == "4"]
assert len(big) == 1 and [p["minutes"] for n, p in pieces if p["item"] == "4"] == [150], pieces
assert not [p for n, p in pieces if p["item"] in ("3", "5", "6")], pieces
PY

# A schedule that takes 2 and 3 as two pieces of one meeting takes the block twice.
python3 - "$t/out.json" "$t/apart.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for m in d["bodies"][0]["meetings"]:
    for k, p in enumerate(m["items"]):
        if p["item"] == "2" and not p["continued"]:
            m["items"][k:k + 1] = [dict(p, minutes=p["minutes"] - 30), {"item": "3", "minutes": 30, "continued": False}]
            break
json.dump(d, open(sys.argv[2], "w"))
PY
"$bin" check "$in" "$t/apart.json" > "$t/apart.out"
st=$?
[ $st -eq 3 ] && grep -q '^\[duration\] .*: item 2 and 3 is taken twice in the meeting$' "$t/apart.out" ||
    { echo "FAIL: 2 and 3 apart (exit $st): $(cat "$t/apart.out")"; fail=1; }

# Without together, the same items are rows of their own (and the block changes the plan).
sed 's/, together: \[[^]]*\]//' "$in" > "$t/apart.yaml"
"$bin" solve "$t/apart.yaml" > "$t/apart.md" || { echo "FAIL: apart: exit $?"; fail=1; }
grep -q '^| | 3 | Technical assistance |$\|^| [^|]* | 3 | Technical assistance |$' "$t/apart.md" ||
    { echo "FAIL: without together, item 3 has no row of its own"; fail=1; }

# --keep reads the blocks back and keeps every placement; diff names a block by its id.
"$bin" solve "$in" --keep "$t/out.json" --format json -o "$t/kept.json" 2> "$t/kept.err" ||
    { echo "FAIL: --keep: exit $?"; fail=1; }
grep -qxF "orgwork: 6 of 6 items keep their place; 0 move" "$t/kept.err" ||
    { echo "FAIL: --keep: $(cat "$t/kept.err")"; fail=1; }
cmp -s "$t/out.json" "$t/kept.json" || { echo "FAIL: --keep changed the schedule"; fail=1; }
sed 's/{item: "2", title: Review of the implementation of the Protocol, duration: 2h/{item: "2", title: Review of the implementation of the Protocol, duration: 30m/' "$in" > "$t/moved.yaml"
"$bin" solve "$t/moved.yaml" --format json -o "$t/moved.json" || { echo "FAIL: moved: exit $?"; fail=1; }
"$bin" diff "$t/out.json" "$t/moved.json" > "$t/diff.out"
grep -q '^WG.7: item 4 ' "$t/diff.out" || { echo "FAIL: diff does not name block 4: $(cat "$t/diff.out")"; fail=1; }

[ $fail -eq 0 ] && echo "together: all checks passed"
exit $fail
