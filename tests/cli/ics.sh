#!/usr/bin/env bash
# ics.sh: calendars that land at the right hour.  python3-icalendar reads the files
# back (TZID on every time, a VTIMEZONE, UIDs unique across bodies, sessions and
# look-alike ids, SEQUENCE and STATUS, dropped meetings CANCELLED on re-planning);
# khal, set to New York and to Tokyo, shows the Vienna meetings at their local hour.
set -u
bin=${1:?usage: ics.sh ORGWORK_BINARY}
py=/usr/bin/python3
fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
"$bin" solve instances/som-2024.yaml --format ics -o "$t/som.ics" || fail=1
"$bin" solve instances/ctoc-2024-period.yaml --quiet --format ics -o "$t/ctoc.ics" || fail=1
# Next year's session of the same body: same ids, another start.
sed 's/start: 2024-07-11/start: 2025-07-10/; s/July 2024/July 2025/' instances/som-2024.yaml \
    >"$t/next.yaml"
"$bin" solve "$t/next.yaml" --format ics -o "$t/next.ics" || fail=1
# Two bodies whose ids differ only in a character a UID cannot hold as it is.
cat >"$t/alike.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-11-04, days: 2, timezone: America/New_York}
rooms: [Room A, Room B]
bodies:
  - {id: "WG,7", name: First Group, agenda: [{item: "1", title: One, duration: 2h}]}
  - {id: "WG-7", name: Second Group, agenda: [{item: "1", title: One, duration: 2h}]}
YAML
"$bin" solve "$t/alike.yaml" --format ics -o "$t/alike.ics" || fail=1
# A venue in UTC: times end in Z, no VTIMEZONE.
cat >"$t/utc.yaml" <<'YAML'
orgwork: 1
calendar: {start: 2024-07-11, days: 1, timezone: UTC}
body: {id: A, name: N, agenda: [{item: "1", title: T, duration: 1h}]}
YAML
"$bin" solve "$t/utc.yaml" --format ics -o "$t/utc.ics" || fail=1
# Re-planning with fewer meetings: the dropped ones are cancelled.
"$bin" solve instances/som-2024.yaml --format json -o "$t/published.json" || fail=1
sed 's/duration: 3h45m/duration: 30m/; s/duration: 3h30m/duration: 30m/' instances/som-2024.yaml \
    >"$t/shorter.yaml"
"$bin" solve "$t/shorter.yaml" --days 1 --keep "$t/published.json" --format ics -o "$t/replan.ics" \
    2>/dev/null || fail=1
# An unknown zone is refused where it is written.
sed 's/^  days: 2$/  days: 2\n  timezone: Europe\/Atlantis/' instances/som-2024.yaml >"$t/bad.yaml"
"$bin" solve "$t/bad.yaml" >/dev/null 2>"$t/bad.err"
status=$?
[ "$status" -eq 2 ] && grep -q "bad.yaml:26:13: error: unknown time zone \"Europe/Atlantis\"" "$t/bad.err" ||
    { echo "FAIL: unknown time zone: exit $status, $(cat "$t/bad.err")"; fail=1; }

"$py" - "$t" <<'PY' || fail=1
import datetime, sys
import icalendar
t = sys.argv[1]

def events(name):
    cal = icalendar.Calendar.from_ical(open(f"{t}/{name}.ics", "rb").read())
    zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
    return cal, zones, list(cal.walk("VEVENT"))

def check(name, zone):
    cal, zones, evs = events(name)
    assert zones == [zone], (name, zones)
    for e in evs:
        for key in ("DTSTART", "DTEND"):
            p = e[key]
            assert p.params["TZID"] == zone, (name, key, p.params)
            assert p.dt.tzinfo is not None, (name, key)
        assert e["STATUS"] == "CONFIRMED" and int(e["SEQUENCE"]) == 0, name
    uids = [str(e["UID"]) for e in evs]
    assert len(uids) == len(set(uids)), (name, "UIDs repeat")
    return evs

som = check("som", "Europe/Vienna")
first = som[0]["DTSTART"].dt
assert first.utcoffset() == datetime.timedelta(hours=2), first  # CEST in July
assert first.astimezone(datetime.timezone.utc).hour == 8, first
ctoc = check("ctoc", "Europe/Vienna")
assert len({str(e["UID"]) for e in ctoc}) == len(ctoc) > 20, len(ctoc)
nxt = check("next", "Europe/Vienna")
assert not {str(e["UID"]) for e in som} & {str(e["UID"]) for e in nxt}, "next year reuses UIDs"
alike = check("alike", "America/New_York")
bodies = {str(e["SUMMARY"]).split(":")[0]: str(e["UID"]) for e in alike}
assert len(alike) == 2 and bodies["First Group"] != bodies["Second Group"], bodies
assert alike[0]["DTSTART"].dt.utcoffset() == datetime.timedelta(hours=-5)  # EST in November

_, zones, utc = events("utc")
assert zones == [] and utc[0]["DTSTART"].dt == datetime.datetime(2024, 7, 11, 10, tzinfo=datetime.timezone.utc) or str(utc[0]["DTSTART"].dt) == "2024-07-11 10:00:00+00:00", utc[0]["DTSTART"].dt

_, zones, replan = events("replan")
kept = [e for e in replan if e["STATUS"] == "CONFIRMED"]
gone = [e for e in replan if e["STATUS"] == "CANCELLED"]
assert kept and gone and all(int(e["SEQUENCE"]) == 1 for e in replan), replan
old = {str(e["UID"]): e for e in som}
for e in gone:  # the same UID and time as the published event, so calendars drop it
    assert str(e["UID"]) in old and e["DTSTART"].dt == old[str(e["UID"])]["DTSTART"].dt
assert {str(e["UID"]) for e in kept} | {str(e["UID"]) for e in gone} == set(old)
print(f"ics: icalendar read {len(som) + len(ctoc) + len(nxt) + len(alike) + len(replan)} events;"
      f" re-plan keeps {len(kept)}, cancels {len(gone)}")
PY

# khal in another time zone imports the calendar and shows the local hour.
for zone in America/New_York Asia/Tokyo; do
    k=$t/khal-${zone##*/}
    mkdir -p "$k/cal" "$k/home"
    cat >"$k/config" <<CONF
[calendars]
[[orgwork]]
path = $k/cal
[locale]
local_timezone = $zone
default_timezone = $zone
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
CONF
    HOME=$k/home XDG_DATA_HOME=$k/data XDG_CONFIG_HOME=$k/home khal -c "$k/config" \
        import --batch "$t/som.ics" >"$k/import.log" 2>&1 ||
        { echo "FAIL: khal import ($zone): $(cat "$k/import.log")"; fail=1; continue; }
    HOME=$k/home XDG_DATA_HOME=$k/data XDG_CONFIG_HOME=$k/home khal -c "$k/config" \
        list 2024-07-10 4d --format "{start} {end} {title}" >"$k/list" 2>&1
    case $zone in
    America/New_York) want="2024-07-11 04:00 2024-07-11 07:00 Working Group on the Smuggling of Migrants: meeting 1" ;;
    Asia/Tokyo) want="2024-07-11 17:00 2024-07-11 20:00 Working Group on the Smuggling of Migrants: meeting 1" ;;
    esac
    if grep -qxF "$want" "$k/list"; then
        echo "ics: khal in $zone shows: $want"
    else
        echo "FAIL: khal in $zone:"
        cat "$k/list"
        fail=1
    fi
done
[ "$fail" -eq 0 ] && echo "ics: ok"
exit "$fail"
