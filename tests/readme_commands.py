#!/usr/bin/env python3
"""Checks the README's shell blocks that build or install, which
doc_examples.py cannot run as the page shows them.

A fenced ```sh block without "$ " lines is a list of commands (a "#" line is
a comment). Each command must be one this test knows how to hold to the
page, else the test fails, so that no command of the README goes unchecked:

  scripts/setup.sh && ctest ...        .ci/run runs exactly this command
  scripts/setup.sh && build/bitext ... run here after the build (setup.sh's
                                       part is the CI's first step): exit 1,
                                       as the README says, and every report
                                       file the README names is written
  cmake --install build --prefix P     tests/install_test.sh installs so
  cd build && cpack -G DEB             scripts/check-deb.sh runs cpack -G DEB

Usage: readme_commands.py --bitext BITEXT --root SOURCE_DIR --work DIR
Exits 0 when every command holds, 1 otherwise.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

FENCE_SH = re.compile(r"^```sh\s*$")
SETUP = "scripts/setup.sh && "
# The report files the README's paragraph on the main job names, as `name`.
REPORT_NAME = re.compile(r"`([A-Za-z0-9*/.-]+\.(?:json|txt|tmx|xlf|tsv|html|sarif|xml|md))`")


def sh_commands(readme):
    """(line number, command) of each command in the README's sh blocks."""
    commands, inside = [], False
    for number, line in enumerate(readme.split("\n"), 1):
        if not inside:
            inside = bool(FENCE_SH.match(line))
            continue
        if line.startswith("```"):
            inside = False
            continue
        command = line.split(" #")[0].strip() if not line.lstrip().startswith("#") else ""
        if command and not command.startswith("$ "):
            commands.append((number, command))
    return commands


def check_main_job(command, readme, args):
    """Runs the main job's audit and checks its exit code and files."""
    audit = command[len(SETUP):]
    words = audit.split()
    if words[:2] != ["build/bitext", "audit"] or "--out" not in words:
        return f"the main job is not 'build/bitext audit ... --out DIR': {audit}"
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for entry in os.listdir(args.root):
        if entry not in ("build", "out"):
            os.symlink(os.path.join(os.path.abspath(args.root), entry), os.path.join(work, entry))
    os.makedirs(os.path.join(work, "build"))
    os.symlink(os.path.abspath(args.bitext), os.path.join(work, "build", "bitext"))
    done = subprocess.run(audit, shell=True, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if done.returncode != 1:
        return f"the main job exited {done.returncode}, the README says 1:\n{done.stdout.decode(errors='replace')}"
    out_dir = os.path.join(work, words[words.index("--out") + 1])
    paragraph = readme[readme.index("What `audit` does"):]
    paragraph = paragraph[:paragraph.index("\n\n")]
    out_prefix = words[words.index("--out") + 1].rstrip("/") + "/"
    # Names under the output folder or bare; others (the schema) are inputs.
    names = {n for n in REPORT_NAME.findall(paragraph) if n.startswith(out_prefix) or "/" not in n}
    if len(names) < 10:
        return f"the README's paragraph on the main job names only {sorted(names)}"
    missing = []
    for name in sorted(names):
        relative = name[len(out_prefix):] if name.startswith(out_prefix) else name
        folder, pattern = os.path.split(relative)
        listed = os.listdir(os.path.join(out_dir, folder)) if os.path.isdir(os.path.join(out_dir, folder)) else []
        regex = re.compile("^" + re.escape(pattern).replace(r"\*", ".+") + "$")
        if not any(regex.match(entry) for entry in listed):
            missing.append(name)
    return f"the main job wrote no {', '.join(missing)}" if missing else None


def check(command, readme, args):
    root = args.root
    if command.startswith(SETUP + "ctest"):
        with open(os.path.join(root, ".ci/run"), encoding="utf-8") as f:
            if command not in f.read():
                return ".ci/run does not run the README's test command"
        return None
    if command.startswith(SETUP + "build/bitext"):
        return check_main_job(command, readme, args)
    if re.fullmatch(r"cmake --install build --prefix \S+", command):
        with open(os.path.join(root, "tests/install_test.sh"), encoding="utf-8") as f:
            if not re.search(r'--install "\$build" --prefix', f.read()):
                return "tests/install_test.sh no longer installs with --install BUILD --prefix P"
        return None
    if command == "cd build && cpack -G DEB":
        with open(os.path.join(root, "scripts/check-deb.sh"), encoding="utf-8") as f:
            if "cpack -G DEB" not in f.read():
                return "scripts/check-deb.sh no longer runs cpack -G DEB"
        return None
    return "a command this test does not know: run it in a doc-test example or hold it to the page here"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bitext", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    with open(os.path.join(args.root, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    commands = sh_commands(readme)
    failures = 0
    for number, command in commands:
        problem = check(command, readme, args)
        if problem:
            failures += 1
            print(f"README.md:{number}: {command}\n  {problem}")
    if not any(c.startswith(SETUP + "build/bitext") for _, c in commands):
        failures += 1
        print("README.md: the quick start has no main job (scripts/setup.sh && build/bitext ...)")
    print(f"readme-commands: {len(commands)} commands, {failures} do not hold")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
