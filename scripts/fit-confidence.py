#!/usr/bin/env python3
"""Fits the confidence calibration: fit-confidence.py [--table NAME] GOLD TEST [GOLD TEST ...]

TEST files are `bitext align --with-scores` output ([zh]:[en]:confidence a
line) of the run to calibrate, GOLD files its gold beads (scripts/
eval-macdev.sh makes both). A bead is right when it is a gold bead.

The posteriors are read back from the confidences by inverting the knot
table NAME of align/confidence.cc that the run used (linear between knots,
so exact up to the printed digits; posteriors above the last knot, where the
table is flat, all read as the last knot's). Beads with an empty side are
left out, as the aligner gives them 0.

Prints the isotonic regression (pool adjacent violators) of "right" on the
posterior, its blocks merged up to 40 beads or more, each knot the block's
mean posterior and (right + 1) / (beads + 2), as C++ for confidence.cc; then
the same fit held out: fitted on all files but one and applied to that one,
in turn, the share right of the beads at 0.9 or more and the share of the
wrong beads that the least confident tenth holds, pooled.
"""
import re
import sys

MIN_BLOCK = 40


def read_table(name):
    with open("align/confidence.cc", encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"constexpr Knot " + re.escape(name) + r"\[\] = \{(.*?)\};", text, re.S)
    if not match:
        sys.exit(f"fit-confidence: no knot table {name} in align/confidence.cc")
    return [(float(p), float(c)) for p, c in re.findall(r"\{([0-9.]+), ([0-9.]+)\}", match.group(1))]


def posterior_of(confidence, table):
    before = (0.0, 0.0)
    for p, c in table:
        if confidence < c:
            return before[0] + (confidence - before[1]) / (c - before[1]) * (p - before[0])
        before = (p, c)
    return table[-1][0]


def calibrate(posterior, knots):
    before = (0.0, 0.0)
    for p, c in knots:
        if posterior < p:
            share = (posterior - before[0]) / (p - before[0])
            return before[1] + max(share, 0) * (c - before[1])
        before = (p, c)
    return knots[-1][1]


def read_beads(gold_path, test_path, table):
    with open(gold_path, encoding="utf-8") as f:
        gold = {line.strip().replace(" ", "") for line in f if line.strip()}
    rows = []  # (posterior, right, pairs units)
    with open(test_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            zh, en, confidence = line.split(":")
            pairs = zh != "[]" and en != "[]"
            rows.append((posterior_of(float(confidence), table) if pairs else 0.0, f"{zh}:{en}" in gold, pairs))
    return rows


def fit(rows):
    """(mean posterior, beads, right) per block, in increasing posterior."""
    blocks = []  # [sum posterior, beads, right]
    for posterior, right, _ in sorted(r for r in rows if r[2]):
        blocks.append([posterior, 1, int(right)])
        while len(blocks) > 1 and blocks[-2][2] / blocks[-2][1] >= blocks[-1][2] / blocks[-1][1]:
            last = blocks.pop()
            for k in range(3):
                blocks[-1][k] += last[k]
    merged = []
    for block in blocks:
        if merged and merged[-1][1] < MIN_BLOCK:
            for k in range(3):
                merged[-1][k] += block[k]
        else:
            merged.append(block)
    if len(merged) > 1 and merged[-1][1] < MIN_BLOCK:
        last = merged.pop()
        for k in range(3):
            merged[-1][k] += last[k]
    return [(s / n, n, r) for s, n, r in merged]


def knots_of(blocks):
    return [(p, (r + 1) / (n + 2)) for p, n, r in blocks]


def main(args):
    table = "kKnots"
    if args[:1] == ["--table"]:
        table, args = args[1], args[2:]
    if not args or len(args) % 2:
        sys.exit(__doc__)
    knots = read_table(table)
    files = [read_beads(g, t, knots) for g, t in zip(args[::2], args[1::2])]
    blocks = fit([r for rows in files for r in rows])
    print(f"// fitted on {sum(n for _, n, _ in blocks)} beads pairing units")
    for (p, n, r), (_, c) in zip(blocks, knots_of(blocks)):
        print(f"    {{{p:.3f}, {c:.3f}}},  // {n} beads, {r} right")
    held_out = []  # (confidence, right)
    for k, rows in enumerate(files):
        others = knots_of(fit([r for j, other in enumerate(files) if j != k for r in other]))
        held_out += [(calibrate(p, others) if pairs else 0.0, right) for p, right, pairs in rows]
    confident = [right for c, right in held_out if c >= 0.9]
    wrong = sum(1 for _, right in held_out if not right)
    tenth = sorted(held_out, key=lambda r: r[0])[: round(len(held_out) / 10)]
    caught = sum(1 for _, right in tenth if not right)
    print(f"\nheld out: confidence >= 0.9: {len(confident)} beads, share right {sum(confident) / len(confident):.3f}")
    print(f"held out: least confident 10% ({len(tenth)} beads): {caught} of the {wrong} wrong beads ({caught / wrong:.3f})")


if __name__ == "__main__":
    main(sys.argv[1:])
