#!/usr/bin/env bash
# An item of one body after an item of another (`after: [DC:2]`, `after: [{body: DC,
# item: 2}]`): the plenary adopts its report only once the drafting committee has
# drafted it.  The rule changes the schedule, body-by-body planning keeps it (same
# objective as the whole program, no fallback note), `check` refuses a schedule that
# breaks it, and rules that go round in a circle are said in words (exit 3).
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d[sys.argv[2]])' "$@"; }
# first_start FILE BODY ITEM / last_end FILE BODY ITEM: "YYYY-MM-DD HH:MM" of the
# meeting where the item begins / ends.
when() {
    python3 - "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[2]))
hits = [(m["date"], m["start"], m["end"]) for b in d["bodies"] if b["id"] == sys.argv[3]
        for m in b["meetings"] for p in m["items"] if p["item"] == sys.argv[4]]
hits.sort()
print(hits[0][0] + " " + hits[0][1] if sys.argv[1] == "first" else hits[-1][0] + " " + hits[-1][2])
PY
}

cat > "$t/across.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-01, days: 2}
rooms: [Plenary Hall, Board Room]
services: {interpretation_teams: 2}
bodies:
  - id: PL
    name: Conference of the Parties
    agenda:
      - {item: 1, title: Opening of the session, duration: 30m, first: true}
      - {item: 2, title: General debate, duration: 2h}
      - {item: 3, title: Adoption of the report, duration: 30m, last: true, after: [DC:2]}
  - id: DC
    name: Drafting Committee
    agenda:
      - {item: 1, title: Organization of work, duration: 15m}
      - {item: 2, title: Drafting of the report, duration: 2h}
YAML
sed 's/, after: \[DC:2\]//' "$t/across.yaml" > "$t/none.yaml"
sed 's/after: \[DC:2\]/after: [{body: DC, item: 2}]/' "$t/across.yaml" > "$t/map.yaml"

# Without the rule both bodies meet side by side in the first slot.
"$bin" solve "$t/none.yaml" --format json -o "$t/none.json" || { echo "FAIL: none exit $?"; fail=1; }
[ "$(when first "$t/none.json" PL 3)" \< "$(when last "$t/none.json" DC 2)" ] ||
  { echo "FAIL: without the rule the report is not adopted early; the test proves nothing"; fail=1; }
# With it, the adoption begins once the drafting has ended; both spellings alike.
for f in across map; do
    "$bin" solve "$t/$f.yaml" --format json -o "$t/$f.json" 2> "$t/$f.err" || { echo "FAIL: $f exit $?"; fail=1; }
    [ ! -s "$t/$f.err" ] || { echo "FAIL: $f said: $(cat "$t/$f.err")"; fail=1; }
    [ "$(when first "$t/$f.json" PL 3)" \> "$(when last "$t/$f.json" DC 2)" ] ||
      [ "$(when first "$t/$f.json" PL 3)" = "$(when last "$t/$f.json" DC 2)" ] ||
      { echo "FAIL: $f: PL 3 begins $(when first "$t/$f.json" PL 3), DC 2 ends $(when last "$t/$f.json" DC 2)"; fail=1; }
    "$bin" check "$t/$f.yaml" "$t/$f.json" > /dev/null || { echo "FAIL: check of $f"; fail=1; }
done
cmp -s "$t/across.json" "$t/map.json" || { echo "FAIL: the two spellings differ"; fail=1; }

# check refuses the schedule made without the rule.
"$bin" check "$t/across.yaml" "$t/none.json" > "$t/check.out"; st=$?
[ $st -eq 3 ] && grep -q '^\[after\] .*item 3 must follow item 2 of DC' "$t/check.out" ||
  { echo "FAIL: check exit $st: $(cat "$t/check.out")"; fail=1; }

# Body by body: a chain across three bodies and a fourth body apart, planned in turn;
# the plan keeps the rules (no note of a broken plan) and matches the whole program.
cat > "$t/chain.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-01, days: 3}
rooms: [Plenary Hall, Board Room]
services: {interpretation_teams: 2}
bodies:
  - id: PL
    name: Conference of the Parties
    agenda:
      - {item: 1, title: Opening of the session, duration: 30m, first: true}
      - {item: 2, title: General debate, duration: 2h}
      - {item: 3, title: Adoption of the report, duration: 30m, last: true, after: [DC:2]}
  - id: DC
    name: Drafting Committee
    agenda:
      - {item: 1, title: Organization of work, duration: 15m}
      - {item: 2, title: Drafting of the report, duration: 2h, after: ["WG:2"]}
  - id: WG
    name: Working Group on Firearms
    agenda:
      - {item: 1, title: Opening, duration: 15m}
      - {item: 2, title: Conclusions, duration: 4h}
  - id: EG
    name: Expert Group
    agenda:
      - {item: 1, title: Opening, duration: 15m}
      - {item: 2, title: Discussion, duration: 5h}
YAML
"$bin" solve "$t/chain.yaml" --format json -o "$t/chain.json" 2> "$t/chain.err" || { echo "FAIL: chain exit $?"; fail=1; }
[ ! -s "$t/chain.err" ] || { echo "FAIL: chain said: $(cat "$t/chain.err")"; fail=1; }
"$bin" check "$t/chain.yaml" "$t/chain.json" > /dev/null || { echo "FAIL: check of chain"; fail=1; }
"$bin" solve "$t/chain.yaml" --whole --format json -o "$t/whole.json" || { echo "FAIL: whole exit $?"; fail=1; }
[ "$(field "$t/chain.json" objective)" = "$(field "$t/whole.json" objective)" ] ||
  { echo "FAIL: body by body $(field "$t/chain.json" objective), whole $(field "$t/whole.json" objective)"; fail=1; }
[ "$(when last "$t/chain.json" WG 2)" \< "$(when first "$t/chain.json" DC 2)" ] ||
  [ "$(when last "$t/chain.json" WG 2)" = "$(when first "$t/chain.json" DC 2)" ] ||
  { echo "FAIL: DC 2 before WG 2 ends"; fail=1; }

# A circle across bodies.
sed 's/{item: 1, title: Organization of work, duration: 15m}/{item: 1, title: Organization of work, duration: 15m, after: ["PL:3"]}/' \
  "$t/across.yaml" > "$t/circle.yaml"
"$bin" solve "$t/circle.yaml" > /dev/null 2> "$t/circle.err"; st=$?
[ $st -eq 3 ] && grep -q 'the after rules go round in a circle: item 3 of PL, which follows item 2 of DC, which follows item 1 of DC, which follows item 3 of PL' "$t/circle.err" ||
  { echo "FAIL: circle exit $st: $(cat "$t/circle.err")"; fail=1; }

[ $fail -eq 0 ] && echo "across: ok"
exit $fail
