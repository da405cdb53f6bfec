#!/usr/bin/env bash
# Renders page 1 of an instance's organization of work as it prints, to look at it as
# a planner would: the Word document converted to PDF by LibreOffice, and the html page
# printed to PDF by Chromium, each page 1 turned into a PNG by pdftoppm.  Not part of
# ctest (tests/cli/docx.sh and print.sh check the same documents by their text).
# Needs libreoffice-writer-nogui, chromium and poppler-utils (.ci/setup --test).
# Usage: tests/visual/print.sh BIN [INSTANCE] [OUTDIR]
#   writes OUTDIR/<instance>-docx.png and OUTDIR/<instance>-print.png (default docs/img)
set -euo pipefail
bin=$1
instance=${2:-instances/som-2024.yaml}
outdir=${3:-docs/img}
name=$(basename "$instance" .yaml)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
"$bin" solve "$instance" --quiet --format docx --annex -o "$t/$name.docx"
"$bin" solve "$instance" --quiet --format html --annex -o "$t/$name.html"
mkdir -p "$t/home"
HOME=$t/home timeout 300 soffice --headless "-env:UserInstallation=file://$t/home/lo" \
    --convert-to pdf --outdir "$t" "$t/$name.docx" >/dev/null
timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$t/profile" \
    --no-pdf-header-footer --print-to-pdf="$t/$name-print.pdf" "file://$t/$name.html" \
    >/dev/null 2>&1
pdftoppm -r 80 -f 1 -l 1 -singlefile -png "$t/$name.pdf" "$outdir/$name-docx"
pdftoppm -r 80 -f 1 -l 1 -singlefile -png "$t/$name-print.pdf" "$outdir/$name-print"
echo "wrote $outdir/$name-docx.png $outdir/$name-print.png"
