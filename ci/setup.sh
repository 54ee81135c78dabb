#!/usr/bin/env bash
# Installs what schemagate needs to build and test on Debian 12, then builds it.
# Idempotent: packages already installed are not touched, the build is incremental.
# Usage: ci/setup.sh [BUILD_DIR]   (default: build)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
source "$here/ci/elapsed.sh"

packages=(build-essential cmake ninja-build pkg-config git curl ca-certificates
  libcli11-dev libpqxx-dev libtree-sitter-dev nlohmann-json3-dev doctest-dev
  libpg-query-dev libprotobuf-c-dev libgit2-dev libyaml-cpp-dev libjemalloc-dev postgresql-15 jq
  libxml2-utils python3-jsonschema python3-yaml pre-commit groff-base bsdutils)  # the last six: tests of the CLI and formats
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "schemagate setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
elapsed packages

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
elapsed configure
cmake --build "$build" -j "$(nproc)"
elapsed build
