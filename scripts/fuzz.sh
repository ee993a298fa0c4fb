#!/usr/bin/env bash
# Builds the libFuzzer targets into build-fuzz/ (clang, ASan, UBSan; only what
# changed) and runs one target, or each in turn, for SECONDS:
#   scripts/fuzz.sh fuzz_decode 60      (or decode, document, align, settings, lexicon)
#   scripts/fuzz.sh all 60
# Seeds are small slices of corpus/ made here, plus fuzz/seeds/TARGET/. The
# corpus a run grows is kept in build-fuzz/corpus/TARGET/ for the next run; a
# crashing input is written to build-fuzz/crashes/TARGET/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

if (($# != 2)); then
  echo "usage: scripts/fuzz.sh fuzz_decode|fuzz_document|fuzz_align|fuzz_settings|fuzz_lexicon|all SECONDS" >&2
  exit 2
fi
seconds=$2
case "${1#fuzz_}" in
  all) targets=(fuzz_decode fuzz_document fuzz_align fuzz_settings fuzz_lexicon) ;;
  decode | document | align | settings | lexicon) targets=("fuzz_${1#fuzz_}") ;;
  *) echo "fuzz: unknown target $1" >&2; exit 2 ;;
esac

cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBITEXT_FUZZ=ON -DBITEXT_TESTS=OFF >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]}"

corpus=corpus/whitepaper-2021
official=$corpus/official-bilingual.txt
mt=$corpus/mt-news-agency-en.txt

# Slices of the bundled texts: whole files are larger than one input should be.
# A subshell without pipefail: head closing its pipe early is not a failure.
make_seeds() (
  set +o pipefail
  local target=$1 dir=build-fuzz/seeds/$1
  rm -rf "$dir"
  mkdir -p "$dir"
  case "$target" in
    fuzz_decode | fuzz_document)
      local n
      for n in 5 20 60; do
        head -n "$n" "$official" >"$dir/official-$n.txt"
        head -n "$n" "$mt" >"$dir/mt-$n.txt"
      done
      cp "$corpus/news-release-part-titles.txt" "$dir/titles.txt"
      sed -n '20,40p' "$official" | sed 's/$/\r/' >"$dir/official-crlf.txt"
      head -n 20 "$official" | iconv -f UTF-8 -t GB18030 >"$dir/official-gb18030.txt"
      head -n 20 "$official" | iconv -f UTF-8 -t UTF-16 >"$dir/official-utf16-bom.txt"
      ;;
    fuzz_align)
      # Chinese paragraphs, form feed, English paragraphs, form feed, MT.
      local n
      for n in 4 12 30; do
        {
          LC_ALL=C grep -a $'[\xe4-\xe9]' "$official" | head -n "$n" | head -c 1300
          printf '\f'
          LC_ALL=C grep -a -v $'[\xe4-\xe9]' "$official" | grep -a . | head -n "$n" | head -c 1300
          printf '\f'
          grep -a . "$mt" | head -n "$n" | head -c 1300
        } >"$dir/official-mt-$n.txt"
      done
      ;;
  esac
)

for target in "${targets[@]}"; do
  case "$target" in
    fuzz_align) max_len=4096 ;;
    *) max_len=65536 ;;
  esac
  make_seeds "$target"
  seeds=(build-fuzz/seeds/"$target")
  if [ -d fuzz/seeds/"$target" ]; then seeds+=(fuzz/seeds/"$target"); fi
  mkdir -p build-fuzz/corpus/"$target" build-fuzz/crashes/"$target"
  echo "fuzz: $target for ${seconds}s"
  build-fuzz/"$target" build-fuzz/corpus/"$target" "${seeds[@]}" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=build-fuzz/crashes/"$target"/ -print_final_stats=1
done
