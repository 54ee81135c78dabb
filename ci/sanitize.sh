#!/usr/bin/env bash
# The sanitizer job: builds schemagate with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# (and every libFuzzer target), runs the unit and fixture tests under them, then a short fuzz
# pass of every target. Time-boxed so CI stays well under its limit:
#   FUZZ_SECONDS   seconds per fuzz target (default 10; 26 targets)
#   ci/sanitize.sh [BUILD_DIR]   (default: build-asan)
# A crash leaves its input in BUILD_DIR/fuzz-artifacts/ and fails the job.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-asan}
seconds=${FUZZ_SECONDS:-10}
source "$here/ci/elapsed.sh"

# clang and its runtimes (ASan, UBSan, libFuzzer live in libclang-rt-14-dev on Debian 12).
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
elapsed packages
flags="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCHEMAGATE_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
elapsed configure
# Only what this job runs: the binary and the unit tests (ctest's unit and fixtures) and the fuzz
# targets. The integration tests' drivers (catalog_driver) run in ci/test.sh's build, not here.
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target schemagate unit_tests fuzz_targets
elapsed build

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd "$build" && ctest --output-on-failure -R '^(unit|fixtures)$')
elapsed "unit and fixture tests"
status=0
"$here/ci/fuzz.sh" "$build" "$seconds" || status=$?
elapsed fuzz
exit "$status"
