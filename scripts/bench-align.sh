#!/usr/bin/env bash
# Aligner throughput, peak memory and accuracy on synthetic parallel texts of
# 1k, 10k, 100k and 1M units a side (built by build/bench/align_bench from
# the bundled gold sentence pairs, with known drops and splits), with and
# without the CC-CEDICT lexicon. Usage: scripts/bench-align.sh [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/bench/align_bench ] || { echo "bench-align: build first (scripts/setup.sh)" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000 1000000)
lexicon=third_party/cedict/cedict_ts.u8
printf '%-9s %-8s %10s %12s %12s %9s %9s\n' units lexicon seconds units/s peak_MB F1_strict F1_lax
for n in "${sizes[@]}"; do
  for with in no yes; do
    args=(--units "$n")
    if [ "$with" = yes ]; then
      [ -f "$lexicon" ] || continue
      args+=(--lexicon "$lexicon")
    fi
    out=$( { /usr/bin/time -f 'peak_kb=%M' build/bench/align_bench "${args[@]}"; } 2>&1 )
    json=$(grep '^{' <<<"$out")
    peak=$(grep -o 'peak_kb=[0-9]*' <<<"$out" | cut -d= -f2)
    python3 - "$n" "$with" "$peak" "$json" <<'PY'
import json, sys
n, lex, peak, line = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
print(f"{n:<9} {lex:<8} {line['seconds']:10.2f} {line['units_per_second']:12.0f} "
      f"{peak/1024:12.0f} {line['f1_strict']:9.4f} {line['f1_lax']:9.4f}")
PY
  done
done
