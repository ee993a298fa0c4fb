#!/usr/bin/env bash
# Renders the bundled set's HTML view to docs/report.png (1400x900, the top
# of the page) for the README. Runs the audit first when its report is missing.
# Usage: scripts/screenshot.sh [REPORT_HTML [PNG]]
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-out/whitepaper-2021/report.html}
png=${2:-docs/report.png}
if [ ! -f "$report" ]; then
  build/bitext audit corpus/whitepaper-2021 --out out/whitepaper-2021 >/dev/null || [ $? -eq 1 ]
fi
node tests/browser/screenshot.mjs "$report" "$png"
echo "screenshot: $png ($(stat -c %s "$png") bytes)"
