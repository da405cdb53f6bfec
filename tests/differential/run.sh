#!/usr/bin/env bash
# The exhaustive search as a test (tests/differential/README.md).
#   run.sh ORGWORK [OW_DIFFERENTIAL]
# Replays every file of tests/differential/regressions/ through the command line,
# then compares OW_DIFFERENTIAL_COUNT generated instances (seeds from
# OW_DIFFERENTIAL_FROM, default 0; odd seeds are periods) on two processes, which
# take pairs of seeds in turn: every OW_DIFFERENTIAL_CLI_EVERY-th seed (default 7)
# and every instance the loader refuses through `orgwork solve` and `orgwork check`,
# the others through the same calls in process.  The count is 3000 by default; 1000
# under AddressSanitizer (ASAN_OPTIONS set, as .ci/test's sanitizer stage does); 20,
# all through the command line, when ORGWORK is a wrapper script rather than the
# program (as .ci/test's valgrind stage gives: each solve takes a second or two).
set -u
bin=$1
if [ $# -ge 2 ]; then
  diff_bin=$2
elif head -c 4 "$bin" | grep -q ELF; then
  diff_bin=$(dirname "$bin")/tests/ow_differential
else
  diff_bin=build/tests/ow_differential
fi
count=3000
every=7
[ -n "${ASAN_OPTIONS:-}" ] && count=1000
head -c 2 "$bin" | grep -q '#!' && count=20 && every=1
count=${OW_DIFFERENTIAL_COUNT:-$count}
every=${OW_DIFFERENTIAL_CLI_EVERY:-$every}
from=${OW_DIFFERENTIAL_FROM:-0}
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
TMPDIR=$t "$diff_bin" "$bin" --replay tests/differential/regressions > "$t/replay.txt" || fail=1
grep MISMATCH "$t/replay.txt"
echo "regressions: $(tail -n 1 "$t/replay.txt")"
# The two processes take pairs of seeds in turn: the costly instances are spread.
TMPDIR=$t "$diff_bin" "$bin" --from "$from" --count "$count" --cli-every "$every" --part 0/2 \
    > "$t/a.txt" & a=$!
TMPDIR=$t "$diff_bin" "$bin" --from "$from" --count "$count" --cli-every "$every" --part 1/2 \
    > "$t/b.txt" & b=$!
wait $a || fail=1
wait $b || fail=1
grep -h MISMATCH "$t/a.txt" "$t/b.txt"
echo "seeds $from..$((from + count - 1)): $(tail -n 1 "$t/a.txt") | $(tail -n 1 "$t/b.txt")"
exit $fail
