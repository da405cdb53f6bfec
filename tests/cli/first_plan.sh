#!/usr/bin/env bash
# The first plan (docs/model.md, "A first plan"): built before any search, it is the
# answer when a time limit stops the search before it finds a schedule — status
# feasible, a schedule `check` accepts — and a terminal is told its objective.
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d[sys.argv[2]])' "$@"; }
gap() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["solver"]["gap"])' "$1"; }

# A generated period with consecutive rules and joint items (orgwork-gen --size L
# --seed 1 --rules), and a single long session: a limit far below what the search
# needs for its first schedule.  With --whole (one program, no plan body by body,
# so no first plan) the same limit gives nothing, which is what the first plan is
# for.
for run in instances/bench/L-1-rules.yaml:0.05 instances/long-session.yaml:0.001; do
  inst=${run%%:*} limit=${run##*:}
  "$bin" solve "$inst" --time-limit "$limit" --format json -o "$t/first.json" 2> "$t/first.err"
  st=$?
  [ $st -eq 0 ] && [ "$(field "$t/first.json" status)" = feasible ] ||
    { echo "FAIL: $inst --time-limit $limit: exit $st, $(head -c 300 "$t/first.err")"; fail=1; }
  "$bin" check "$inst" "$t/first.json" > "$t/check.out" ||
    { echo "FAIL: check of the first plan of $inst: $(tail -3 "$t/check.out")"; fail=1; }
  "$bin" solve "$inst" --whole --time-limit "$limit" --format json -o "$t/whole.json" 2> /dev/null
  st=$?
  [ $st -eq 3 ] && [ "$(field "$t/whole.json" status)" = unknown ] ||
    { echo "FAIL: $inst --whole --time-limit $limit: exit $st, status $(field "$t/whole.json" status)"; fail=1; }
done

# The single session's answer is the first plan itself: no bound is known (gap 1),
# and a terminal is told "first plan N" with the same objective.
[ "$(gap "$t/first.json")" = 1 ] || { echo "FAIL: gap $(gap "$t/first.json"), not 1"; fail=1; }
script -qec "$bin solve instances/long-session.yaml --time-limit 0.001 --format json -o $t/tty.json" \
  "$t/typescript" > "$t/tty.out" 2>&1
said=$(grep -ao 'first plan [0-9]*' "$t/tty.out" | head -1)
[ -n "$said" ] && [ "$said" = "first plan $(field "$t/tty.json" objective)" ] ||
  { echo "FAIL: on a terminal: '$said', objective $(field "$t/tty.json" objective)"; fail=1; }
# --quiet: nothing said.
script -qec "$bin solve instances/long-session.yaml --time-limit 0.001 --quiet --format json -o $t/q.json" \
  "$t/typescript" > "$t/quiet.out" 2>&1
! grep -aq 'first plan' "$t/quiet.out" || { echo "FAIL: --quiet still says the first plan"; fail=1; }
# Not a terminal: nothing on standard error.
"$bin" solve instances/long-session.yaml --time-limit 0.001 --format json -o "$t/n.json" 2> "$t/n.err"
[ ! -s "$t/n.err" ] || { echo "FAIL: stderr not a terminal, yet: $(head -c 200 "$t/n.err")"; fail=1; }

# A search that finishes answers with its own schedule: proven optimal, no worse
# than the first plan (the goldens hold its bytes unchanged).
"$bin" solve instances/long-session.yaml --format json -o "$t/opt.json" || { echo "FAIL: exit $?"; fail=1; }
[ "$(field "$t/opt.json" status)" = optimal ] && [ "$(field "$t/opt.json" objective)" -le \
  "$(field "$t/n.json" objective)" ] ||
  { echo "FAIL: the search's optimum $(field "$t/opt.json" objective) against the first plan's $(field "$t/n.json" objective)"; fail=1; }

[ $fail -eq 0 ] && echo "first_plan: all checks passed"
exit $fail
