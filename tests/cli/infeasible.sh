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
# JSON output of an infeasible instance says so, and still exits 3.
out=$("$bin" solve instances/infeasible/one-room.yaml --format json 2>/dev/null); st=$?
if [ "$st" -ne 3 ] || ! grep -q '"status": "infeasible"' <<<"$out"; then
  echo "FAIL json of an infeasible instance (exit $st)"; fail=1
else
  echo "ok   json status infeasible"
fi
[ $fail -eq 0 ] && echo "all infeasibility reasons as expected"
exit $fail
