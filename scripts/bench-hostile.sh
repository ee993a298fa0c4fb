#!/usr/bin/env bash
# Hostile input shapes: time and peak memory of the bitext run each one
# meets, with the peak in proportion to the input. Each shape is written
# here (python3), and also run at a small size (the base) so that the
# memory it needs beyond a small input of the same kind shows:
#   doubled-words  audit --no-lexicon of the bundled set, its MT one 1 MB
#                  paragraph of doubled words (base: the bundled MT)
#   one-paragraph  the same with one 1 MB paragraph of varied made-up words,
#                  whose n-grams are mostly distinct (base: the bundled MT)
#   a-lines        check of the line "a" repeated 1,000,000 times (base: one line)
#   long-lines     check of 8 lines of 1 MB of prose each (base: one sentence)
#   repeated       audit --no-lexicon of the bundled set, its MT one section
#                  (35 lines) repeated to 1 MB (base: the section once)
#   metrics-20k    metrics of one 20,000-word segment against its reference,
#                  words swapped and replaced (base: a six-word segment)
#   variant-lines  audit --no-lexicon of the bundled set and its glossary, its
#                  MT 40,000 paragraphs each with a forbidden variant and a
#                  doubled word, findings of two rules on every line, one
#                  yielding to the other (base: the bundled MT)
#   cut-lines      audit --no-lexicon of an official Chinese and English and
#                  an MT of 20,000 paragraphs each, every one of them running
#                  text that stops mid-sentence, each MT cut excused by the
#                  official one it renders (base: 50 paragraphs; input
#                  bytes: the MT's)
# Prints per shape: input bytes, wall and CPU seconds, peak MB (10^6 bytes), peak /
# input, and (peak - base peak) / input. Wall seconds suffer when other
# work shares the machine; CPU seconds and memory much less.
# Usage: scripts/bench-hostile.sh [SHAPES...]; BITEXT names the executable.
set -euo pipefail
cd "$(dirname "$0")/.."
bitext=${BITEXT:-build/bitext}
[ -x "$bitext" ] || { echo "bench-hostile: build first (scripts/setup.sh)" >&2; exit 2; }
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(doubled-words one-paragraph a-lines long-lines repeated metrics-20k variant-lines cut-lines)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=corpus/whitepaper-2021

# write SHAPE SIZE DIR: the shape's inputs in DIR, SIZE "big" or "base".
write() {
  python3 - "$1" "$2" "$3" "$corpus" <<'PY'
import os, random, shutil, sys
shape, size, d, corpus = sys.argv[1:]
big = size == "big"
os.makedirs(d, exist_ok=True)
def put(name, text):
    with open(os.path.join(d, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
def make_set(mt):
    shutil.copy(os.path.join(corpus, "official-bilingual.txt"), d)
    put("manifest", "bilingual = official-bilingual.txt\nmt = mt.txt\n")
    put("mt.txt", mt)
mt_lines = open(os.path.join(corpus, "mt-news-agency-en.txt"), encoding="utf-8").read().splitlines(True)
if shape == "doubled-words":
    if big:
        unit, text = "the the development development of of China China ", ""
        text = unit * ((1 << 20) // len(unit) + 1) + "end.\n"
    else:
        text = "".join(mt_lines)
    make_set(text)
elif shape == "one-paragraph":
    if big:
        rng = random.Random(5)
        words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
                 for _ in range(20000)]
        text, size = [], 0
        while size < 1 << 20:
            text.append(rng.choice(words))
            size += len(text[-1]) + 1
        make_set(" ".join(text) + ".\n")
    else:
        make_set("".join(mt_lines))
elif shape == "variant-lines":
    line = "We build a community of common destiny and and more.\n\n"
    make_set(line * 40000 if big else "".join(mt_lines))
    shutil.copy(os.path.join(corpus, "glossary.tsv"), d)
    put("manifest", "bilingual = official-bilingual.txt\nmt = mt.txt\nglossary = glossary.tsv\n")
elif shape == "cut-lines":
    rng = random.Random(3)
    zh_words = "发展 经济 改善 民生 推进 改革 扩大 开放 加强 合作 建设 国家 人民 社会 文化 科技 教育 医疗 环境 安全".split()
    en_words = ("develop economy improve livelihood advance reform expand opening strengthen cooperation build "
                "country people society culture technology education health environment security").split()
    zh, en, mt = [], [], []
    for _ in range(20000 if big else 50):
        picks = [rng.randrange(len(zh_words)) for _ in range(6)]
        zh.append("我们要" + "、".join(zh_words[k] for k in picks) + "以及")
        en.append("We will " + ", ".join(en_words[k] for k in picks) + " and also")
        mt.append("We shall " + ", ".join(en_words[k] for k in picks) + " and also")
    for name, side in (("zh.txt", zh), ("en.txt", en), ("mt.txt", mt)):
        put(name, "\n\n".join(side) + "\n")
    put("manifest", "zh = zh.txt\nen = en.txt\nmt = mt.txt\n")
elif shape == "a-lines":
    put("a.txt", "a\n" * 1000000 if big else "a\n")
elif shape == "long-lines":
    sentence = "China is the largest developing country in the world, and it has kept to the path of peace. "
    line = sentence * ((1 << 20) // len(sentence) + 1)
    put("long.txt", (line + "\n") * 8 if big else sentence + "\n")
elif shape == "repeated":
    section = "".join(mt_lines[5:40])
    make_set(section * ((1 << 20) // len(section.encode()) + 1) if big else section)
elif shape == "metrics-20k":
    if big:
        hyp, ref, i = [], [], 0
        while i < 20000:  # as tests/hostile_input_test.cc builds it
            word = "w%d" % (i * 7919 % 1009)
            ref.append(word)
            if i % 41 == 0:
                hyp.append("x%d" % i)
            elif i % 97 == 1:
                hyp += ["w%d" % ((i + 1) * 7919 % 1009), word]
                i += 1
                ref.append("w%d" % (i * 7919 % 1009))
            else:
                hyp.append(word)
            i += 1
        put("hyp.txt", " ".join(hyp) + "\n")
        put("ref.txt", " ".join(ref) + "\n")
    else:
        put("hyp.txt", "the cat sat on the mat\n")
        put("ref.txt", "the cat is on the mat\n")
else:
    sys.exit("unknown shape " + shape)
PY
}

# run SHAPE DIR: the shape's command on DIR, timed; prints "wall cpu peak_kb input_bytes".
run() {
  local shape=$1 dir=$2 input args
  case $shape in
    doubled-words|one-paragraph|repeated|variant-lines|cut-lines) input=$dir/mt.txt; args=(audit "$dir" --no-lexicon --out "$dir.out") ;;
    a-lines) input=$dir/a.txt; args=(check "$input") ;;
    long-lines) input=$dir/long.txt; args=(check "$input") ;;
    metrics-20k) input=$dir/hyp.txt; args=(metrics --hyp "$input" --ref "$dir/ref.txt") ;;
  esac
  # audit and check exit 1 on findings: these inputs have some by design.
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$bitext" "${args[@]}" >/dev/null 2>"$work/stderr" ||
    [ $? -eq 1 ] || { cat "$work/stderr" >&2; exit 1; }
  read -r wall user sys peak < <(tail -n 1 "$work/time")  # after "Command exited with non-zero status 1"
  echo "$wall $(python3 -c "print($user + $sys)") $peak $(wc -c <"$input")"
}

printf '%-14s %11s %9s %8s %8s %12s %13s\n' shape input_bytes seconds cpu_s peak_MB peak/input above_base/input
for shape in "${shapes[@]}"; do
  write "$shape" base "$work/$shape-base"
  write "$shape" big "$work/$shape"
  run "$shape" "$work/$shape-base" >"$work/base"
  run "$shape" "$work/$shape" >"$work/big"
  read -r _ _ base_kb _ <"$work/base"
  read -r wall cpu peak_kb bytes <"$work/big"
  python3 - "$shape" "$bytes" "$wall" "$cpu" "$peak_kb" "$base_kb" <<'PY'
import sys
shape, size, wall, cpu, peak, base = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
print(f"{shape:<14} {size:11d} {wall:9.2f} {cpu:8.2f} {peak * 1024 / 1e6:8.1f} {peak * 1024 / size:12.1f} "
      f"{(peak - base) * 1024 / size:13.1f}")
PY
  rm -rf "${work:?}/$shape" "$work/$shape-base" "$work/$shape.out" "$work/$shape-base.out"
done
