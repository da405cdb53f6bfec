#!/usr/bin/env bash
# workplan.sh: `orgwork workplan` end to end.  The workplan of the 2023 note in every
# format, byte for byte against tests/golden/workplan/, and the check of every plan
# it produces; the what-if table; each session's agenda skeleton written, kept as a
# golden, solved into that session's annex (checked as every schedule is); the
# infeasible workplan with its exact message; hand-written plans checked, with the
# rules they break; bad files refused with exit 2 and the line in
# tests/bad/workplan/expected.txt; usage errors.
# Usage: bash tests/cli/workplan.sh path/to/orgwork   (run from the repository root)
#        UPDATE_GOLDEN=1 bash tests/cli/workplan.sh path/to/orgwork   rewrites the goldens
set -u
bin=${1:?usage: workplan.sh ORGWORK_BINARY}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() {
    failed=$((failed + 1))
    printf 'FAIL %s\n' "$*"
}
golden() { # produced golden-name
    local g=tests/golden/workplan/$2
    [ -n "${UPDATE_GOLDEN:-}" ] && cp "$1" "$g"
    if [ ! -f "$g" ]; then
        bad "$g is missing (UPDATE_GOLDEN=1 writes it)"
    elif diff -u "$g" "$1"; then
        ok
    else
        bad "$1 differs from $g"
    fi
}
check_plan() { # workplan plan.json
    "$bin" workplan "$1" --check "$2" >"$tmp/check.out" 2>&1
    local st=$?
    if [ $st -eq 0 ] && grep -qx 'ok: every rule holds' "$tmp/check.out"; then
        ok
    else
        bad "check of the plan $2 for $1: exit $st"
        cat "$tmp/check.out"
    fi
}

note=instances/som-workplan-2023.yaml

# The 2023 note: every format, the same bytes as the goldens; json checked.
for fmt in md html csv json; do
    "$bin" workplan "$note" --format "$fmt" >"$tmp/plan.$fmt" 2>"$tmp/err"
    st=$?
    [ $st -eq 0 ] || bad "workplan $note --format $fmt: exit $st ($(head -n 1 "$tmp/err"))"
    golden "$tmp/plan.$fmt" "som-workplan-2023.$fmt"
done
check_plan "$note" "$tmp/plan.json"
grep -q '"status": "optimal"' "$tmp/plan.json" && ok || bad "the note's plan is not proven optimal"
# The checker's objective is the solver's.
obj=$(sed -n 's/^  "objective": \([0-9]*\),$/\1/p' "$tmp/plan.json")
"$bin" workplan "$note" --check "$tmp/plan.json" | grep -q "^objective $obj:" && ok ||
    bad "check recomputes another objective than $obj"

# JSON says why the search ended, as solve's solver.stop: "proven" here, "gap"
# within --gap (a gap of at most G), "time" when a tiny limit stops it before any
# plan (status unknown, exit 3); --check reads "stop" back and refuses a bad one.
grep -qx '  "stop": "proven",' "$tmp/plan.json" && ok || bad "the note's plan does not say stop proven"
"$bin" workplan "$note" --format json --gap 0.5 >"$tmp/gap.json" 2>"$tmp/err"
st=$?
read -r status stop gap <<<"$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
print(d["status"], d.get("stop"), d.get("gap"))' "$tmp/gap.json" 2>/dev/null)"
[ $st -eq 0 ] && { [ "$status $stop" = "feasible gap" ] || [ "$status $stop" = "optimal proven" ]; } &&
    python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) <= 0.5 else 1)' "$gap" && ok ||
    bad "workplan --gap 0.5: exit $st, $status $stop $gap"
check_plan "$note" "$tmp/gap.json"
"$bin" workplan "$note" --format json --time-limit 0.000001 >"$tmp/time.json" 2>"$tmp/err"
st=$?
{ [ $st -eq 3 ] && grep -qx '  "stop": "time"' "$tmp/time.json"; } ||
    { [ $st -eq 0 ] && grep -qx '  "stop": "time",' "$tmp/time.json"; } && ok ||
    bad "workplan --time-limit 0.000001: exit $st, $(head -c 300 "$tmp/time.json")"
sed 's/"stop": "proven"/"stop": "soon"/' "$tmp/plan.json" >"$tmp/badstop.json"
"$bin" workplan "$note" --check "$tmp/badstop.json" >/dev/null 2>"$tmp/err"
st=$?
[ $st -eq 2 ] && grep -q 'stop: "soon"' "$tmp/err" && ok ||
    bad "a plan with stop \"soon\" read back: exit $st, $(head -c 300 "$tmp/err")"

# -o writes what standard output gets; --timings adds the solver's seconds to JSON.
"$bin" workplan "$note" -o "$tmp/out.md" && cmp -s "$tmp/out.md" "$tmp/plan.md" && ok ||
    bad "workplan -o differs from standard output"
"$bin" workplan "$note" --format json --timings | grep -q '^  "seconds": [0-9.]*,$' && ok ||
    bad "workplan --timings: no seconds in JSON"

# What-if: the sessions the open topics need at one, two, three a session.
"$bin" workplan "$note" --sessions 4..7 >"$tmp/whatif.text" 2>"$tmp/err" ||
    bad "workplan --sessions: exit $?"
golden "$tmp/whatif.text" som-workplan-2023-sessions.text
"$bin" workplan "$note" --sessions 4..7 --format json >"$tmp/whatif.json" ||
    bad "workplan --sessions --format json: exit $?"
golden "$tmp/whatif.json" som-workplan-2023-sessions.json

# Fewer sessions than the open topics need: which are left, and how many sessions
# would take them all, on standard error; the plan is still optimal and checked.
head -n "$(grep -n '^  - id: "14"' "$note" | cut -d: -f1)" "$note" | sed '$d' >"$tmp/short.yaml"
"$bin" workplan "$tmp/short.yaml" --format json >"$tmp/short.json" 2>"$tmp/short.err"
st=$?
[ $st -eq 0 ] && ok || bad "a workplan too short for its topics: exit $st"
want='orgwork: 6 topics not yet addressed do not fit in the 3 sessions: T02 T04 T06 T07 T08 T13; 6 sessions would take them all'
[ "$(cat "$tmp/short.err")" = "$want" ] && ok || bad "short workplan: stderr $(cat "$tmp/short.err")"
grep -q '"needed_sessions": 6' "$tmp/short.json" && ok || bad "needed_sessions missing from JSON"
check_plan "$tmp/short.yaml" "$tmp/short.json"

# Agenda skeletons: one per session, kept as goldens, each solved into its annex.
"$bin" workplan "$note" --agendas "$tmp/agendas" >/dev/null 2>"$tmp/err" ||
    bad "workplan --agendas: exit $?"
n=0
for a in "$tmp"/agendas/*.yaml; do
    n=$((n + 1))
    name=$(basename "$a")
    # The skeleton names the file it came from; the golden keeps a fixed path.
    golden "$a" "agenda-$name"
    "$bin" solve "$a" --format json >"$tmp/annex.json" 2>"$tmp/err"
    st=$?
    [ $st -eq 0 ] && ok || bad "solve $name: exit $st ($(head -n 1 "$tmp/err"))"
    "$bin" check "$a" "$tmp/annex.json" >"$tmp/check.out" 2>&1 && ok || {
        bad "check of the annex of $name"
        cat "$tmp/check.out"
    }
done
[ $n -eq 6 ] && ok || bad "--agendas wrote $n files, want 6"
"$bin" solve "$tmp/agendas/WG.7-11.yaml" >"$tmp/annex-11.md" || bad "solve WG.7-11.yaml"
golden "$tmp/annex-11.md" annex-WG.7-11.md

# A run that finds no workplan leaves an existing -o file as it was (as solve does).
echo "an earlier plan" >"$tmp/kept.json"
"$bin" workplan instances/infeasible/workplan-fixed.yaml --format json -o "$tmp/kept.json" >/dev/null 2>"$tmp/err"
st=$?
{ [ $st -eq 3 ] && [ "$(cat "$tmp/kept.json")" = "an earlier plan" ] &&
    grep -qF "orgwork: $tmp/kept.json is left as it was" "$tmp/err"; } && ok ||
    bad "no workplan over an existing -o: exit $st, $(head -c 80 "$tmp/kept.json")"

# An agenda file never replaces the workplan, -o's file or another session's agenda:
# refused (exit 2) before anything is written.
mkdir "$tmp/same"
cp "$note" "$tmp/same/WG.7-11.yaml"
"$bin" workplan "$tmp/same/WG.7-11.yaml" --agendas "$tmp/same" >/dev/null 2>"$tmp/err"
st=$?
{ [ $st -eq 2 ] && cmp -s "$note" "$tmp/same/WG.7-11.yaml" && [ "$(ls "$tmp/same")" = WG.7-11.yaml ] &&
    grep -q 'the agenda of session 11 would replace' "$tmp/err"; } && ok ||
    bad "--agendas over the workplan file: exit $st, $(cat "$tmp/err")"
mkdir "$tmp/outdir"
"$bin" workplan "$note" -o "$tmp/outdir/WG.7-12.yaml" --agendas "$tmp/outdir" >/dev/null 2>"$tmp/err"
st=$?
{ [ $st -eq 2 ] && [ -z "$(ls "$tmp/outdir")" ]; } && ok || bad "--agendas over -o: exit $st, $(ls "$tmp/outdir")"
sed 's/id: "12"/id: "11+"/; s/id: "13"/id: "11-"/' "$note" >"$tmp/clash.yaml"
line=$(grep -n 'id: "11-"' "$tmp/clash.yaml" | cut -d: -f1)
"$bin" workplan "$tmp/clash.yaml" --agendas "$tmp/clash" >/dev/null 2>"$tmp/err"
st=$?
{ [ $st -eq 2 ] && [ ! -e "$tmp/clash" ] &&
    grep -q "^$tmp/clash.yaml:$line:[0-9]*: error: sessions 11+ and 11- would both write the agenda" "$tmp/err"; } && ok ||
    bad "two sessions, one agenda file: exit $st, $(cat "$tmp/err")"

# The infeasible workplan: exit 3 and the exact reasons.
"$bin" workplan instances/infeasible/workplan-fixed.yaml >"$tmp/out" 2>"$tmp/err"
st=$?
cat >"$tmp/want" <<'EOF'
instances/infeasible/workplan-fixed.yaml: no workplan exists: the topics fixed for sessions, with the topics that go together with them, break these rules:
  - [cluster] session 1 takes topics A1, A2, all of cluster a (which may not share a session)
  - [not_before] topic B1 is in session 2 (2025), before 2026 (line 20)
EOF
[ $st -eq 3 ] && cmp -s "$tmp/want" "$tmp/err" && [ ! -s "$tmp/out" ] && ok || {
    bad "infeasible workplan: exit $st"
    diff "$tmp/want" "$tmp/err"
}
"$bin" workplan instances/infeasible/workplan-fixed.yaml --format json >"$tmp/out" 2>/dev/null
st=$?
[ $st -eq 3 ] && grep -q '"status": "infeasible"' "$tmp/out" && ok ||
    bad "infeasible workplan as JSON: exit $st, $(cat "$tmp/out")"

# A plan written by hand, in YAML: every broken rule listed, exit 3.
cat >"$tmp/hand.yaml" <<'EOF'
sessions:
  - id: "11"
    topics: [T15, R-c]
  - id: "12"
    topics: [T02, T04]
  - id: "13"
    topics: [T01]
EOF
"$bin" workplan "$note" --check "$tmp/hand.yaml" >"$tmp/out" 2>&1
st=$?
rules=$(grep -o '^\[[a-z_]*\]' "$tmp/out" | sort | uniq -c | tr -s ' ' | tr '\n' ';')
[ $st -eq 3 ] && [ "$rules" = " 1 [addressed]; 1 [cluster]; 8 [open]; 2 [partly];" ] && ok ||
    bad "hand-written plan: exit $st, rules $rules"
grep -qx '\[cluster\] session 12 takes topics T02, T04, all of cluster prosecution (which may not share a session)' "$tmp/out" && ok ||
    bad "hand-written plan: no cluster line"
printf 'sessions:\n  - id: "12"\n    topics: [T02, T99]\n' >"$tmp/unknown.yaml"
"$bin" workplan "$note" --check "$tmp/unknown.yaml" 2>"$tmp/err" >/dev/null
st=$?
[ $st -eq 2 ] && [ "$(cat "$tmp/err")" = "$tmp/unknown.yaml:3:19: error: unknown topic \"T99\" (no topic of $note has that id)" ] && ok ||
    bad "unknown topic in a plan: exit $st, $(cat "$tmp/err")"

# Bad workplan files: exit 2 and the exact first line.
while IFS= read -r line; do
    [ -n "$line" ] || continue
    f=${line%%:*}
    got=$("$bin" workplan "$f" 2>&1 >/dev/null | head -n 1)
    "$bin" workplan "$f" >/dev/null 2>&1
    st=$?
    [ $st -eq 2 ] && [ "$got" = "$line" ] && ok || bad "$f: exit $st, got: $got"
done <tests/bad/workplan/expected.txt
for f in tests/bad/workplan/*.yaml; do
    grep -q "^$f:" tests/bad/workplan/expected.txt || bad "$f has no line in expected.txt"
done

# Usage: exit 2.
for args in "" "--format svg $note" "$note --sessions 0..3" "$note --bogus" "$note extra" \
    "$note --sessions 2..3 --check x"; do
    # shellcheck disable=SC2086
    "$bin" workplan $args >/dev/null 2>&1
    st=$?
    [ $st -eq 2 ] && ok || bad "workplan $args: exit $st, want 2"
done
"$bin" workplan --help | grep -q '^usage: orgwork workplan FILE' && ok || bad "workplan --help"

printf 'workplan: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
