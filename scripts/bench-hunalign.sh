#!/usr/bin/env bash
# bitext against hunalign, side by side on the same machine and the same text.
#
#   scripts/bench-hunalign.sh HUNALIGN [LINES...]
#
# HUNALIGN is a hunalign binary built outside this repository from its
# public source (https://github.com/danielvarga/hunalign: cd src/hunalign &&
# make); without one the script says so and exits 0.
#
# The text is real: the gold sentence beads of corpus/whitepaper-2021 (written
# by reading), one bead a line a side, repeated to about LINES lines a side
# (default 5400 10800 21600 43200), with every 17th English line of each copy
# left out so that the answer has gaps to find. Both align one unit a line:
# `bitext align --units lines` with CC-CEDICT; hunalign twice, with -utf:
#   hunalign       an empty dictionary, the text as it is
#   hunalign+dict  CC-CEDICT as its dictionary ("gloss @ word", glosses of one
#                  or two words), the Chinese segmented by forward maximum
#                  matching on CC-CEDICT's words, the English lower-cased and
#                  tokenised (hunalign matches whitespace-separated tokens)
# Prints per size and tool: CPU seconds (user + system), wall seconds, peak
# MB and the F1 of the sentence links against the known answer, then
# bitext's speed-up against each, in CPU and in wall seconds (bitext scores
# its beads on every core, hunalign runs on one).
set -euo pipefail
cd "$(dirname "$0")/.."
hunalign=${1:-}
[ -z "$hunalign" ] || hunalign=$(realpath -m "$hunalign")
if [ -z "$hunalign" ] || [ ! -x "$hunalign" ]; then
  echo "bench-hunalign: no hunalign binary given; skipped." >&2
  echo "  Build it outside this repository: fetch https://github.com/danielvarga/hunalign," >&2
  echo "  cd src/hunalign && make, then: scripts/bench-hunalign.sh PATH/TO/hunalign" >&2
  exit 0
fi
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5400 10800 21600 43200)
bitext=${BITEXT:-build/bitext}
[ -x "$bitext" ] || { echo "bench-hunalign: build first (scripts/setup.sh)" >&2; exit 2; }
lexicon=third_party/cedict/cedict_ts.u8
lexicon_args=(--lexicon "$lexicon")
[ -f "$lexicon" ] || lexicon_args=(--no-lexicon)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/null.dic"
if [ -f "$lexicon" ]; then
  python3 - "$lexicon" "$tmp/cedict.dic" "$tmp/words" <<'PY'
import re, sys
lexicon, dic_path, words_path = sys.argv[1:]
words, entries = set(), []
for line in open(lexicon, encoding="utf-8"):
    m = re.match(r"\S+ (\S+) \[[^\]]*\] /(.*)/", line)
    if not m or line.startswith("#"):
        continue
    words.add(m.group(1))
    for gloss in m.group(2).split("/"):
        gloss = re.sub(r"\([^)]*\)", "", gloss).strip().lower()
        if gloss and len(gloss.split()) <= 2 and not gloss.startswith(("cl:", "variant", "see ")):
            entries.append(f"{gloss} @ {m.group(1)}")
open(dic_path, "w", encoding="utf-8").write("\n".join(entries) + "\n")
open(words_path, "w", encoding="utf-8").write("\n".join(sorted(words)) + "\n")
PY
fi

printf '%-7s %-13s %8s %8s %8s %7s\n' lines tool CPU_s wall_s peak_MB F1
for lines in "${sizes[@]}"; do
  python3 - "$lines" "$tmp" <<'PY'
import sys
lines, tmp = int(sys.argv[1]), sys.argv[2]
beads = []
for row in open("corpus/whitepaper-2021/gold/official-sentences.tsv", encoding="utf-8"):
    if row.startswith("#"):
        continue
    fields = row.rstrip("\n").split("\t")
    if len(fields) == 4 and fields[2] and fields[3]:
        beads.append((fields[2], fields[3]))
zh, en, gold = [], [], []
copy = 0
while len(zh) < lines:
    for k, (z, e) in enumerate(beads):
        zh.append(z)
        if (copy * len(beads) + k) % 17 == 5:
            continue  # left out of the English
        gold.append((len(zh) - 1, len(en)))
        en.append(e)
    copy += 1
for name, side in (("zh.txt", zh), ("en.txt", en)):
    with open(f"{tmp}/{name}", "w", encoding="utf-8") as f:
        f.write("".join(s + "\n" for s in side))
with open(f"{tmp}/gold", "w") as f:
    f.write("".join(f"{i} {j}\n" for i, j in gold))
PY
  /usr/bin/time -o "$tmp/bitext.time" -f '%U %S %e %M' \
    "$bitext" align --units lines "${lexicon_args[@]}" --zh "$tmp/zh.txt" --en "$tmp/en.txt" >"$tmp/bitext.out"
  # hunalign writes translate.txt into its working folder: run it in $tmp.
  (cd "$tmp" && /usr/bin/time -o hunalign.time -f '%U %S %e %M' \
    "$hunalign" -utf null.dic zh.txt en.txt >hunalign.out 2>hunalign.err)
  tools=(bitext hunalign)
  if [ -f "$tmp/cedict.dic" ]; then
    python3 - "$tmp" <<'PY'
import re, sys
tmp = sys.argv[1]
words = set(open(f"{tmp}/words", encoding="utf-8").read().split("\n"))
longest = max(len(w) for w in words)
def segment(line):
    out, i = [], 0
    while i < len(line):
        size = next(n for n in range(min(longest, len(line) - i), 0, -1) if n == 1 or line[i:i + n] in words)
        out.append(line[i:i + size])
        i += size
    return " ".join(out)
zh = open(f"{tmp}/zh.txt", encoding="utf-8").read().split("\n")
open(f"{tmp}/zh.seg", "w", encoding="utf-8").write("\n".join(segment(l) for l in zh))
en = open(f"{tmp}/en.txt", encoding="utf-8").read().split("\n")
tokens = re.compile(r"[a-z0-9']+|[^\sa-z0-9']")
open(f"{tmp}/en.tok", "w", encoding="utf-8").write("\n".join(" ".join(tokens.findall(l.lower())) for l in en))
PY
    (cd "$tmp" && /usr/bin/time -o hunalign+dict.time -f '%U %S %e %M' \
      "$hunalign" -utf cedict.dic zh.seg en.tok >hunalign+dict.out 2>hunalign+dict.err)
    tools+=(hunalign+dict)
  fi
  python3 - "$lines" "$tmp" "${tools[@]}" <<'PY'
import re, sys
lines, tmp, tools = sys.argv[1], sys.argv[2], sys.argv[3:]
gold = {tuple(map(int, l.split())) for l in open(f"{tmp}/gold")}

def links_of(beads):
    return {(i, j) for zh, en in beads for i in zh for j in en}

def bitext_beads(path):
    out = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\[([\d,]*)\]:\[([\d,]*)\]", line)
        if m:
            out.append(tuple([int(x) for x in side.split(",") if x] for side in m.groups()))
    return out

def hunalign_beads(path):
    rungs = [tuple(map(int, l.split()[:2])) for l in open(path) if l.strip()]
    return [(range(a[0], b[0]), range(a[1], b[1])) for a, b in zip(rungs, rungs[1:])]

cpu, wall_s = {}, {}
for tool in tools:
    beads = bitext_beads(f"{tmp}/bitext.out") if tool == "bitext" else hunalign_beads(f"{tmp}/{tool}.out")
    user, system, wall, peak_kb = open(f"{tmp}/{tool}.time").read().split()[-4:]
    cpu[tool] = float(user) + float(system)
    wall_s[tool] = float(wall)
    found = links_of(beads)
    right = len(found & gold)
    f1 = 2 * right / (len(found) + len(gold)) if found or gold else 1.0
    print(f"{lines:<7} {tool:<13} {cpu[tool]:8.2f} {float(wall):8.2f} {int(peak_kb) / 1024:8.0f} {f1:7.4f}")
for tool in tools[1:]:
    print(f"{lines:<7} speed-up  {cpu[tool] / max(cpu['bitext'], 0.01):8.1f}x ({tool} CPU s / bitext CPU s), "
          f"{wall_s[tool] / max(wall_s['bitext'], 0.01):.1f}x in wall seconds")
PY
done
