#!/usr/bin/env bash
# Aligner throughput, peak memory and accuracy.
#
#   scripts/bench-align.sh [SIZES...]
#     synthetic parallel texts of 1k, 10k, 100k and 1M units a side (built by
#     build/bench/align_bench from the bundled gold sentence pairs, with known
#     drops and splits), with and without the CC-CEDICT lexicon.
#   scripts/bench-align.sh --real [DOC] [LINES...]
#     a real document pair of corpus/ (default install-guide-ch06) repeated to
#     about LINES lines a side (default 5400 10800 21600 43200 108000), aligned
#     by `bitext align` with CC-CEDICT. The answer is known: every copy must be
#     aligned as the first copy is, shifted by its position (copies_alike);
#     as_alone counts the copies aligned as the document is on its own.
set -euo pipefail
cd "$(dirname "$0")/.."
lexicon=third_party/cedict/cedict_ts.u8

real_text() {
  [ -x build/bitext ] || { echo "bench-align: build first (scripts/setup.sh)" >&2; exit 2; }
  local doc=install-guide-ch06
  if [ $# -gt 0 ] && [ -d "corpus/$1" ]; then doc=$1; shift; fi
  local sizes=("$@")
  [ ${#sizes[@]} -gt 0 ] || sizes=(5400 10800 21600 43200 108000)
  local dir zh en
  dir=corpus/$doc
  zh=$(sed -n 's/^zh *= *//p' "$dir/manifest")
  en=$(sed -n 's/^en *= *//p' "$dir/manifest")
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  build/bitext align --lexicon "$lexicon" --zh "$dir/$zh" --en "$dir/$en" >"$tmp/one.beads"
  local per_copy
  per_copy=$(wc -l <"$dir/$zh")
  echo "$doc repeated; CPU seconds are user time (steadier than wall time on a shared machine)"
  printf '%-9s %-7s %10s %10s %9s %12s %12s\n' lines copies CPU_s wall_s peak_MB copies_alike as_alone
  for lines in "${sizes[@]}"; do
    local copies=$(( (lines + per_copy - 1) / per_copy ))
    : >"$tmp/zh.txt"
    : >"$tmp/en.txt"
    for _ in $(seq "$copies"); do
      cat "$dir/$zh" >>"$tmp/zh.txt"
      cat "$dir/$en" >>"$tmp/en.txt"
    done
    /usr/bin/time -o "$tmp/time" -f '%U %e %M' \
      build/bitext align --lexicon "$lexicon" --zh "$tmp/zh.txt" --en "$tmp/en.txt" >"$tmp/many.beads"
    python3 - "$copies" "$tmp/one.beads" "$tmp/many.beads" "$(wc -l <"$tmp/zh.txt")" "$(cat "$tmp/time")" <<'PY'
import re, sys
copies, one_path, many_path, lines = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
user, wall, peak_kb = sys.argv[5].split()

def beads(path):
    out = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\[([\d,]*)\]:\[([\d,]*)\]", line)
        if m:
            out.append(tuple(tuple(int(x) for x in side.split(",") if x) for side in m.groups()))
    return out

one = beads(one_path)
zh_n = 1 + max((i for z, _ in one for i in z), default=-1)
en_n = 1 + max((j for _, e in one for j in e), default=-1)
many = beads(many_path)
def copy_of(bead):
    z, e = bead
    return min([i // zh_n for i in z] + [j // en_n for j in e])
def shifted(bead, c):
    z, e = bead
    return tuple(i - c * zh_n for i in z), tuple(j - c * en_n for j in e)
per_copy = [set() for _ in range(copies)]
for b in many:
    c = copy_of(b)
    if c < copies:
        per_copy[c].add(shifted(b, c))
# Alike: a copy aligned as the first copy of the same run (no drift). As
# alone: as the document aligned on its own (the lexicon learned from the
# copies and the statistics of the whole text can move a hard bead or two).
alike = sum(per_copy[c] == per_copy[0] for c in range(copies))
as_alone = sum(per_copy[c] == set(one) for c in range(copies))
print(f"{lines:<9} {copies:<7} {float(user):10.1f} {float(wall):10.1f} {int(peak_kb) / 1024:9.0f} "
      f"{alike:>6}/{copies:<5} {as_alone:>6}/{copies:<5}")
PY
  done
}

if [ "${1:-}" = --real ]; then
  shift
  real_text "$@"
  exit 0
fi

[ -x build/bench/align_bench ] || { echo "bench-align: build first (scripts/setup.sh)" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000 1000000)
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
