#!/usr/bin/env bash
# End to end: `bitext audit` on the bundled document set (scale 1) and on
# sets 10, 100 and 1000 times its size written by build/bench/audit_bench
# (copies with shifted digits; a noisy MT). Prints wall time, peak RSS,
# throughput, the CPU seconds (user + system) of the run and the wall
# seconds of each stage (audit --timings). Sizes are in MB of 10^6 bytes,
# the peak too (time reports it in KiB), and x_input is the peak over the
# input's size.
# Usage: scripts/bench.sh [SCALES...]   e.g. scripts/bench.sh 1 10 100
# BITEXT (default build/bitext) names the executable to time, AUDIT_ARGS
# adds options to the audit (e.g. AUDIT_ARGS="--jobs 1").
set -euo pipefail
cd "$(dirname "$0")/.."
bitext=${BITEXT:-build/bitext}
[ -x "$bitext" ] && [ -x build/bench/audit_bench ] || { echo "bench: build first (scripts/setup.sh)" >&2; exit 2; }
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 10 100 1000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-6s %9s %11s %9s %8s %8s %8s %8s %13s %8s %8s %8s %8s %8s\n' scale input_MB paragraphs seconds cpu_s peak_MB x_input MB/s paragraphs/s ingest align compare check report
for scale in "${scales[@]}"; do
  if [ "$scale" = 1 ]; then
    set_dir=corpus/whitepaper-2021
  else
    set_dir="$work/set-$scale"
    build/bench/audit_bench --scale "$scale" --out "$set_dir" >/dev/null
  fi
  bytes=$(cat "$set_dir"/manifest "$set_dir"/*.txt "$set_dir"/*.tsv | wc -c)
  # audit exits 1 on findings: the sets have some by design.
  # shellcheck disable=SC2086
  /usr/bin/time -f 'wall=%e cpu=%U+%S peak_kb=%M' "$bitext" audit "$set_dir" --out "$work/out-$scale" --timings ${AUDIT_ARGS:-} \
    >"$work/stdout" 2>"$work/stderr" || [ $? -eq 1 ] || { cat "$work/stderr" >&2; exit 1; }
  python3 - "$scale" "$bytes" "$work/stdout" "$work/stderr" <<'PY'
import re, sys
scale, size = sys.argv[1], int(sys.argv[2])
out, err = open(sys.argv[3]).read(), open(sys.argv[4]).read()
paragraphs = sum(int(n) for n in re.findall(r": (\d+) paragraphs \(", out))
wall = float(re.search(r"wall=([\d.]+)", err).group(1))
cpu = sum(float(x) for x in re.search(r"cpu=([\d.]+)\+([\d.]+)", err).groups())
peak = int(re.search(r"peak_kb=(\d+)", err).group(1)) * 1024 / 1e6
stages = dict(re.findall(r"(\w+) ([\d.]+) s", err.split("timings:")[1].splitlines()[0]))
mb = size / 1e6
print(f"{scale:<6} {mb:9.2f} {paragraphs:11d} {wall:9.2f} {cpu:8.2f} {peak:8.0f} {peak / mb:8.2f} {mb / wall:8.3f} {paragraphs / wall:13.0f} "
      + " ".join(f"{float(stages[s]):8.2f}" for s in ("ingest", "align", "compare", "check", "report")))
PY
  rm -rf "$work/out-$scale"
done
