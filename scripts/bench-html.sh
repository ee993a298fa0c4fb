#!/usr/bin/env bash
# The HTML view at scale: audits a synthetic document set of N official
# paragraph pairs and an MT of them (default 10,000 rows; bench/html_set.mjs
# builds it from the bundled text's sentence pairs), then opens report.html
# in headless Chromium and prints its size, the time to the load event and
# to the first contentful paint (median of 3 loads). A benchmark, never a test.
# Usage: scripts/bench-html.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/bitext ] || { echo "bench-html: build first (scripts/setup.sh)" >&2; exit 2; }
n=${1:-10000}
work=out/bench-html
rm -rf "$work"
build/bitext audit corpus/whitepaper-2021 --out "$work/whitepaper" >/dev/null || [ $? -eq 1 ]
node bench/html_set.mjs "$work/whitepaper/aligned.tsv" "$n" "$work/set"
start=$(date +%s%N)
build/bitext audit "$work/set" --out "$work/report" >/dev/null || [ $? -eq 1 ]
audit_ms=$(( ($(date +%s%N) - start) / 1000000 ))
report=$work/report/report.html
printf 'pairs %s, audit %s ms, report.html %s bytes (%s)\n' "$n" "$audit_ms" \
  "$(stat -c %s "$report")" "$(du -h "$report" | cut -f1)"
node tests/browser/page_timing.mjs "$report" 3
