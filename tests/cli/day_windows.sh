#!/usr/bin/env bash
# Day windows of agenda items through the command line: `not_before_day`,
# `not_after_day` and `day: last` hold in what `solve` returns (in agenda order and
# with `order: free`), `check` refuses a schedule that breaks them, and a window
# that no day can satisfy is refused when the file is read.
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT

# The session day (1-based, working days from the body's first meeting) of every
# piece of an item, as "item:day" lines.
days_of() {
    python3 - "$1" <<'PY'
import json, sys, datetime
d = json.load(open(sys.argv[1]))
for b in d["bodies"]:
    dates = sorted({m["date"] for m in b["meetings"]})
    # The calendar of these tests has no holidays: working days are Monday to Friday.
    def wd(a, z):
        a = datetime.date.fromisoformat(a); z = datetime.date.fromisoformat(z); n = 0
        while a < z:
            a += datetime.timedelta(days=1); n += a.weekday() < 5
        return n
    for m in b["meetings"]:
        for it in m["items"]:
            print("%s:%d" % (it["item"], wd(dates[0], m["date"]) + 1))
    print("last:%d" % (wd(dates[0], dates[-1]) + 1))
PY
}

cat > "$t/plain.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-11, days: 4}
body:
  id: WG
  name: Working Group
  meetings: 6
  agenda:
    - {item: "1", title: Opening, duration: 30m}
    - {item: "2", title: General debate, duration: 4h}
    - {item: "3", title: Panel, duration: 1h}
    - {item: "4", title: Statements, duration: 2h}
    - {item: "5", title: Adoption, duration: 1h}
YAML
sed -e 's/title: Panel, duration: 1h}/title: Panel, duration: 1h, not_before_day: 3}/' \
    -e 's/title: Statements, duration: 2h}/title: Statements, duration: 2h, not_after_day: 3}/' \
    -e 's/title: Adoption, duration: 1h}/title: Adoption, duration: 1h, day: last}/' \
    "$t/plain.yaml" > "$t/windows.yaml"
grep -q not_before_day "$t/windows.yaml" && grep -q 'day: last' "$t/windows.yaml" ||
  { echo "FAIL: could not write the instance with day windows"; fail=1; }

for order in agenda free; do
  f="$t/windows-$order.yaml"
  if [ $order = free ]; then sed 's/  meetings: 6/  meetings: 6\n  order: free/' "$t/windows.yaml" > "$f"
  else cp "$t/windows.yaml" "$f"; fi
  "$bin" solve "$f" --format json -o "$t/$order.json" || { echo "FAIL: $order: solve exit $?"; fail=1; continue; }
  "$bin" check "$f" "$t/$order.json" > /dev/null || { echo "FAIL: $order: check refuses the schedule"; fail=1; }
  days_of "$t/$order.json" > "$t/$order.days"
  last=$(sed -n 's/^last://p' "$t/$order.days")
  # Without the windows the whole agenda fits in the first two days (shown below),
  # so each rule is binding.
  while IFS=: read -r item day; do
    case $item in
      3) [ "$day" -ge 3 ] || { echo "FAIL: $order: item 3 on day $day, before day 3"; fail=1; } ;;
      4) [ "$day" -le 3 ] || { echo "FAIL: $order: item 4 on day $day, after day 3"; fail=1; } ;;
      5) [ "$day" = "$last" ] || { echo "FAIL: $order: item 5 on day $day, the last is $last"; fail=1; } ;;
    esac
  done < "$t/$order.days"
done

"$bin" solve "$t/plain.yaml" --format json -o "$t/plain.json" || { echo "FAIL: plain solve"; fail=1; }
days_of "$t/plain.json" > "$t/plain.days"
grep -q '^3:[12]$' "$t/plain.days" || { echo "FAIL: without the window item 3 is not on day 1 or 2: $(tr '\n' ' ' < "$t/plain.days")"; fail=1; }

# check: the plain schedule breaks not_before_day.
"$bin" check "$t/windows.yaml" "$t/plain.json" > "$t/check.out"
st=$?
[ $st -eq 3 ] && grep -q '^\[day\] .*: item 3 may not be taken before day 3 of the body.s session (it is day [12])$' "$t/check.out" ||
  { echo "FAIL: check of not_before_day (exit $st): $(cat "$t/check.out")"; fail=1; }

# check: not_after_day 1 and day: last, each broken by the plain schedule (which
# takes item 4 and item 1 on day 2 at the earliest, and meets on two days).
sed 's/title: Statements, duration: 2h}/title: Statements, duration: 2h, not_after_day: 1}/' "$t/plain.yaml" > "$t/after.yaml"
"$bin" check "$t/after.yaml" "$t/plain.json" > "$t/after.out"
st=$?
[ $st -eq 3 ] && grep -q '^\[day\] .*: item 4 may not be taken after day 1 of the body.s session (it is day 2)$' "$t/after.out" ||
  { echo "FAIL: check of not_after_day (exit $st): $(cat "$t/after.out")"; fail=1; }
sed 's/title: Opening, duration: 30m}/title: Opening, duration: 30m, day: last}/' "$t/plain.yaml" > "$t/last.yaml"
"$bin" check "$t/last.yaml" "$t/plain.json" > "$t/last.out"
st=$?
[ $st -eq 3 ] && grep -q '^\[day\] .*: item 1 must be taken on the last day of the body.s session, Friday, 12 July 2024$' "$t/last.out" ||
  { echo "FAIL: check of day: last (exit $st): $(cat "$t/last.out")"; fail=1; }

# A window no day can satisfy: the body's session cannot reach day 5 in 4 days.
sed 's/title: Panel, duration: 1h}/title: Panel, duration: 1h, not_before_day: 5}/' "$t/plain.yaml" > "$t/far.yaml"
"$bin" solve "$t/far.yaml" > /dev/null 2> "$t/far.err"
st=$?
[ $st -eq 3 ] && grep -q 'item 3 may not be taken before day 5 but the session has 4 days' "$t/far.err" ||
  { echo "FAIL: not_before_day past the calendar gives exit $st: $(cat "$t/far.err")"; fail=1; }

[ $fail -eq 0 ] && echo "day_windows: all checks passed"
exit $fail
