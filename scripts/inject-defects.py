#!/usr/bin/env python3
"""Writes machine-translation variants of development sets with known defects.

    scripts/inject-defects.py --out DIR [--seeds 1-5] [--defects 8] SET_DIR...

For each set (a folder with zh.txt and en.txt, as scripts/extract-dev-corpus.py
writes them) and each seed, DIR/<set>-s<seed>/ gets copies of zh.txt and en.txt,
mt.txt (the official English with defects inserted), a manifest naming the
three (zh, en, mt) and key.tsv, the answer key in the format of
corpus/whitepaper-2021/gold/defects.tsv: file, line, rule, note (1-based lines
as cat -n shows). The same seed gives the same variant.

The defects are those seen in real machine translations and web extractions
(the bundled corpus/whitepaper-2021/mt-news-agency-en.txt has most of them):
a paragraph or sentence left out, a paragraph cut mid-sentence, a run of
paragraphs pasted twice or the text restarting from the top, a phrase looping,
a changed number, a heading that lost, changed or garbled its number, a
contents entry cut short, Chinese left untranslated, a doubled word,
mojibake, a glossary term rendered by a forbidden variant (sets with a
glossary.tsv), a missing space after a full stop, a list item with another bullet
marker, a heading level numbered in another style, an added sentence or
paragraph with no counterpart and web-page furniture. Places are drawn at
random, with a share forced into the hard places: the first and the last
paragraph, list items, headings of each numbering scheme and text that occurs
more than once in the document. Defects are kept at least two paragraphs
apart so that each has its own line.

Key conventions (one defect, one row, at the line to fix):
  * a paragraph left out is keyed at its line in en.txt (the official
    paragraph with no rendering); everything else at its line in mt.txt;
  * a restart (cut paragraph, then the text again from the top) is two
    defects: the cut paragraph (truncated-paragraph) and the first line of the
    second copy (duplicated-section).
Python 3 standard library only.
"""
import argparse
import os
import random
import re
import shutil
import sys

CJK = re.compile(r"[\u3400-\u9fff]")
HEADING_NUM = re.compile(r"^(?P<num>(?:Chapter|Appendix|Section)\s+[0-9A-Z]+\.?|[0-9]+(?:\.[0-9]+)*\.?|[IVXLC]+\.|\([0-9IVX]+\))\s+(?P<text>\S.*)$")
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?![\w.]|\.\d)")

# Added text, as news-agency pages and MT engines add it. Furniture is keyed
# boilerplate, editorial additions addition.
FURNITURE = [
    "Related articles:",
    "Share to: WeChat Weibo QQ Space",
    "Responsible editor: Wang Lin",
    "[Print this page] [Close window]",
    "Source: official website Editor: Li Hua",
    "Scan the QR code to follow us",
]
ADDED = [
    "It is worth noting that this approach has been widely praised by users at home and abroad and has achieved remarkable results in recent years.",
    "The full text is as follows:",
    "Experts say that this move will further promote the healthy development of the industry and benefit the broad masses of users.",
    "This is also an important measure to implement the relevant spirit and continuously improve the quality of service.",
    "In short, users should pay close attention to this point and make preparations in advance according to their actual situation.",
]
STRAY = ["l", "I", "0", "h", "s", "1"]
# Words any English text has: a Chinese paragraph that keeps an English
# sentence (a man page's colophon) shares them with paragraphs it does not render.
FUNCTION_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "is", "are", "be",
                  "as", "it", "this", "that", "from", "can", "not", "no"}
# UTF-8 read as Windows-1252 (only non-ASCII characters can be damaged so)
MOJIBAKE = [("\u2019", "\u00e2\u20ac\u2122"), ("\u201c", "\u00e2\u20ac\u0153"), ("\u2013", "\u00e2\u20ac\u201c"),
            ("\u2014", "\u00e2\u20ac\u201d"), ("\u00a9", "\u00c2\u00a9"), ("\u00e9", "\u00c3\u00a9"),
            ("\u2192", "\u00e2\u2020\u2019"), ("\u00a0", "\u00c2\u00a0")]


def read_paragraphs(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def kind(text):
    if text.startswith("• "):
        return "item"
    m = HEADING_NUM.match(text)
    if m and len(text) < 100 and not text.endswith((".", "。", ":", ";")) or (m and m.group("num").startswith("Chapter")):
        return "heading"
    if re.fullmatch(r"[A-Z][A-Z ]{2,30}", text):
        return "heading-plain"
    if re.match(r"^\d+\. \S", text):
        return "item"
    return "body"


class Para:
    """One MT paragraph: its text and the defects keyed on it."""

    def __init__(self, text, src):
        self.text, self.src, self.keys = text, src, []


class Variant:
    def __init__(self, zh, en, rng, glossary=()):
        self.zh, self.en, self.rng, self.glossary = zh, en, rng, list(glossary)
        self.mt = [Para(t, i) for i, t in enumerate(en)]
        self.en_keys = []           # (en index, rule, note)
        self.used = set()           # en indexes touched (with margins)
        self.kinds = [kind(t) for t in en]
        counts = {}
        for t in en:
            counts[t] = counts.get(t, 0) + 1
        self.repeated = {i for i, t in enumerate(en) if counts[t] > 1}

    # -- places ---------------------------------------------------------
    def free(self, i, margin=2):
        return all(j not in self.used for j in range(i - margin, i + margin + 1))

    def take(self, i, margin=2):
        self.used.update(range(i - margin, i + margin + 1))

    def pick(self, candidates, hard=None):
        """A free en index among candidates; hard (a list) is tried first."""
        for pool in ([c for c in (hard or []) if c in candidates], candidates):
            pool = [c for c in pool if self.free(c)]
            if pool:
                return self.rng.choice(pool)
        return None

    def index_of(self, src):
        return next(k for k, p in enumerate(self.mt) if p.src == src)

    def zh_for(self, i):
        """The Chinese paragraph rendering en[i]: near the same relative place (the sets align section
        for section), a heading for a heading, the one sharing most Latin words and numbers with it (names, commands, numbers
        stay in Latin script in the Chinese), the nearest on a tie."""
        return self.zh_match(i)[0]

    def zh_match(self, i):
        """zh_for(i) and whether the choice is sure: one Chinese paragraph shares more Latin words and
        numbers with en[i] than any other near it, among them a name or number (not only function
        words), or the two texts have as many paragraphs and the one at the same place is of the same
        kind. Text put into the MT as en[i]'s Chinese must be sure: a neighbour's Chinese would also
        leave en[i] out, a second defect the key would not name."""
        if not self.zh:
            return "", False
        j = round(i * (len(self.zh) - 1) / max(1, len(self.en) - 1))
        latin = lambda t: set(re.findall(r"[A-Za-z0-9_/.-]{2,}", t))
        mine = latin(self.en[i])
        near = range(max(0, j - 4), min(len(self.zh), j + 5))
        same_kind = lambda k: kind(self.zh[k]).startswith("heading") == self.kinds[i].startswith("heading")
        score = lambda k: (same_kind(k), len(mine & latin(self.zh[k])))
        best = max(near, key=lambda k: score(k) + (-abs(k - j),))
        names = {w for w in mine & latin(self.zh[best]) if w.lower() not in FUNCTION_WORDS}
        unique = bool(names) and all(score(k) < score(best) for k in near if k != best)
        in_step = len(self.zh) == len(self.en) and best == j == i and same_kind(best)
        return self.zh[best], unique or in_step

    def ends(self):
        return [0, 1, len(self.en) - 1, len(self.en) - 2]

    # -- defects --------------------------------------------------------
    def omission(self):
        body = [i for i, k in enumerate(self.kinds) if k in ("body", "item") and len(self.en[i]) > 40]
        i = self.pick(body, self.ends() if self.rng.random() < 0.5 else None)
        if i is None:
            return False
        self.take(i)
        del self.mt[self.index_of(i)]
        self.en_keys.append((i, "omission", "paragraph left out of the MT: " + self.en[i][:60]))
        return True

    def sentence_omission(self):
        cands = [i for i, k in enumerate(self.kinds) if k == "body" and len(split_sentences(self.en[i])) >= 3]
        i = self.pick(cands)
        if i is None:
            return False
        self.take(i)
        p = self.mt[self.index_of(i)]
        sents = split_sentences(p.text)
        j = self.rng.randrange(1, len(sents))
        dropped = sents.pop(j)
        p.text = " ".join(sents)
        p.keys.append(("omission", "sentence left out: " + dropped[:60]))
        return True

    def truncation(self):
        cands = [i for i, k in enumerate(self.kinds)
                 if k in ("body", "item") and len(self.en[i].split()) >= 12 and mid_sentence_cuts(self.en[i])]
        i = self.pick(cands, self.ends() + [c for c in cands if self.kinds[c] == "item"])
        if i is None:
            return False
        self.take(i)
        p = self.mt[self.index_of(i)]
        words = p.text.split()
        n = self.rng.randint(max(3, len(words) * 3 // 10), len(words) * 7 // 10)
        n = cut_from(mid_sentence_cuts(p.text), n)
        cut = " ".join(words[:n]).rstrip(",;:")
        p.text = cut
        p.keys.append(("truncated-paragraph", "paragraph cut mid-sentence after: " + cut[-40:]))
        return True

    def duplicated(self):
        n = self.rng.randint(3, 6)
        cands = [i for i in range(len(self.en) - n) if all(self.free(j) for j in range(i, i + n))]
        if not cands:
            return False
        hard = [c for c in cands if c <= 1 or c >= len(self.en) - n - 1]
        i = self.rng.choice(hard if hard and self.rng.random() < 0.4 else cands)
        for j in range(i, i + n):
            self.take(j)
        k = self.index_of(i + n - 1)
        copies = [Para(self.mt[self.index_of(j)].text, None) for j in range(i, i + n)]
        copies[0].keys.append(("duplicated-section", f"{n} paragraphs pasted twice (copy of the {n} above)"))
        self.mt[k + 1:k + 1] = copies
        return True

    def restart(self):
        """The page cut one paragraph short and the text starts again from the top."""
        n = self.rng.randint(4, 8)
        cands = [i for i in range(n + 3, len(self.en) - 2)
                 if self.kinds[i] in ("body", "item") and len(self.en[i].split()) >= 8 and self.free(i)
                 and all(self.free(j, 0) for j in range(0, n)) and mid_sentence_cuts(self.en[i])]
        if not cands:
            return False
        i = self.rng.choice(cands)
        self.take(i)
        self.used.update(range(0, n))
        k = self.index_of(i)
        p = self.mt[k]
        words = p.text.split()
        kept = cut_from(mid_sentence_cuts(p.text), max(2, len(words) // 2))
        p.text = " ".join(words[:kept]).rstrip(",;:")
        p.keys.append(("truncated-paragraph", "paragraph cut where the text restarts"))
        copies = [Para(self.mt[self.index_of(j)].text, None) for j in range(0, n)]
        copies[0].keys.append(("duplicated-section", f"the text starts again from the top ({n} paragraphs)"))
        self.mt[k + 1:k + 1] = copies
        return True

    def loop(self):
        cands = [i for i, k in enumerate(self.kinds) if k in ("body", "heading", "item") and len(self.en[i].split()) >= 6]
        i = self.pick(cands, [c for c in cands if self.kinds[c] == "heading"])
        if i is None:
            return False
        self.take(i)
        p = self.mt[self.index_of(i)]
        words = p.text.split()
        first = 1 if self.kinds[i] == "heading" else 0   # a heading loops its text, not its number
        s = self.rng.randrange(first, max(first + 1, len(words) - 4))
        w = self.rng.randint(3, min(5, len(words) - s))
        phrase = " ".join(words[s:s + w]).rstrip(".,;:")
        times = self.rng.randint(3, 5)
        p.text = " ".join(words[:s + w]).rstrip(".,;:") + (" " + phrase) * (times - 1) + " " + " ".join(words[s + w:])
        p.text = p.text.rstrip()
        p.keys.append(("repetition-loop", f'"{phrase}" repeated {times} times'))
        return True

    def number(self):
        cands = []
        for i, k in enumerate(self.kinds):
            if k not in ("body", "item") or not self.free(i):
                continue
            zh_near = " ".join(self.zh_for(j) for j in range(max(0, i - 2), min(len(self.en), i + 3)))
            for m in NUMBER.finditer(self.en[i]):
                v = m.group(1).replace(",", "")
                if len(v) >= 1 and v in re.sub(r"[,，]", "", zh_near) and v not in ("0", "1"):
                    cands.append((i, m.start(1), m.group(1)))
        if not cands:
            return False
        i, at, old = self.rng.choice(cands)
        digits = old.replace(",", "")
        new = self.rng.choice([str(int(digits) + self.rng.choice([1, 2, 10])),
                               digits[::-1] if len(set(digits)) > 1 else str(int(digits) * 2),
                               digits + "0"])
        if new == digits:
            new = str(int(digits) + 1)
        self.take(i)
        p = self.mt[self.index_of(i)]
        p.text = p.text[:at] + new + p.text[at + len(old):]
        p.keys.append(("number-mismatch", f"{old} changed to {new}"))
        return True

    def headings(self, what):
        cands = [i for i, k in enumerate(self.kinds) if k == "heading"]
        if what == "change":
            cands = [i for i in cands if re.search(r"\d", HEADING_NUM.match(self.en[i]).group("num"))]
        elif what == "style":   # one-number headings (1. 2. 3.) can be rewritten in another scheme
            cands = [i for i in cands if re.fullmatch(r"\d+\.?", HEADING_NUM.match(self.en[i]).group("num"))]
        i = self.pick(cands, [c for c in cands if c in self.repeated or self.en[c].startswith("Chapter")])
        if i is None:
            return False
        p = self.mt[self.index_of(i)]
        m = HEADING_NUM.match(p.text)
        num, text = m.group("num"), m.group("text")
        if what == "drop":
            if num.startswith(("Chapter", "Appendix", "Section")):
                p.text = num.split()[0] + ". " + text
            else:
                p.text = self.rng.choice([". ", ""]) + text
            p.keys.append(("garbled-heading", f"heading number {num} lost"))
        elif what == "change":
            parts = re.findall(r"\d+", num)
            if not parts:
                return False
            last = int(parts[-1])
            new_last = last + self.rng.choice([1, 2]) if last < 2 or self.rng.random() < 0.5 else last - 1
            pos = [mm for mm in re.finditer(r"\d+", num)][-1]
            new_num = num[:pos.start()] + str(new_last) + num[pos.end():]
            p.text = new_num + " " + text
            p.keys.append(("numbering-sequence", f"heading number {num} changed to {new_num}"))
        elif what == "garble":
            stray = self.rng.choice(STRAY)
            form = self.rng.randrange(3)
            if form == 0:
                new = re.sub(r"(\d)(\.?)$", lambda mm: mm.group(1) + stray + mm.group(2), num, count=1)
                p.text = new + " " + text
            elif form == 1:
                p.text = stray + num + " " + text
            else:
                p.text = num + " " + text + " " + stray
            p.keys.append(("garbled-heading", "stray character in heading: " + p.text[:50]))
        elif what == "style":
            parts = re.findall(r"\d+", num)
            if len(parts) != 1 or num.startswith(("Chapter", "Appendix", "Section")):
                return False
            v = int(parts[0])
            new = self.rng.choice([f"({roman(v)})", f"{roman(v)}.", f"({v})"])
            p.text = new + " " + text
            p.keys.append(("numbering-style", f"heading number {num} written {new}"))
        self.take(i)
        return True

    def toc(self):
        heads = {t for t, k in zip(self.en, self.kinds) if k == "heading"}
        cands = [i for i, t in enumerate(self.en) if t in heads and self.en.index(t) == i
                 and self.en.count(t) > 1 and len(HEADING_NUM.match(t).group("text").split()) >= 3]
        i = self.pick(cands)
        if i is None:
            return False
        self.take(i)
        p = self.mt[self.index_of(i)]
        words = p.text.split()
        p.text = " ".join(words[:-self.rng.randint(1, max(1, (len(words) - 2) // 2))])
        p.keys.append(("toc-mismatch", "contents entry cut short: " + p.text[:50]))
        return True

    def untranslated(self):
        cands = [i for i, k in enumerate(self.kinds)
                 if k in ("body", "item") and CJK.search(self.zh_for(i)) and self.zh_match(i)[1]]
        i = self.pick(cands, self.ends())
        if i is None:
            return False
        self.take(i)
        p = self.mt[self.index_of(i)]
        zh = self.zh_for(i)
        if self.rng.random() < 0.4:
            p.text = zh
            p.keys.append(("untranslated", "paragraph left in Chinese"))
        else:
            clauses = [c for c in re.split(r"(?<=[，。；：])", zh) if CJK.search(c) and len(c) >= 4]
            clause = self.rng.choice(clauses) if clauses else zh
            sents = split_sentences(p.text)
            j = self.rng.randrange(len(sents))
            sents[j] = clause
            p.text = " ".join(sents)
            p.keys.append(("untranslated", "Chinese clause left in: " + clause[:30]))
        return True

    def token(self):
        cands = [i for i, k in enumerate(self.kinds) if k in ("body", "item") and len(self.en[i].split()) >= 6]
        i = self.pick(cands, self.ends())
        if i is None:
            return False
        p = self.mt[self.index_of(i)]
        words = p.text.split(" ")
        js = [j for j, w in enumerate(words) if re.fullmatch(r"[a-z]{2,}", w)]
        if not js:
            return False
        self.take(i)
        j = self.rng.choice(js)
        words.insert(j, words[j])
        p.text = " ".join(words)
        p.keys.append(("repeated-token", f'doubled word "{words[j]} {words[j]}"'))
        return True

    def mojibake(self):
        cands = [i for i, k in enumerate(self.kinds) if k in ("body", "item", "heading")
                 and any(a in self.en[i] for a, _ in MOJIBAKE)]
        i = self.pick(cands)
        if i is None:
            return False
        p = self.mt[self.index_of(i)]
        options = [(a, b) for a, b in MOJIBAKE if a in p.text]
        a, b = self.rng.choice(options)
        self.take(i)
        p.text = p.text.replace(a, b)
        p.keys.append(("encoding-damage", f"{a!r} decoded as {b!r}"))
        return True

    def spacing(self):
        cands = [i for i, k in enumerate(self.kinds) if k in ("body", "item")
                 and re.search(r"[a-z]\. [A-Z][a-z]", self.en[i])]
        i = self.pick(cands, [c for c in cands if self.kinds[c] == "item"])
        if i is None:
            return False
        p = self.mt[self.index_of(i)]
        spots = [m.start() + 2 for m in re.finditer(r"[a-z]\. [A-Z][a-z]", p.text)]
        at = self.rng.choice(spots)
        self.take(i)
        p.text = p.text[:at] + p.text[at + 1:]
        p.keys.append(("punctuation-spacing", "missing space after full stop: " + p.text[at - 8:at + 8]))
        return True

    def bullet(self):
        runs, run = [], []
        for i, k in enumerate(self.kinds + ["end"]):
            if k == "item" and self.en[i].startswith("• "):
                run.append(i)
            else:
                if len(run) >= 3:
                    runs.append(run)
                run = []
        runs = [r for r in runs if all(self.free(i, 0) for i in r)]
        if not runs:
            return False
        r = self.rng.choice(runs)
        i = self.rng.choice(r[1:])
        self.used.update(range(r[0] - 1, r[-1] + 2))
        p = self.mt[self.index_of(i)]
        marker = self.rng.choice(["- ", "* ", "— ", "· "])
        p.text = marker + p.text[2:]
        p.keys.append(("bullet-style", f"list item marked {marker.strip()!r} among '•' items"))
        return True

    def addition(self):
        i = self.pick(list(range(len(self.en))), [0, len(self.en) - 1])
        if i is None:
            return False
        self.take(i)
        k = self.index_of(i)
        furniture = self.rng.random() < 0.5
        text = self.rng.choice(FURNITURE if furniture else ADDED)
        rule = "boilerplate" if furniture else "addition"
        new = Para(text, None)
        new.keys.append((rule, "added text: " + text[:50]))
        before = i == 0 or (i != len(self.en) - 1 and self.rng.random() < 0.5)
        self.mt.insert(k if before else k + 1, new)
        return True

    def terminology(self):
        """An approved glossary term rendered by one of its forbidden variants."""
        cands = []
        for i, k in enumerate(self.kinds):
            for source, approved, forbidden in self.glossary:
                m = re.search(re.escape(approved), self.en[i], re.I)
                if m and forbidden and source in self.zh_for(i) and self.free(i):
                    cands.append((i, m, forbidden))
        if not cands:
            return False
        i, m, forbidden = self.rng.choice(cands)
        variant = self.rng.choice(forbidden)
        if m.group(0)[0].isupper():
            variant = variant[0].upper() + variant[1:]
        self.take(i)
        p = self.mt[self.index_of(i)]
        p.text = p.text[:m.start()] + variant + p.text[m.end():]
        p.keys.append(("terminology", f'"{m.group(0)}" rendered "{variant}"'))
        return True

    def sentence_addition(self):
        cands = [i for i, k in enumerate(self.kinds) if k == "body" and self.en[i].endswith(".")]
        i = self.pick(cands)
        if i is None:
            return False
        self.take(i)
        p = self.mt[self.index_of(i)]
        text = self.rng.choice(ADDED[0:1] + ADDED[2:])
        p.text = p.text + " " + text
        p.keys.append(("addition", "sentence added: " + text[:50]))
        return True


def roman(v):
    out = ""
    for n, s in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while v >= n:
            out, v = out + s, v - n
    return out


SENTENCE_END = re.compile(r"[.!?。！？][\"')\]”’]*$")


def mid_sentence_cuts(text):
    """The word counts n (at least 2, fewer than all) at which text cut to its first n words, as
    truncation() cuts it, stops mid-sentence, as its key says. Not right after a full stop: that reads
    as the rest of the paragraph left out. Not between the items of a paragraph written without a
    full stop ("accept(2), bind(2), close(2)"): a list cut there reads as a shorter list, its
    items left out."""
    words = text.split()
    unterminated = not SENTENCE_END.search(words[-1]) if words else True
    return [n for n in range(2, len(words))
            if not SENTENCE_END.search(words[n - 1]) and not (unterminated and words[n - 1].endswith((",", ";")))]


def cut_from(cuts, n):
    """The first cut of cuts at n or after it, else the last before it."""
    return next((c for c in cuts if c >= n), cuts[-1])


def split_sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(\"“])", text) if s]


KINDS = {
    "omission": Variant.omission, "sentence-omission": Variant.sentence_omission,
    "truncation": Variant.truncation, "duplicated": Variant.duplicated, "restart": Variant.restart,
    "loop": Variant.loop, "number": Variant.number,
    "heading-drop": lambda v: v.headings("drop"), "heading-change": lambda v: v.headings("change"),
    "heading-garble": lambda v: v.headings("garble"), "heading-style": lambda v: v.headings("style"),
    "toc": Variant.toc, "untranslated": Variant.untranslated, "token": Variant.token,
    "mojibake": Variant.mojibake, "spacing": Variant.spacing, "bullet": Variant.bullet,
    "addition": Variant.addition, "sentence-addition": Variant.sentence_addition,
    "terminology": Variant.terminology,
}


def read_glossary(path):
    """(source, approved, [forbidden]) rows of a glossary.tsv, as bitext reads them."""
    rows = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                forbidden = [v for v in (cols[2].split(";") if len(cols) > 2 else []) if v]
                rows.append((cols[0], cols[1], forbidden))
    return rows


def make_variant(set_dir, seed, count, out_root):
    name = os.path.basename(os.path.normpath(set_dir))
    rng = random.Random(f"{name}:{seed}")
    zh = read_paragraphs(os.path.join(set_dir, "zh.txt"))
    en = read_paragraphs(os.path.join(set_dir, "en.txt"))
    glossary = read_glossary(os.path.join(set_dir, "glossary.tsv"))
    v = Variant(zh, en, rng, glossary)
    kinds = list(KINDS)
    rng.shuffle(kinds)
    # the restart is rarer than the others: at most one variant in three
    if rng.random() > 0.33:
        kinds.remove("restart")
    # a set with a glossary always gets one terminology defect (few kinds of defect need one)
    if glossary:
        kinds.remove("terminology")
        kinds.insert(0, "terminology")
    done = []
    for k in kinds:
        if len(done) >= count:
            break
        if KINDS[k](v):
            done.append(k)
    folder = os.path.join(out_root, f"{name}-s{seed}")
    os.makedirs(folder, exist_ok=True)
    for f in ("zh.txt", "en.txt") + (("glossary.tsv",) if glossary else ()):
        shutil.copyfile(os.path.join(set_dir, f), os.path.join(folder, f))
    with open(os.path.join(folder, "mt.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(p.text for p in v.mt) + "\n")
    with open(os.path.join(folder, "manifest"), "w", encoding="utf-8") as f:
        f.write(f"# {name} with defects inserted into a copy of its official English (seed {seed}).\n"
                f"name = {name}-s{seed}\nzh = zh.txt\nen = en.txt\nmt = mt.txt\n"
                + ("glossary = glossary.tsv\n" if glossary else ""))
    rows = []
    for k, p in enumerate(v.mt):
        for rule, note in p.keys:
            rows.append(("mt.txt", 2 * k + 1, rule, note))
    for i, rule, note in v.en_keys:
        rows.append(("en.txt", 2 * i + 1, rule, note))
    rows.sort(key=lambda r: (r[0] != "mt.txt", r[1]))
    with open(os.path.join(folder, "key.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# Answer key of the defects scripts/inject-defects.py inserted into mt.txt ({name}, seed {seed}).\n"
                "# Line numbers are 1-based as cat -n shows.\n# file\tline\trule\tnote\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r[:3]) + "\t" + r[3].replace("\t", " ").replace("\n", " ") + "\n")
    return folder, rows


def seeds_of(spec):
    out = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", help="set folders holding zh.txt and en.txt")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seeds", default="1-5", help="seeds, e.g. 1-5 or 1,4,9")
    ap.add_argument("--defects", type=int, default=8, help="defects per variant (at most; fewer if no place fits)")
    args = ap.parse_args()
    for s in args.sets:
        if not os.path.exists(os.path.join(s, "en.txt")):
            sys.exit(f"inject-defects: {s} has no en.txt")
        for seed in seeds_of(args.seeds):
            folder, rows = make_variant(s, seed, args.defects, args.out)
            print(f"{folder}: {len(rows)} defects")


if __name__ == "__main__":
    main()
