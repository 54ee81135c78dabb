#!/usr/bin/env bash
# Shared by the integration test scripts: `check NAME EXPECTED ACTUAL` counts a pass or prints a
# diff, `finish SUITE` prints the closing line "SUITE: N passed, N failed" and sets the status.
pass=0
fail=0
# No schema cache unless a test asks for one (test_cache.sh): outputs are the same on every run.
export SCHEMAGATE_CACHE_DIR=
check() {
  if [[ "$2" == "$3" ]]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1"; diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | sed 's/^/    /' | head -40
  fi
}
finish() {
  echo "$1: $pass passed, $fail failed"
  [[ $fail -eq 0 ]]
}
