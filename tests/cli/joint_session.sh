#!/usr/bin/env bash
# An item marked first opens the body's session and one marked last closes it,
# joint meetings it attends included: a guest's joint meeting falls inside its own
# session.  A joint item marked first or last binds every body attending it.  The
# solver keeps it, `check` refuses a schedule that does not, and the CTOC period
# shows it (WG.7 opens before its joint meeting with WG.4).
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
# ranks FILE BODY: the items of each meeting of BODY, one meeting a line, in order.
ranks() {
    python3 - "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for b in d["bodies"]:
    if b["id"] == sys.argv[2]:
        for m in sorted(b["meetings"], key=lambda m: (m["date"], m["start"])):
            print(" ".join(p.get("body", b["id"]) + ":" + p["item"] for p in m["items"]))
PY
}

cat > "$t/groups.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-01, days: 3}
bodies:
  - id: A
    name: Working Group on Trafficking in Persons
    agenda:
      - {item: 1, title: Opening of the meeting, duration: 10m, first: true}
      - {item: 2, title: Technology and trafficking, duration: 2h}
      - {item: 3, title: Review mechanism, duration: 3h, joint_with: [B]}
      - {item: 4, title: Adoption of the report, duration: 1h, last: true}
  - id: B
    name: Working Group on the Smuggling of Migrants
    agenda:
      - {item: 1, title: Opening of the meeting, duration: 10m, first: true}
      - {item: 2, title: Root causes, duration: 2h}
      - {item: 3, title: Adoption of the report, duration: 1h, last: true}
YAML
"$bin" solve "$t/groups.yaml" --format json -o "$t/groups.json" || { echo "FAIL: groups exit $?"; fail=1; }
"$bin" check "$t/groups.yaml" "$t/groups.json" > /dev/null || { echo "FAIL: check of groups"; fail=1; }
ranks "$t/groups.json" B > "$t/b.txt"
head -1 "$t/b.txt" | grep -q '^B:1' || { echo "FAIL: B does not open with its item 1: $(cat "$t/b.txt")"; fail=1; }
tail -1 "$t/b.txt" | grep -q 'B:3$' || { echo "FAIL: B does not close with its item 3: $(cat "$t/b.txt")"; fail=1; }
grep -qx 'A:3' "$t/b.txt" || { echo "FAIL: B has no joint meeting: $(cat "$t/b.txt")"; fail=1; }

# The same schedule with B's joint meeting moved before its opening is refused.
python3 - "$t/groups.json" "$t/moved.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
b = [x for x in d["bodies"] if x["id"] == "B"][0]
ms = sorted(b["meetings"], key=lambda m: (m["date"], m["start"]))
joint = [m for m in ms if m.get("joint_with")][0]
first = ms[0]
# Swap the two meetings' items (the joint meeting takes the first meeting's place).
joint["items"], first["items"] = first["items"], joint["items"]
joint.pop("joint_with"); first["joint_with"] = ["A"]
a = [x for x in d["bodies"] if x["id"] == "A"][0]
for m in a["meetings"]:
    if any(p["item"] == "3" for p in m["items"]):
        m["date"], m["start"], m["end"], m["room"] = first["date"], first["start"], first["end"], first["room"]
json.dump(d, open(sys.argv[2], "w"))
PY
"$bin" check "$t/groups.yaml" "$t/moved.json" > "$t/moved.out"; st=$?
[ $st -eq 3 ] && grep -q '^\[first\] .*item 1 must be the first thing the body does in the session, but the body met before' "$t/moved.out" ||
  { echo "FAIL: check of the moved joint meeting exit $st: $(cat "$t/moved.out")"; fail=1; }

# A joint item marked last closes every attending body's session; one marked first
# opens it.
cat > "$t/closing.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-01, days: 3}
bodies:
  - id: A
    name: Working Group on Firearms
    agenda:
      - {item: 1, title: Joint opening, duration: 30m, first: true, joint_with: [B]}
      - {item: 2, title: Debate, duration: 2h}
      - {item: 3, title: Joint closing, duration: 30m, last: true, joint_with: [B]}
  - id: B
    name: Working Group on International Cooperation
    agenda:
      - {item: 1, title: Debate, duration: 5h}
YAML
"$bin" solve "$t/closing.yaml" --format json -o "$t/closing.json" || { echo "FAIL: closing exit $?"; fail=1; }
"$bin" check "$t/closing.yaml" "$t/closing.json" > /dev/null || { echo "FAIL: check of closing"; fail=1; }
ranks "$t/closing.json" B > "$t/bc.txt"
[ "$(head -1 "$t/bc.txt")" = "A:1" ] && [ "$(tail -1 "$t/bc.txt")" = "A:3" ] ||
  { echo "FAIL: B's session is not opened and closed by the joint items: $(cat "$t/bc.txt")"; fail=1; }
# A guest with its own item marked last cannot attend a joint item marked last.
sed 's/{item: 1, title: Debate, duration: 5h}/{item: 1, title: Debate, duration: 5h, last: true}/' \
  "$t/closing.yaml" > "$t/both.yaml"
"$bin" solve "$t/both.yaml" > /dev/null 2>&1; st=$?
[ $st -eq 3 ] || { echo "FAIL: two things last for B: exit $st"; fail=1; }

# The CTOC period: WG.7 opens before its joint meeting with WG.4, and adopts its
# report after it.
"$bin" solve instances/ctoc-2024-period.yaml --format json -o "$t/ctoc.json" || { echo "FAIL: ctoc exit $?"; fail=1; }
ranks "$t/ctoc.json" WG.7 > "$t/wg7.txt"
head -1 "$t/wg7.txt" | grep -q '^WG.7:1(a)' && tail -1 "$t/wg7.txt" | grep -q 'WG.7:6$' &&
  grep -qx 'WG.4:4' "$t/wg7.txt" || { echo "FAIL: WG.7's session: $(cat "$t/wg7.txt")"; fail=1; }

[ $fail -eq 0 ] && echo "joint session: ok"
exit $fail
