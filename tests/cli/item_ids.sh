#!/usr/bin/env bash
# Item ids as agendas number them: plain numbers, and sub-items numbered after
# their item with a dot ("4.1" of item 4), which keep their number as it is and may
# be named in `after`; a top-level item with a sub-item's number is refused.
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT

cat > "$t/ids.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-11, days: 2}
body:
  id: C
  name: Committee of the Whole
  agenda:
    - {item: 3, title: Opening, duration: 30m}
    - item: 4
      title: Review
      subitems:
        - {item: "4.1", title: Chapter one, duration: 1h}
        - {item: "4.2", title: Chapter two, duration: 1h}
        - {item: b, title: Annex, duration: 30m}
    - {item: 5, title: Adoption, duration: 1h, after: ["4.2", 3], last: true}
YAML
"$bin" solve "$t/ids.yaml" --format json -o "$t/ids.json" || { echo "FAIL: exit $?"; fail=1; }
got=$(python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
print(" ".join(p["item"] for m in d["bodies"][0]["meetings"] for p in m["items"]))' "$t/ids.json")
[ "$got" = "3 4.1 4.2 4(b) 5" ] || { echo "FAIL: ids $got"; fail=1; }
"$bin" check "$t/ids.yaml" "$t/ids.json" > /dev/null || { echo "FAIL: check"; fail=1; }
"$bin" solve "$t/ids.yaml" > "$t/ids.md"
grep -q '^| | 4.1 | Chapter one |$' "$t/ids.md" || { echo "FAIL: label 4.1 in the annex"; fail=1; }
grep -q '^| | 4 (b) | Annex |$' "$t/ids.md" || { echo "FAIL: label 4 (b) in the annex"; fail=1; }

# The number of a dotted sub-item is taken.
sed 's/{item: 5, title: Adoption/{item: "4.1", title: Adoption/' "$t/ids.yaml" > "$t/twin.yaml"
"$bin" solve "$t/twin.yaml" > /dev/null 2> "$t/twin.err"; st=$?
[ $st -eq 2 ] && grep -q 'item id "4.1" used twice' "$t/twin.err" ||
  { echo "FAIL: twin 4.1 exit $st: $(cat "$t/twin.err")"; fail=1; }
# And item 4 itself, whose sub-items stand in its place.
sed 's/{item: 5, title: Adoption/{item: 4, title: Adoption/' "$t/ids.yaml" > "$t/parent.yaml"
"$bin" solve "$t/parent.yaml" > /dev/null 2> "$t/parent.err"; st=$?
[ $st -eq 2 ] && grep -q 'item id "4" used twice' "$t/parent.err" ||
  { echo "FAIL: twin 4 exit $st: $(cat "$t/parent.err")"; fail=1; }

[ $fail -eq 0 ] && echo "item ids: ok"
exit $fail
