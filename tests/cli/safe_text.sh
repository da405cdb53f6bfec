#!/usr/bin/env bash
# safe_text.sh: no control character or formula reaches an output or a terminal.
# - csv: a cell beginning with = + - @ (or a tab or CR) gets a leading ' (OWASP);
# - error messages escape what they quote from a file (keys, ids, JSON excerpts,
#   file names): "\x1b", "\n", "\u009b", and cut quotes on UTF-8 boundaries;
# - `diff` escapes ids and rooms read from the schedules;
# - hostile JSON schedules (control characters and NULs in ids, dates and rooms,
#   a year past 2999, CR-only lines) are refused with exit 2 and an escaped message.
# - titles, names and rooms with ESC, BEL, DEL and C1 controls: no format passes one
#   (md, text, html, ics, svg as spaces, csv dropped, json escaped; docx, odt and
#   xlsx as spaces, checked in every part of the unzipped package).
# Usage: bash tests/cli/safe_text.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: safe_text.sh ORGWORK_BINARY}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }
# No C0 control (but tab and line ends), DEL or C1 control in the file; valid UTF-8.
clean() {
    python3 - "$1" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")  # raises on a cut character
sys.exit(1 if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text) else 0)
PY
}

# csv: formulas neutralised in titles, rooms, body and item ids.
cat >"$t/formula.yaml" <<'YAML'
orgwork: 1
title: Formulas
calendar: {start: 2024-07-08, days: 2}
rooms: ["=HYPERLINK(\"http://evil\",\"A\")"]
body:
  id: "@B"
  name: "+Body"
  agenda:
    - {item: "-1", title: "=1+2", duration: 1h}
    - {item: "2", title: "@SUM(A1:A9)", duration: 1h}
    - {item: "3", title: "+cmd|' /C calc'!A0", duration: 30m}
    - {item: "4", title: "Plain, with - and = inside", duration: 30m}
YAML
"$bin" solve "$t/formula.yaml" --format csv -o "$t/formula.csv" || bad "solve --format csv"
python3 - "$t/formula.csv" <<'PY' && ok || bad "csv cells that would run as formulas"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
cells = [c for r in rows[1:] for c in r]
risky = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
assert not risky, risky
for want in ["'@B", "'=HYPERLINK(\"http://evil\",\"A\")", "'-1", "'=1+2", "'@SUM(A1:A9)",
             "'+cmd|' /C calc'!A0", "Plain, with - and = inside"]:
    assert want in cells, (want, cells)
PY

# Control characters in titles, names and rooms (ESC, BEL, DEL, C1 such as U+009B,
# the one-byte CSI, and U+0085): no output format passes one.
cat >"$t/controls.yaml" <<'YAML'
orgwork: 1
title: "Controls \e[2J\a"
calendar: {start: 2024-07-08, days: 2}
rooms: ["Room \x7f\x9b1m"]
body:
  id: B
  name: "Body \e]0;title\a \N"
  agenda:
    - {item: "1", title: "Opening \e[31m red \x9b2J \x85 \x7f", duration: 1h}
    - {item: "2", title: "Second", duration: 1h}
YAML
for f in md text html csv ics json svg; do
    "$bin" solve "$t/controls.yaml" --format $f -o "$t/controls.$f" 2>"$t/err"
    st=$?
    [ $st -eq 0 ] && clean "$t/controls.$f" && ok ||
        bad "--format $f passes a control character (exit $st): $(grep -a -m1 'Opening' "$t/controls.$f" | od -c | head -n 3)"
done
# docx, odt and xlsx: every part of the package (unzipped) is free of them too, a
# period (overview, key of the bodies, a sheet per body) as well as one body; xlsx
# carries no Excel escape of one (_x001B_, which Excel reads back as ESC).
cat >"$t/period.yaml" <<'YAML'
orgwork: 1
title: "Period \e[2J\a \x85 tab\there"
calendar: {start: 2024-07-08, days: 2}
rooms: ["Room \x7f\x9b1m", "Other \x01\x02"]
bodies:
  - id: B
    name: "Body \e]0;title\a \N \x0b\x0c"
    session: "first \x9f session"
    agenda:
      - {item: "1", title: "Opening \e[31m red \x9b2J \x85 \x7f \ttab", duration: 1h}
      - {item: "2", title: "Second \x1f\x1e\rline", duration: 1h}
  - id: "C\x9b\x7f"
    name: "Cody \x9b\x80"
    agenda:
      - {item: "1", title: "Third \x08\x0e", duration: 1h}
YAML
for inst in controls period; do
    for f in docx odt xlsx; do
        "$bin" solve "$t/$inst.yaml" --format $f -o "$t/$inst.$f" 2>"$t/err"
        st=$?
        python3 - "$t/$inst.$f" <<'PY' && [ $st -eq 0 ] && ok || bad "$inst --format $f (exit $st)"
import re, sys, zipfile
controls = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
excel_escape = re.compile("_x00[0-9A-Fa-f]{2}_")
found = []
with zipfile.ZipFile(sys.argv[1]) as z:
    parts = z.namelist()
    text = "".join(z.read(n).decode("utf-8") for n in parts if n.endswith((".xml", ".rels")))
for m in controls.finditer(text):
    found.append(repr(text[max(0, m.start() - 30):m.end() + 5]))
for m in excel_escape.finditer(text):
    found.append(m.group())
# The text itself is there (a control became a space, not the end of the text).
for want in ("Opening", "red", "Second"):
    if want not in text:
        found.append("missing " + want)
if found:
    print(sys.argv[1], found[:5])
    sys.exit(1)
PY
    done
done

python3 - "$t/controls.json" <<'PY' && ok || bad "json does not keep the controls, escaped"
import json, sys
raw = open(sys.argv[1], encoding="utf-8").read()
for esc in ("\\u001b", "\\u0007", "\\u007f", "\\u009b", "\\u0085"):
    assert esc in raw, esc
assert json.loads(raw)["bodies"][0]["meetings"][0]["room"] == "Room \x7f\x9b1m"
PY

# Messages: what they quote from the file is escaped, and cut on a character.
printf 'orgwork: 1\ncalendar: {start: 2024-07-08, days: 2}\nbody:\n  id: B\n  name: N\n  %s: 1\n  agenda:\n    - {item: "1", title: T, duration: 1h}\n' \
    "$(printf 'a%.0s' $(seq 1 59))éé" >"$t/cut.yaml"
"$bin" solve "$t/cut.yaml" 2>"$t/err"
[ $? -eq 2 ] && clean "$t/err" && grep -q 'unknown key "a*"' "$t/err" && ok ||
    bad "a quote cut inside a character: $(od -c "$t/err" | head -n 3)"
esc_name=$t/$'\e[2Jname\n.yaml'
cp "$t/cut.yaml" "$esc_name"
"$bin" solve "$esc_name" 2>"$t/err"
[ $? -eq 2 ] && clean "$t/err" && grep -q '\\x1b\[2Jname\\n\.yaml:6:3: error' "$t/err" && ok ||
    bad "a file name with ESC and a line break: $(head -c 200 "$t/err")"

# JSON schedules: hostile strings in ids, rooms and dates.
"$bin" solve instances/som-2024.yaml --format json >"$t/som.json" || bad "solve som-2024"
python3 - "$t" <<'PY'
import json, sys
d = json.load(open(sys.argv[1] + "/som.json"))
def variant(name, change):
    v = json.loads(json.dumps(d))
    change(v)
    open(f"{sys.argv[1]}/{name}.json", "w").write(json.dumps(v, indent=1))
meetings = lambda v: v["bodies"][0]["meetings"]
variant("esc_body", lambda v: v["bodies"][0].update(id="WG.7\u001b[2J\n"))
variant("c1_item", lambda v: meetings(v)[0]["items"][0].update(item="1(a)\u009b2J"))
variant("esc_room", lambda v: [m.update(room="Plenary\u001b]0;x\u0007") for m in meetings(v)])
variant("c1_room", lambda v: meetings(v)[1].update(room="Room \u0085B"))
variant("date_3000", lambda v: meetings(v)[0].update(date="3000-01-01"))
variant("date_escape", lambda v: meetings(v)[0].update(date="2024-07-11\u001b[2J"))
PY
python3 - "$t/som.json" "$t/nul_date.json" "$t/nul_room.json" "$t/cr_lines.json" <<'PY'
import sys
s = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(s.replace(b'"2024-07-11"', b'"2024-07-11\\u0000junk"', 1))
open(sys.argv[3], "wb").write(s.replace(b'"Plenary"', b'"A\\u0000x"', 1))
open(sys.argv[4], "wb").write(s.replace(b'"2024-07-11"', b'"2024-07-1x"', 1).replace(b"\n", b"\r"))
PY
for f in esc_body c1_item date_3000 date_escape nul_date nul_room; do
    "$bin" check instances/som-2024.yaml "$t/$f.json" >/dev/null 2>"$t/err"
    st=$?
    [ $st -eq 2 ] && clean "$t/err" && ok || bad "check of $f.json: exit $st, $(head -c 300 "$t/err" | od -c | head -n 3)"
    "$bin" diff "$t/som.json" "$t/$f.json" >"$t/out" 2>"$t/err"
    st=$?
    clean "$t/out" && clean "$t/err" && ok || bad "diff with $f.json wrote a control character (exit $st)"
done
"$bin" check instances/som-2024.yaml "$t/cr_lines.json" >/dev/null 2>"$t/err"
[ $? -eq 2 ] && clean "$t/err" && ok || bad "check of a CR-only JSON file: $(head -c 200 "$t/err")"
# Rooms the instance does not know: check refuses them; diff names them, escaped.
for f in esc_room c1_room; do
    "$bin" check instances/som-2024.yaml "$t/$f.json" >"$t/out" 2>"$t/err"
    clean "$t/out" && clean "$t/err" && ok || bad "check of $f.json wrote a control character"
    "$bin" diff "$t/som.json" "$t/$f.json" >"$t/out" 2>"$t/err"
    st=$?
    [ $st -eq 0 ] && clean "$t/out" && grep -q 'Plenary\|Room' "$t/out" && ok ||
        bad "diff with $f.json: exit $st, $(head -c 300 "$t/out" | od -c | head -n 4)"
done
grep -q 'moves to Plenary\\x1b\]0;x\\x07' <("$bin" diff "$t/som.json" "$t/esc_room.json") && ok ||
    bad "diff does not show the escaped room: $("$bin" diff "$t/som.json" "$t/esc_room.json" | od -c | head -n 3)"

printf 'safe text: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
