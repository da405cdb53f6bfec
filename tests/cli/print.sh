#!/usr/bin/env bash
# print.sh: the html page printed by Chromium (Debian chromium, headless): A4 pages,
# the organization of work on page 1 (no blank first page, even for an annex longer
# than a page), the overview's key, the "Annex" heading with --annex.
set -u
bin=${1:?usage: print.sh ORGWORK_BINARY}
fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
print() { # html pdf
    timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$t/profile" \
        --no-pdf-header-footer --print-to-pdf="$2" "file://$1" >"$t/chromium.log" 2>&1
}
"$bin" solve instances/long-session.yaml --format html -o "$t/long.html" || fail=1
"$bin" solve instances/ctoc-2024-period.yaml --quiet --format html --annex -o "$t/ctoc.html" ||
    fail=1
for name in long ctoc; do
    print "$t/$name.html" "$t/$name.pdf" || { echo "FAIL: chromium on $name.html"; fail=1; continue; }
    pdfinfo "$t/$name.pdf" | grep -q "Page size: *594.* x 841.* pts (A4)" ||
        { echo "FAIL: $name.pdf is not A4: $(pdfinfo "$t/$name.pdf" | grep 'Page size')"; fail=1; }
    pdftotext -f 1 -l 1 "$t/$name.pdf" "$t/$name.p1"
    pages=$(pdfinfo "$t/$name.pdf" | awk '/^Pages:/ {print $2}')
    echo "print: $name.html printed on $pages A4 page(s)"
done
grep -q "Proposed organization of work" "$t/long.p1" && grep -q "Date and time" "$t/long.p1" ||
    { echo "FAIL: page 1 of the long annex does not show it"; fail=1; }
grep -q "Overview of the period" "$t/ctoc.p1" && grep -q "Bodies" "$t/ctoc.p1" &&
    grep -q "Working Group on the Smuggling of Migrants" "$t/ctoc.p1" ||
    { echo "FAIL: page 1 of the period lacks the overview and its key"; fail=1; }
# "1 (a)", "10 a.m.–1 p.m." and "Board Room D" never break across lines.
pdftotext -layout "$t/ctoc.pdf" "$t/ctoc.txt"
grep -qE '(^| )1$|^ *\(a\)|(^| )a\.m\.$|^ *Room D' "$t/ctoc.txt" &&
    { echo "FAIL: a label, time or room broke across lines"; fail=1; }
tr -d '\f' <"$t/ctoc.txt" | grep -c "^ *Annex *$" | grep -qx 5 || { echo "FAIL: not five Annex headings"; fail=1; }
[ "$fail" -eq 0 ] && echo "print: ok"
exit "$fail"
