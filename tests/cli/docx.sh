#!/usr/bin/env bash
# docx.sh: the Word annex read back by python-docx (Debian python3-docx): every
# annex table row equals the md row, headings and the resources sentence are the md
# ones, the page is A4 with the documents' margins, Times New Roman, the header row
# repeats, day rows are bold and "(continued)" italic; --annex adds the heading.
# Then LibreOffice (libreoffice-writer-nogui) converts two documents to PDF headless.
set -u
bin=${1:?usage: docx.sh ORGWORK_BINARY}
py=/usr/bin/python3
fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
for name in som-2013 som-2017 som-2020 som-2024 long-session ctoc-2024-period cop-session expert-group; do
    "$bin" solve "instances/$name.yaml" --quiet --format md -o "$t/$name.md" || fail=1
    "$bin" solve "instances/$name.yaml" --quiet --format docx -o "$t/$name.docx" || fail=1
done
"$bin" solve instances/som-2024.yaml --format docx --annex -o "$t/annex.docx" || fail=1
# Markup, quotes, a line break, a control character and Arabic in titles and names.
printf '%s\n' 'orgwork: 1' 'title: "A & B <i>"' 'calendar: {start: 2024-07-11, days: 1}' \
    'rooms: ["Room <1> & \"2\""]' 'body:' '  id: "WG&7"' '  name: "Group <b>&amp;</b>"' \
    '  agenda:' '    - {item: "1", title: "Say \"hi\" <w:t> & \u0001 bye\nnext", duration: 1h}' \
    '    - {item: "2", title: "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", duration: 1h}' \
    >"$t/nasty.yaml"
"$bin" solve "$t/nasty.yaml" --format docx -o "$t/nasty.docx" || fail=1
"$bin" solve instances/ctoc-2024-period.yaml --quiet --format docx --body WG.7 -o "$t/body.docx" ||
    fail=1
"$py" - "$t" <<'PY' || fail=1
import re, sys, zipfile
import docx
sys.path.insert(0, "tests/cli")
from annex_rows import compare
t = sys.argv[1]
names = ["som-2013", "som-2017", "som-2020", "som-2024", "long-session",
         "ctoc-2024-period", "cop-session", "expert-group"]

checked = 0
for name in names:
    d, tables, rows = compare(f"{t}/{name}.docx", f"{t}/{name}.md")
    checked += rows
    s = d.sections[0]
    assert abs(s.page_width.cm - 21.0) < 0.01 and abs(s.page_height.cm - 29.7) < 0.01, name
    assert s.left_margin.twips == s.right_margin.twips == 1195, name
    assert s.top_margin.twips == 1742 and s.bottom_margin.twips == 1898, name
    xml = zipfile.ZipFile(f"{t}/{name}.docx").read("word/styles.xml").decode()
    assert 'w:ascii="Times New Roman"' in xml and '<w:sz w:val="20"/>' in xml, name
    tb = tables[0]
    assert tb.rows[0]._tr.trPr.xml.count("tblHeader") == 1, name  # repeats on every page
    day = tb.rows[1].cells[0].paragraphs[0].runs[0]
    assert day.bold and re.match(r"\w+day, \d+ \w+ \d{4}$", day.text), (name, day.text)
    for tb in tables:
        for r in tb.rows[1:]:
            runs = r.cells[2].paragraphs[0].runs
            for k, run in enumerate(runs):
                if run.text == "continued":
                    assert run.italic and runs[k - 1].text == " (" and not runs[k - 1].italic
if True:
    d = docx.Document(f"{t}/annex.docx")
    paras = [(p.style.name, p.text) for p in d.paragraphs]
    assert paras[0] == ("HCh", "Annex"), paras[:2]
    assert paras[1][1].startswith("Proposed organization of work"), paras[:2]
    period = docx.Document(f"{t}/ctoc-2024-period.docx")
    assert period.paragraphs[0].text == "Overview of the period"
    assert period.tables[0].rows[0].cells[0].text == "Date"
    key = [p.text for p in period.paragraphs if p.text.startswith("WG.7\t")]
    assert key == ["WG.7\tWorking Group on the Smuggling of Migrants"], key
    one = docx.Document(f"{t}/body.docx")
    assert len(one.tables) == 1 and "Smuggling" in one.paragraphs[0].text
d = docx.Document(f"{t}/nasty.docx")
rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
assert rows[2][2] == 'Say "hi" <w:t> &   bye\nnext', rows[2]
assert rows[3][2] == "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", rows[3]
assert d.core_properties.title == "A & B <i>", d.core_properties.title
print(f"docx: python-docx read back {checked} annex rows of 8 instances equal to md")
PY
# The bytes do not depend on the clock or the time zone.
TZ=America/New_York LC_ALL=C "$bin" solve instances/som-2024.yaml --format docx -o "$t/ny.docx" ||
    fail=1
cmp -s "$t/ny.docx" "$t/som-2024.docx" || { echo "FAIL: docx bytes differ in New York"; fail=1; }

# Without --format, -o's extension names the format.
"$bin" solve instances/som-2024.yaml -o "$t/by-name.docx" || fail=1
cmp -s "$t/by-name.docx" "$t/som-2024.docx" || { echo "FAIL: -o x.docx is not docx"; fail=1; }
# On a terminal, a binary format is refused with a hint (script(1) gives a terminal).
script -qec "$bin solve instances/som-2024.yaml --format docx" "$t/typescript" >/dev/null 2>&1
status=$?
[ "$status" -eq 2 ] && grep -q "docx, odt and xlsx are binary: give -o FILE" "$t/typescript" ||
    { echo "FAIL: docx onto a terminal: exit $status"; fail=1; }

# LibreOffice opens two of them and converts them to PDF (A4), the annex on page 1.
mkdir -p "$t/home" "$t/pdf"
for name in som-2024 long-session; do
    HOME=$t/home timeout 300 soffice --headless "-env:UserInstallation=file://$t/home/lo" \
        --convert-to pdf --outdir "$t/pdf" "$t/$name.docx" >"$t/lo.log" 2>&1 ||
        { echo "FAIL: soffice on $name.docx: $(cat "$t/lo.log")"; fail=1; continue; }
    pdf=$t/pdf/$name.pdf
    pdfinfo "$pdf" | grep -q "Page size: *595.* x 841.* pts (A4)" ||
        { echo "FAIL: $name.pdf is not A4"; fail=1; }
    pdftotext -layout -f 1 -l 1 "$pdf" "$t/p1.txt"
    grep -q "Proposed organization of work" "$t/p1.txt" && grep -q "Date and time" "$t/p1.txt" ||
        { echo "FAIL: page 1 of $name.pdf lacks the annex"; fail=1; }
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    # The header row is repeated on every page the table runs over.
    for p in $(seq 1 "$pages"); do
        pdftotext -f "$p" -l "$p" "$pdf" - | grep -q "Date and time" ||
            { echo "FAIL: page $p of $name.pdf has no table header"; fail=1; }
    done
    echo "docx: LibreOffice converted $name.docx to $pages A4 page(s), header on each"
done
[ "$fail" -eq 0 ] && echo "docx: ok"
exit "$fail"
