#!/usr/bin/env python3
"""Builds the development corpus under corpus/ from Debian packages that ship
the same document in Chinese and English.

    scripts/extract-dev-corpus.py [--debs DIR] [--out corpus]

Without --debs the packages are fetched with `apt-get download` into a
temporary folder (run `apt-get update` once before). Each document set gets
zh.txt and en.txt (plain text, one logical paragraph per line, paragraphs
separated by a blank line), a manifest and a README naming the package, its
version and its license. The extraction is deterministic: the same package
versions give the same files.

Conversion, as a web or man-page extraction would do it:
  * HTML (DocBook, Asciidoctor): headings, paragraphs, list items ("• " for
    unordered, "N. " for ordered lists), definition terms and descriptions and
    admonition text become paragraphs; program listings, screens, tables,
    images and the navigation bars are left out (as text extractions do).
  * man pages: rendered by groff at a very long line length (no wrapping, no
    hyphenation); section headings, tagged-paragraph tags and paragraphs
    become paragraphs; page header and footer lines are dropped.
A chapter's table of contents is kept where the extract holds every section
it lists (chapter 3) and left out where it does not (chapter 6).
An extract takes the same sections of both languages: it stops before the
heading where the English reaches its paragraph budget, and the Chinese stops
before the same heading (counted by position in the document).
Python 3 standard library only (plus dpkg-deb, groff and apt-get).
"""
import argparse
import glob
import gzip
import html
import html.parser
import os
import re
import subprocess
import sys
import tempfile

# name, packages (zh, en), genre, zh variety, kind, zh files, en files,
# paragraph budget of the English, first heading to keep (text prefix or None)
SETS = [
    dict(name="install-guide-ch03", packages=("installation-guide-amd64",), variety="zh_CN",
         kind="html", genre="installation manual chapter (DocBook): chapter title, contents, "
         "decimal headings 3.1. to 3.6.2., itemized and ordered lists",
         zh=["zh_CN/ch03.html", "zh_CN/ch03s0[1-6].html"], en=["en/ch03.html", "en/ch03s0[1-6].html"],
         budget=170, root="usr/share/doc/installation-guide-amd64",
         title="Debian GNU/Linux Installation Guide, chapter 3 (Before Installing Debian GNU/Linux)"),
    dict(name="install-guide-ch06", packages=("installation-guide-amd64",), variety="zh_CN",
         kind="html", genre="installation manual chapter (DocBook): four-level decimal headings "
         "(6.3.1.1.), admonitions, lists of installer components",
         zh=["zh_CN/ch06.html", "zh_CN/ch06s0[1-4].html"], en=["en/ch06.html", "en/ch06s0[1-4].html"],
         budget=170, root="usr/share/doc/installation-guide-amd64", skip_classes=("toc",),
         title="Debian GNU/Linux Installation Guide, chapter 6 (Using the Debian Installer)"),
    dict(name="edu-manual-bookworm", packages=("debian-edu-doc-zh-cn", "debian-edu-doc-en"), variety="zh_CN",
         kind="html", genre="user manual (DocBook, one page): numbered chapters and sections "
         "(3.1.4.), lists of services and requirements",
         zh=["usr/share/doc/debian-edu-doc-zh-cn/debian-edu-bookworm-manual.html"],
         en=["usr/share/doc/debian-edu-doc-en/debian-edu-bookworm-manual.html"],
         budget=160, root="", skip_classes=("toc",),
         title="Debian Edu / Skolelinux 12 Bookworm Manual (opening chapters)"),
    dict(name="kicad-pl-editor", packages=("kicad-doc-zh", "kicad-doc-en"), variety="zh_CN",
         kind="html", genre="software reference (Asciidoctor): numbered sections 1. to 7.2., "
         "option lists, colon-ended headings",
         zh=["usr/share/doc/kicad/help/zh/pl_editor.html"], en=["usr/share/doc/kicad/help/en/pl_editor.html"],
         budget=170, root="", title="KiCad 6 Drawing Sheet Editor (pl_editor) manual"),
    dict(name="kicad-getting-started", packages=("kicad-doc-zh", "kicad-doc-en"), variety="zh_CN",
         kind="html", genre="tutorial (Asciidoctor): numbered steps in ordered lists, "
         "decimal headings, short imperative paragraphs",
         zh=["usr/share/doc/kicad/help/zh/getting_started_in_kicad.html"],
         en=["usr/share/doc/kicad/help/en/getting_started_in_kicad.html"],
         budget=170, root="", title="Getting Started in KiCad 6 (opening chapters)"),
    dict(name="manpage-hier-zh-tw", packages=("manpages-zh", "manpages"), variety="zh_TW",
         kind="man", genre="man page (Traditional Chinese): NAME/DESCRIPTION sections, a long "
         "tagged list of directories",
         zh=["usr/share/man/zh_TW/man7/hier.7.gz"], en=["usr/share/man/man7/hier.7.gz"],
         budget=400, root="", title="hier(7), description of the file system hierarchy"),
    dict(name="manpage-socket-zh-cn", packages=("manpages-zh", "manpages-dev"), variety="zh_CN",
         kind="man", genre="man page (system call): SYNOPSIS, DESCRIPTION with tagged option "
         "lists, RETURN VALUE, ERRORS list of error codes",
         zh=["usr/share/man/zh_CN/man2/socket.2.gz"], en=["usr/share/man/man2/socket.2.gz"],
         budget=400, root="", title="socket(2), create an endpoint for communication"),
]

LICENSES = {
    "installation-guide-amd64": "GPL-2 (copyright file of the package)",
    "debian-edu-doc-zh-cn": "GPL-2+ (Debian Edu documentation; copyright file of the package)",
    "debian-edu-doc-en": "GPL-2+ (Debian Edu documentation; copyright file of the package)",
    "kicad-doc-zh": "GPL-3+ or CC-BY-3.0+ (KiCad documentation, dual licensed)",
    "kicad-doc-en": "GPL-3+ or CC-BY-3.0+ (KiCad documentation, dual licensed)",
    "manpages-zh": "GFDL-1.2+ (Chinese translations of the Linux man pages, CMPP)",
    "manpages": "Linux-man-pages-copyleft (SPDX tag of hier.7)",
    "manpages-dev": "BSD-4-Clause-UC (SPDX tag of socket.2)",
}

BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "title", "td", "th", "blockquote", "div"}
SKIP = {"pre", "table", "script", "style", "head", "img", "svg"}
SKIP_CLASSES = {"navheader", "navfooter", "programlisting", "screen", "literallayout", "figure", "mediaobject",
                "informaltable", "table", "toc-title"}
SKIP_IDS = {"toc", "footer", "header-spacer"}


class Paragraphs(html.parser.HTMLParser):
    """HTML to a list of (kind, text) paragraphs; kind is heading, item or body."""

    def __init__(self, skip_classes=()):
        super().__init__(convert_charrefs=True)
        self.skip_classes = SKIP_CLASSES | set(skip_classes)
        self.out, self.buf, self.kind = [], [], "body"
        self.skip_depth = 0
        self.stack = []          # (tag, skipping)
        self.lists = []          # [ordered, counter]
        self.marker = ""

    def flush(self):
        # CJK text keeps no space where the HTML source broke a line between two CJK characters
        text = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t]*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])", "",
                      "".join(self.buf))
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            self.out.append((self.kind, self.marker + text))
            self.marker = ""
        self.buf, self.kind = [], "body"

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        skipping = tag in SKIP or bool(classes & self.skip_classes) or a.get("id") in SKIP_IDS
        if tag in ("br", "img", "hr", "meta", "link", "input"):
            return
        self.stack.append((tag, skipping))
        if skipping:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in ("ul", "ol"):
            self.flush()
            self.lists.append([tag == "ol", 0])
        elif tag in BLOCK:
            self.flush()
            if tag[0] == "h" and tag[1:].isdigit() or tag == "title":
                self.kind = "heading"
            if tag == "li" and self.lists:
                self.lists[-1][1] += 1
                ordered, n = self.lists[-1]
                self.marker = f"{n}. " if ordered else "• "
                self.kind = "item"

    def handle_endtag(self, tag):
        if tag in ("br", "img", "hr", "meta", "link", "input"):
            return
        while self.stack:
            t, skipping = self.stack.pop()
            if skipping:
                self.skip_depth -= 1
            elif not self.skip_depth:
                if t in ("ul", "ol"):
                    self.flush()
                    if self.lists:
                        self.lists.pop()
                elif t in BLOCK:
                    self.flush()
            if t == tag:
                break

    def handle_data(self, data):
        if not self.skip_depth and self.stack and self.stack[-1][0] != "title":
            self.buf.append(data)

    def close(self):
        super().close()
        self.flush()
        return self.out


def html_paragraphs(path, skip_classes=()):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    p = Paragraphs(skip_classes)
    p.feed(text)
    return p.close()


def man_paragraphs(path, skip_classes=()):
    with gzip.open(path, "rb") as f:
        source = f.read()
    roff = subprocess.run(["preconv", "-e", "utf-8"], input=source, capture_output=True, check=True).stdout
    out = subprocess.run(["groff", "-t", "-man", "-Tutf8", "-rLL=3000n", "-rHY=0", "-P-cbou"],
                         input=roff, capture_output=True, check=True).stdout.decode("utf-8", "replace")
    lines = out.split("\n")
    paras = []
    for i, line in enumerate(lines):
        raw = line.rstrip()
        if not raw.strip():
            continue
        # page header/footer: NAME(7) ... NAME(7) spread over the line width
        if re.match(r"^\S+\(\d\w*\)\s{5,}.*\S+\(\d\w*\)$", raw) or re.match(r"^\S.*\s{20,}\S.*\s{20,}\S", raw):
            continue
        if not raw.startswith(" "):
            paras.append(("heading", raw.strip()))
            continue
        text = raw.strip()
        # a tagged paragraph renders its tag and text on one line, split by 2+ spaces
        m = re.match(r"^(\S+(?: \S+)?)\s{2,}(\S.*)$", text)
        if m and len(raw) - len(raw.lstrip()) <= 7:
            paras.append(("item", m.group(1)))
            paras.append(("body", m.group(2)))
        else:
            paras.append(("body", re.sub(r"\s{2,}", " ", text)))
    return paras


def cut(en, zh, budget):
    """Paragraph lists cut before the same heading: the first heading at or after the English budget."""
    en_heads = [i for i, (k, _) in enumerate(en) if k == "heading"]
    zh_heads = [i for i, (k, _) in enumerate(zh) if k == "heading"]
    if len(en) <= budget:
        return en, zh
    k = next((n for n, i in enumerate(en_heads) if i >= budget), None)
    if k is None or k >= len(zh_heads):
        return en[:budget], zh[:budget]
    return en[:en_heads[k]], zh[:zh_heads[k]]


def write_text(path, paras):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(t for _, t in paras) + "\n")


def package_version(deb):
    return subprocess.run(["dpkg-deb", "-f", deb, "Version"], capture_output=True, text=True,
                          check=True).stdout.strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--debs", help="folder holding the .deb files (default: apt-get download into a temp folder)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus"))
    args = ap.parse_args()
    packages = sorted({p for s in SETS for p in s["packages"]})
    work = tempfile.mkdtemp(prefix="dev-corpus-")
    debs = args.debs
    if not debs:
        debs = os.path.join(work, "debs")
        os.makedirs(debs)
        for p in packages:
            subprocess.run(["apt-get", "download", p], cwd=debs, check=True, stdout=subprocess.DEVNULL)
    trees, versions = {}, {}
    for p in packages:
        found = sorted(glob.glob(os.path.join(debs, f"{p}_*.deb")))
        if not found:
            sys.exit(f"extract-dev-corpus: no {p}_*.deb in {debs}")
        trees[p] = os.path.join(work, "x", p)
        os.makedirs(trees[p], exist_ok=True)
        subprocess.run(["dpkg-deb", "-x", found[-1], trees[p]], check=True)
        versions[p] = package_version(found[-1])

    for s in SETS:
        zh_pkg, en_pkg = s["packages"][0], s["packages"][-1]

        def files(pkg, patterns):
            base = os.path.join(trees[pkg], s["root"])
            out = []
            for pat in patterns:
                out += sorted(glob.glob(os.path.join(base, pat)))
            if not out:
                sys.exit(f"extract-dev-corpus: {s['name']}: nothing matches {patterns} in {pkg}")
            return out

        read = html_paragraphs if s["kind"] == "html" else man_paragraphs
        skip = s.get("skip_classes", ())
        zh = [p for f in files(zh_pkg, s["zh"]) for p in read(f, skip)]
        en = [p for f in files(en_pkg, s["en"]) for p in read(f, skip)]
        en, zh = cut(en, zh, s["budget"])
        folder = os.path.join(args.out, s["name"])
        os.makedirs(folder, exist_ok=True)
        write_text(os.path.join(folder, "zh.txt"), zh)
        write_text(os.path.join(folder, "en.txt"), en)
        with open(os.path.join(folder, "manifest"), "w", encoding="utf-8") as f:
            f.write(f"# Development set: {s['title']}.\n# Official Chinese ({s['variety']}) and English; "
                    "see README.md.\n")
            f.write(f"name = {s['name']}\nzh = zh.txt\nen = en.txt\n")
            # a glossary is written by reading the texts, not extracted: kept when present
            if os.path.exists(os.path.join(folder, "glossary.tsv")):
                f.write("glossary = glossary.tsv\n")
        srcs = "\n".join(f"- `{p}` version `{versions[p]}`: {LICENSES[p]}" for p in s["packages"])
        zh_files = ", ".join(f"`{x}`" for x in s["zh"])
        en_files = ", ".join(f"`{x}`" for x in s["en"])
        with open(os.path.join(folder, "README.md"), "w", encoding="utf-8") as f:
            f.write(f"# {s['name']}\n\n{s['title']}: the official Chinese ({s['variety']}) and English "
                    f"texts, as shipped in Debian 12.\n\nGenre: {s['genre']}.\n\n"
                    f"Source packages, versions and licenses:\n\n{srcs}\n\n"
                    f"Files: Chinese from {zh_files}; English from {en_files}"
                    f"{' (under `' + s['root'] + '`)' if s['root'] else ''}.\n\n"
                    f"`zh.txt` ({len(zh)} paragraphs) and `en.txt` ({len(en)} paragraphs) hold one paragraph a "
                    "line, paragraphs separated by a blank line. Written by `scripts/extract-dev-corpus.py` "
                    "(program listings, screens, tables and images left out, as a text extraction does; both "
                    "languages cut before the same heading). Not edited by hand: differences between the two "
                    "languages are those of the published translation.\n\n"
                    + ("`glossary.tsv` (role `glossary`) is written by hand from reading both texts: terms as the "
                       "official English renders them, with the renderings a literal machine translation gives "
                       "instead as forbidden variants.\n\n" if os.path.exists(os.path.join(folder, "glossary.tsv")) else "")
                    + "MT variants with inserted defects are generated from this set by "
                    "`scripts/inject-defects.py`; see `docs/evaluation.md`.\n")
        print(f"{s['name']}: zh {len(zh)} paragraphs ({sum(k == 'heading' for k, _ in zh)} headings), "
              f"en {len(en)} paragraphs ({sum(k == 'heading' for k, _ in en)} headings)")


if __name__ == "__main__":
    main()
