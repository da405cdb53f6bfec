#!/usr/bin/env bash
# odt.sh: the OpenDocument annex as LibreOffice (libreoffice-writer-nogui) reads it:
# converted to Word and read back by python-docx, every annex row equals the md row;
# converted to PDF, it is A4 with the table's header on every page.  The package has
# its mimetype first and uncompressed, as ODF requires, and the same bytes anywhere.
set -u
bin=${1:?usage: odt.sh ORGWORK_BINARY}
py=/usr/bin/python3
fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
names="som-2024 long-session ctoc-2024-period"
mkdir -p "$t/home" "$t/out"
for name in $names; do
    "$bin" solve "instances/$name.yaml" --quiet --format md -o "$t/$name.md" || fail=1
    "$bin" solve "instances/$name.yaml" --quiet --format odt -o "$t/$name.odt" || fail=1
    for to in docx pdf; do
        HOME=$t/home timeout 300 soffice --headless "-env:UserInstallation=file://$t/home/lo" \
            --convert-to "$to" --outdir "$t/out" "$t/$name.odt" >"$t/lo.log" 2>&1 ||
            { echo "FAIL: soffice $name.odt to $to: $(cat "$t/lo.log")"; fail=1; }
    done
done
"$py" - "$t" $names <<'PY' || fail=1
import sys, zipfile
sys.path.insert(0, "tests/cli")
from annex_rows import compare
t, names = sys.argv[1], sys.argv[2:]
total = 0
for name in names:
    z = zipfile.ZipFile(f"{t}/{name}.odt")
    first = z.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    d, tables, rows = compare(f"{t}/out/{name}.docx", f"{t}/{name}.md")
    total += rows
print(f"odt: LibreOffice read {total} annex rows of {len(names)} documents equal to md")
PY
pdf=$t/out/long-session.pdf
pdfinfo "$pdf" | grep -q "Page size: *595.* x 841.* pts (A4)" || { echo "FAIL: not A4"; fail=1; }
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
for p in $(seq 1 "$pages"); do
    pdftotext -f "$p" -l "$p" "$pdf" - | grep -q "Date and time" ||
        { echo "FAIL: page $p of long-session.pdf has no table header"; fail=1; }
done
TZ=Asia/Tokyo "$bin" solve instances/som-2024.yaml --format odt -o "$t/tokyo.odt" || fail=1
cmp -s "$t/tokyo.odt" "$t/som-2024.odt" || { echo "FAIL: odt bytes differ in Tokyo"; fail=1; }
[ "$fail" -eq 0 ] && echo "odt: ok ($pages A4 pages for long-session, header on each)"
exit "$fail"
