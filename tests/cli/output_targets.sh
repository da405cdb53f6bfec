#!/usr/bin/env bash
# output_targets.sh: -o never destroys what is at the path.  A regular file is
# replaced whole and keeps its mode; a symbolic link stays and its target is
# written; a FIFO or a device is written in place, never replaced, and a full
# device is an error ("No space left on device"), as is an output that is one of
# the inputs (found by device and inode, through links).  Every command's -o, and
# export's --lp/--mps, goes through the same writer.  Only scratch files, FIFOs and
# links are written; the one device used is a full one, for the write failure.
# Usage: bash tests/cli/output_targets.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: output_targets.sh ORGWORK_BINARY}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }
good=instances/som-2024.yaml
"$bin" solve "$good" >"$t/expected.md" || bad "solve $good"
"$bin" solve "$good" --format json >"$t/expected.json" || bad "solve $good --format json"

# A full device: a scratch node when this machine lets us make one, else /dev/full.
full=$t/full
mknod "$full" c 1 7 2>/dev/null || full=/dev/full
for run in "solve $good" "solve $good --format json" "check $good $t/expected.json" \
    "whatif $good --days 1..2"; do
    # shellcheck disable=SC2086
    "$bin" $run -o "$full" 2>"$t/err"
    st=$?
    [ $st -eq 2 ] && grep -q "No space left on device" "$t/err" && ok ||
        bad "$run -o $full: exit $st, $(head -c 200 "$t/err")"
    [ -c "$full" ] && ok || bad "$run -o $full replaced the device"
done
"$bin" solve "$good" >"$full" 2>"$t/err"
st=$?
[ $st -eq 2 ] && grep -q "standard output: No space left" "$t/err" && ok ||
    bad "standard output on a full device: exit $st"
for kind in lp mps; do
    "$bin" export "$good" --$kind "$full" 2>"$t/err"
    st=$?
    [ $st -eq 2 ] && grep -q "No space left on device" "$t/err" && [ -c "$full" ] && ok ||
        bad "export --$kind onto a full device: exit $st, $(head -c 200 "$t/err")"
done

# A FIFO: written in place, still a FIFO after.
mkfifo "$t/fifo"
timeout 30 cat "$t/fifo" >"$t/fifo.out" &
reader=$!
"$bin" solve "$good" -o "$t/fifo" 2>"$t/err"
st=$?
wait "$reader"
[ $st -eq 0 ] && [ -p "$t/fifo" ] && cmp -s "$t/fifo.out" "$t/expected.md" && ok ||
    bad "-o FIFO: exit $st, still a FIFO: $([ -p "$t/fifo" ] && echo yes || echo no)"

# A symbolic link: the link stays, its target is written and keeps mode 0600.
mkdir "$t/d"
printf 'OLD\n' >"$t/d/target.md"
chmod 600 "$t/d/target.md"
ln -s target.md "$t/d/link.md"
ln -s link.md "$t/d/link2.md"
"$bin" solve "$good" -o "$t/d/link2.md" || bad "-o through two links"
[ -L "$t/d/link.md" ] && [ -L "$t/d/link2.md" ] && ok || bad "-o replaced a symbolic link"
cmp -s "$t/d/target.md" "$t/expected.md" && ok || bad "-o did not write the link's target"
[ "$(stat -c %a "$t/d/target.md")" = 600 ] && ok ||
    bad "-o changed the mode 600 to $(stat -c %a "$t/d/target.md")"
# A dangling link names the file to create.
ln -s made.md "$t/d/dangling.md"
"$bin" solve "$good" -o "$t/d/dangling.md" && [ -L "$t/d/dangling.md" ] &&
    cmp -s "$t/d/made.md" "$t/expected.md" && ok || bad "-o through a dangling link"
# A regular file keeps its mode (here 0640 under a umask that would give 0600).
printf 'OLD\n' >"$t/d/kept.md"
chmod 640 "$t/d/kept.md"
(umask 077 && "$bin" solve "$good" -o "$t/d/kept.md")
[ "$(stat -c %a "$t/d/kept.md")" = 640 ] && cmp -s "$t/d/kept.md" "$t/expected.md" && ok ||
    bad "-o over a 0640 file gave mode $(stat -c %a "$t/d/kept.md")"
if ls -A "$t/d" | grep -q '\.tmp\.'; then bad "temporary files left: $(ls -A "$t/d")"; else ok; fi

# -o naming an input: refused, exit 2, the input untouched; also through a link
# or a hard link (the same inode).
cp "$good" "$t/in.yaml"
cp "$t/expected.json" "$t/old.json"
ln -s in.yaml "$t/in-link.yaml"
ln "$t/old.json" "$t/old-hard.json"
cp instances/som-workplan-2023.yaml "$t/wp.yaml"
ln -s wp.yaml "$t/wp-link.yaml"
"$bin" workplan "$t/wp.yaml" --format json -o "$t/plan.json" || bad "workplan: exit $?"
cp "$t/plan.json" "$t/plan.orig"
ln "$t/plan.json" "$t/plan-hard.json"
for run in "solve $t/in.yaml -o $t/in.yaml" "solve $t/in.yaml -o $t/in-link.yaml" \
    "solve $t/in.yaml --keep $t/old.json -o $t/old-hard.json" \
    "check $t/in.yaml $t/old.json -o $t/old.json" "whatif $t/in.yaml --days 2 -o $t/in.yaml" \
    "export $t/in.yaml --lp $t/in.yaml" "export $t/in.yaml --mps $t/in-link.yaml" \
    "workplan $t/wp.yaml -o $t/wp.yaml" "workplan $t/wp.yaml --format json -o $t/wp-link.yaml" \
    "workplan $t/wp.yaml --check $t/plan.json -o $t/plan-hard.json" \
    "workplan $t/wp.yaml --sessions 1..2 -o $t/wp.yaml"; do
    # shellcheck disable=SC2086
    "$bin" $run 2>"$t/err"
    st=$?
    [ $st -eq 2 ] && grep -q "is the input file" "$t/err" && ok || bad "$run: exit $st"
    cmp -s "$t/in.yaml" "$good" && cmp -s "$t/old.json" "$t/expected.json" &&
        cmp -s "$t/wp.yaml" instances/som-workplan-2023.yaml && cmp -s "$t/plan.json" "$t/plan.orig" &&
        ok || bad "$run changed an input"
done

# A run that ends without a schedule never replaces an existing output, even in
# JSON (which it writes to a new file or standard output, with the reasons).
printf 'PUBLISHED\n' >"$t/published.json"
"$bin" solve "$good" --days 1 --meetings 1 --format json -o "$t/published.json" 2>"$t/err"
st=$?
[ $st -eq 3 ] && [ "$(cat "$t/published.json")" = PUBLISHED ] && grep -q "left as it was" "$t/err" &&
    ok || bad "no schedule (exit $st) replaced an existing -o"
"$bin" solve "$good" --days 1 --meetings 1 --format json -o "$t/new.json" 2>/dev/null
grep -q '"status": "infeasible"' "$t/new.json" && ok || bad "no schedule: no JSON in a new -o"
printf 'PUBLISHED\n' >"$t/published.json"
"$bin" whatif "$good" --days 1 --meetings 1 --show 1 --format json -o "$t/published.json" \
    2>/dev/null
[ "$(cat "$t/published.json")" = PUBLISHED ] && ok || bad "whatif --show without a schedule replaced -o"

printf 'output targets: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
