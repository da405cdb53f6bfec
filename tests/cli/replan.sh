#!/usr/bin/env bash
# Re-planning with --keep: after the session moves, change only what must change.
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
# 1. One body: the window grows by a day before the published dates. Everything
#    can stay; without --keep the solver would move every item a day earlier.
"$bin" solve instances/som-2024.yaml --format json -o "$t/published.json" || fail=1
sed 's/start: 2024-07-11/start: 2024-07-10/; s/days: 2/days: 3/' instances/som-2024.yaml > "$t/moved.yaml"
"$bin" solve "$t/moved.yaml" --keep "$t/published.json" --format json -o "$t/kept.json" 2> "$t/kept.err" || fail=1
grep -qxF "orgwork: 7 of 7 items keep their place; 0 move" "$t/kept.err" ||
  { echo "FAIL: som-2024 --keep: $(cat "$t/kept.err")"; fail=1; }
"$bin" solve "$t/moved.yaml" --format json -o "$t/fresh.json" || fail=1
"$bin" check "$t/moved.yaml" "$t/kept.json" > /dev/null || { echo "FAIL: check of the kept schedule"; fail=1; }
# 2. A period: the start moves one day later, so the first day's meetings must move;
#    --keep moves fewer items than solving afresh, and every item it moves either had
#    its day removed or was pushed by one that did (fewer moves than a fresh solve).
sed 's/start: 2024-07-01/start: 2024-07-02/' instances/ctoc-2024-period.yaml > "$t/period.yaml"
"$bin" solve instances/ctoc-2024-period.yaml --format json -o "$t/p0.json" || fail=1
"$bin" solve "$t/period.yaml" --keep "$t/p0.json" --format json -o "$t/p1.json" 2>/dev/null || fail=1
"$bin" solve "$t/period.yaml" --format json -o "$t/p2.json" || fail=1
"$bin" check "$t/period.yaml" "$t/p1.json" > /dev/null || { echo "FAIL: check of the re-planned period"; fail=1; }
python3 - "$t" <<'PY' || fail=1
import json, sys
t = sys.argv[1]
def first(path):
    d = json.load(open(path)); out = {}
    for b in d["bodies"]:
        for m in b["meetings"]:
            for it in m["items"]:
                key = (b["id"], it["item"], it.get("body", b["id"]))
                out.setdefault(key, (m["date"], m["start"]))
    return out
def moved(a, b):
    return sorted(k for k in a if a[k] != b.get(k))
p, k, f = first(t + "/published.json"), first(t + "/kept.json"), first(t + "/fresh.json")
assert moved(p, k) == [], moved(p, k)
assert len(moved(p, f)) == len(p), "a fresh solve was expected to move every item"
p0, p1, p2 = first(t + "/p0.json"), first(t + "/p1.json"), first(t + "/p2.json")
mk, mf = moved(p0, p1), moved(p0, p2)
gone = [x for x in p0 if p0[x][0] == "2024-07-01"]
assert all(x in mk for x in gone), "items of the removed day must move"
assert len(mk) < len(mf), (len(mk), len(mf))
kept_first = [x for x in p0 if x not in mk]
assert len(kept_first) > 0
print(f"period: {len(mk)} of {len(p0)} items move with --keep, {len(mf)} without")
PY
# diff says what moved: nothing for the one body, and for the period one line per
# moved item of WG.4 (whose first day is gone), each naming where it goes.
"$bin" diff "$t/published.json" "$t/kept.json" | grep -qxF "No item moved." ||
  { echo "FAIL: diff of the kept schedule"; fail=1; }
"$bin" diff "$t/p0.json" "$t/p1.json" > "$t/diff.txt" || { echo "FAIL: diff exit"; fail=1; }
grep -q "^WG.4: item 1 (a) moves from Monday, 1 July 2024, 10 a.m.–1 p.m. to " "$t/diff.txt" ||
  { echo "FAIL: diff does not move WG.4 item 1 (a)"; cat "$t/diff.txt"; fail=1; }
grep -qE "^[0-9]+ changes?\.$" "$t/diff.txt" || { echo "FAIL: diff count line"; fail=1; }
[ $fail -eq 0 ] && echo "replan: all checks passed"
exit $fail
