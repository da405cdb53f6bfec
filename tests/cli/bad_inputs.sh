#!/usr/bin/env bash
# bad_inputs.sh: every kind of bad instance file is refused with exit status 2 and
# the exact first line of stderr listed in tests/bad/expected.txt.
# Usage: bash tests/cli/bad_inputs.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: bad_inputs.sh ORGWORK_BINARY}
expected=tests/bad/expected.txt
passed=0
failed=0

check() { # file expected-line
    local file=$1 want=$2 out status got
    out=$(mktemp)
    "$bin" solve "$file" >/dev/null 2>"$out"
    status=$?
    got=$(head -n 1 "$out")
    rm -f "$out"
    if [ "$status" -eq 2 ] && [ "$got" = "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s: exit %d\n  want: %s\n  got:  %s\n' "$file" "$status" "$want" "$got"
    fi
}

# Each expected line begins with its file's path, up to the first colon.
while IFS= read -r line; do
    [ -n "$line" ] || continue
    check "${line%%:*}" "$line"
done <"$expected"

# Every bad file has its line: a file added without one would test nothing.
for f in tests/bad/*.yaml; do
    if ! grep -q "^$f:" "$expected"; then
        failed=$((failed + 1))
        printf 'FAIL %s: no line in %s\n' "$f" "$expected"
    fi
done

# Too big to keep in the repository: made here, just over OW_MAX_FILE_BYTES.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -c 4194305 /dev/zero | tr '\0' '#' >"$tmp/big.yaml"
check "$tmp/big.yaml" "$tmp/big.yaml: error: file is larger than 4194304 bytes, the most orgwork reads"

printf 'bad inputs: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
