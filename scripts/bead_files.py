"""Bead files for the confidence scripts (confidence-table.py, fit-confidence.py).

Gold and scored bead files hold one bead a line, `[zh]:[en]` (indices joined
by commas), scored ones with `:confidence` after; `bitext align --format
json` files hold the beads with their confidence and posterior.
"""
import json
import sys


def read_bead_file(path, scored):
    """[(bead, confidence or None)] of a bead file."""
    out = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip().replace(" ", "")
            if not line:
                continue
            parts = line.split(":")
            if len(parts) != (3 if scored else 2):
                sys.exit(f"{path}:{number}: expected [zh]:[en]{':confidence' if scored else ''}")
            out.append((parts[0] + ":" + parts[1], float(parts[2]) if scored else None))
    return out


def read_gold(path):
    """The set of gold beads of a bead file without scores."""
    return {bead for bead, _ in read_bead_file(path, False)}


def read_json_beads(path):
    """[(bead, confidence, posterior)] of a `bitext align --format json` file."""
    with open(path, encoding="utf-8") as f:
        beads = json.load(f)["beads"]
    def indices(side):
        return "[" + ",".join(str(k) for k in side) + "]"
    return [(indices(b["zh"]) + ":" + indices(b["en"]), b["score"], b["posterior"]) for b in beads]


def reliability(rows):
    """The two figures of (confidence, right) rows: the beads at 0.9 or more
    and their share right, and the share of the wrong beads that the least
    confident tenth holds, as printable lines."""
    lines = []
    wrong = sum(1 for _, right in rows if not right)
    confident = [right for c, right in rows if c >= 0.9]
    if confident:
        lines.append(f"confidence >= 0.9: {len(confident)} beads, share right {sum(confident) / len(confident):.3f}")
    if wrong:
        tenth = sorted(rows, key=lambda r: r[0])[: round(len(rows) / 10)]
        caught = sum(1 for _, right in tenth if not right)
        lines.append(f"least confident 10% ({len(tenth)} beads): {caught} of the {wrong} wrong beads ({caught / wrong:.3f})")
    return lines
