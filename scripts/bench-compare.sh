#!/usr/bin/env bash
# MT <-> official English alignment: time, peak memory and accuracy for
# synthetic pairs of 1k, 10k, 40k and 100k paragraphs (built by
# build/bench/compare_bench from the bundled MT file, with known edits).
# Wall seconds suffer when other work shares the machine; CPU seconds
# (user time of the whole run, text generation included) much less.
# Usage: scripts/bench-compare.sh [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/bench/compare_bench ] || { echo "bench-compare: build first (scripts/setup.sh)" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 40000 100000)
printf '%-11s %10s %10s %14s %10s %14s\n' paragraphs seconds cpu_s paragraphs/s peak_MB correct_pairs
for n in "${sizes[@]}"; do
  out=$( { /usr/bin/time -f 'peak_kb=%M cpu_s=%U' build/bench/compare_bench --paragraphs "$n"; } 2>&1 )
  json=$(grep '^{' <<<"$out")
  peak=$(grep -o 'peak_kb=[0-9]*' <<<"$out" | cut -d= -f2)
  cpu=$(grep -o 'cpu_s=[0-9.]*' <<<"$out" | cut -d= -f2)
  python3 - "$n" "$peak" "$cpu" "$json" <<'PY'
import json, sys
n, peak, cpu, line = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4])
print(f"{n:<11} {line['seconds']:10.2f} {cpu:10.2f} {line['paragraphs_per_second']:14.0f} {peak/1024:10.0f} "
      f"{line['correct_pairs']:14.4f}")
PY
done
