#!/usr/bin/env python3
"""Reliability of bead confidences: confidence-table.py GOLD TEST [GOLD TEST ...]

TEST files are `bitext align --with-scores` output ([zh]:[en]:confidence a
line), GOLD files bead files without scores. A bead is right when it is one
of the gold beads (strict). Prints, pooled over the pairs, the beads and the
share right per confidence bucket, the share right of the beads at 0.9 or
more, and the share of the wrong beads that the least confident tenth holds.
"""
import sys

from bead_files import read_bead_file, read_gold, reliability

BUCKETS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]


def main(args):
    if not args or len(args) % 2:
        sys.exit(__doc__)
    rows = []  # (confidence, right)
    for gold_path, test_path in zip(args[::2], args[1::2]):
        gold = read_gold(gold_path)
        rows += [(confidence, bead in gold) for bead, confidence in read_bead_file(test_path, True)]
    print("| confidence | beads | mean confidence | share right |")
    print("| --- | ---: | ---: | ---: |")
    for k, low in enumerate(BUCKETS):
        high = BUCKETS[k + 1] if k + 1 < len(BUCKETS) else None
        inside = [r for r in rows if r[0] >= low and (high is None or r[0] < high)]
        if not inside:
            continue
        label = f"{low:.2f}-{high:.2f}" if high is not None else f"{low:.2f}-1"
        mean = sum(c for c, _ in inside) / len(inside)
        share = sum(1 for _, right in inside if right) / len(inside)
        print(f"| {label} | {len(inside)} | {mean:.3f} | {share:.3f} |")
    print(f"\nbeads {len(rows)}, wrong {sum(1 for _, right in rows if not right)}")
    for line in reliability(rows):
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
