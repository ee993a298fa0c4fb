#!/usr/bin/env python3
"""Scores bitext's findings against answer keys, per rule and per rule family.

    scripts/evaluate-rules.py --bitext build/bitext --out DIR
        [--variants DIR] [--clean SET_DIR...] [--gold-set SET_DIR...]
        [--markdown FILE] [--json FILE] [--check-min FILE]

--variants DIR   folders written by scripts/inject-defects.py (mt.txt, key.tsv);
                 each is audited and its findings scored against key.tsv.
--clean SET...   development sets (zh.txt, en.txt): audited twice, the official
                 pair alone and with its own official English as the MT. Every
                 error or warning there is a false alarm unless the set's
                 gold/defects.tsv records it as a real defect of the source.
--gold-set SET.. sets with a manifest and gold/defects.tsv written by reading
                 (the bundled whitepaper-2021): audited and scored as they are.
--check-min FILE a JSON of floors: {"families": {"omission": {"recall": r,
                 "precision": p, "placement": q}, ...}, "clean": {"official":
                 {"error": e, "warning": w}, "self-mt": {...}}, "gold":
                 {"recall": r, "precision": p}}; exit 1 when a figure falls
                 below its floor (rises above it, for the clean-case rates
                 per 1,000 lines).

Matching (the same for every rule): a finding and a key row match when their
file names agree, their rules are of the same family (FAMILIES below) and the
finding's lines come within WINDOW lines of the key's line. A key row is
detected when a finding matches it, placed when a matching finding's line
range holds the key's line exactly. A finding is a true positive when it
matches some key row. Findings of the variant's official files that the
official pair alone also gets are not counted here (they are the clean case's
false alarms, reported there).
Python 3 standard library only.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys

WINDOW = 4   # lines: two blank-line separated paragraphs either side

# Rule families: rules that report the same kind of defect from different
# angles. A defect found by another rule of its family counts for the family,
# not for the rule.
FAMILIES = {
    "omission": "omission", "low-similarity": "omission", "length-ratio": "omission",
    "addition": "addition", "boilerplate": "addition",
    "truncated-paragraph": "truncation",
    "duplicated-section": "repetition", "repetition-loop": "repetition", "repeated-token": "repetition",
    "garbled-heading": "numbering", "numbering-sequence": "numbering", "numbering-style": "numbering",
    "toc-mismatch": "numbering",
    "number-mismatch": "numbers",
    "untranslated": "untranslated",
    "encoding-damage": "encoding",
    "terminology": "terminology",
    "punctuation-spacing": "typography", "bullet-style": "typography",
    "route-disagreement": "alignment",
}
SEVERITIES = ("error", "warning", "info")


def family(rule):
    return FAMILIES.get(rule, rule)


def audit(bitext, folder, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    r = subprocess.run([bitext, "audit", folder, "--out", out], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"evaluate-rules: bitext audit {folder} failed ({r.returncode}):\n{r.stderr}")
    with open(os.path.join(out, "findings.json"), encoding="utf-8") as f:
        data = json.load(f)
    findings = []
    for x in data["findings"]:
        loc = x["locations"][0] if x.get("locations") else {"file": "", "line": 0}
        findings.append(dict(rule=x["rule"], severity=x["severity"], file=os.path.basename(loc["file"]),
                             line=loc.get("line", 0), end=loc.get("end_line", loc.get("line", 0)),
                             message=x.get("message", "")))
    return findings


def read_key(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or not parts[1].strip().isdigit():
                continue
            rows.append(dict(file=os.path.basename(parts[0]), line=int(parts[1]), rule=parts[2].strip(),
                             note=parts[3] if len(parts) > 3 else ""))
    return rows


def count_lines(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return sum(1 for l in text.split("\n") if l.strip())


def near(finding, row, window):
    return finding["file"] == row["file"] and finding["line"] - window <= row["line"] <= finding["end"] + window


def exact(finding, row):
    return finding["file"] == row["file"] and finding["line"] <= row["line"] <= finding["end"]


def score(keys, findings, where, stats, examples, inherited=frozenset()):
    """Adds one document set's matches to stats (per rule and per family)."""
    matched_findings = set()
    for row in keys:
        fam = family(row["rule"])
        cands = [(i, f) for i, f in enumerate(findings) if family(f["rule"]) == fam and near(f, row, WINDOW)]
        same_rule = [c for c in cands if c[1]["rule"] == row["rule"]]
        placed = any(exact(f, row) for _, f in cands)
        for s in (stats["rule"][row["rule"]], stats["family"][fam]):
            s["defects"] += 1
            s["found_family"] += bool(cands)
            s["placed"] += placed
        stats["rule"][row["rule"]]["found_rule"] += bool(same_rule)
        stats["family"][fam]["found_rule"] += bool(same_rule)
        for i, _ in cands:
            matched_findings.add(i)
        if not cands:
            others = [f for f in findings if near(f, row, WINDOW)]
            examples["missed"].append(dict(where=where, file=row["file"], line=row["line"], rule=row["rule"],
                                           note=row["note"], other=[f"{f['rule']}@{f['line']}" for f in others]))
        elif not placed:
            f = cands[0][1]
            examples["misplaced"].append(dict(where=where, file=row["file"], line=row["line"], rule=row["rule"],
                                              found=f"{f['rule']}@{f['line']}"))
    for i, f in enumerate(findings):
        old = (f["rule"], f["file"], f["message"]) in inherited and i not in matched_findings
        for s in (stats["frule"][f["rule"]], stats["ffamily"][family(f["rule"])]):
            s["findings"] += 1
            s["tp"] += i in matched_findings
            s["inherited"] += old
        if i not in matched_findings and not old:
            examples["false"].append(dict(where=where, file=f["file"], line=f["line"], rule=f["rule"],
                                          severity=f["severity"], message=f["message"][:140]))


def new_stats():
    d = lambda: collections.defaultdict(lambda: collections.Counter())
    return dict(rule=d(), family=d(), frule=d(), ffamily=d())


def ratio(a, b):
    return a / b if b else None


def fmt(x):
    return "–" if x is None else f"{x:.2f}"


def table(stats):
    """Rows per family and per rule: defects, recall (rule, family), placement, findings, precision."""
    out = {}
    for level, frow in (("family", "ffamily"), ("rule", "frule")):
        names = sorted(set(stats[level]) | set(stats[frow]))
        out[level] = {}
        for n in names:
            d, f = stats[level].get(n, collections.Counter()), stats[frow].get(n, collections.Counter())
            out[level][n] = dict(defects=d["defects"], found_rule=d["found_rule"], found_family=d["found_family"],
                                 placed=d["placed"], findings=f["findings"], tp=f["tp"], inherited=f["inherited"],
                                 precision_new=ratio(f["tp"], f["findings"] - f["inherited"]),
                                 recall_rule=ratio(d["found_rule"], d["defects"]),
                                 recall=ratio(d["found_family"], d["defects"]),
                                 placement=ratio(d["placed"], d["found_family"]),
                                 precision=ratio(f["tp"], f["findings"]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bitext", default="build/bitext")
    ap.add_argument("--out", required=True)
    ap.add_argument("--variants")
    ap.add_argument("--clean", nargs="*", default=[])
    ap.add_argument("--gold-set", nargs="*", default=[])
    ap.add_argument("--markdown")
    ap.add_argument("--json")
    ap.add_argument("--check-min")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    result = {"window": WINDOW, "families": FAMILIES}

    # Clean case: the official pair alone, and with its own English as the MT.
    official_findings, self_mt_messages = {}, {}
    clean = collections.OrderedDict()
    clean_examples = []
    for s in args.clean:
        name = os.path.basename(os.path.normpath(s))
        gold = read_key(os.path.join(s, "gold", "defects.tsv")) if os.path.exists(os.path.join(s, "gold", "defects.tsv")) else []
        row = {}
        for mode in ("official", "self-mt"):
            folder = os.path.join(args.out, "clean", f"{name}-{mode}")
            os.makedirs(folder, exist_ok=True)
            for f in ("zh.txt", "en.txt"):
                shutil.copyfile(os.path.join(s, f), os.path.join(folder, f))
            manifest = f"name = {name}-{mode}\nzh = zh.txt\nen = en.txt\n"
            if os.path.exists(os.path.join(s, "glossary.tsv")):
                shutil.copyfile(os.path.join(s, "glossary.tsv"), os.path.join(folder, "glossary.tsv"))
                manifest += "glossary = glossary.tsv\n"
            if mode == "self-mt":
                shutil.copyfile(os.path.join(s, "en.txt"), os.path.join(folder, "mt.txt"))
                manifest += "mt = mt.txt\n"
            with open(os.path.join(folder, "manifest"), "w", encoding="utf-8") as f:
                f.write(manifest)
            findings = audit(args.bitext, folder, os.path.join(args.out, "audit", f"{name}-{mode}"))
            files = ["zh.txt", "en.txt"] + (["mt.txt"] if mode == "self-mt" else [])
            lines = {f: count_lines(os.path.join(folder, f)) for f in files}
            if mode == "official":
                official_findings[name] = {(f["rule"], f["file"], f["line"]) for f in findings}
                counted = findings
                denominator = lines["zh.txt"] + lines["en.txt"]
            else:
                self_mt_messages[name] = {(f["rule"], f["file"], f["message"]) for f in findings}
                # with the MT: what the MT adds (its own file, and official-file findings the pair alone lacks)
                counted = [f for f in findings if f["file"] == "mt.txt"
                           or (f["rule"], f["file"], f["line"]) not in official_findings[name]]
                denominator = lines["mt.txt"]
            real = [f for f in counted if any(exact(f, g) and g["rule"] == f["rule"] for g in gold)]
            false = [f for f in counted if f not in real]
            bysev = collections.Counter(f["severity"] for f in false)
            byrule = collections.Counter((f["rule"], f["severity"]) for f in false)
            found_gold = sum(any(exact(f, g) and g["rule"] == f["rule"] for f in findings) for g in gold)
            row[mode] = dict(lines=denominator, real=len(real), gold=len(gold), gold_found=found_gold,
                             **{sev: bysev[sev] for sev in SEVERITIES},
                             per_kline={sev: 1000 * bysev[sev] / denominator for sev in SEVERITIES},
                             rules={f"{r} ({sev})": n for (r, sev), n in sorted(byrule.items())})
            for f in false:
                if f["severity"] != "info":
                    clean_examples.append(dict(set=name, mode=mode, **f))
        clean[name] = row
    if clean:
        tot = {}
        for mode in ("official", "self-mt"):
            lines = sum(r[mode]["lines"] for r in clean.values())
            tot[mode] = dict(lines=lines, **{sev: sum(r[mode][sev] for r in clean.values()) for sev in SEVERITIES})
            tot[mode]["per_kline"] = {sev: 1000 * tot[mode][sev] / lines for sev in SEVERITIES}
            rules = collections.Counter()
            for r in clean.values():
                rules.update(r[mode]["rules"])
            tot[mode]["rules"] = dict(rules.most_common())
        result["clean"] = dict(sets=clean, total=tot, examples=clean_examples)

    # Seeded variants.
    if args.variants:
        stats, examples = new_stats(), collections.defaultdict(list)
        variants = sorted(d for d in os.listdir(args.variants) if os.path.exists(os.path.join(args.variants, d, "key.tsv")))
        per_variant = {}
        for v in variants:
            folder = os.path.join(args.variants, v)
            findings = audit(args.bitext, folder, os.path.join(args.out, "audit", v))
            set_name = v.rsplit("-s", 1)[0]
            if set_name in official_findings:
                findings = [f for f in findings if f["file"] == "mt.txt"
                            or (f["rule"], f["file"], f["line"]) not in official_findings[set_name]]
            keys = read_key(os.path.join(folder, "key.tsv"))
            one = new_stats()
            inherited = self_mt_messages.get(set_name, frozenset())
            score(keys, findings, v, one, collections.defaultdict(list), inherited)
            score(keys, findings, v, stats, examples, inherited)
            fam = table(one)["family"]
            per_variant[v] = dict(defects=len(keys), findings=len(findings),
                                  detected=sum(x["found_family"] for x in fam.values()),
                                  tp=sum(x["tp"] for x in fam.values()))
        result["variants"] = dict(count=len(variants), table=table(stats), per_variant=per_variant,
                                  examples={k: v for k, v in examples.items()})

    # Sets with an answer key written by reading.
    if args.gold_set:
        gstats, gex = new_stats(), collections.defaultdict(list)
        for s in args.gold_set:
            name = os.path.basename(os.path.normpath(s))
            findings = audit(args.bitext, s, os.path.join(args.out, "audit", name))
            keys = [k for k in read_key(os.path.join(s, "gold", "defects.tsv")) if k["rule"] in FAMILIES]
            score(keys, findings, name, gstats, gex)
        result["gold"] = dict(sets=[os.path.basename(os.path.normpath(s)) for s in args.gold_set], table=table(gstats),
                              examples={k: v for k, v in gex.items()})

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, ensure_ascii=False)
    text = render(result)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)
    print(text)
    if args.check_min:
        sys.exit(check(result, args.check_min))


def render(result):
    out = []
    if "variants" in result:
        t = result["variants"]["table"]
        out.append(f"Seeded variants: {result['variants']['count']}\n")
        out.append("| family | defects | recall | placement | findings | of which also on the clean MT | precision | precision without those |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for n, r in t["family"].items():
            out.append(f"| {n} | {r['defects']} | {fmt(r['recall'])} | {fmt(r['placement'])} | {r['findings']} | "
                       f"{r['inherited']} | {fmt(r['precision'])} | {fmt(r['precision_new'])} |")
        tot = lambda k: sum(r[k] for r in t["family"].values())
        out.append(f"| **all** | {tot('defects')} | {fmt(ratio(tot('found_family'), tot('defects')))} | "
                   f"{fmt(ratio(tot('placed'), tot('found_family')))} | {tot('findings')} | {tot('inherited')} | "
                   f"{fmt(ratio(tot('tp'), tot('findings')))} | {fmt(ratio(tot('tp'), tot('findings') - tot('inherited')))} |")
        out.append("")
        out.append("| rule | family | defects | recall (rule) | recall (family) | placement | findings | precision |")
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for n, r in t["rule"].items():
            out.append(f"| `{n}` | {family(n)} | {r['defects']} | {fmt(r['recall_rule'])} | {fmt(r['recall'])} | "
                       f"{fmt(r['placement'])} | {r['findings']} | {fmt(r['precision'])} |")
        out.append("")
    if "clean" in result:
        c = result["clean"]
        out.append("Clean case, false alarms per 1,000 non-blank lines (official pair alone: zh + en lines; "
                   "self-MT: what an MT identical to the official English adds, per MT line):\n")
        out.append("| set | lines (pair) | errors | warnings | info | lines (MT) | errors | warnings | info |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        rows = list(c["sets"].items()) + [("**all**", c["total"])]
        for n, r in rows:
            o, m = r["official"], r["self-mt"]
            cell = lambda x, s: f"{x[s]} ({x['per_kline'][s]:.1f})"
            out.append(f"| {n} | {o['lines']} | {cell(o, 'error')} | {cell(o, 'warning')} | {cell(o, 'info')} | "
                       f"{m['lines']} | {cell(m, 'error')} | {cell(m, 'warning')} | {cell(m, 'info')} |")
        out.append("")
        golds = [(n, r["official"]) for n, r in c["sets"].items() if r["official"]["gold"]]
        if golds:
            out.append("Real defects of the official texts recorded in a set's gold/defects.tsv (not counted as false "
                       "alarms): " + "; ".join(f"{n}: {o['gold_found']} of {o['gold']} found" for n, o in golds) + ".\n")
        out.append("False alarms by rule (official pair alone / self-MT):\n")
        out.append("| rule (severity) | official pair | self-MT |")
        out.append("| --- | ---: | ---: |")
        names = sorted(set(c["total"]["official"]["rules"]) | set(c["total"]["self-mt"]["rules"]),
                       key=lambda n: -(c["total"]["official"]["rules"].get(n, 0) + c["total"]["self-mt"]["rules"].get(n, 0)))
        for n in names:
            out.append(f"| `{n}` | {c['total']['official']['rules'].get(n, 0)} | {c['total']['self-mt']['rules'].get(n, 0)} |")
        out.append("")
    if "gold" in result:
        t = result["gold"]["table"]
        out.append(f"Answer keys written by reading ({', '.join(result['gold']['sets'])}):\n")
        out.append("| rule | defects | recall (rule) | placement | findings | precision |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        for n, r in t["rule"].items():
            out.append(f"| `{n}` | {r['defects']} | {fmt(r['recall_rule'])} | {fmt(r['placement'])} | {r['findings']} | {fmt(r['precision'])} |")
        out.append("")
    return "\n".join(out) + "\n"


def check(result, path):
    with open(path, encoding="utf-8") as f:
        floors = json.load(f)
    bad = []
    fam = result.get("variants", {}).get("table", {}).get("family", {})
    for name, want in floors.get("families", {}).items():
        have = fam.get(name, {})
        for k, v in want.items():
            if have.get(k) is None or have[k] < v:
                bad.append(f"{name} {k} {fmt(have.get(k))} < {v}")
    for mode, want in floors.get("clean", {}).items():
        have = result.get("clean", {}).get("total", {}).get(mode, {}).get("per_kline", {})
        for sev, v in want.items():
            if have.get(sev, 0) > v:
                bad.append(f"clean {mode} {sev} per 1,000 lines {have[sev]:.2f} > {v}")
    gold = result.get("gold", {}).get("table", {}).get("rule", {})
    for k, v in floors.get("gold", {}).items():
        tot = lambda f: sum(r[f] for r in gold.values())
        have = ratio(tot("found_rule"), tot("defects")) if k == "recall" else ratio(tot("tp"), tot("findings"))
        if have is None or have < v:
            bad.append(f"answer keys written by reading: {k} {fmt(have)} < {v}")
    for b in bad:
        print("below the floor:", b, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    main()
