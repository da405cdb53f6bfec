#!/usr/bin/env bash
# csv_excel.sh: csv for spreadsheets.  --excel starts with a UTF-8 byte order mark and
# writes item numbers as ="1.10" (text to Excel, where 1.10 would become 1.1);
# --separator ';' for locales that expect it; without them the csv is as before.
set -u
bin=${1:?usage: csv_excel.sh ORGWORK_BINARY}
py=/usr/bin/python3
fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cat >"$t/numbers.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-11, days: 1}
rooms: ["Room; A"]
body:
  id: WG.7
  name: Working Group on Numbers
  agenda:
    - {item: "1.10", title: "Ouverture de la réunion", duration: 30m}
    - {item: "2", title: "Say \"hi\"", duration: 1h}
YAML
"$bin" solve "$t/numbers.yaml" --format csv -o "$t/plain.csv" || fail=1
"$bin" solve "$t/numbers.yaml" --format csv --excel -o "$t/excel.csv" || fail=1
"$bin" solve "$t/numbers.yaml" --format csv --excel --separator ';' -o "$t/semi.csv" || fail=1
"$bin" solve "$t/numbers.yaml" --format csv --separator '|' >/dev/null 2>"$t/err"
[ $? -eq 2 ] && grep -q "separator takes ',' or ';'" "$t/err" ||
    { echo "FAIL: --separator '|' accepted"; fail=1; }
"$py" - "$t" <<'PY' || fail=1
import csv, sys
t = sys.argv[1]
plain = open(f"{t}/plain.csv", "rb").read()
excel = open(f"{t}/excel.csv", "rb").read()
semi = open(f"{t}/semi.csv", "rb").read()
assert not plain.startswith(b"\xef\xbb\xbf") and excel.startswith(b"\xef\xbb\xbf")
assert semi.startswith(b"\xef\xbb\xbfbody;meeting;date;start;end;room;item;title;minutes;continued\r\n")
rows = {}
for name, sep in (("plain", ","), ("excel", ","), ("semi", ";")):
    text = open(f"{t}/{name}.csv", encoding="utf-8-sig", newline="").read()
    rows[name] = list(csv.DictReader(text.splitlines(), delimiter=sep))
assert [r["item"] for r in rows["plain"]] == ["1.10", "2"], rows["plain"]
for name in ("excel", "semi"):
    assert [r["item"] for r in rows[name]] == ['="1.10"', '="2"'], rows[name]
    assert rows[name][0]["title"] == "Ouverture de la réunion", rows[name][0]
    assert rows[name][1]["title"] == 'Say "hi"' and rows[name][0]["room"] == "Room; A"
    strip = lambda r: {k: v for k, v in r.items() if k != "item"}
    assert list(map(strip, rows[name])) == list(map(strip, rows["plain"]))
print("csv_excel: BOM, ';' and text item numbers read back by Python's csv")
PY
[ "$fail" -eq 0 ] && echo "csv_excel: ok"
exit "$fail"
