#!/usr/bin/env bash
# seed_annexes.sh: the four seed instances reproduce their real annexes row for row,
# both the fitted ones (instances/som-YEAR.yaml) and the ones written from natural
# estimates with flexible durations and every meeting held
# (instances/som-YEAR-natural.yaml); every schedule also passes orgwork check.
# orgwork's CSV is turned into the canonical rows of tests/golden/seeds/som-*.rows
# (written from the annexes in /work/shared/seeds/, independently of the renderers):
#   DAY<TAB>YYYY-MM-DD                      a day heading
#   <HH:MM-HH:MM or empty><TAB><label><TAB><0|1 continued>   one agenda row; the time
#                                           only on the first row of a meeting
# Usage: bash tests/cli/seed_annexes.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: seed_annexes.sh ORGWORK_BINARY}
passed=0
failed=0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Reads orgwork's CSV (RFC 4180, CRLF) on stdin and prints the canonical rows.
to_rows() {
    python3 -c '
import csv, sys
rows = csv.DictReader(sys.stdin.buffer.read().decode("utf-8").splitlines())
day = meeting = None
for r in rows:
    if r["date"] != day:
        day = r["date"]
        print("DAY\t" + day)
    key = (r["body"], r["meeting"])
    when = r["start"] + "-" + r["end"] if key != meeting else ""
    meeting = key
    cont = {"true": "1", "false": "0"}[r["continued"]]
    print(when + "\t" + r["item"] + "\t" + cont)
'
}

for file in instances/som-20??.yaml instances/som-20??-natural.yaml; do
    year=${file#instances/som-}
    year=${year:0:4}
    want=tests/golden/seeds/som-$year.rows
    "$bin" solve "$file" --format json >"$tmp/out.json" &&
        "$bin" check "$file" "$tmp/out.json" >"$tmp/check.txt"
    status=$?
    if [ "$status" -ne 0 ]; then
        failed=$((failed + 1))
        printf 'FAIL %s: solve or check exit %d\n' "$file" "$status"
        cat "$tmp/check.txt"
        continue
    fi
    "$bin" solve "$file" --format csv >"$tmp/out.csv"
    status=$?
    if [ "$status" -ne 0 ]; then
        failed=$((failed + 1))
        printf 'FAIL %s: exit %d\n' "$file" "$status"
        continue
    fi
    if ! to_rows <"$tmp/out.csv" >"$tmp/got.rows"; then
        failed=$((failed + 1))
        printf 'FAIL %s: cannot read its CSV\n' "$file"
        continue
    fi
    if diff -u "$want" "$tmp/got.rows"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s does not reproduce %s\n' "$file" "$want"
    fi
done

printf 'seed annexes: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
