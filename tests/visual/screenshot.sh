#!/usr/bin/env bash
# Renders a period's organization of work as HTML and takes a screenshot of it in
# headless Chromium, to look at it as a planner would.  Not part of ctest (it needs
# Debian's chromium: `apt-get install chromium`).
# Usage: tests/visual/screenshot.sh BIN [INSTANCE] [OUT.png]
set -euo pipefail
bin=$1
instance=${2:-instances/ctoc-2024-period.yaml}
out=${3:-docs/img/$(basename "$instance" .yaml).png}
command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 2; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
"$bin" solve "$instance" --format html --quiet -o "$t/page.html"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$t/profile" --window-size=1300,1400 --screenshot="$out" \
  "file://$t/page.html" 2>/dev/null
echo "wrote $out"
