#!/bin/sh
# Builds the Debian package of a configured and built tree with cpack and
# checks it with dpkg-deb: its runtime dependencies, its files, and that the
# executable unpacked from it finds the lexicon packaged beside it.
#   scripts/check-deb.sh [BUILD_DIR [OUT_DIR]]   (defaults: build, build/deb)
set -eu
build=$(realpath "${1:-build}")
out=${2:-$build/deb}
fail() { echo "check-deb: $*" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
out=$(realpath "$out")
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || fail "cpack failed: $(tail -20 "$out/cpack.log")"
deb=$(ls "$out"/bitext_*.deb)
echo "check-deb: built $deb"

info=$(dpkg-deb --info "$deb")
depends=$(dpkg-deb --field "$deb" Depends)
echo "check-deb: Depends: $depends"
# The shared libraries' runtime packages, as dpkg-shlibdeps names them
# (libicu72, libutf8proc2, libboost-program-options1.74.0 on Debian 12).
for library in 'libicu[0-9]' 'libutf8proc[0-9]' 'libboost-program-options[0-9.]'; do
  echo "$depends" | grep -q "$library" || fail "Depends lacks $library: $depends"
done
echo "$info" | grep -q "^ Package: bitext$" || fail "not the bitext package"

contents=$(dpkg-deb --contents "$deb")
for file in ./usr/bin/bitext ./usr/share/bitext/cedict_ts.u8 ./usr/share/man/man1/bitext.1 \
            ./usr/share/doc/bitext/NOTICE ./usr/share/doc/bitext/LICENSE; do
  echo "$contents" | grep -q " $file\$" || fail "$file is not in the package"
done
echo "$contents" | grep -q " ./usr/\(include\|lib\)/" && fail "libraries or headers were packaged"

# Unpacked anywhere, the executable finds its lexicon in ../share/bitext.
dpkg-deb --extract "$deb" "$out/root"
found=$(env -u BITEXT_LEXICON "$out/root/usr/bin/bitext" --version | sed -n 's/^lexicon: //p')
[ "$found" = "$out/root/usr/share/bitext/cedict_ts.u8" ] || fail "the unpacked bitext uses '$found'"
echo "check-deb: ok"
