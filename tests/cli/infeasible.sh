#!/usr/bin/env bash
# Instances with no schedule: exit status 3 and the planner's reason on stderr, for
# each kind of cause the instances in instances/infeasible/ stand for.
set -u
bin=$1
fail=0
expect() { # file, expected reason line (without the "  - " bullet)
  local file=$1 want=$2 err st
  err=$("$bin" solve "$file" 2>&1 >/dev/null)
  st=$?
  if [ "$st" -ne 3 ]; then
    echo "FAIL $file: exit $st, expected 3"; fail=1; return
  fi
  if ! grep -qxF -- "  - $want" <<<"$err"; then
    echo "FAIL $file: reason not found"; echo " want:   - $want"; echo " got: $err"; fail=1; return
  fi
  echo "ok   $file"
}
expect instances/infeasible/consecutive-windows.yaml \
  "WG.4 and WG.7 must meet consecutively, but the window of WG.4 ends on Friday, 5 July 2024, 5 working days before that of WG.7 starts (Monday, 15 July 2024); move a window or drop the rule"
expect instances/infeasible/interpretation.yaml \
  "the bodies meeting with interpretation need at least 8 meetings together but 1 interpretation team over 4 slots give 4; add a team or days, or let a body meet without interpretation"
expect instances/infeasible/joint-windows.yaml \
  "item 2 of WG.3 is held jointly with WG.2, but their windows have no day in common"
expect instances/infeasible/one-room.yaml \
  "the bodies need at least 7 meetings together but 1 room over 6 slots give 6; add a room or days"
expect <(sed 's/meetings: 4/meetings: 3/' instances/som-2024.yaml) \
  "Working Group on the Smuggling of Migrants: the agenda needs 11 h but 3 meetings give 9 h; add a meeting or shorten items by 2 h (at least 4 meetings, over 2 days, would be needed)"
# Single-body causes, on small instances made here.
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
body() { # name, agenda lines (YAML, indented 6), extra body lines
  printf 'orgwork: 1\ncalendar: {start: 2024-07-11, days: 2}\nbody:\n  id: WG.6\n  name: Working Group on Firearms\n  meetings: 4\n%s  agenda:\n%s' "${3:-}" "$2" > "$t/$1.yaml"
  echo "$t/$1.yaml"
}
expect "$(body first2 '      - {item: "1", title: Opening, duration: 30m, first: true}
      - {item: "2", title: Debate, duration: 3h, first: true}
')" "Working Group on Firearms: items 1 and 2 are both marked first"
expect "$(body lastwrong '      - {item: "1", title: Opening, duration: 30m, last: true}
      - {item: "2", title: Debate, duration: 3h}
')" "Working Group on Firearms: item 1 is marked last but the agenda takes item 2 after it"
expect "$(body after '      - {item: "1", title: Opening, duration: 30m}
      - {item: "2", title: Debate, duration: 3h, after: ["3"]}
      - {item: "3", title: Report, duration: 1h}
')" "Working Group on Firearms: item 2 must follow item 3, but the agenda takes 2 first; reorder the agenda"
expect "$(body minpart '      - {item: "1", title: Debate, duration: 8h, min_part: 4h}
')" "Working Group on Firearms: item 1 asks for pieces of at least 4 h but a meeting lasts at most 3 h"
expect "$(body lastlong '      - {item: "1", title: Debate, duration: 3h}
      - {item: "2", title: Other matters, duration: 1h30m, meeting: last}
      - {item: "3", title: Report, duration: 2h, meeting: last}
')" "Working Group on Firearms: the items set to the last meeting need 3 h 30 min together but a meeting lasts at most 3 h"
expect "$(body meetingk '      - {item: "1", title: Debate, duration: 5h}
      - {item: "2", title: Report, duration: 1h, meeting: 1}
')" "Working Group on Firearms: item 2 is set to meeting 1 but the items before it need 5 h, more than those meetings give"
expect "$(body nosplit '      - {item: "1", title: Debate, duration: 4h, split: false}
')" "Working Group on Firearms: item 1 (4 h) may not be split but a meeting lasts at most 3 h"
expect "$(body daybeyond '      - {item: "1", title: Debate, duration: 2h, day: 3}
')" "Working Group on Firearms: item 1 is set to day 3 but the session has 2 days"
expect "$(body meetingbeyond '      - {item: "1", title: Debate, duration: 2h, meeting: 5}
')" "Working Group on Firearms: item 1 is set to meeting 5 but the body holds at most 4 meetings"
# held: all: four meetings, but two items that may not split fill two at most.
expect "$(body heldall '      - {item: "1", title: Opening, duration: 30m, split: false}
      - {item: "2", title: Debate, duration: 2h, split: false}
' '  held: all
')" "Working Group on Firearms: held: all asks for 4 meetings but its agenda fills at most 2 (a meeting takes at least a piece of an item)"
# A flexible estimate may shrink: the least it may take is what the precheck counts.
expect "$(body flexlast '      - {item: "1", title: Debate, duration: 6h}
      - {item: "2", title: Other matters, duration: 1 meeting, meeting: last, flex: 10%}
      - {item: "3", title: Report, duration: 1 meeting, meeting: last, flex: 10%}
')" "Working Group on Firearms: the items set to the last meeting need 5 h 24 min together but a meeting lasts at most 3 h"
# An item held to a day needs the items before it (agenda order, after, first, last)
# by that day too; and an item held from a day, the items after it from that day on.
expect "$(body daybound '      - {item: "1", title: Opening, duration: 2h}
      - {item: "2", title: Debate, duration: 3h}
      - {item: "3", title: Report, duration: 1h30m, not_after_day: 1}
')" "Working Group on Firearms: item 3 must be taken by day 1 of the body's session, and 2 other items before it: together they need 6 h 30 min, but the body's meetings up to that day give at most 6 h"
expect "$(body datebound '      - {item: "1", title: Opening, duration: 30m, first: true}
      - {item: "2", title: Debate, duration: 5h, after: [3]}
      - {item: "3", title: Statements, duration: 2h, day: 2024-07-12}
' '  order: free
')" "Working Group on Firearms: item 3 must be taken from Friday, 12 July 2024, and 1 other item after it: together they need 7 h, but the body's meetings from that day give at most 6 h"
printf 'orgwork: 1\ncalendar: {start: 2024-07-08, days: 5}\nrooms: [A, B]\nbodies:\n  - {id: P, name: First group, room: A, agenda: [{item: "1", title: Debate, duration: 2h}]}\n  - {id: Q, name: Second group, room: B, agenda: [{item: "1", title: Debate, duration: 2h}]}\nrules:\n  - consecutive: [P, Q]\n' > "$t/rooms.yaml"
expect "$t/rooms.yaml" "P and Q must meet consecutively in one room, but P is set to A and Q to B"
# A conflict only the solver finds: a pin to the second day before an item set to the first date.
printf 'orgwork: 1\ncalendar: {start: 2024-07-11, days: 2}\nbody:\n  id: WG.6\n  name: Working Group on Firearms\n  agenda:\n    - {item: "1", title: Opening, duration: 30m, pin: {date: 2024-07-12, slot: "10:00-13:00"}}\n    - {item: "2", title: Debate, duration: 1h, day: 2024-07-11}\n' > "$t/solver.yaml"
# The rules that conflict are named, each with its line (a deletion filter re-solves
# the body with each rule lifted in turn).
expect "$t/solver.yaml" "Working Group on Firearms: no schedule keeps these rules together, even with every room to itself; relax one of them: item 1 pinned to Friday, 12 July 2024, 10 a.m.–1 p.m. ($t/solver.yaml:7); item 2 on Thursday, 11 July 2024 ($t/solver.yaml:8)"
# A smallest set: the pin and the day do not conflict with meetings_per_day; the
# cap does with the days set.
printf 'orgwork: 1\ncalendar: {start: 2024-07-01, days: 3}\nbody:\n  id: A\n  name: Group A\n  meetings: 4\n  meetings_per_day: 1\n  agenda:\n    - {item: 1, title: One, duration: 1h, day: 1}\n    - {item: 2, title: Two, duration: 1h, day: 1, split: false}\n    - {item: 3, title: Three, duration: 2h, min_part: 1h}\n    - {item: 4, title: Four, duration: 3h, after: [1], pin: {date: 2024-07-02, slot: "15:00-18:00"}}\n' > "$t/smallest.yaml"
expect "$t/smallest.yaml" "Group A: no schedule keeps these rules together, even with every room to itself; relax one of them: at most 1 meeting a day (meetings_per_day) ($t/smallest.yaml:4); item 4 pinned to Tuesday, 2 July 2024, 3–6 p.m. ($t/smallest.yaml:12)"
# The newer rules are lifted too: alone, held: all, day windows, slots.
printf 'orgwork: 1\ncalendar: {start: 2024-07-01, days: 3}\nbody:\n  id: A\n  name: Group A\n  held: all\n  agenda:\n    - {item: 1, title: One, duration: 1h, meeting: 1}\n    - {item: 2, title: Two, duration: 30m, alone: true, meeting: 1}\n    - {item: 3, title: Three, duration: 8h}\n' > "$t/alone.yaml"
expect "$t/alone.yaml" "Group A: no schedule keeps these rules together, even with every room to itself; relax one of them: item 2 in meeting 1 ($t/alone.yaml:9); item 2 in meetings of its own (alone) ($t/alone.yaml:9)"
printf 'orgwork: 1\ncalendar: {start: 2024-07-01, days: 3}\nbody:\n  id: A\n  name: Group A\n  held: all\n  agenda:\n    - {item: 1, title: One, duration: 30m, day: 1}\n    - {item: 2, title: Two, duration: 30m, day: 1, last: true}\n' > "$t/held.yaml"
expect "$t/held.yaml" "Group A: no schedule keeps these rules together, even with every room to itself; relax one of them: every meeting held (held: all) ($t/held.yaml:4); item 2 on day 1 ($t/held.yaml:9)"
printf 'orgwork: 1\ncalendar: {start: 2024-07-01, days: 3}\nbody:\n  id: A\n  name: Group A\n  slots: ["15:00-18:00"]\n  agenda:\n    - {item: 1, title: One, duration: 2h, pin: {date: 2024-07-01, slot: "10:00-13:00"}}\n    - {item: 2, title: Two, duration: 1h, not_after_day: 3}\n' > "$t/slots.yaml"
expect "$t/slots.yaml" "Group A: no schedule keeps these rules together, even with every room to itself; relax one of them: its meeting times (slots) ($t/slots.yaml:4); item 1 pinned to Monday, 1 July 2024, 10 a.m.–1 p.m. ($t/slots.yaml:8)"
# JSON output of an infeasible instance says so, and still exits 3.
out=$("$bin" solve instances/infeasible/one-room.yaml --format json 2>/dev/null); st=$?
if [ "$st" -ne 3 ] || ! grep -q '"status": "infeasible"' <<<"$out"; then
  echo "FAIL json of an infeasible instance (exit $st)"; fail=1
else
  echo "ok   json status infeasible"
fi
[ $fail -eq 0 ] && echo "all infeasibility reasons as expected"
exit $fail
