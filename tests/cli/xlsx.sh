#!/usr/bin/env bash
# xlsx.sh: the workbook read back by openpyxl (Debian python3-openpyxl): a sheet per
# body (after an "Overview" sheet for a period), one row per csv row with the same
# values; dates are dates, times are times, item numbers are text ("1.10" stays).
set -u
bin=${1:?usage: xlsx.sh ORGWORK_BINARY}
py=/usr/bin/python3
fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
for name in som-2024 ctoc-2024-period cop-session; do
    "$bin" solve "instances/$name.yaml" --quiet --format csv -o "$t/$name.csv" || fail=1
    "$bin" solve "instances/$name.yaml" --quiet --format xlsx -o "$t/$name.xlsx" || fail=1
done
cat >"$t/numbers.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-11, days: 1, slots: ["20:00-24:00"]}
body:
  id: "WG/7"
  name: Working Group on Numbers
  agenda:
    - {item: "1.10", title: Opening, duration: 30m}
    - {item: "2", title: Close, duration: 1h}
YAML
"$bin" solve "$t/numbers.yaml" --format xlsx -o "$t/numbers.xlsx" || fail=1
# Sheet names: at most 31 bytes, not cut inside a character, never twice the same.
long=Working_Group_on_Long_Identifiers_
cat >"$t/names.yaml" <<YAML
orgwork: 1
calendar: {start: 2024-07-11, days: 2}
bodies:
  - {id: "${long}A", name: One, agenda: [{item: "1", title: T, duration: 1h}]}
  - {id: "${long}B", name: Two, agenda: [{item: "1", title: T, duration: 1h}]}
  - {id: "Overview", name: Three, agenda: [{item: "1", title: T, duration: 1h}]}
  - {id: "Gruppe_über_Überlänge_éé_ÄÖÜ_x", name: Four, agenda: [{item: "1", title: T, duration: 1h}]}
YAML
"$bin" solve "$t/names.yaml" --quiet --format xlsx -o "$t/names.xlsx" || fail=1
"$py" - "$t" <<'PY' || fail=1
import csv, datetime, sys
import openpyxl
t = sys.argv[1]
total = 0
for name in ["som-2024", "ctoc-2024-period", "cop-session"]:
    wb = openpyxl.load_workbook(f"{t}/{name}.xlsx")
    rows = list(csv.DictReader(open(f"{t}/{name}.csv", encoding="utf-8", newline="")))
    bodies = list(dict.fromkeys(r["body"] for r in rows))
    want = (["Overview"] if len(bodies) > 1 else []) + bodies
    assert wb.sheetnames == want, (name, wb.sheetnames, want)
    for body in bodies:
        ws = wb[body]
        got = list(ws.iter_rows(values_only=True))
        assert got[0] == ("Date", "Start", "End", "Room", "Meeting", "Item", "Title",
                          "Minutes", "Continued"), got[0]
        mine = [r for r in rows if r["body"] == body]
        assert len(got) - 1 == len(mine), (name, body, len(got), len(mine))
        for g, r in zip(got[1:], mine):
            assert isinstance(g[0], datetime.datetime) and g[0].date().isoformat() == r["date"], g
            assert isinstance(g[1], datetime.time) and g[1].strftime("%H:%M") == r["start"], g
            assert isinstance(g[2], datetime.time) and g[2].strftime("%H:%M") == r["end"], g
            assert g[3] == r["room"] and g[4] == int(r["meeting"]), g
            assert isinstance(g[5], str) and g[5] == r["item"], g
            assert g[6] == r["title"] and g[7] == int(r["minutes"]), g
            assert g[8] == (r["continued"] == "true"), g
            total += 1
    if name == "som-2024":  # issued: 2024-03-11, not the clock
        assert wb.properties.created == datetime.datetime(2024, 3, 11), wb.properties.created
    if len(bodies) > 1:
        ov = list(wb["Overview"].iter_rows(values_only=True))
        assert ov[0] == ("Date", "Start", "End", "Room", "Bodies", "Items"), ov[0]
        meetings = {(r["date"], r["start"], r["room"]) for r in rows}
        cells = [r for r in ov[1:] if isinstance(r[0], datetime.datetime)]
        assert {(r[0].date().isoformat(), r[1].strftime("%H:%M"), r[3]) for r in cells} == meetings
        key = ov[ov.index(("Bodies", None, None, None, None, None)) + 1:]
        assert [k[0] for k in key] == bodies, key
wb = openpyxl.load_workbook(f"{t}/numbers.xlsx")
ws = wb["WG_7"]
assert ws["F2"].value == "1.10" and ws["F2"].data_type == "s", ws["F2"].value
assert ws["F2"].number_format == "@"
assert ws["C2"].value in (datetime.datetime(1900, 1, 1), datetime.time(0, 0), 1), ws["C2"].value
names = openpyxl.load_workbook(f"{t}/names.xlsx").sheetnames
assert names[:4] == ["Overview", "Working_Group_on_Long_Identifie",
                     "Working_Group_on_Long_Identif~2", "Body 3"], names
assert len(names[4].encode()) <= 31 and names[4].startswith("Gruppe_über_Überlänge_éé"), names
print(f"xlsx: openpyxl read back {total} rows equal to csv, dates, times and text items")
PY
# Without --format, -o's extension names the format.
"$bin" solve instances/som-2024.yaml -o "$t/by-name.xlsx" || fail=1
cmp -s "$t/by-name.xlsx" "$t/som-2024.xlsx" || { echo "FAIL: -o x.xlsx is not xlsx"; fail=1; }
# Same bytes whatever the clock, time zone or scratch directory.
TMPDIR=$t TZ=Asia/Tokyo "$bin" solve instances/som-2024.yaml --format xlsx -o "$t/again.xlsx" ||
    fail=1
cmp -s "$t/again.xlsx" "$t/som-2024.xlsx" || { echo "FAIL: xlsx bytes differ"; fail=1; }
ls "$t" | grep -q orgwork-xlsx && { echo "FAIL: scratch directory left behind"; fail=1; }
[ "$fail" -eq 0 ] && echo "xlsx: ok"
exit "$fail"
