#!/usr/bin/env python3
"""Runs the examples of Markdown pages and compares their output with the page.

An example is a fenced code block with lines starting with "$ ": each such
line is a command, the lines after it (up to the next command or the end of
the block) its output as a terminal shows it, stdout and stderr together. A
block without "$ " lines is not an example.

Commands run with sh, in order, in a scratch folder that links every entry
of the source tree (so "corpus/...", "tests/..." and "scripts/..." are found
and outputs such as "out/..." land in the scratch folder), with build/bitext
and "bitext" on the PATH being the executable under test.

The output must equal the one shown, line for line (trailing spaces and
trailing blank lines aside), and the exit code must be 0. An HTML comment on
the line right before the block, invisible to readers, changes that:

    <!-- doc-test: head excerpt varies tty exit N -->

  head     the shown lines are the first lines of the output
  excerpt  a line of only "..." stands for any number of lines left out
  varies   "..." inside a line stands for any text there (timings)
  tty      stdout and stderr are a terminal, as for the progress bar;
           a line redrawn with carriage returns shows its last state
  exit N   the commands' expected exit code

Exits 0 when every example matches, 1 when some differ (each is printed with
its page, line and a diff), 2 on a malformed page or bad arguments.
"""

import argparse
import difflib
import os
import pty
import re
import shutil
import subprocess
import sys

MARKER = re.compile(r"^<!--\s*doc-test:(.*?)-->\s*$")
FENCE = re.compile(r"^(```|~~~)")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
TIMEOUT_SECONDS = 600


class PageError(Exception):
    pass


class Example:
    def __init__(self, page, line, command, shown, options):
        self.page, self.line, self.command, self.shown, self.options = page, line, command, shown, options


def parse_options(text, where):
    options = {"head": False, "excerpt": False, "varies": False, "tty": False, "exit": 0}
    words = text.split()
    i = 0
    while i < len(words):
        word = words[i]
        if word in ("head", "excerpt", "varies", "tty"):
            options[word] = True
        elif word == "exit" and i + 1 < len(words) and words[i + 1].isdigit():
            options["exit"] = int(words[i + 1])
            i += 1
        else:
            raise PageError(f"{where}: unknown doc-test option {word!r}")
        i += 1
    return options


def read_examples(page):
    with open(page, encoding="utf-8") as f:
        lines = f.read().split("\n")
    examples = []
    i = 0
    while i < len(lines):
        marker = MARKER.match(lines[i])
        if marker and not (i + 1 < len(lines) and FENCE.match(lines[i + 1])):
            raise PageError(f"{page}:{i + 1}: a doc-test comment must be right before a code block")
        fence = FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        previous = MARKER.match(lines[i - 1]) if i > 0 else None
        options = parse_options(previous.group(1), f"{page}:{i}") if previous else parse_options("", "")
        end = i + 1
        while end < len(lines) and not lines[end].startswith(fence.group(1)):
            end += 1
        body = lines[i + 1:end]
        commands = [n for n, text in enumerate(body) if text.startswith("$ ")]
        if commands:
            if commands[0] != 0:
                raise PageError(f"{page}:{i + 2}: an example block must start with a \"$ \" command")
            bounds = commands + [len(body)]
            for start, stop in zip(bounds, bounds[1:]):
                examples.append(Example(page, i + 2 + start, body[start][2:], body[start + 1:stop], options))
        elif previous:
            raise PageError(f"{page}:{i}: a doc-test comment before a block without \"$ \" commands")
        i = end + 1
    return examples


def terminal_lines(data):
    """The lines a terminal shows: each line's last redraw, escapes removed."""
    text = data.decode("utf-8", "replace").replace("\r\n", "\n")
    return [ANSI.sub("", line.split("\r")[-1]) for line in text.split("\n")]


def run(example, work, env):
    argv = ["sh", "-c", example.command]
    if not example.options["tty"]:
        done = subprocess.run(argv, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=TIMEOUT_SECONDS)
        return done.returncode, done.stdout.decode("utf-8", "replace").split("\n")
    master, slave = pty.openpty()
    process = subprocess.Popen(argv, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: every writer has closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return process.wait(timeout=TIMEOUT_SECONDS), terminal_lines(b"".join(chunks))


def trimmed(lines):
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def line_matches(shown, actual, varies):
    if not varies or "..." not in shown:
        return shown == actual
    pattern = ".+".join(re.escape(piece) for piece in shown.split("..."))
    return re.fullmatch(pattern, actual) is not None


def segment_at(segment, actual, start, varies):
    return start + len(segment) <= len(actual) and all(
        line_matches(s, a, varies) for s, a in zip(segment, actual[start:start + len(segment)]))


def output_matches(shown, actual, options):
    """Whether the shown lines are the output, its head, or an excerpt of it."""
    varies = options["varies"]
    if not options["excerpt"]:
        if options["head"]:
            return segment_at(shown, actual, 0, varies)
        return len(shown) == len(actual) and segment_at(shown, actual, 0, varies)
    # Segments between "..." lines: the first is at the start, the last at
    # the end (unless a head), the others in order, each as early as it fits.
    segments = [[]]
    for line in shown:
        if line.strip() == "...":
            segments.append([])
        else:
            segments[-1].append(line)
    first, last = segments[0], segments[-1]
    if not segment_at(first, actual, 0, varies):
        return False
    position = len(first)
    if len(segments) == 1:
        return options["head"] or position == len(actual)
    for segment in segments[1:-1]:
        while position <= len(actual) and not segment_at(segment, actual, position, varies):
            position += 1
        if position > len(actual):
            return False
        position += len(segment)
    if options["head"]:
        return any(segment_at(last, actual, p, varies) for p in range(position, len(actual) + 1))
    return len(actual) - len(last) >= position and segment_at(last, actual, len(actual) - len(last), varies)


def make_work(root, work, bitext):
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(os.path.join(work, "build"))
    for entry in os.listdir(root):
        if entry in (".git", "out") or entry.startswith("build"):
            continue
        os.symlink(os.path.join(os.path.abspath(root), entry), os.path.join(work, entry))
    os.symlink(os.path.abspath(bitext), os.path.join(work, "build", "bitext"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bitext", required=True, help="the executable under test")
    parser.add_argument("--root", required=True, help="the source tree; pages are relative to it")
    parser.add_argument("--work", required=True, help="scratch folder, emptied first")
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args()

    try:
        pages = [(page, read_examples(os.path.join(args.root, page))) for page in args.pages]
    except (PageError, OSError) as error:
        print(f"doc-examples: {error}", file=sys.stderr)
        return 2

    checked = differ = 0
    for page, examples in pages:
        work = os.path.join(args.work, re.sub(r"[^A-Za-z0-9.-]", "_", page))
        make_work(args.root, work, args.bitext)
        env = dict(os.environ, PATH=os.path.join(work, "build") + os.pathsep + os.environ.get("PATH", ""))
        for example in examples:
            checked += 1
            try:
                code, actual = run(example, work, env)
            except subprocess.TimeoutExpired:
                code, actual = None, [f"(no end after {TIMEOUT_SECONDS} s)"]
            actual, shown = trimmed(actual), trimmed(example.shown)
            same_output = not shown or output_matches(shown, actual, example.options)
            if same_output and code == example.options["exit"]:
                continue
            differ += 1
            print(f"{page}:{example.line}: $ {example.command}")
            if code != example.options["exit"]:
                print(f"  exit code {code}, the page expects {example.options['exit']}")
            if not same_output:
                kind = " ".join(k for k in ("head", "excerpt", "varies") if example.options[k]) or "the whole output"
                print(f"  output differs from the page ({kind}); - page, + actual:")
                # A head is compared with as many lines of the output.
                compared = actual[:len(shown)] if kind == "head" else actual
                for line in difflib.unified_diff(shown, compared, lineterm="", n=2):
                    if not line.startswith(("---", "+++")):
                        print("    " + line)
    print(f"doc-examples: {checked} examples, {differ} differ from their page")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
