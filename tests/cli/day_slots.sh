#!/usr/bin/env bash
# Slot hours that differ by day through the command line: `slots_on` (a date) and
# `slots_by_weekday` (a weekday) give those days their own slots; the schedule, its
# ICS times, pins, the resources sentence, "meetings" durations and --days follow
# them, `check` reads a meeting against its own day's slots, and dates or weekdays
# the calendar does not have are refused when the file is read.
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT

# A first day from 10.00, later days from 9.30, an evening meeting on 11 July and
# a half day on Fridays.
cat > "$t/days.yaml" <<'YAML'
orgwork: 1
calendar:
  start: 2024-07-10
  days: 4
  slots: ["09:30-12:30", "15:00-18:00"]
  slots_on:
    2024-07-10: ["10:00-13:00", "15:00-18:00"]
    2024-07-11: ["09:30-12:30", "15:00-18:00", "19:00-21:00"]
  slots_by_weekday: {fri: ["10:00-13:00"]}
body:
  id: WG
  name: Working Group
  agenda:
    - {item: "1", title: Opening, duration: 30m, pin: {date: 2024-07-10, slot: "10:00-13:00"}}
    - {item: "2", title: General debate, duration: 10h}
    - {item: "3", title: Evening panel, duration: 2h, pin: {date: 2024-07-11, slot: "19:00-21:00"}}
    - {item: "4", title: Statements, duration: 1 meeting}
    - {item: "5", title: Adoption, duration: 1h, day: last}
YAML
meetings() {
    python3 -c 'import json,sys
for b in json.load(open(sys.argv[1]))["bodies"]:
    for m in b["meetings"]:
        print(m["date"], m["start"], m["end"], " ".join("%s=%d" % (i["item"], i["minutes"]) for i in m["items"]))' "$1"
}
"$bin" solve "$t/days.yaml" --format json -o "$t/days.json" || { echo "FAIL: solve exit $?"; fail=1; }
"$bin" check "$t/days.yaml" "$t/days.json" > /dev/null || { echo "FAIL: check refuses the schedule"; fail=1; }
meetings "$t/days.json" > "$t/days.txt"
# Every meeting is in a slot of its own day.
while read -r date start end rest; do
  case "$date $start-$end" in
    "2024-07-10 10:00-13:00"|"2024-07-10 15:00-18:00") ;;
    "2024-07-11 09:30-12:30"|"2024-07-11 15:00-18:00"|"2024-07-11 19:00-21:00") ;;
    "2024-07-12 10:00-13:00") ;;
    "2024-07-15 09:30-12:30"|"2024-07-15 15:00-18:00") ;;
    *) echo "FAIL: a meeting at $date $start-$end, not a slot of that day"; fail=1 ;;
  esac
done < "$t/days.txt"
grep -q '^2024-07-10 10:00 13:00 1=30' "$t/days.txt" || { echo "FAIL: the opening is not at 10 a.m. on the first day"; fail=1; }
grep -q '^2024-07-11 19:00 21:00 3=120$' "$t/days.txt" || { echo "FAIL: no evening panel: $(cat "$t/days.txt")"; fail=1; }
# "1 meeting" is the first slot of `slots`, 09:30-12:30: three hours, whatever the day.
grep -q '4=180' "$t/days.txt" || { echo "FAIL: 1 meeting is not 180 minutes: $(cat "$t/days.txt")"; fail=1; }
"$bin" solve "$t/days.yaml" --format ics > "$t/days.ics" || { echo "FAIL: ics"; fail=1; }
grep -q 'DTSTART;TZID=Europe/Vienna:20240711T190000' "$t/days.ics" && grep -q 'DTEND;TZID=Europe/Vienna:20240711T210000' "$t/days.ics" ||
  { echo "FAIL: the ICS lacks the evening meeting"; fail=1; }
"$bin" solve "$t/days.yaml" > "$t/days.md"
grep -q '^| 9.30 a.m.–12.30 p.m. | ' "$t/days.md" && grep -q '^| 7–9 p.m. | 3 | Evening panel |$' "$t/days.md" ||
  { echo "FAIL: the annex times: $(cat "$t/days.md")"; fail=1; }

# check reads each meeting against its own day: the regular 09:30 slot on the
# first day is not one of its slots.
python3 - "$t/days.json" "$t/moved.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = d["bodies"][0]["meetings"][0]
m["start"], m["end"] = "09:30", "12:30"
d.pop("objective", None)
json.dump(d, open(sys.argv[2], "w"))
PY
"$bin" check "$t/days.yaml" "$t/moved.json" > "$t/moved.out"
st=$?
[ $st -eq 3 ] && grep -q '^\[calendar\] Working Group, meeting 1 (Wednesday, 10 July 2024, 9.30 a.m.–12.30 p.m.): 09:30-12:30 is not one of the calendar.s meeting slots' "$t/moved.out" ||
  { echo "FAIL: check of a meeting outside its day's slots (exit $st): $(cat "$t/moved.out")"; fail=1; }

# A half day before the weekend: two slots a day, one on Friday.
cat > "$t/half.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-10, days: 4, slots_by_weekday: {friday: ["10:00-13:00"]}}
body:
  id: WG
  name: Working Group
  agenda:
    - {item: "1", title: Debate, duration: 17h}
YAML
"$bin" solve "$t/half.yaml" > "$t/half.md" || { echo "FAIL: half day solve"; fail=1; }
grep -q 'holding of seven plenary meetings over three and a half days' "$t/half.md" ||
  { echo "FAIL: half day resources: $(sed -n 3p "$t/half.md")"; fail=1; }
grep -q '^| 3–6 p.m. | 1 | Debate' "$t/half.md" || { echo "FAIL: half day annex"; fail=1; }
"$bin" solve "$t/half.yaml" --format json -o "$t/half.json"
meetings "$t/half.json" | grep '^2024-07-12' | grep -qv ' 10:00 13:00 ' && { echo "FAIL: a Friday afternoon meeting"; fail=1; }
# --days keeps each date's slots: three days hold five meetings, 15 hours.
"$bin" solve "$t/half.yaml" --days 3 > /dev/null 2> "$t/short.err"
st=$?
[ $st -eq 3 ] || { echo "FAIL: --days 3 gives exit $st"; fail=1; }
sed 's/duration: 17h/duration: 15h/' "$t/half.yaml" > "$t/half15.yaml"
"$bin" solve "$t/half15.yaml" --days 3 --format json -o "$t/d3.json" || { echo "FAIL: --days 3 of 15 hours"; fail=1; }
[ "$(meetings "$t/d3.json" | wc -l)" = 5 ] || { echo "FAIL: --days 3: $(meetings "$t/d3.json")"; fail=1; }

# A pin names a slot of its own date.
sed 's/pin: {date: 2024-07-11, slot: "19:00-21:00"}/pin: {date: 2024-07-12, slot: "19:00-21:00"}/' "$t/days.yaml" > "$t/pin.yaml"
"$bin" solve "$t/pin.yaml" > /dev/null 2> "$t/pin.err"
st=$?
[ $st -eq 2 ] && grep -q 'pin.yaml:16:85: error: slot "19:00-21:00" is not one of the slots of 2024-07-12 (10:00-13:00)' "$t/pin.err" ||
  { echo "FAIL: pin outside its date's slots (exit $st): $(cat "$t/pin.err")"; fail=1; }

[ $fail -eq 0 ] && echo "day_slots: all checks passed"
exit $fail
