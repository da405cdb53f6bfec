#!/usr/bin/env bash
# Long runs: a progress line on a terminal only, and Ctrl-C keeping the best
# schedule found (or saying that none was, with status "unknown").
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
# A period solved as one program (--whole): long enough (about a second) for the
# progress line, which is drawn every 0.2 s, and proven optimal, so the same bytes.
period="instances/bench/M-1.yaml --whole"
# Not a terminal: nothing on stderr but what is asked for.
"$bin" solve $period --format json -o "$t/a.json" 2> "$t/a.err" || fail=1
[ ! -s "$t/a.err" ] || { echo "FAIL: stderr is not a terminal, yet: $(head -c 200 "$t/a.err")"; fail=1; }
# A terminal (script gives the command one): the line is drawn and then cleared.
script -qec "$bin solve $period --format json -o $t/b.json" "$t/typescript" > "$t/tty.out" 2>&1 || fail=1
grep -q "best" "$t/tty.out" || { echo "FAIL: no progress line on a terminal"; fail=1; }
grep -q $'\033\[K' "$t/tty.out" || { echo "FAIL: the progress line is not cleared"; fail=1; }
# --quiet on a terminal: no line.
script -qec "$bin solve $period --quiet --format json -o $t/c.json" "$t/typescript" > "$t/quiet.out" 2>&1 || fail=1
! grep -q "best" "$t/quiet.out" || { echo "FAIL: --quiet still shows progress"; fail=1; }
cmp -s "$t/a.json" "$t/b.json" || { echo "FAIL: the progress line changed the output"; fail=1; }
# Ctrl-C part-way: the run ends, with the best schedule found (feasible or optimal,
# which check accepts) or, before any, status unknown and the reason.  Ctrl-C is
# pressed again every 0.2 s until the run ends (under valgrind the handler may not be
# installed yet at the first press); an uninterrupted solve under valgrind takes
# longer than the 60 s allowed here.
start=$(date +%s)
"$bin" solve $period --quiet --format json -o "$t/int.json" 2> "$t/int.err" &
pid=$!
sleep 0.3
while kill -INT $pid 2>/dev/null && [ $(( $(date +%s) - start )) -le 60 ]; do
  sleep 0.2
done
wait $pid
st=$?
[ $(( $(date +%s) - start )) -le 60 ] || { echo "FAIL: Ctrl-C did not stop the search"; fail=1; }
status=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$t/int.json" 2>/dev/null)
case "$st:$status" in
  0:feasible|0:optimal)
    "$bin" check instances/bench/M-1.yaml "$t/int.json" > /dev/null || { echo "FAIL: check of the interrupted schedule"; fail=1; }
    echo "interrupted with a schedule ($status)";;
  3:unknown)
    grep -q "the search was interrupted before any schedule was found" "$t/int.err" ||
      { echo "FAIL: no reason for the interrupted run"; fail=1; }
    echo "interrupted before any schedule (unknown)";;
  *) echo "FAIL: Ctrl-C gave exit $st and status '$status'"; fail=1;;
esac
[ $fail -eq 0 ] && echo "progress: all checks passed"
exit $fail
