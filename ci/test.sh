#!/usr/bin/env bash
# Runs every test: unit tests (doctest) and the fixture projects under migrations-fixtures/.
# Builds first (through ci/setup.sh), so this one command works on a fresh clone.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}
"$here/ci/setup.sh" "$build"
cd "$build"
ctest --output-on-failure -j 2
