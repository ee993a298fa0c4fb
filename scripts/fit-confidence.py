#!/usr/bin/env python3
"""Fits the confidence calibration: fit-confidence.py GOLD TEST [GOLD TEST ...]

TEST files are `bitext align --format json` output of the run to calibrate
(`--out DIR` writes one NAME.json per pair), GOLD files its gold beads. A
bead is right when it is a gold bead. Each bead's path posterior is read
from the file; beads with an empty side are left out, as the aligner gives
them 0.

Prints the isotonic regression (pool adjacent violators) of "right" on the
posterior, its blocks merged up to 40 beads or more, each knot the block's
mean posterior and (right + 1) / (beads + 2), as C++ for confidence.cc; then
the same fit held out: fitted on all files but one and applied to that one,
in turn, the share right of the beads at 0.9 or more and the share of the
wrong beads that the least confident tenth holds, pooled.
"""
import sys

from bead_files import read_gold, read_json_beads, reliability

MIN_BLOCK = 40


def calibrate(posterior, knots):
    before = (0.0, 0.0)
    for p, c in knots:
        if posterior < p:
            share = (posterior - before[0]) / (p - before[0])
            return before[1] + max(share, 0) * (c - before[1])
        before = (p, c)
    return knots[-1][1]


def read_beads(gold_path, test_path):
    """(posterior, right, pairs units) of each bead of a run."""
    gold = read_gold(gold_path)
    rows = []
    for bead, _, posterior in read_json_beads(test_path):
        pairs = not bead.startswith("[]") and not bead.endswith("[]")
        rows.append((posterior if pairs else 0.0, bead in gold, pairs))
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
    if not args or len(args) % 2:
        sys.exit(__doc__)
    files = [read_beads(g, t) for g, t in zip(args[::2], args[1::2])]
    blocks = fit([r for rows in files for r in rows])
    print(f"// fitted on {sum(n for _, n, _ in blocks)} beads pairing units")
    for (p, n, r), (_, c) in zip(blocks, knots_of(blocks)):
        print(f"    {{{p:.3f}, {c:.3f}}},  // {n} beads, {r} right")
    held_out = []  # (confidence, right)
    for k, rows in enumerate(files):
        others = knots_of(fit([r for j, other in enumerate(files) if j != k for r in other]))
        held_out += [(calibrate(p, others) if pairs else 0.0, right) for p, right, pairs in rows]
    print()
    for line in reliability(held_out):
        print("held out: " + line)


if __name__ == "__main__":
    main(sys.argv[1:])
