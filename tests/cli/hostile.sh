#!/usr/bin/env bash
# hostile.sh: hostile inputs too big or too odd to keep in tests/bad/, made here at
# run time: a 50 MB file, an endless device, files past each limit of
# docs/formats.md (bodies, items, title length, rooms, holidays, working days), the
# working-day bound itself (which must load and solve), a directory and a missing
# file.  Each file past a limit is refused quickly with exit status 2 and the exact first
# line of stderr, never by running out of memory or time.
# Usage: bash tests/cli/hostile.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: hostile.sh ORGWORK_BINARY}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

check() { # file expected-line
    local file=$1 want=$2 status got
    timeout 120 "$bin" solve "$file" >/dev/null 2>"$tmp/err"
    status=$?
    got=$(head -n 1 "$tmp/err")
    if [ "$status" -eq 2 ] && [ "$got" = "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s: exit %d\n  want: %s\n  got:  %s\n' "$file" "$status" "$want" "$got"
    fi
}

header() { printf 'orgwork: 1\ncalendar:\n  start: 2024-07-11\n  days: 2\n'; }
item() { printf '    - {item: "%s", title: Item %s, duration: 10m}\n' "$1" "$1"; }

# 50 MB of one character: refused at the size limit, read no further.
head -c 52428800 /dev/zero | tr '\0' 'a' >"$tmp/50mb.yaml"
check "$tmp/50mb.yaml" "$tmp/50mb.yaml: error: file is larger than 4194304 bytes, the most orgwork reads"
check /dev/zero "/dev/zero: error: file is larger than 4194304 bytes, the most orgwork reads"

# One past each limit.
{
    header
    echo "bodies:"
    for b in $(seq 1 501); do
        printf '  - {id: B%d, name: Body %d, agenda: [{item: 1, title: T, duration: 1h}]}\n' "$b" "$b"
    done
} >"$tmp/bodies.yaml"
check "$tmp/bodies.yaml" "$tmp/bodies.yaml:6:3: error: too many entries in bodies: 501 (at most 500)"
{
    header
    printf 'body:\n  id: WG.7\n  name: Working Group\n  agenda:\n'
    for i in $(seq 1 201); do item "$i"; done
} >"$tmp/items.yaml"
check "$tmp/items.yaml" "$tmp/items.yaml:9:5: error: too many entries in agenda: 201 (at most 200) (in body WG.7)"
{
    header
    printf 'body:\n  id: WG.7\n  name: Working Group\n  agenda:\n    - item: 1\n      title: Organizational matters\n      subitems:\n'
    for i in $(seq 1 121); do printf '        - {item: "a%d", title: Sub, duration: 1m}\n' "$i"; done
    for i in $(seq 2 81); do item "$i"; done
} >"$tmp/subitems.yaml"
check "$tmp/subitems.yaml" "$tmp/subitems.yaml:9:5: error: too many agenda items: 201 counting sub-items (at most 200) (in body WG.7)"
{
    header
    printf 'body:\n  id: WG.7\n  name: Working Group\n  agenda:\n    - item: 1\n      duration: 1h\n'
    printf '      title: %s\n' "$(head -c 4001 /dev/zero | tr '\0' 'x')"
} >"$tmp/title.yaml"
check "$tmp/title.yaml" "$tmp/title.yaml:11:14: error: title is too long: 4001 bytes (at most 4000) (in body WG.7, agenda item 1)"
{
    header
    printf 'rooms: [%s]\n' "$(seq -f 'Room %g' -s ', ' 1 51)"
    printf 'body: {id: WG.7, name: Working Group, agenda: [{item: 1, title: T, duration: 1h}]}\n'
} >"$tmp/rooms.yaml"
check "$tmp/rooms.yaml" "$tmp/rooms.yaml:5:8: error: too many entries in rooms: 51 (at most 50)"
{
    header
    printf '  holidays: [%s]\n' "$(for i in $(seq 0 600); do date -u -d "2025-01-01 + $i days" +%F; done | paste -sd, -)"
    printf 'body: {id: WG.7, name: Working Group, agenda: [{item: 1, title: T, duration: 1h}]}\n'
} >"$tmp/holidays.yaml"
check "$tmp/holidays.yaml" "$tmp/holidays.yaml:5:13: error: too many entries in holidays: 601 (at most 600)"
# Working days: 601 by `end` (2024-07-11 + 600 working days is 2026-10-29).
printf 'orgwork: 1\ncalendar:\n  start: 2024-07-11\n  end: 2026-10-29\nbody: {id: WG.7, name: Working Group, agenda: [{item: 1, title: T, duration: 1h}]}\n' >"$tmp/end.yaml"
check "$tmp/end.yaml" "$tmp/end.yaml:4:8: error: the calendar from 2024-07-11 to 2026-10-29 holds 601 working days (at most 600)"

# At each bound on working days the file is read and solved: 600 days by `days` and by
# `end`, a body meeting on the last of them, and the schedule passes `check`.
for cal in 'days: 600' 'end: 2026-10-28'; do
    printf 'orgwork: 1\ncalendar:\n  start: 2024-07-11\n  %s\nbody:\n  id: WG.7\n  name: Working Group\n  window: {from: 2026-10-27}\n  agenda: [{item: 1, title: T, duration: 1h}]\n' "$cal" >"$tmp/bound.yaml"
    status=0
    timeout 120 "$bin" solve "$tmp/bound.yaml" --format json >"$tmp/bound.json" 2>"$tmp/err" || status=$?
    if [ "$status" -eq 0 ] && grep -q '"date": "2026-10-2[78]"' "$tmp/bound.json" &&
        "$bin" check "$tmp/bound.yaml" "$tmp/bound.json" >/dev/null 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s at the bound: exit %d\n' "$cal" "$status"
        cat "$tmp/err"
    fi
done

# Not a file, or no file at all.
check "$tmp" "$tmp: error: cannot read the file"
check "$tmp/missing.yaml" "$tmp/missing.yaml: error: cannot open the file: No such file or directory"

printf 'hostile inputs: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
