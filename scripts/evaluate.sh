#!/usr/bin/env bash
# The whole rule evaluation: writes seeded MT variants of every development set
# (scripts/inject-defects.py), audits them, the clean sets and the bundled set
# with build/bitext, and scores the findings (scripts/evaluate-rules.py).
#   scripts/evaluate.sh [OUTDIR] [SEEDS] [evaluate-rules.py options...]
# (default: out/evaluation, seeds 1-5). EVAL_SETS="corpus/a corpus/b" limits the
# development sets (default: every corpus folder with zh.txt and en.txt).
# Writes OUTDIR/evaluation.md and OUTDIR/evaluation.json (with the missed
# defects and the false alarms listed one by one).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/evaluation}
seeds=${2:-1-5}
bitext=${BITEXT:-build/bitext}
[ -x "$bitext" ] || { echo "evaluate: $bitext not built (scripts/setup.sh)" >&2; exit 2; }
sets=()
if [ -n "${EVAL_SETS:-}" ]; then
  read -r -a sets <<< "$EVAL_SETS"
else
  for d in corpus/*/; do
    [ -f "$d/zh.txt" ] && [ -f "$d/en.txt" ] && sets+=("${d%/}")
  done
fi
rm -rf "$out/variants"
python3 scripts/inject-defects.py --out "$out/variants" --seeds "$seeds" "${sets[@]}" >/dev/null
python3 scripts/evaluate-rules.py --bitext "$bitext" --out "$out" --variants "$out/variants" \
  --clean "${sets[@]}" --gold-set corpus/whitepaper-2021 \
  --markdown "$out/evaluation.md" --json "$out/evaluation.json" "${@:3}"
