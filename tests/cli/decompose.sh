#!/usr/bin/env bash
# Periods solved body by body: the same optimum as the one program where both prove
# it, a proven optimum on a period the one program cannot solve quickly, and a time
# limit that bounds the whole body-by-body run.
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d[sys.argv[2]])' "$@"; }
# tests/data/joint-units.yaml: pairs holding joint items are planned as units.
for inst in instances/cop-session.yaml instances/bench/M-1.yaml tests/data/joint-units.yaml; do
  "$bin" solve "$inst" --format json -o "$t/parts.json" || { echo "FAIL: $inst exit $?"; fail=1; }
  "$bin" solve "$inst" --whole --format json -o "$t/whole.json" || { echo "FAIL: $inst --whole exit $?"; fail=1; }
  a=$(field "$t/parts.json" objective); b=$(field "$t/whole.json" objective)
  [ "$a" = "$b" ] && [ "$(field "$t/parts.json" status)" = optimal ] ||
    { echo "FAIL: $inst body by body $a, whole program $b"; fail=1; }
  "$bin" check "$inst" "$t/parts.json" > /dev/null || { echo "FAIL: check of $inst"; fail=1; }
done
# Thirty bodies, three rooms: proven optimal (1316, the optimum HiGHS also finds).
"$bin" solve instances/bench/L-1.yaml --format json -o "$t/L.json" || { echo "FAIL: L exit $?"; fail=1; }
[ "$(field "$t/L.json" status) $(field "$t/L.json" objective)" = "optimal 1316" ] ||
  { echo "FAIL: L gives $(field "$t/L.json" status) $(field "$t/L.json" objective)"; fail=1; }
"$bin" check instances/bench/L-1.yaml "$t/L.json" > /dev/null || { echo "FAIL: check of L"; fail=1; }
# A time limit too short for any body: status unknown, exit 3, the reason, gap null.
"$bin" solve instances/bench/L-1.yaml --time-limit 0.001 --format json -o "$t/short.json" 2> "$t/short.err"
st=$?
[ $st -eq 3 ] && [ "$(field "$t/short.json" status)" = unknown ] &&
  grep -q "the time limit of 0.001 s was reached before any schedule was found" "$t/short.err" &&
  grep -q '"gap": null' "$t/short.json" || { echo "FAIL: time limit (exit $st)"; fail=1; }
[ $fail -eq 0 ] && echo "decompose: all checks passed"
exit $fail
