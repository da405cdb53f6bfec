#!/usr/bin/env bash
# Slots kept for or from a body through the command line: `slots` (the times a body
# meets at), `not_during`, `only_during` and `reserved` hold in what `solve` returns, planned body
# by body and as one program, `check` names each one a schedule breaks, and a body
# they leave no slot is refused when the file is read.
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT

cat > "$t/rules.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-11, days: 3, slots: ["10:00-13:00", "15:00-18:00", "19:00-21:00"]}
rooms: [Plenary, Room B]
services: {interpretation_teams: 2}
bodies:
  - id: CONF
    name: Conference
    reserved: [{date: 2024-07-11, slot: "10:00-13:00"}]
    agenda:
      - {item: "1", title: Opening, duration: 1h, pin: {date: 2024-07-11, slot: "10:00-13:00"}}
      - {item: "2", title: General debate, duration: 5h}
  - id: WG
    name: Working Group
    not_during: [{date: 2024-07-11, slot: "15:00-18:00"}, {date: 2024-07-12}]
    agenda:
      - {item: "1", title: Discussion, duration: 5h}
  - id: DC
    name: Drafting Committee
    slots: ["19:00-21:00"]
    agenda:
      - {item: "1", title: Drafting, duration: 3h}
YAML
grep -v -e 'reserved:' -e 'not_during:' -e 'slots: \["19' "$t/rules.yaml" > "$t/plain.yaml"

# Each meeting as "body date start".
meetings() {
    python3 -c 'import json,sys
for b in json.load(open(sys.argv[1]))["bodies"]:
    for m in b["meetings"]:
        print(b["id"], m["date"], m["start"])' "$1"
}

for how in parts whole; do
  opt=; [ $how = whole ] && opt=--whole
  "$bin" solve "$t/rules.yaml" $opt --format json -o "$t/$how.json" || { echo "FAIL: $how: solve exit $?"; fail=1; continue; }
  "$bin" check "$t/rules.yaml" "$t/$how.json" > /dev/null || { echo "FAIL: $how: check refuses the schedule"; fail=1; }
  meetings "$t/$how.json" > "$t/$how.txt"
  [ "$(wc -l < "$t/$how.txt")" -ge 5 ] || { echo "FAIL: $how: too few meetings"; fail=1; }
  grep -v '^CONF' "$t/$how.txt" | grep -q ' 2024-07-11 10:00$' && { echo "FAIL: $how: a body meets in the Conference's reserved slot"; fail=1; }
  grep -q -e '^WG 2024-07-11 15:00$' -e '^WG 2024-07-12 ' "$t/$how.txt" && { echo "FAIL: $how: the working group meets when not_during says not"; fail=1; }
  grep '^DC' "$t/$how.txt" | grep -qv ' 19:00$' && { echo "FAIL: $how: the drafting committee meets outside the evening"; fail=1; }
done

# Without the rules the same bodies take those slots, so each rule binds; check
# names every one the plain schedule breaks.
"$bin" solve "$t/plain.yaml" --format json -o "$t/plain.json" || { echo "FAIL: plain solve"; fail=1; }
"$bin" check "$t/rules.yaml" "$t/plain.json" > "$t/check.out"
st=$?
[ $st -eq 3 ] || { echo "FAIL: check of the plain schedule exits $st"; fail=1; }
for want in \
  '^\[slots\] Working Group, meeting 1 (Thursday, 11 July 2024, 10 a.m.–1 p.m.): the time is reserved for Conference (line 8)$' \
  '^\[slots\] Working Group, meeting 2 (Thursday, 11 July 2024, 3–6 p.m.): the body may not meet then (not_during, line 14)$' \
  '^\[slots\] Drafting Committee, meeting 1 (.*): the body meets only at 7–9 p.m.$'; do
  grep -q "$want" "$t/check.out" || { echo "FAIL: check does not say $want: $(cat "$t/check.out")"; fail=1; }
done

# only_during: the committee meets only on Friday evening and Monday morning (four
# hours need both).
sed -e 's/^    slots: \["19:00-21:00"\]/    only_during: [{date: 2024-07-12, slot: "19:00-21:00"}, {date: 2024-07-15, slot: "10:00-13:00"}]/' \
    -e 's/title: Drafting, duration: 3h}/title: Drafting, duration: 4h}/' "$t/rules.yaml" > "$t/only.yaml"
grep -q only_during "$t/only.yaml" || { echo "FAIL: could not write only.yaml"; fail=1; }
"$bin" solve "$t/only.yaml" --format json -o "$t/only.json" || { echo "FAIL: only_during solve exit $?"; fail=1; }
"$bin" check "$t/only.yaml" "$t/only.json" > /dev/null || { echo "FAIL: check refuses the only_during schedule"; fail=1; }
[ "$(meetings "$t/only.json" | grep '^DC' | tr '\n' ' ')" = "DC 2024-07-12 19:00 DC 2024-07-15 10:00 " ] ||
  { echo "FAIL: only_during: $(meetings "$t/only.json" | grep '^DC')"; fail=1; }
"$bin" check "$t/only.yaml" "$t/parts.json" > "$t/only.out"
st=$?
[ $st -eq 3 ] && grep -q '^\[slots\] Drafting Committee, meeting 1 (Thursday, 11 July 2024, 7–9 p.m.): the body meets only in the slots of its only_during (line 19)$' "$t/only.out" ||
  { echo "FAIL: check of only_during (exit $st): $(cat "$t/only.out")"; fail=1; }

# A committee that meets only in the evening cannot hold six hours in two evenings.
sed -e 's/days: 3,/days: 2,/' -e 's/duration: 3h}/duration: 6h}/' "$t/rules.yaml" > "$t/short.yaml"
"$bin" solve "$t/short.yaml" > /dev/null 2> "$t/short.err"
st=$?
[ $st -eq 3 ] || { echo "FAIL: evenings too few gives exit $st: $(cat "$t/short.err")"; fail=1; }

# The resources sentence counts the slots a body may meet in: two evenings.
cat > "$t/two.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-11, days: 2, slots: ["10:00-13:00", "15:00-18:00", "19:00-21:00"]}
body:
  id: DC
  name: Drafting Committee
  slots: ["19:00-21:00"]
  agenda:
    - {item: "1", title: Drafting, duration: 1h}
YAML
"$bin" solve "$t/two.yaml" > "$t/two.md" || { echo "FAIL: two evenings solve"; fail=1; }
grep -q 'Drafting Committee will permit the holding of two plenary meetings over two days' "$t/two.md" ||
  { echo "FAIL: the drafting committee's resources: $(grep 'Drafting' "$t/two.md" | head -1)"; fail=1; }

# --days that leaves a body no slot is refused like a window it ends before.
sed 's/^  slots: \["19:00-21:00"\]/  not_during: [{date: 2024-07-11}]/' "$t/two.yaml" > "$t/late.yaml"
"$bin" solve "$t/late.yaml" --days 1 > /dev/null 2> "$t/late.err"
st=$?
[ $st -eq 2 ] && grep -q 'days 1 ends the calendar on 2024-07-11, before any slot body DC may meet in' "$t/late.err" ||
  { echo "FAIL: --days leaving no slot (exit $st): $(cat "$t/late.err")"; fail=1; }
"$bin" solve "$t/late.yaml" --days 2 --format json -o "$t/late.json" &&
  [ "$(meetings "$t/late.json")" = "DC 2024-07-12 10:00" ] ||
  { echo "FAIL: not_during a whole day: $(meetings "$t/late.json")"; fail=1; }

[ $fail -eq 0 ] && echo "slot_rules: all checks passed"
exit $fail
