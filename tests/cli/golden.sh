#!/usr/bin/env bash
# golden.sh: `orgwork solve` writes, byte for byte, the outputs kept in tests/golden/
# for every instance and format, and `orgwork check` accepts every JSON schedule.
# The binary formats (docx, odt, xlsx) are kept as their SHA-256 (golden/*.docx.sha256):
# their bytes are deterministic too; docx.sh, odt.sh and xlsx.sh read them back.
# Usage: bash tests/cli/golden.sh path/to/orgwork   (run from the repository root)
#        UPDATE_GOLDEN=1 bash tests/cli/golden.sh path/to/orgwork   rewrites the goldens
set -u
bin=${1:?usage: golden.sh ORGWORK_BINARY}
instances="som-2013 som-2017 som-2020 som-2024 long-session ctoc-2024-period cop-session expert-group"
formats="md text html csv ics json svg docx odt xlsx"
passed=0
failed=0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
    failed=$((failed + 1))
    printf 'FAIL %s\n' "$*"
}

for name in $instances; do
    file=instances/$name.yaml
    for fmt in $formats; do
        out=$tmp/$name.$fmt
        golden=tests/golden/$name.$fmt
        "$bin" solve "$file" --format "$fmt" >"$out" 2>"$tmp/err"
        status=$?
        if [ "$status" -ne 0 ]; then
            fail "$file --format $fmt: exit $status ($(head -n 1 "$tmp/err"))"
            continue
        fi
        case $fmt in docx | odt | xlsx)
            sha256sum <"$out" | cut -d' ' -f1 >"$out.sha256"
            out=$out.sha256
            golden=$golden.sha256
            ;;
        esac
        if [ -n "${UPDATE_GOLDEN:-}" ]; then
            cp "$out" "$golden"
        fi
        if [ ! -f "$golden" ]; then
            fail "$golden is missing (UPDATE_GOLDEN=1 writes it)"
        elif diff -u "$golden" "$out"; then
            passed=$((passed + 1))
        else
            fail "$file --format $fmt differs from $golden"
        fi
        if [ "$fmt" = json ]; then
            "$bin" check "$file" "$out" >"$tmp/check" 2>&1
            status=$?
            if [ "$status" -eq 0 ] && grep -qx 'OK: the schedule keeps every rule' "$tmp/check"; then
                passed=$((passed + 1))
            else
                fail "check $file: exit $status"
                cat "$tmp/check"
            fi
        fi
    done
done

printf 'golden: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
