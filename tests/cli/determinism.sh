#!/usr/bin/env bash
# determinism.sh: the same input gives the same bytes (SPEC §4).  Solves every
# instance of instances/ and tests/data/ twice in every format and compares the
# outputs byte for byte; the second run has another time zone, locale and working
# directory, none of which may leak into the output.  A solve that takes longer than
# DETERMINISM_TIMEOUT seconds (default 60) fails: every shipped instance solves to
# optimality well within it.
# Usage: bash tests/cli/determinism.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: determinism.sh ORGWORK_BINARY}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
limit=${DETERMINISM_TIMEOUT:-60}
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

for inst in instances/*.yaml tests/data/*.yaml; do
    [ -f "$inst" ] || continue
    cmd=solve
    formats="md text html csv ics json svg"
    if grep -q '^workplan:' "$inst"; then
        cmd=workplan
        formats="md html csv json"
    fi
    for fmt in $formats; do
        a=$tmp/a.$fmt
        b=$tmp/b.$fmt
        timeout "$limit" "$bin" "$cmd" "$inst" --format "$fmt" >"$a" 2>"$tmp/a.err"
        sa=$?
        if [ "$sa" -eq 124 ]; then
            failed=$((failed + 1))
            printf 'FAIL %s: takes more than %s s to solve\n' "$inst" "$limit"
            break
        fi
        (cd "$tmp" && TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 LANG=fr_FR.UTF-8 \
            "$bin" "$cmd" "$root/$inst" --format "$fmt" >"$b" 2>"$tmp/b.err")
        sb=$?
        if [ "$sa" -ne 0 ] || [ "$sb" -ne 0 ]; then
            failed=$((failed + 1))
            printf 'FAIL %s --format %s: exit %d then %d\n' "$inst" "$fmt" "$sa" "$sb"
            head -n 3 "$tmp/a.err" "$tmp/b.err"
        elif ! cmp -s "$a" "$b"; then
            failed=$((failed + 1))
            printf 'FAIL %s --format %s: two runs differ\n' "$inst" "$fmt"
            diff "$a" "$b" | head -n 10
        elif [ ! -s "$a" ]; then
            failed=$((failed + 1))
            printf 'FAIL %s --format %s: empty output\n' "$inst" "$fmt"
        else
            passed=$((passed + 1))
        fi
    done
done

printf 'determinism: %d passed, %d failed\n' "$passed" "$failed"
[ "$passed" -gt 0 ] && [ "$failed" -eq 0 ]
