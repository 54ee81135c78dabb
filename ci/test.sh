#!/usr/bin/env bash
# Runs every test: unit tests (doctest) and the fixture projects under migrations-fixtures/.
# Builds first (through ci/setup.sh), so this one command works on a fresh clone.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}
source "$here/ci/elapsed.sh"
"$here/ci/setup.sh" "$build"
elapsed setup
cd "$build"
# Each test's own time is on its line of ctest's output.
ctest --output-on-failure -j 2
elapsed tests
