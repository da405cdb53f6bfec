#!/usr/bin/env bash
# bounded.sh: memory and time stay bounded on inputs that are valid, or nearly,
# yet once took gigabytes, and every failure is clean.
# - one body, 200 one-minute items, 2 days: solved (GLPK's clique cuts, which the
#   program-size cap did not count, are off), also under a 256 MB GLPK limit;
# - GLPK past --memory-limit: exit 1 with GLPK's message, never an abort;
# - `check` of 3,200 meetings in one slot: each rule lists its first 100
#   violations and counts the rest; the report is whole (its verdict line counts
#   every violation) and small;
# - `--keep` of a schedule repeating one piece 20,000 times: repeats are merged
#   (tests/test_limits.c: the program is the one the plain schedule gives);
# (whatif --jobs: tests/cli/whatif.sh; too many consecutive rules:
# tests/bad/consecutive_too_large.yaml.)
# Usage: bash tests/cli/bounded.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: bounded.sh ORGWORK_BINARY}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }

short=tests/data/limits/short-items.yaml
"$bin" solve "$short" --memory-limit 256 --format json -o "$t/short.json" 2>"$t/err"
st=$?
[ $st -eq 0 ] && "$bin" check "$short" "$t/short.json" >/dev/null && ok ||
    bad "200 one-minute items: exit $st, $(head -c 300 "$t/err")"

"$bin" solve instances/bench/L-1.yaml --whole --memory-limit 16 >/dev/null 2>"$t/err"
st=$?
[ $st -eq 1 ] && grep -q "GLPK failed: .*memory.*--memory-limit" "$t/err" && ok ||
    bad "GLPK past its memory limit: exit $st, $(head -c 300 "$t/err")"
"$bin" export instances/bench/XL-1.yaml --memory-limit 16 --lp "$t/l.lp" 2>"$t/err"
st=$?
[ $st -eq 1 ] && grep -q "GLPK failed" "$t/err" && [ ! -e "$t/l.lp" ] && ok ||
    bad "export past its memory limit: exit $st, $(head -c 300 "$t/err")"
"$bin" solve instances/som-2024.yaml --memory-limit 0 >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "--memory-limit 0 is not a usage error"

# 3,200 meetings in one slot: 5 million broken pairs.
"$bin" solve instances/som-2024.yaml --format json >"$t/som.json" || bad "solve som-2024"
python3 - "$t/som.json" "$t/huge.json" "$t/repeat.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
body = d["bodies"][0]
first = body["meetings"][0]
huge = dict(d, bodies=[dict(body, meetings=[dict(first, n=i + 1) for i in range(3200)])])
json.dump(huge, open(sys.argv[2], "w"), separators=(",", ":"))
# One piece (item 2 taken up) 300 times in each of 67 copies of the first meeting.
copy = dict(first, items=[{"item": "2", "minutes": 150, "continued": False}] * 300)
meetings = body["meetings"] + [dict(copy, n=len(body["meetings"]) + 1 + i) for i in range(67)]
json.dump(dict(d, bodies=[dict(body, meetings=meetings)]), open(sys.argv[3], "w"),
          separators=(",", ":"))
PY
"$bin" check instances/som-2024.yaml "$t/huge.json" -o "$t/report" 2>"$t/err"
st=$?
size=$(wc -c <"$t/report")
listed=$(grep -c '^\[meetings\] .* take place at the same time$' "$t/report")
[ $st -eq 3 ] && [ "$size" -lt 1000000 ] && [ "$listed" -le 100 ] && ok ||
    bad "check of 3,200 meetings: exit $st, $size bytes, $listed pairs listed"
grep -Eq '^\[meetings\] and [0-9]+ more of this rule, not listed \(the first 100 are\)$' "$t/report" &&
    ok || bad "check of 3,200 meetings: no count of the unlisted"
total=$(tail -n 1 "$t/report" | sed -n 's/^\([0-9]*\) broken rules$/\1/p')
[ -n "$total" ] && [ "$total" -gt 5000000 ] && ok ||
    bad "check of 3,200 meetings: last line $(tail -n 1 "$t/report")"

# --keep with one piece repeated 20,100 times: the same schedule comes out, the
# old file's repeats merged (tests/test_limits.c checks the program's size).
"$bin" solve instances/som-2024.yaml --keep "$t/som.json" --format json -o "$t/kept.json" \
    2>/dev/null || bad "--keep of the plain schedule"
"$bin" solve instances/som-2024.yaml --keep "$t/repeat.json" --format json -o "$t/kept2.json" \
    2>"$t/err"
st=$?
[ $st -eq 0 ] && cmp -s "$t/kept.json" "$t/kept2.json" && ok ||
    bad "--keep with repeats: exit $st, $(head -c 300 "$t/err")"

printf 'bounded: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
