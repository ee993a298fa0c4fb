#!/usr/bin/env bash
# Scores `bitext align --units lines` on the MAC-Dev zh-en development set
# (one sentence per line, gold beads by people) with vecalign's definition
# of strict and lax F1, pooled over its files. The set is not part of this
# repository: pass its folder (default: ../shared/benchmarks/mac-dev).
# Then the reliability of the beads' confidences (scripts/confidence-table.py).
# Extra arguments go to `bitext align` (e.g. --no-lexicon, --no-learned-lexicon).
# Each file's machine translation (mt/NNN.txt) goes with it as --zh-mt when
# the set has one; MACDEV_MT=0 aligns without it.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${MACDEV:-../shared/benchmarks/mac-dev}
[ -d "$data/gold" ] || { echo "eval-macdev: no MAC-Dev set at $data (set MACDEV=folder)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# All files are aligned in one run, so the lexicon learned from the first
# alignment comes from all of them (as when a user aligns a set together).
args=()
pairs=()
for gold in "$data"/gold/*.align; do
  name=$(basename "$gold" .align)
  args+=(--zh "$data/zh/$name.txt" --en "$data/en/$name.txt")
  if [ "${MACDEV_MT:-1}" != 0 ] && [ -f "$data/mt/$name.txt" ]; then
    args+=(--zh-mt "$data/mt/$name.txt")
  fi
  pairs+=("$gold" "$out/$name.align")
done
build/bitext align --units lines "${args[@]}" --out "$out" --with-scores "$@" 2>/dev/null
build/bitext score "${pairs[@]}"
echo
python3 scripts/confidence-table.py "${pairs[@]}"
