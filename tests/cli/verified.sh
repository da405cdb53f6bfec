#!/usr/bin/env bash
# Every answer true: each class of wrong answer the exhaustive search once found
# (tests/differential/README.md), through the command line.
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
reg=tests/differential/regressions
objective() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["objective"])' "$1"; }

# Contradictory rules of one item are refused at load, naming both.
"$bin" solve $reg/meeting-and-pin-meeting.yaml > "$t/out" 2> "$t/err"; rc=$?
[ $rc -eq 2 ] && grep -q "pin meeting 3 contradicts meeting 2 (line 12)" "$t/err" ||
  { echo "FAIL: meeting and pin meeting: exit $rc, $(cat "$t/err")"; fail=1; }
[ -s "$t/out" ] && { echo "FAIL: output written for a refused file"; fail=1; }

# Each of these has a schedule, found by default and with --whole, accepted by check,
# with no fallback from a body-by-body plan that broke a rule.
for f in joint-meeting-counted-once:14 joint-teams-counted-once:20 \
         consecutive-room-on-follower:12 joint-opens-consecutive-listed-by-P:24 \
         joint-opens-consecutive-listed-by-Q:24 joint-only-body-in-chain:24 \
         day-one-and-unsplit:13 held-meeting-not-empty:20; do
  name=${f%%:*} want=${f##*:}
  for mode in "" --whole; do
    "$bin" solve $reg/$name.yaml $mode --format json -o "$t/s.json" 2> "$t/err" ||
      { echo "FAIL: $name $mode: exit $?: $(cat "$t/err")"; fail=1; continue; }
    [ -s "$t/err" ] && { echo "FAIL: $name $mode: $(cat "$t/err")"; fail=1; }
    got=$(objective "$t/s.json")
    [ "$got" = "$want" ] || { echo "FAIL: $name $mode: objective $got, expected $want"; fail=1; }
    "$bin" check $reg/$name.yaml "$t/s.json" > /dev/null ||
      { echo "FAIL: check rejects the schedule of $name $mode"; fail=1; }
  done
done
# The whatif sweep over the period that once aborted: every variant a row.
"$bin" whatif $reg/day-one-and-unsplit.yaml --days 1..3 --format csv > "$t/w.csv" ||
  { echo "FAIL: whatif exits $?"; fail=1; }
[ "$(grep -c . "$t/w.csv")" -eq 4 ] || { echo "FAIL: whatif rows: $(cat "$t/w.csv")"; fail=1; }

# A held meeting holds something: check refuses an empty one.
"$bin" solve $reg/held-meeting-not-empty.yaml --format json -o "$t/h.json" || fail=1
python3 - "$t/h.json" "$t/empty.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = d["bodies"][0]["meetings"]
m[0]["items"][0]["minutes"] += m[1]["items"][0]["minutes"]
m[1]["items"] = []
d["objective"] -= 10  # the continued piece is gone
json.dump(d, open(sys.argv[2], "w"))
PY
"$bin" check $reg/held-meeting-not-empty.yaml "$t/empty.json" > "$t/out"; rc=$?
[ $rc -eq 3 ] && grep -q "^\[meetings\] .* holds no item" "$t/out" ||
  { echo "FAIL: an empty meeting passed check (exit $rc): $(cat "$t/out")"; fail=1; }

# check compares the claimed objective: one more or one less fails.
"$bin" solve instances/som-2024.yaml --format json -o "$t/som.json" || fail=1
for delta in 1 -1; do
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["objective"]+=int(sys.argv[3]); json.dump(d,open(sys.argv[2],"w"))' \
    "$t/som.json" "$t/claim.json" "$delta"
  "$bin" check instances/som-2024.yaml "$t/claim.json" > "$t/out"; rc=$?
  [ $rc -eq 3 ] && grep -q "^\[objective\] the schedule claims an objective of" "$t/out" ||
    { echo "FAIL: objective $delta passed check (exit $rc)"; fail=1; }
done
"$bin" check instances/som-2024.yaml "$t/som.json" > /dev/null || { echo "FAIL: check of som-2024"; fail=1; }

# --keep with an item dropped from the agenda: matched by id, the rest said.
cat > "$t/four.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-08, days: 2}
body:
  id: WG
  name: Working Group
  agenda:
    - {item: "1", title: One, duration: 2h}
    - {item: "2", title: Two, duration: 3h}
    - {item: "5", title: Five, duration: 2h}
    - {item: "6", title: Six, duration: 1h}
YAML
"$bin" solve "$t/four.yaml" --format json -o "$t/old.json" || fail=1
grep -v 'item: "5"' "$t/four.yaml" > "$t/fewer.yaml"
"$bin" solve "$t/fewer.yaml" --keep "$t/old.json" --format json -o "$t/new.json" 2> "$t/err"; rc=$?
[ $rc -eq 0 ] || { echo "FAIL: --keep with a dropped item exits $rc: $(cat "$t/err")"; fail=1; }
grep -q "ignored, not in" "$t/err" && grep -q "item 5 of" "$t/err" ||
  { echo "FAIL: --keep does not say what it ignored: $(cat "$t/err")"; fail=1; }
"$bin" check "$t/fewer.yaml" "$t/new.json" > /dev/null || { echo "FAIL: check of the re-plan"; fail=1; }
exit $fail
