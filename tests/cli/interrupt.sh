#!/usr/bin/env bash
# interrupt.sh: Ctrl-C (SIGINT) and SIGTERM stop a search and keep the plan (the
# signals go through `timeout`, which passes them on).
# - With --whole, a signal stops even a long linear program (the generated XL
#   period spends minutes in its first one): the run ends long before its time
#   limit, with the best schedule or, when none was found yet, exit 3.
# - Body by body, one signal keeps the plan: the bodies not planned yet are planned
#   greedily (or to a first schedule each); the result is feasible (with its gap) and `check`
#   passes.  `timeout` passes a signal on twice (to the command, then to its
#   process group), and signals less than a second apart are one request: a
#   SIGINT and a SIGTERM sent back to back (which, unlike two of one kind, are
#   never merged while pending) keep the plan too.  A second signal a second or
#   more after the first stops at once: exit 3, the old file kept.
# - A run ending without a schedule never replaces an existing -o file, and no
#   signal leaves a FILE.tmp.* behind.
# Usage: bash tests/cli/interrupt.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: interrupt.sh ORGWORK_BINARY}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }
no_strays() {
    if ls -A "$t/out" | grep -q '\.tmp\.'; then bad "$1: temporary file left: $(ls -A "$t/out")"; else ok; fi
}
mkdir "$t/out"

# --whole: signalled 2 s in, the run must end well before its 600 s limit (a
# watchdog kills it at 150 s: that is a failure).
for sig in INT TERM; do
    printf 'PUBLISHED\n' >"$t/out/published.json"
    timeout -s KILL 150 "$bin" solve instances/bench/XL-1.yaml --whole --time-limit 600 --quiet \
        --format json -o "$t/out/published.json" 2>"$t/err" &
    pid=$!
    sleep 2
    kill -"$sig" "$pid"
    wait "$pid"
    st=$?
    if [ $st -eq 3 ]; then
        [ "$(cat "$t/out/published.json")" = PUBLISHED ] && grep -q "interrupted" "$t/err" && ok ||
            bad "--whole SIG$sig without a schedule: $(head -c 300 "$t/err")"
    elif [ $st -eq 0 ]; then
        "$bin" check instances/bench/XL-1.yaml "$t/out/published.json" >/dev/null && ok ||
            bad "--whole SIG$sig: the schedule kept does not check"
    else
        bad "--whole SIG$sig: exit $st (137: still searching after 150 s)"
    fi
    no_strays "--whole SIG$sig"
done

# Body by body: a signal at any moment keeps a plan that checks.
for when in INT:0.5 INT:1.5 TERM:1 INT:3; do
    sig=${when%%:*}
    printf 'PUBLISHED\n' >"$t/out/plan.json"
    timeout -s KILL 600 "$bin" solve instances/bench/L-1.yaml --quiet --format json \
        -o "$t/out/plan.json" 2>"$t/err" &
    pid=$!
    sleep "${when#*:}"
    kill -"$sig" "$pid" 2>/dev/null
    wait "$pid"
    st=$?
    if [ $st -eq 0 ] && grep -Eq '"status": "(optimal|feasible)"' "$t/out/plan.json" &&
        "$bin" check instances/bench/L-1.yaml "$t/out/plan.json" >/dev/null; then
        ok
    else
        bad "body by body, SIG$sig at ${when#*:} s: exit $st, $(head -c 300 "$t/err")"
    fi
    no_strays "body by body SIG$sig"
done

# Two signals back to back are one request: the plan is kept.  (--foreground:
# timeout passes each signal on once, to the command only.)
for pair in INT:TERM TERM:INT; do
    printf 'PUBLISHED\n' >"$t/out/plan.json"
    timeout --foreground -s KILL 600 "$bin" solve instances/bench/L-1.yaml --quiet \
        --format json -o "$t/out/plan.json" 2>"$t/err" &
    pid=$!
    sleep 1
    kill -"${pair%%:*}" "$pid" 2>/dev/null
    kill -"${pair#*:}" "$pid" 2>/dev/null
    wait "$pid"
    st=$?
    if [ $st -eq 0 ] && grep -q '"status": "feasible"\|"status": "optimal"' "$t/out/plan.json" &&
        "$bin" check instances/bench/L-1.yaml "$t/out/plan.json" >/dev/null; then
        ok
    else
        bad "SIG${pair%%:*} and SIG${pair#*:} back to back: exit $st, $(head -c 300 "$t/err")"
    fi
    no_strays "SIG${pair%%:*} and SIG${pair#*:} back to back"
done

# Two Ctrl-C 1.5 s apart stop planning in turn: no schedule, the old file kept
# (unless a schedule was in hand before the second came, the plan or the first
# plan: then it must check).
printf 'PUBLISHED\n' >"$t/out/plan.json"
timeout --foreground -s KILL 600 "$bin" solve instances/bench/XL-1.yaml --quiet --format json \
    -o "$t/out/plan.json" 2>"$t/err" &
pid=$!
sleep 1
kill -INT "$pid"
sleep 1.5
kill -INT "$pid" 2>/dev/null
wait "$pid"
st=$?
if [ $st -eq 3 ]; then
    [ "$(cat "$t/out/plan.json")" = PUBLISHED ] && grep -q "interrupted before any schedule" "$t/err" &&
        ok || bad "two Ctrl-C replaced the old file or said no reason"
elif [ $st -eq 0 ]; then
    "$bin" check instances/bench/XL-1.yaml "$t/out/plan.json" >/dev/null && ok ||
        bad "two Ctrl-C: the plan does not check"
else
    bad "two Ctrl-C: exit $st"
fi
no_strays "two Ctrl-C"

# SIGTERM at any moment of a write: the old file or the new one, no temporary file.
# The new one is the optimum, or, when the signal stops the search before it, the
# first plan (docs/model.md, "A first plan"): a whole annex either way.
"$bin" solve instances/long-session.yaml --format html >"$t/expected.html"
for i in $(seq 1 10); do
    printf 'OLD\n' >"$t/out/annex.html"
    "$bin" solve instances/long-session.yaml --format html -o "$t/out/annex.html" 2>/dev/null &
    pid=$!
    sleep "0.0$i"
    kill -TERM "$pid" 2>/dev/null
    wait "$pid"
    if [ "$(cat "$t/out/annex.html")" = OLD ] || cmp -s "$t/out/annex.html" "$t/expected.html" ||
        { head -c 15 "$t/out/annex.html" | grep -qi '<!doctype html' &&
            [ "$(tail -n 1 "$t/out/annex.html")" = '</html>' ]; }; then
        ok
    else
        bad "SIGTERM $i left part of a file"
    fi
    no_strays "SIGTERM $i"
done

printf 'interrupts: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
