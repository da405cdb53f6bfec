#!/usr/bin/env bash
# export.sh: the program `orgwork export` writes is the one `orgwork solve` solves.
# Two other solvers (glpsol on the MPS and LP files, cbc on the MPS file) must find
# an optimum that, divided by the scale export prints and rounded down, is the
# objective `orgwork solve --format json` reports.  glpsol and cbc come with
# `.ci/setup --test`; without them this test fails rather than pass untested.
# Usage: bash tests/cli/export.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: export.sh ORGWORK_BINARY}
passed=0
failed=0

for tool in glpsol cbc python3; do
    if ! command -v "$tool" >/dev/null; then
        printf 'FAIL %s is not installed (.ci/setup --test installs it)\n' "$tool"
        exit 1
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
    failed=$((failed + 1))
    printf 'FAIL %s\n' "$*"
}

# Compares one solver's optimum with orgwork's objective: name optimum scale want.
compare() {
    local name=$1 optimum=$2 scale=$3 want=$4 got
    # Round first: a solver may print 42902.9999999 for an integral optimum.
    got=$(python3 -c 'import sys; print(round(float(sys.argv[1])) // int(sys.argv[2]))' \
          "$optimum" "$scale")
    if [ "$got" = "$want" ]; then
        passed=$((passed + 1))
    else
        fail "$name: optimum $optimum / scale $scale = $got, orgwork solve says $want"
    fi
}

# tests/data/joint-units.yaml: joint meetings in two rooms (every row name unique).
# instances/som-2024-natural.yaml: flexible durations (the columns C and D, the
# conditional cut rows).
for file in instances/som-2024.yaml instances/long-session.yaml instances/expert-group.yaml \
    tests/data/joint-units.yaml instances/som-2024-natural.yaml; do
    name=$(basename "$file" .yaml)
    "$bin" solve "$file" --format json >"$tmp/$name.json"
    want=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["objective"])' \
           "$tmp/$name.json") || { fail "$file: no objective from solve"; continue; }

    "$bin" export "$file" --mps "$tmp/$name.mps" 2>"$tmp/mps.err" \
        || { fail "$file: export --mps: $(cat "$tmp/mps.err")"; continue; }
    "$bin" export "$file" --lp "$tmp/$name.lp" 2>"$tmp/lp.err" \
        || { fail "$file: export --lp: $(cat "$tmp/lp.err")"; continue; }
    scale=$(sed -n 's/.*objective scale \([0-9][0-9]*\).*/\1/p' "$tmp/mps.err")
    if [ -z "$scale" ]; then
        fail "$file: export printed no objective scale: $(cat "$tmp/mps.err")"
        continue
    fi
    if ! grep -q "objective scale $scale\b" "$tmp/lp.err"; then
        fail "$file: --lp and --mps print different scales"
    fi

    # glpsol's report: "Objective:  NAME = VALUE (MINimum)" after "INTEGER OPTIMAL".
    for kind in mps lp; do
        flag=--freemps
        [ "$kind" = lp ] && flag=--lp
        rm -f "$tmp/glpsol.out"
        glpsol "$flag" "$tmp/$name.$kind" -o "$tmp/glpsol.out" >"$tmp/glpsol.log" 2>&1
        if ! grep -q '^Status: *INTEGER OPTIMAL' "$tmp/glpsol.out" 2>/dev/null; then
            fail "$file: glpsol $flag found no optimum"
            tail -n 5 "$tmp/glpsol.log"
            continue
        fi
        optimum=$(sed -n 's/^Objective: .* = *\([-0-9.e+]*\) (MINimum).*/\1/p' "$tmp/glpsol.out")
        compare "$file (glpsol $flag)" "$optimum" "$scale" "$want"
    done

    # cbc's solution file starts "Optimal - objective value VALUE".
    rm -f "$tmp/cbc.sol"
    cbc "$tmp/$name.mps" solve solu "$tmp/cbc.sol" >"$tmp/cbc.log" 2>&1
    optimum=$(sed -n '1s/^Optimal - objective value *\([-0-9.e+]*\).*/\1/p' "$tmp/cbc.sol" 2>/dev/null)
    if [ -z "$optimum" ]; then
        fail "$file: cbc found no optimum"
        tail -n 5 "$tmp/cbc.log"
        continue
    fi
    compare "$file (cbc)" "$optimum" "$scale" "$want"
done

# A program with flexible durations has their rows and columns; one without has none.
"$bin" export instances/som-2024-natural.yaml --lp "$tmp/flex.lp" 2>/dev/null
for name in 'C(WG.7,1)' 'durlo(WG.7,4)' 'durhi(WG.7,4)' 'devover(WG.7,4)' 'devunder(WG.7,4)' \
    'dur(WG.7,1)' 'cutfrom(WG.7,1,' 'cutto(WG.7,1,' 'D(WG.7,4)'; do
    if grep -qF "$name" "$tmp/flex.lp"; then
        passed=$((passed + 1))
    else
        fail "instances/som-2024-natural.yaml: export --lp has no $name"
    fi
done
"$bin" export instances/som-2024.yaml --lp "$tmp/fixed.lp" 2>/dev/null
if grep -qE 'cutfrom|cutto|durlo|devover|D\(WG' "$tmp/fixed.lp"; then
    fail "instances/som-2024.yaml: export --lp has rows of flexible durations"
else
    passed=$((passed + 1))
fi

printf 'export: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
