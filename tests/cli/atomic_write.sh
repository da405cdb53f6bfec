#!/usr/bin/env bash
# atomic_write.sh: -o writes whole or not at all.  An output file is replaced
# through a temporary file and a rename, so an error, or a kill at any moment,
# leaves the old file (or none), never half of one, and no stray temporary file
# after an error.
# Usage: bash tests/cli/atomic_write.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: atomic_write.sh ORGWORK_BINARY}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }
no_strays() { # dir what
    if ls -A "$1" | grep -q '\.tmp\.'; then bad "$2: temporary file left behind: $(ls -A "$1")"; else ok; fi
}

good=instances/som-2024.yaml
big=instances/long-session.yaml
out=$tmp/out/annex.md
mkdir -p "$tmp/out"
"$bin" solve "$good" >"$tmp/expected.md" || bad "solve $good to standard output"

# A good run writes exactly what standard output gets, readable as any new file.
"$bin" solve "$good" -o "$out"
[ $? -eq 0 ] && cmp -s "$out" "$tmp/expected.md" && ok || bad "-o does not write the annex"
mode=$(umask 022; "$bin" solve "$good" -o "$tmp/out/mode.md"; stat -c %a "$tmp/out/mode.md")
[ "$mode" = 644 ] && ok || bad "-o file mode $mode under umask 022, want 644"
rm -f "$tmp/out/mode.md"
no_strays "$tmp/out" "good run"

# Errors leave the old file as it was.
printf 'OLD\n' >"$out"
"$bin" solve tests/bad/yaml_syntax.yaml -o "$out" 2>/dev/null
st=$?
[ $st -eq 2 ] && [ "$(cat "$out")" = OLD ] && ok || bad "bad input (exit $st) touched the old file"
"$bin" solve "$good" --days 1 --meetings 1 -o "$out" 2>/dev/null
st=$?
[ $st -eq 3 ] && [ "$(cat "$out")" = OLD ] && ok || bad "no schedule (exit $st) touched the old file"
"$bin" check "$good" "$tmp/missing.json" -o "$out" 2>/dev/null
st=$?
[ $st -eq 2 ] && [ "$(cat "$out")" = OLD ] && ok || bad "check of a missing schedule (exit $st) touched the old file"
printf 'OLD\n' >"$tmp/out/model.lp"
"$bin" export tests/bad/tab.yaml --lp "$tmp/out/model.lp" 2>/dev/null
st=$?
[ $st -eq 2 ] && [ "$(cat "$tmp/out/model.lp")" = OLD ] && ok || bad "export of bad input (exit $st) touched the old file"
no_strays "$tmp/out" "failed runs"

# Where the file cannot be written: a clear error, exit 2, nothing created.
"$bin" solve "$good" -o "$tmp/nowhere/annex.md" 2>"$tmp/err"
st=$?
[ $st -eq 2 ] && grep -q "cannot write" "$tmp/err" && [ ! -e "$tmp/nowhere" ] && ok ||
    bad "-o into a missing directory: exit $st, $(head -n 1 "$tmp/err")"
mkdir "$tmp/out/adir"
"$bin" solve "$good" -o "$tmp/out/adir" 2>"$tmp/err"
st=$?
[ $st -eq 2 ] && [ -d "$tmp/out/adir" ] && ok || bad "-o onto a directory: exit $st"
rmdir "$tmp/out/adir"
no_strays "$tmp/out" "unwritable outputs"

# Killed at any moment, the file is the old one or the whole new one.
t0=$(date +%s%N)
"$bin" solve "$big" --format html >"$tmp/expected.html" || bad "solve $big"
run_ms=$((($(date +%s%N) - t0) / 1000000 + 1))
target=$tmp/out/annex.html
old=0
new=0
for i in $(seq 1 20); do
    printf 'OLD\n' >"$target"
    "$bin" solve "$big" --format html -o "$target" 2>/dev/null &
    pid=$!
    # Kill times spread over the run and a little past it.
    ms=$((run_ms * i * 6 / 100))
    sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [ "$(cat "$target")" = OLD ]; then
        old=$((old + 1))
    elif cmp -s "$target" "$tmp/expected.html"; then
        new=$((new + 1))
    else
        bad "kill $i left half a file ($(wc -c <"$target") bytes)"
    fi
    rm -f "$tmp"/out/*.tmp.*
done
[ $((old + new)) -eq 20 ] && ok
printf 'atomic writes: %d passed, %d failed (killed runs: %d left the old file, %d the new)\n' \
    "$passed" "$failed" "$old" "$new"
[ "$failed" -eq 0 ]
