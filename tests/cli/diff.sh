#!/usr/bin/env bash
# orgwork diff: the 2024 schedule against the same session opened a day earlier
# (Wednesday 10 July instead of Thursday 11 July) moves every item by one day; a
# schedule against itself moves nothing; both exit 0.  A broken file exits 2 with
# its line and column.
set -u
bin=$1
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
"$bin" solve instances/som-2024.yaml --format json > "$t/a.json" || { echo "FAIL: solve A"; fail=1; }
"$bin" solve <(sed 's/start: 2024-07-11/start: 2024-07-10/' instances/som-2024.yaml) \
  --format json > "$t/b.json" || { echo "FAIL: solve B"; fail=1; }

"$bin" diff "$t/a.json" "$t/b.json" > "$t/out"; st=$?
[ "$st" -eq 0 ] || { echo "FAIL: diff exit $st, expected 0"; fail=1; }
cat > "$t/want" <<'EOF'
WG.7: item 1 (a) moves from Thursday, 11 July 2024, 10 a.m.–1 p.m. to Wednesday, 10 July 2024, 10 a.m.–1 p.m.
WG.7: item 1 (b) moves from Thursday, 11 July 2024, 10 a.m.–1 p.m. to Wednesday, 10 July 2024, 10 a.m.–1 p.m.
WG.7: item 2 moves to Wednesday, 10 July 2024, 10 a.m.–1 p.m. and 3–6 p.m. (was Thursday, 11 July 2024, 10 a.m.–1 p.m. and 3–6 p.m.)
WG.7: item 3 moves to Wednesday, 10 July 2024, 3–6 p.m.; Thursday, 11 July 2024, 10 a.m.–1 p.m. (was Thursday, 11 July 2024, 3–6 p.m.; Friday, 12 July 2024, 10 a.m.–1 p.m.)
WG.7: item 4 moves from Friday, 12 July 2024, 10 a.m.–1 p.m. to Thursday, 11 July 2024, 10 a.m.–1 p.m.
WG.7: item 5 moves from Friday, 12 July 2024, 3–6 p.m. to Thursday, 11 July 2024, 3–6 p.m.
WG.7: item 6 moves from Friday, 12 July 2024, 3–6 p.m. to Thursday, 11 July 2024, 3–6 p.m.
7 changes.
EOF
diff -u "$t/want" "$t/out" || { echo "FAIL: diff of a schedule a day earlier"; fail=1; }

out=$("$bin" diff "$t/a.json" "$t/a.json"); st=$?
[ "$st" -eq 0 ] && [ "$out" = "No item moved." ] ||
  { echo "FAIL: a schedule against itself (exit $st): $out"; fail=1; }

printf '{\n  "orgwork": 1,\n  "status" "optimal"\n}\n' > "$t/bad.json"
err=$("$bin" diff "$t/a.json" "$t/bad.json" 2>&1 >/dev/null); st=$?
[ "$st" -eq 2 ] || { echo "FAIL: bad JSON exit $st, expected 2"; fail=1; }
grep -q "^$t/bad.json:3:[0-9]*: error: " <<<"$err" ||
  { echo "FAIL: bad JSON message: $err"; fail=1; }

[ $fail -eq 0 ] && echo "diff as expected"
exit $fail
