#!/usr/bin/env bash
# Periods solved body by body: the same optimum as the one program where both prove
# it, a proven optimum on a period the one program cannot solve quickly, and a time
# limit that runs out body by body keeps the plan.
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d[sys.argv[2]])' "$@"; }
# tests/data/joint-units.yaml: pairs holding joint items are planned as units.
for inst in instances/cop-session.yaml instances/bench/M-1.yaml tests/data/joint-units.yaml; do
  "$bin" solve "$inst" --time-limit 0 --format json -o "$t/parts.json" ||
    { echo "FAIL: $inst exit $?"; fail=1; }
  "$bin" solve "$inst" --whole --time-limit 0 --format json -o "$t/whole.json" ||
    { echo "FAIL: $inst --whole exit $?"; fail=1; }
  a=$(field "$t/parts.json" objective); b=$(field "$t/whole.json" objective)
  [ "$a" = "$b" ] && [ "$(field "$t/parts.json" status)" = optimal ] ||
    { echo "FAIL: $inst body by body $a, whole program $b"; fail=1; }
  "$bin" check "$inst" "$t/parts.json" > /dev/null || { echo "FAIL: check of $inst"; fail=1; }
done
# Thirty bodies, three rooms: proven optimal (1316, the optimum HiGHS also finds).
# Until proven (--time-limit 0): under valgrind, 20-50 times slower, the default
# limit can stop the proof at the optimum with its gap still open.
"$bin" solve instances/bench/L-1.yaml --time-limit 0 --format json -o "$t/L.json" ||
  { echo "FAIL: L exit $?"; fail=1; }
[ "$(field "$t/L.json" status) $(field "$t/L.json" objective)" = "optimal 1316" ] ||
  { echo "FAIL: L gives $(field "$t/L.json" status) $(field "$t/L.json" objective)"; fail=1; }
"$bin" check instances/bench/L-1.yaml "$t/L.json" > /dev/null || { echo "FAIL: check of L"; fail=1; }
# A time limit that runs out body by body keeps the plan, as Ctrl-C does: the
# bodies not yet planned are laid greedily (or get a first schedule each).  A limit far below what the
# search needs (it proves L optimal in seconds), so the plan is cut short whatever
# the machine: feasible, a gap above zero, and it checks.  M (five bodies, fewer
# than eight) then goes on to the one program, which the limit stops at once: the
# plan body by body is kept.
for run in L-1:0.001 L-1:0.2 M-1:0.001; do
  inst=instances/bench/${run%%:*}.yaml limit=${run#*:}
  printf 'OLD\n' > "$t/short.json"
  "$bin" solve "$inst" --time-limit "$limit" --format json -o "$t/short.json" 2> "$t/short.err"
  st=$?
  [ $st -eq 0 ] && [ "$(field "$t/short.json" status)" = feasible ] &&
    python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["solver"]["gap"] > 0 else 1)' \
      "$t/short.json" && "$bin" check "$inst" "$t/short.json" > /dev/null ||
    { echo "FAIL: $inst, time limit $limit body by body: exit $st, $(head -c 300 "$t/short.err")"; fail=1; }
done
# A plan body by body that a limit left unproven is kept when the one program that
# would better it is past the size cap (four bodies of 40 meetings over 10 rooms):
# a valid file, so never exit 2.
{
  printf 'orgwork: 1\ncalendar: {start: 2025-03-03, days: 20}\n'
  printf 'rooms: [R1, R2, R3, R4, R5, R6, R7, R8, R9, R10]\nservices: {interpretation_teams: 1}\nbodies:\n'
  for b in 1 2 3 4; do
    printf '  - id: G%s\n    name: Working Group %s\n    agenda:\n' "$b" "$b"
    for i in 1 2 3 4 5 6; do printf '      - {item: "%s", title: Item %s, duration: 2h}\n' "$i" "$i"; done
  done
} > "$t/cap.yaml"
"$bin" solve "$t/cap.yaml" --whole > /dev/null 2> "$t/cap.err"
st_whole=$?
"$bin" solve "$t/cap.yaml" --time-limit 0.2 --format json -o "$t/cap.json" 2> "$t/cap.err"
st=$?
[ $st_whole -eq 2 ] && [ $st -eq 0 ] && [ "$(field "$t/cap.json" status)" = feasible ] &&
  "$bin" check "$t/cap.yaml" "$t/cap.json" > /dev/null ||
  { echo "FAIL: plan kept past the size cap: --whole exit $st_whole, exit $st, $(head -c 300 "$t/cap.err")"; fail=1; }
# No schedule in time (the one program): status unknown, exit 3, the reason, gap
# null, and the old -o file kept.
printf 'OLD\n' > "$t/old.json"
"$bin" solve instances/bench/L-1.yaml --whole --time-limit 0.001 --format json -o "$t/old.json" \
  2> "$t/short.err"
st=$?
"$bin" solve instances/bench/L-1.yaml --whole --time-limit 0.001 --format json > "$t/short.json" 2> /dev/null
[ $st -eq 3 ] && [ "$(field "$t/short.json" status)" = unknown ] &&
  grep -q "the time limit of 0.001 s was reached before any schedule was found" "$t/short.err" &&
  grep -q '"gap": null' "$t/short.json" && [ "$(cat "$t/old.json")" = OLD ] ||
  { echo "FAIL: time limit (exit $st)"; fail=1; }
# The bodies alone on two threads (--jobs): without a time limit, the same bytes as
# on one, for single bodies (L) and for units of bodies tied by joint items.
for inst in instances/bench/L-1.yaml tests/data/joint-units.yaml; do
  for j in 1 2; do
    "$bin" solve "$inst" --time-limit 0 --jobs $j --format json -o "$t/jobs$j.json" ||
      { echo "FAIL: $inst --jobs $j exit $?"; fail=1; }
  done
  cmp -s "$t/jobs1.json" "$t/jobs2.json" || { echo "FAIL: $inst --jobs 1 and --jobs 2 differ"; fail=1; }
  "$bin" check "$inst" "$t/jobs2.json" > /dev/null || { echo "FAIL: check of $inst --jobs 2"; fail=1; }
done
# --jobs is bounded by the cores, and said; 0 is a usage error.
cores=$(nproc)
"$bin" solve instances/bench/M-1.yaml --jobs 256 --format json -o "$t/j256.json" 2> "$t/j256.err" &&
  grep -qx "orgwork: $cores jobs at once, the machine's cores (not 256)" "$t/j256.err" ||
  { echo "FAIL: solve --jobs 256: $(cat "$t/j256.err")"; fail=1; }
"$bin" solve instances/bench/M-1.yaml --jobs 0 > /dev/null 2> "$t/j0.err"
[ $? -eq 2 ] && grep -q -- "--jobs takes a whole number from 1 to 256, not '0'" "$t/j0.err" ||
  { echo "FAIL: solve --jobs 0: $(cat "$t/j0.err")"; fail=1; }
[ $fail -eq 0 ] && echo "decompose: all checks passed"
exit $fail
