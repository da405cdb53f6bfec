#!/usr/bin/env bash
# real_sessions.sh: instances written from the agendas of real sessions
# (instances/real-*.yaml, and tests/real/before/ their first versions) solve, `orgwork check` accepts their schedules, and each
# reproduces at least as many rows of the session's published timetable
# (tests/real/*.expected) as recorded below, counted by tests/real/rows_matched.py.
# The counts record what the instances reach today: a change that loses a row fails.
# Usage: bash tests/cli/real_sessions.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: real_sessions.sh ORGWORK_BINARY}
passed=0
failed=0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
    failed=$((failed + 1))
    printf 'FAIL %s\n' "$*"
}

# instance file, its session's name, then the fewest published rows its schedule
# must reproduce.  tests/real/before/ keeps the instances as first written, before
# the keys that later versions use.
while read -r file name least; do
    want=tests/real/$name.expected
    if ! "$bin" solve "$file" --format csv >"$tmp/s.csv" 2>"$tmp/err" ||
        ! "$bin" solve "$file" --format json >"$tmp/s.json" 2>>"$tmp/err"; then
        fail "$file: no schedule ($(head -n 1 "$tmp/err"))"
        continue
    fi
    if ! "$bin" check "$file" "$tmp/s.json" >"$tmp/check" 2>&1; then
        fail "$file: check refuses its schedule: $(head -n 3 "$tmp/check")"
        continue
    fi
    line=$(python3 tests/real/rows_matched.py "$want" "$tmp/s.csv") ||
        { fail "$want: rows_matched.py failed"; continue; }
    got=$(printf '%s\n' "$line" | sed -n 's/^matched \([0-9][0-9]*\) of [0-9][0-9]* rows$/\1/p')
    if [ -z "$got" ]; then
        fail "$want: unexpected answer \"$line\""
    elif [ "$got" -lt "$least" ]; then
        fail "$file: $line, fewer than $least"
        python3 tests/real/rows_matched.py "$want" "$tmp/s.csv" --list | tail -n +2
    else
        passed=$((passed + 1))
        printf '%s: %s\n' "$file" "$line"
    fi
done <<'LIST'
instances/real-cfs-2004.yaml cfs-2004 8
instances/real-fao-pc-2005.yaml fao-pc-2005 13
instances/real-fao-council-2005.yaml fao-council-2005 4
tests/real/before/real-cfs-2004.yaml cfs-2004 2
tests/real/before/real-fao-pc-2005.yaml fao-pc-2005 9
tests/real/before/real-fao-council-2005.yaml fao-council-2005 2
LIST

# The counter itself: a schedule equal to the published rows matches them all, and an
# empty one none (so the counts above can fail).
printf 'body,meeting,date,start,end,room,item,title,minutes,continued\n' >"$tmp/empty.csv"
line=$(python3 tests/real/rows_matched.py tests/real/fao-pc-2005.expected "$tmp/empty.csv")
[ "$line" = "matched 0 of 18 rows" ] && passed=$((passed + 1)) || fail "empty schedule: $line"
{
    printf 'body,meeting,date,start,end,room,item,title,minutes,continued\n'
    grep -v '^#' tests/real/fao-pc-2005.expected |
        awk -F'\t' '{ printf "%s,1,%s,%s,17:30,Plenary,%s,t,10,false\n", $3, $1, $2, $4 }'
} >"$tmp/all.csv"
line=$(python3 tests/real/rows_matched.py tests/real/fao-pc-2005.expected "$tmp/all.csv")
[ "$line" = "matched 18 of 18 rows" ] && passed=$((passed + 1)) || fail "published rows: $line"

# A published "evening" is matched by a meeting from 18:00 on that date, not by one at
# 14:30.
{
    printf 'body,meeting,date,start,end,room,item,title,minutes,continued\n'
    printf 'DC,1,2004-09-21,14:30,17:30,Plenary,-,t,10,false\n'
    printf 'DC,2,2004-09-21,18:00,20:00,Plenary,-,t,10,false\n'
} >"$tmp/evening.csv"
line=$(python3 tests/real/rows_matched.py tests/real/cfs-2004.expected "$tmp/evening.csv" --list)
case $line in
    "matched 1 of 17 rows"*"afternoon	DC"*) passed=$((passed + 1)) ;;
    *) fail "parts of the day: $line" ;;
esac

# A block of items considered together ("6 (a) and 6 (b)") matches the published rows
# of its items one by one.
{
    printf 'body,meeting,date,start,end,room,item,title,minutes,continued\n'
    printf 'PC,4,2005-05-10,14:30,17:30,Plenary,6 (a) and 6 (b),t,10,false\n'
} >"$tmp/block.csv"
line=$(python3 tests/real/rows_matched.py tests/real/fao-pc-2005.expected "$tmp/block.csv")
[ "$line" = "matched 2 of 18 rows" ] && passed=$((passed + 1)) || fail "block: $line"

printf 'real sessions: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
