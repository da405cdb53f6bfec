#!/usr/bin/env bash
# orgwork whatif: one row per variant, the smallest feasible one named, the same
# bytes whatever the number of jobs, --show printing a variant's annex.
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
"$bin" whatif instances/som-2024.yaml --days 1..5 > "$t/text" || { echo "FAIL: exit $?"; fail=1; }
rows=$(grep -cE '^[0-9]+ ' "$t/text")
[ "$rows" -eq 5 ] || { echo "FAIL: $rows rows, expected 5"; fail=1; }
grep -qxF "Smallest feasible variant: 2, with 2 days and 4 meetings." "$t/text" ||
  { echo "FAIL: smallest line"; cat "$t/text"; fail=1; }
grep -qE '^1 +1 +4 +infeasible' "$t/text" || { echo "FAIL: one day is not infeasible"; fail=1; }
grep -qE '^2 +2 +4 +optimal +4 +2 +2 +41$' "$t/text" || { echo "FAIL: row of 2 days"; fail=1; }
for f in text md csv json; do
  "$bin" whatif instances/som-2024.yaml --days 1..5 --meetings 3..5 --jobs 1 --format $f > "$t/j1.$f"
  "$bin" whatif instances/som-2024.yaml --days 1..5 --meetings 3..5 --jobs 2 --format $f > "$t/j2.$f"
  cmp -s "$t/j1.$f" "$t/j2.$f" || { echo "FAIL: --jobs 1 and --jobs 2 differ in $f"; fail=1; }
done
python3 - "$t/j1.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["variants"]) == 15, len(d["variants"])
assert d["smallest"] == {"days": 2, "meetings": 4}, d["smallest"]
v = d["variants"][4]   # 2 days, 4 meetings
assert (v["days"], v["meetings"], v["status"], v["objective"]) == (2, 4, "optimal", 41), v
assert d["variants"][3]["status"] == "infeasible" and "why" in d["variants"][3]
PY
# --show prints the organization of work of a variant; it passes check.
"$bin" whatif instances/som-2024.yaml --days 1..5 --show 3 --format json > "$t/show.json" ||
  { echo "FAIL: --show exit $?"; fail=1; }
"$bin" check <(sed 's/days: 2/days: 3/' instances/som-2024.yaml) "$t/show.json" > /dev/null ||
  { echo "FAIL: check of variant 3"; fail=1; }
"$bin" whatif instances/som-2024.yaml --days 1..5 --show 2 | grep -q "^| 10 a.m.–1 p.m. | 1 (a) | Opening of the meeting |$" ||
  { echo "FAIL: --show md"; fail=1; }
# A period file, one body varied.
"$bin" whatif instances/cop-session.yaml --meetings 3..5 --body INF --format csv > "$t/body.csv" ||
  { echo "FAIL: --body exit"; fail=1; }
grep -q "^3,5,5,optimal,5," "$t/body.csv" || { echo "FAIL: --body rows"; cat "$t/body.csv"; fail=1; }
"$bin" whatif instances/som-2024.yaml > /dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: no range is usage error"; fail=1; }
"$bin" whatif instances/som-2024.yaml --days 3..1 > /dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: bad range"; fail=1; }
# --jobs beyond the cores: as many jobs as cores (each holds a whole program), said
# on standard error; the same bytes.
cores=$(nproc)
"$bin" whatif instances/som-2024.yaml --days 1..5 --meetings 3..5 --jobs 256 --format text \
  > "$t/j256.text" 2> "$t/j256.err" || { echo "FAIL: --jobs 256 exit $?"; fail=1; }
grep -qx "orgwork: $cores jobs at once, the machine's cores (not 256)" "$t/j256.err" ||
  { echo "FAIL: --jobs 256 not bounded by the $cores cores: $(cat "$t/j256.err")"; fail=1; }
cmp -s "$t/j1.text" "$t/j256.text" || { echo "FAIL: --jobs 256 differs"; fail=1; }
# A variant whose time limit ends the search before any schedule proves nothing:
# its status is unknown, not infeasible.  (--whole: body by body, the bodies would
# still be laid greedily (or planned to a first schedule each) once the limit has passed.)
"$bin" whatif instances/bench/L-1.yaml --meetings 40 --whole --time-limit 0.001 --jobs 1 \
  --format csv > "$t/short.csv" ||
  { echo "FAIL: whatif with a short time limit: exit $?"; fail=1; }
grep -q '^1,63,1200,unknown,' "$t/short.csv" || { echo "FAIL: short time limit: $(cat "$t/short.csv")"; fail=1; }
[ $fail -eq 0 ] && echo "whatif: all checks passed"
exit $fail
