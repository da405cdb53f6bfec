#!/usr/bin/env bash
# generator.sh: the benchmark generator (bench/gen.c) keeps its promises.
#  - The same size and seed give the same bytes, every size with and without --rules;
#    another seed gives other bytes.
#  - XXL is the period it claims: 300 bodies, 500 working days, 10 rooms, 6
#    interpretation teams, and its calendar loads (under the working-day limit).
#  - Generated --rules periods have a schedule: S and M, seeds 1-10, solve to a
#    schedule that `orgwork check` accepts; so does L seed 10, whose joint item was
#    once placed where the guest had already left (no schedule existed).
#  - Every generated period is feasible by construction: the schedule the generator
#    builds with it (--witness) passes `orgwork check`, every size, with and
#    without --rules, seeds 1-10.
# Usage: bash tests/generator.sh path/to/orgwork path/to/orgwork-gen
set -u
bin=${1:?usage: generator.sh ORGWORK ORGWORK_GEN}
gen=${2:?usage: generator.sh ORGWORK ORGWORK_GEN}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0

for size in S M L XL XXL; do
    for rules in "" --rules; do
        # shellcheck disable=SC2086 # $rules is one word or none
        "$gen" --size "$size" --seed 7 $rules >"$t/a.yaml" || { echo "FAIL: $size $rules exit $?"; fail=1; }
        # shellcheck disable=SC2086
        "$gen" --size "$size" --seed 7 $rules >"$t/b.yaml"
        # shellcheck disable=SC2086
        "$gen" --size "$size" --seed 8 $rules >"$t/c.yaml"
        cmp -s "$t/a.yaml" "$t/b.yaml" || { echo "FAIL: $size $rules seed 7 twice differs"; fail=1; }
        cmp -s "$t/a.yaml" "$t/c.yaml" && { echo "FAIL: $size $rules seeds 7 and 8 give the same bytes"; fail=1; }
        grep -q "^# \`orgwork-gen --size $size --seed 7${rules:+ $rules}\`" "$t/a.yaml" ||
            { echo "FAIL: $size $rules header"; fail=1; }
    done
done

# XXL: the shape, then the calendar through the loader (--days 1 keeps the program
# small: the calendar of 500 working days is read and checked, the bodies' windows
# are not needed).
"$gen" --size XXL --seed 1 --rules >"$t/xxl.yaml"
[ "$(grep -c '^  - id: ' "$t/xxl.yaml")" -eq 300 ] || { echo "FAIL: XXL bodies"; fail=1; }
grep -q '^  days: 500$' "$t/xxl.yaml" || { echo "FAIL: XXL days"; fail=1; }
grep -q '^  interpretation_teams: 6$' "$t/xxl.yaml" || { echo "FAIL: XXL teams"; fail=1; }
[ "$(grep '^rooms:' "$t/xxl.yaml" | tr ',' '\n' | grep -c Room)" -eq 10 ] || { echo "FAIL: XXL rooms"; fail=1; }
grep -q '^  - consecutive: ' "$t/xxl.yaml" || { echo "FAIL: XXL --rules has no consecutive rule"; fail=1; }
grep -q 'joint_with: ' "$t/xxl.yaml" || { echo "FAIL: XXL --rules has no joint item"; fail=1; }
{
    echo "orgwork: 1"
    awk '/^calendar:/ { p = 1 } /^rooms:/ { p = 0 } p' "$t/xxl.yaml"
    printf 'body: {id: WG.1, name: Working Group, window: {from: %s}, agenda: [{item: 1, title: T, duration: 1h}]}\n' \
        "$(grep -o 'to: [0-9-]*' "$t/xxl.yaml" | sort | tail -1 | cut -c5-)"
} >"$t/xxl-calendar.yaml"
"$bin" solve "$t/xxl-calendar.yaml" --format json >"$t/xxl-calendar.json" 2>"$t/err" ||
    { echo "FAIL: the XXL calendar does not load and solve"; cat "$t/err"; fail=1; }
"$bin" check "$t/xxl-calendar.yaml" "$t/xxl-calendar.json" >/dev/null || { echo "FAIL: check of the XXL calendar"; fail=1; }

# --rules periods have a schedule: solved, and the schedule checked.
runs=0
solves() { # size seed
    local status=0
    "$gen" --size "$1" --seed "$2" --rules >"$t/r.yaml"
    "$bin" solve "$t/r.yaml" --format json --time-limit 60 >"$t/r.json" 2>"$t/err" || status=$?
    if [ "$status" -ne 0 ] || ! "$bin" check "$t/r.yaml" "$t/r.json" >/dev/null 2>&1; then
        echo "FAIL: orgwork-gen --size $1 --seed $2 --rules has no schedule: exit $status"
        cat "$t/err"
        fail=1
    fi
    runs=$((runs + 1))
}
for size in S M; do
    for seed in $(seq 1 10); do solves "$size" "$seed"; done
done
# The M periods hold consecutive rules, or this would test nothing of them.
n=0
for seed in $(seq 1 10); do
    "$gen" --size M --seed "$seed" --rules | grep -q '^  - consecutive: ' && n=$((n + 1))
done
[ "$n" -ge 5 ] || { echo "FAIL: only $n of 10 M --rules periods have a consecutive rule"; fail=1; }

"$gen" --size L --seed 10 --rules >"$t/l10.yaml"
[ "$(grep -c 'joint_with: ' "$t/l10.yaml")" -ge 3 ] || { echo "FAIL: L seed 10 lost its joint items"; fail=1; }
solves L 10

# Feasible by construction: the schedule the generator builds beside each instance
# (--witness) keeps every rule, by the checker (no solver): every size, with and
# without --rules, seeds 1-10.
witnesses=0
for size in S M L XL XXL; do
    for rules in "" --rules; do
        for seed in $(seq 1 10); do
            # shellcheck disable=SC2086 # $rules is one word or none
            "$gen" --size "$size" --seed "$seed" $rules >"$t/w.yaml"
            # shellcheck disable=SC2086
            "$gen" --size "$size" --seed "$seed" $rules --witness >"$t/w.json"
            if ! "$bin" check "$t/w.yaml" "$t/w.json" >"$t/out" 2>&1; then
                echo "FAIL: the witness of orgwork-gen --size $size --seed $seed $rules"
                head -5 "$t/out"
                fail=1
            fi
            witnesses=$((witnesses + 1))
        done
    done
done
# The witness of L seed 10 --rules holds its joint meetings (or it proves little).
"$gen" --size L --seed 10 --rules --witness >"$t/w.json"
[ "$(grep -c '"body": "WG' "$t/w.json")" -ge 3 ] || { echo "FAIL: the L seed 10 witness has no joint meetings"; fail=1; }

[ "$fail" -eq 0 ] && echo "generator: $runs --rules periods (S and M seeds 1-10, L seed 10) solved and checked, $witnesses witnesses checked"
exit "$fail"
