#!/usr/bin/env bash
# Usage: scripts/make-batch-sets.sh N DIR
# Writes N small document sets into DIR (set-0001, set-0002, ...) for
# `bitext batch`: each has the bundled official text and a different part of
# the bundled MT (20 to 60 lines), every seventh with a section repeated and
# every fifth with the glossary, so the sets' findings differ.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 N DIR" >&2
  exit 2
fi
count=$1
dir=$2
corpus="$(cd "$(dirname "$0")/.." && pwd)/corpus/whitepaper-2021"
mkdir -p "$dir"
for ((i = 1; i <= count; i++)); do
  set_dir=$(printf '%s/set-%04d' "$dir" "$i")
  mkdir -p "$set_dir"
  cp "$corpus/official-bilingual.txt" "$set_dir/"
  lines=$((20 + i % 41))
  head -n "$lines" "$corpus/mt-news-agency-en.txt" > "$set_dir/mt.txt"
  if ((i % 7 == 0)); then sed -n '5,12p' "$corpus/mt-news-agency-en.txt" >> "$set_dir/mt.txt"; fi
  {
    printf 'name = set-%04d\nbilingual = official-bilingual.txt\nmt = mt.txt\n' "$i"
    if ((i % 5 == 0)); then
      cp "$corpus/glossary.tsv" "$set_dir/"
      echo "glossary = glossary.tsv"
    fi
  } > "$set_dir/manifest"
done
echo "make-batch-sets: $count sets in $dir"
