#!/usr/bin/env bash
# stops.sh: how a solve ends, through the command line (docs/model.md, "Stopping"):
# - `--gap G` stops within G, body by body and as one program (`--whole`, where
#   the CoP session once stopped past G by GLPK's own gap test), with
#   `solver.stop` "gap" and a gap of at most G; "10%" is "0.1"; `orgwork check`
#   accepts every schedule;
# - without `--time-limit`, `solve` stops by its default rule and says so
#   ("default", the limit shortened through ORGWORK_DEFAULT_TIME_LIMIT so that it
#   surely fires, and standard error says so unless --quiet); a solve proven
#   before it says "proven", with the bytes
#   `--time-limit 0` (until proven) gives; an explicit limit says "time";
# - a tiny limit while planning body by body still gives a schedule that checks,
#   feasible, stopped by "time" (the units left laid greedily), or proven;
# - bad values of `--gap` and `--time-limit` are usage errors (exit 2), a bad
#   `solver.stop` in a schedule read back is refused (exit 2).
# No assertion depends on the time a run takes: the default-limit run has a limit
# far below what the search needs, and the gap runs have no limit at all.
# Usage: bash tests/cli/stops.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: stops.sh ORGWORK_BINARY}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }

# field FILE: prints "status stop gap" of a schedule's JSON.
field() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["solver"]
print(d["status"], s.get("stop"), s["gap"])' "$1"
}
# within GAP G: GAP is a number at most G.
within() { python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) <= float(sys.argv[2]) else 1)' "$1" "$2"; }

M=instances/bench/M-1.yaml # five bodies: planned body by body, not proven at once

# --gap, body by body: a loose gap stops short of proof, within it.
for g in 0.1 10%; do
    "$bin" solve "$M" --time-limit 0 --gap "$g" --format json -o "$t/gap-$g.json" 2>"$t/err"
    st=$?
    read -r status stop gap <<<"$(field "$t/gap-$g.json" 2>/dev/null)"
    [ $st -eq 0 ] && [ "$status" = feasible ] && [ "$stop" = gap ] && within "$gap" 0.1 &&
        "$bin" check "$M" "$t/gap-$g.json" >/dev/null && ok ||
        bad "--gap $g body by body: exit $st, $status $stop $gap, $(head -c 300 "$t/err")"
done
cmp -s "$t/gap-0.1.json" "$t/gap-10%.json" && ok || bad "--gap 10% differs from --gap 0.1"

# --gap as one program.
"$bin" solve "$M" --whole --time-limit 0 --gap 0.1 --format json -o "$t/whole.json" 2>"$t/err"
st=$?
read -r status stop gap <<<"$(field "$t/whole.json" 2>/dev/null)"
[ $st -eq 0 ] && [ "$status" = feasible ] && [ "$stop" = gap ] && within "$gap" 0.1 &&
    "$bin" check "$M" "$t/whole.json" >/dev/null && ok ||
    bad "--gap 0.1 --whole: exit $st, $status $stop $gap, $(head -c 300 "$t/err")"

# As one program the stop by gap is orgwork's own measure (the objective against
# the bound rounded down), not GLPK's on the program's value: the CoP session is
# not proven at once, and GLPK's test stopped it at --gap 0.05 with a gap of 6.2 %.
for g in 0.02 0.05 0.1; do
    "$bin" solve instances/cop-session.yaml --whole --time-limit 0 --gap "$g" --format json \
        -o "$t/cop.json" 2>"$t/err"
    st=$?
    read -r status stop gap <<<"$(field "$t/cop.json" 2>/dev/null)"
    [ $st -eq 0 ] && { [ "$status $stop" = "feasible gap" ] || [ "$status $stop" = "optimal proven" ]; } &&
        within "$gap" "$g" && "$bin" check instances/cop-session.yaml "$t/cop.json" >/dev/null && ok ||
        bad "cop-session --whole --gap $g: exit $st, $status $stop $gap, $(head -c 300 "$t/err")"
done

# --gap 0 and no --gap prove the optimum.
"$bin" solve "$M" --time-limit 0 --gap 0 --format json -o "$t/gap0.json" 2>"$t/err" &&
    "$bin" solve "$M" --time-limit 0 --format json -o "$t/proven.json" 2>>"$t/err"
st=$?
read -r status stop gap <<<"$(field "$t/proven.json" 2>/dev/null)"
[ $st -eq 0 ] && [ "$status" = optimal ] && [ "$stop" = proven ] && [ "$gap" = 0 ] &&
    cmp -s "$t/gap0.json" "$t/proven.json" && "$bin" check "$M" "$t/proven.json" >/dev/null &&
    ok || bad "--time-limit 0 (until proven): exit $st, $status $stop $gap, $(head -c 300 "$t/err")"

# The default stop: a default limit far too short to prove anything.
ORGWORK_DEFAULT_TIME_LIMIT=0.001 "$bin" solve "$M" --format json -o "$t/default.json" 2>"$t/err"
st=$?
read -r status stop gap <<<"$(field "$t/default.json" 2>/dev/null)"
[ $st -eq 0 ] && [ "$status" = feasible ] && [ "$stop" = default ] &&
    "$bin" check "$M" "$t/default.json" >/dev/null && ok ||
    bad "default stop: exit $st, $status $stop $gap, $(head -c 300 "$t/err")"
grep -q "stopped by the default time limit (0.001 s).*--time-limit 0" "$t/err" && ok ||
    bad "the default stop is not said on standard error: $(head -c 300 "$t/err")"
ORGWORK_DEFAULT_TIME_LIMIT=0.001 "$bin" solve "$M" --quiet --format json -o "$t/quiet.json" \
    2>"$t/err"
[ ! -s "$t/err" ] && ok || bad "--quiet still says the default stop: $(head -c 300 "$t/err")"
# An explicit limit is the user's: "time".
"$bin" solve "$M" --time-limit 0.001 --format json -o "$t/time.json" 2>"$t/err"
st=$?
read -r status stop gap <<<"$(field "$t/time.json" 2>/dev/null)"
[ $st -eq 0 ] && [ "$status" = feasible ] && [ "$stop" = time ] &&
    "$bin" check "$M" "$t/time.json" >/dev/null && ok ||
    bad "--time-limit 0.001: exit $st, $status $stop $gap, $(head -c 300 "$t/err")"
# A tiny limit while planning body by body: the units not planned when it passes
# are laid greedily in what the others left (or, failing that, the first plan
# answers): a schedule that checks, feasible, stopped by "time" (or, on a machine
# fast enough to prove it first, optimal and "proven").  A period with consecutive
# rules and joint items, and one without.
for inst in instances/bench/L-1-rules.yaml instances/bench/L-1.yaml; do
    for lim in 0.01 0.05; do
        "$bin" solve "$inst" --time-limit "$lim" --format json -o "$t/tiny.json" 2>"$t/err"
        st=$?
        read -r status stop gap <<<"$(field "$t/tiny.json" 2>/dev/null)"
        [ $st -eq 0 ] && { [ "$status $stop" = "feasible time" ] ||
            [ "$status $stop" = "optimal proven" ]; } && within "$gap" 1 &&
            "$bin" check "$inst" "$t/tiny.json" >/dev/null && ok ||
            bad "$inst --time-limit $lim: exit $st, $status $stop $gap, $(head -c 300 "$t/err")"
    done
done
# --time-limit 0 overrides the default limit.
ORGWORK_DEFAULT_TIME_LIMIT=0.001 "$bin" solve "$M" --time-limit 0 --format json \
    -o "$t/until.json" 2>"$t/err"
cmp -s "$t/until.json" "$t/proven.json" && ok ||
    bad "--time-limit 0 does not override the default limit: $(head -c 300 "$t/err")"
# Proven within the default limit: the same bytes as until proven.
for inst in instances/som-2024.yaml instances/ctoc-2024-period.yaml; do
    "$bin" solve "$inst" --format json -o "$t/a.json" 2>"$t/err" &&
        "$bin" solve "$inst" --time-limit 0 --format json -o "$t/b.json" 2>>"$t/err"
    st=$?
    read -r status stop gap <<<"$(field "$t/a.json" 2>/dev/null)"
    [ $st -eq 0 ] && [ "$stop" = proven ] && cmp -s "$t/a.json" "$t/b.json" && ok ||
        bad "$inst: default and until proven differ: exit $st, $status $stop, $(head -c 300 "$t/err")"
done

# The help says what each stop means.
"$bin" solve --help >"$t/help"
for word in --gap "--time-limit 0" proven default interrupted; do
    grep -q -- "$word" "$t/help" && ok || bad "solve --help does not mention '$word'"
done

# Bad values: usage errors, exit 2, naming the option.
for g in -0.1 1.5 101% abc '' nan inf 5%% 0.1x 1e; do
    "$bin" solve "$M" --gap "$g" >/dev/null 2>"$t/err"
    st=$?
    [ $st -eq 2 ] && grep -q -- "--gap" "$t/err" && ok || bad "--gap '$g': exit $st"
done
for s in -1 abc '' nan; do
    "$bin" solve "$M" --time-limit "$s" >/dev/null 2>"$t/err"
    st=$?
    [ $st -eq 2 ] && grep -q -- "--time-limit" "$t/err" && ok || bad "--time-limit '$s': exit $st"
done
"$bin" whatif "$M" --days 20..21 --gap 2 >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "whatif --gap 2 is not a usage error"
"$bin" workplan instances/som-workplan-2023.yaml --gap x >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "workplan --gap x is not a usage error"

# whatif and workplan take --gap.
"$bin" whatif instances/som-2024.yaml --days 3..4 --gap 1% --format json >"$t/whatif.json" 2>"$t/err"
st=$?
[ $st -eq 0 ] && grep -q '"stop"' "$t/whatif.json" && ok ||
    bad "whatif --gap 1%: exit $st, $(head -c 300 "$t/err")"
"$bin" workplan instances/som-workplan-2023.yaml --gap 0.5 >/dev/null 2>"$t/err"
st=$?
[ $st -eq 0 ] && ok || bad "workplan --gap 0.5: exit $st, $(head -c 300 "$t/err")"

# A schedule read back: solver.stop must be one of the reasons.
sed 's/"stop": "gap"/"stop": "soon"/' "$t/gap-0.1.json" >"$t/badstop.json"
"$bin" check "$M" "$t/badstop.json" >/dev/null 2>"$t/err"
st=$?
[ $st -eq 2 ] && grep -q "stop" "$t/err" && ok || bad "solver.stop \"soon\" read back: exit $st"

printf 'stops: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
