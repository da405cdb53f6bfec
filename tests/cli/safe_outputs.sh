#!/usr/bin/env bash
# safe_outputs.sh: hostile titles (quotes, commas, markup, <script>, line breaks,
# right-to-left and non-Latin text in the six official languages) come out safe
# and whole in every format.  Solves tests/data/hostile-titles.yaml in each format
# and validates it with Python's own parsers: HTML parses and holds no markup but
# the page's own (no <script>), CSV parses (RFC 4180, CRLF) and gives back every
# title, ICS lines end in CRLF and fold at 75 octets without splitting a character
# and unfold to every title, JSON parses and gives back every name, Markdown rows
# keep their three cells, and no format carries a control character.
# Usage: bash tests/cli/safe_outputs.sh path/to/orgwork   (run from the repository root)
set -u
bin=${1:?usage: safe_outputs.sh ORGWORK_BINARY}
instance=tests/data/hostile-titles.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for fmt in md text html csv ics json; do
    if ! "$bin" solve "$instance" --format "$fmt" -o "$tmp/out.$fmt" 2>"$tmp/err"; then
        echo "FAIL solve --format $fmt:"
        cat "$tmp/err"
        exit 1
    fi
done
exec python3 - "$instance" "$tmp" <<'EOF'
import csv, html.parser, io, json, re, sys
import yaml

instance, out = sys.argv[1], sys.argv[2]
inst = yaml.safe_load(open(instance, encoding="utf-8"))
body = inst["body"]
items = {}
for it in body["agenda"]:
    if "subitems" in it:
        for sub in it["subitems"]:
            items["%s (%s)" % (it["item"], sub["item"])] = sub["title"]
    else:
        items[str(it["item"])] = it["title"]
room = inst["rooms"][0]
failures = []

def fail(fmt, msg):
    failures.append("%s: %s" % (fmt, msg))

def lines_of(title):
    """A title's lines: line breaks in a title are kept as breaks, whatever their kind."""
    return title.replace("\r\n", "\n").split("\n")

def squash(text):
    return re.sub(r"\s+", " ", text).strip()

raw = {}
for fmt in ("md", "text", "html", "csv", "ics", "json"):
    data = open("%s/out.%s" % (out, fmt), "rb").read()
    raw[fmt] = data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(fmt, "not UTF-8: %s" % e)
    bad = sorted({c for c in data if c < 0x20 and c not in (0x09, 0x0A, 0x0D) or c == 0x7F})
    if bad:
        fail(fmt, "control characters %s" % bad)
text = {fmt: data.decode("utf-8", "replace") for fmt, data in raw.items()}

# HTML: parses; the only elements are the page's own; every title is there, as text.
class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.stack = set(), [], []
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").lower().startswith("javascript:"):
                fail("html", "attribute %s=%r" % (name, value))
        if tag not in ("br", "meta"):
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            fail("html", "</%s> does not close <%s>" % (tag, self.stack[-1] if self.stack else ""))
        else:
            self.stack.pop()
    def handle_data(self, data):
        self.text.append(data)
page = Page()
page.feed(text["html"])
page.close()
allowed = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "section", "p",
           "table", "thead", "tbody", "tr", "th", "td", "br"}
if page.tags - allowed:
    fail("html", "markup from the input: %s" % sorted(page.tags - allowed))
if page.stack:
    fail("html", "unclosed elements %s" % page.stack)
if re.search(r"<script", text["html"], re.I):
    fail("html", "a raw <script")
page_text = squash(" ".join(page.text))
for label, title in items.items():
    for line in lines_of(title):
        if squash(line) not in page_text:
            fail("html", "title of %s missing: %r" % (label, line))
if squash(body["name"]) not in page_text:
    fail("html", "body name missing")

# CSV: CRLF records, parses, one row per piece, titles and room given back exactly.
unquoted = re.sub(rb'"(?:[^"]|"")*"', b"", raw["csv"])
if re.search(rb"(?<!\r)\n", unquoted) or not raw["csv"].endswith(b"\r\n"):
    fail("csv", "records do not end in CRLF")
try:
    rows = list(csv.reader(io.StringIO(text["csv"], newline=""), strict=True))
except csv.Error as e:
    fail("csv", "does not parse: %s" % e)
    rows = [[]]
header = rows[0]
seen = set()
for row in rows[1:]:
    if len(row) != len(header):
        fail("csv", "row with %d fields, header has %d: %r" % (len(row), len(header), row))
        continue
    rec = dict(zip(header, row))
    label = rec["item"]
    seen.add(label)
    want = items.get(label)
    if want is None:
        fail("csv", "unknown item %r" % label)
    elif rec["title"] not in (want, want.replace("\r\n", "\n")):
        fail("csv", "title of %s: got %r, want %r" % (label, rec["title"], want))
    if rec["room"] != room:
        fail("csv", "room: got %r" % rec["room"])
if seen != set(items):
    fail("csv", "items missing: %s" % sorted(set(items) - seen))

# ICS: CRLF, at most 75 octets a line, folds between characters; unfolded and
# unescaped (RFC 5545 3.3.11) it gives back every title and the room.
ics = raw["ics"]
if not ics.endswith(b"\r\n") or b"\n" in ics.replace(b"\r\n", b""):
    fail("ics", "lines do not all end in CRLF")
for n, line in enumerate(ics.split(b"\r\n"), 1):
    if len(line) > 75:
        fail("ics", "line %d has %d octets" % (n, len(line)))
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        fail("ics", "line %d is folded inside a character" % n)
unfolded = ics.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").decode("utf-8", "replace")
def unescape(value):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
props = {}
for line in unfolded.split("\r\n"):
    name, _, value = line.partition(":")
    if re.search(r"(?<!\\)[;,]", value) and name in ("SUMMARY", "DESCRIPTION", "LOCATION"):
        fail("ics", "unescaped ; or , in %s" % name)
    props.setdefault(name, []).append(unescape(value))
description = squash(" ".join(props.get("DESCRIPTION", [])))
for label, title in items.items():
    for line in lines_of(title):
        if squash(line) not in description:
            fail("ics", "title of %s missing: %r" % (label, line))
if any(loc != room for loc in props.get("LOCATION", [])):
    fail("ics", "LOCATION does not give the room back: %r" % props.get("LOCATION"))
if props.get("BEGIN", [None])[0] != "VCALENDAR" or props.get("END", [None])[-1] != "VCALENDAR":
    fail("ics", "not one VCALENDAR")

# JSON: parses; names and rooms given back exactly.  (Titles are not part of the
# JSON contract, SPEC §4: it names items by id.)
try:
    doc = json.loads(text["json"])
    b = doc["bodies"][0]
    if b["name"] != body["name"]:
        fail("json", "body name: got %r" % b["name"])
    for m in b["meetings"]:
        if m["room"] != room:
            fail("json", "room: got %r" % m["room"])
except (ValueError, KeyError, IndexError) as e:
    fail("json", "does not parse as the schedule: %s" % e)

# Markdown: inside the table every line is a row of exactly three cells (a title
# can neither end a row nor add a cell), and no markup passes unescaped.
in_table = False
for n, line in enumerate(text["md"].split("\n"), 1):
    if line.startswith("| Date and time"):
        in_table = True
    if in_table:
        if line == "":
            in_table = False
            continue
        cells = re.split(r"(?<!\\)\|", line)
        if len(cells) != 5 or cells[0] != "" or cells[-1] != "":
            fail("md", "line %d is not a row of three cells: %r" % (n, line))
    if re.search(r"(?<!\\)<(?!br>)", line):
        fail("md", "unescaped < on line %d" % n)

# Text: every title's words are there (wrapped, so compared without line breaks).
plain = squash(text["text"])
for label, title in items.items():
    for word in squash(title).split(" "):
        if word not in plain and len(word) < 20:
            fail("text", "word %r of %s missing" % (word, label))

for f in failures:
    print("FAIL " + f)
print("safe outputs: %d formats checked, %d failures" % (len(raw), len(failures)))
sys.exit(1 if failures else 0)
EOF
