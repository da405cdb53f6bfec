#!/usr/bin/env bash
# The exhaustive search as a test: tests/differential/README.md.
#   run.sh ORGWORK [OW_DIFFERENTIAL]
# Replays every file of tests/differential/regressions/, then compares OW_DIFFERENTIAL_COUNT
# (default 3000) generated instances, half of them periods, on two processes.  When
# ORGWORK is not an executable program but a wrapper script (as the valgrind stage of
# .ci/test gives), 40 instances are enough: each solve then takes seconds.
set -u
bin=$1
diff_bin=${2:-build/tests/ow_differential}
count=${OW_DIFFERENTIAL_COUNT:-3000}
from=${OW_DIFFERENTIAL_FROM:-0}
if [ -z "${OW_DIFFERENTIAL_COUNT:-}" ] && head -c 2 "$bin" | grep -q '#!'; then
  count=40
fi
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
"$diff_bin" "$bin" --replay tests/differential/regressions > "$t/replay.txt" || fail=1
grep MISMATCH "$t/replay.txt"
echo "regressions: $(tail -n 1 "$t/replay.txt")"
half=$((count / 2))
TMPDIR=$t "$diff_bin" "$bin" --from "$from" --count "$half" > "$t/a.txt" & a=$!
TMPDIR=$t "$diff_bin" "$bin" --from $((from + half)) --count $((count - half)) > "$t/b.txt" & b=$!
wait $a || fail=1
wait $b || fail=1
grep -h MISMATCH "$t/a.txt" "$t/b.txt"
echo "seeds $from..$((from + count - 1)): $(tail -n 1 "$t/a.txt") | $(tail -n 1 "$t/b.txt")"
exit $fail
