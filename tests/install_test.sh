#!/bin/sh
# Installs the build into a temporary prefix, moves the installed tree
# elsewhere and runs the installed bitext from an unrelated folder: it must
# find the lexicon installed beside it (not the source tree's), align with
# it, and its man page must format without warnings.
#   tests/install_test.sh CMAKE BUILD_DIR WORK_DIR SOURCE_DIR
set -eu
cmake=$1 build=$2 work=$3 source=$4
rm -rf "$work"
mkdir -p "$work/elsewhere"
"$cmake" --install "$build" --prefix "$work/prefix" >/dev/null
mv "$work/prefix" "$work/moved"  # an installed tree may be relocated
installed=$work/moved
fail() { echo "install test: $*" >&2; exit 1; }

for file in bin/bitext share/bitext/cedict_ts.u8 share/man/man1/bitext.1 \
            share/doc/bitext/LICENSE share/doc/bitext/NOTICE share/doc/bitext/docs/commands.md; do
  [ -f "$installed/$file" ] || fail "$file not installed"
done
cmp -s "$installed/share/bitext/cedict_ts.u8" "$source/third_party/cedict/cedict_ts.u8" ||
  fail "the installed lexicon differs from third_party/cedict/cedict_ts.u8"

cd "$work/elsewhere"
unset BITEXT_LEXICON
version=$("$installed/bin/bitext" --version)
echo "$version" | grep -qx "lexicon: $installed/share/bitext/cedict_ts.u8" ||
  fail "bitext --version does not name the installed lexicon: $version"

# A pair the lexicon links: its evidence names the lexicon; without it not.
printf '发展合作。\n' > zh.txt
printf 'Development cooperation.\n' > en.txt
"$installed/bin/bitext" align --zh zh.txt --en en.txt --format json > with.json 2> with.err
grep -q '"lexicon ' with.json || fail "align reports no lexicon evidence: $(cat with.json with.err)"
[ ! -s with.err ] || fail "align complained: $(cat with.err)"
"$installed/bin/bitext" align --zh zh.txt --en en.txt --format json --no-lexicon > without.json 2>/dev/null
! grep -q '"lexicon ' without.json || fail "--no-lexicon still reports lexicon evidence"

# The man page: one section per command, formatted without warnings.
for command in inspect align check compare score metrics audit batch merge; do
  grep -qx ".SS $command" "$installed/share/man/man1/bitext.1" || fail "man page lacks $command"
done
warnings=$(groff -man -Tutf8 -ww -z "$installed/share/man/man1/bitext.1" 2>&1)
[ -z "$warnings" ] || fail "groff warns about the man page: $warnings"
echo "install test: $installed/bin/bitext finds $installed/share/bitext/cedict_ts.u8"
