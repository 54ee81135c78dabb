#!/usr/bin/env bash
# Runs every fixture project under migrations-fixtures/: every folder directly under it is a
# fixture, and each of its `expected` or `expected.NAME` files is a test (several files: several
# commands on one project), found by glob, no registration. A folder without any is a failure:
# a fixture that is silently not a test. The first line of `expected` is the command, run from the
# fixture directory (`$ schemagate check .`); the second is the exit code it must give
# (`exit: 1`); the rest is its stdout followed by its stderr, exactly.
#
#   tests/run_fixtures.sh BINARY FIXTURES_DIR [NAME_FILTER]
#   UPDATE_EXPECTED=1 tests/run_fixtures.sh ...   rewrites the expected files on purpose
set -uo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")
filter=${3:-}
pass=0
fail=0
failed=()
while IFS= read -r expected; do
  if [[ "$expected" == MISSING\ * ]]; then
    echo "FAIL ${expected#MISSING }: no expected file (a fixture folder must hold \`expected\` or \`expected.NAME\`)"
    fail=$((fail + 1)); failed+=("${expected#MISSING }"); continue
  fi
  dir=$(dirname "$expected")
  name=${dir#"$root"/}
  base=$(basename "$expected")
  [[ "$base" != expected ]] && name="$name (${base#expected.})"
  [[ -n "$filter" && "$name" != *"$filter"* ]] && continue
  cmd=$(head -n 1 "$expected")
  if [[ "$cmd" != '$ schemagate '* ]]; then
    echo "FAIL $name: first line of expected must be '\$ schemagate ...'"
    fail=$((fail + 1)); failed+=("$name"); continue
  fi
  args=${cmd#'$ schemagate '}
  out=$(mktemp)
  err=$(mktemp)
  # No schema cache: a fixture's output is the same on every run and machine (tests/integration/test_cache.sh
  # tests the cache).
  (cd "$dir" && NO_COLOR=1 SCHEMAGATE_CACHE_DIR= eval "\"$bin\" $args" >"$out" 2>"$err")
  code=$?
  actual=$(printf '%s\nexit: %s\n' "$cmd" "$code"; cat "$out" "$err")
  rm -f "$out" "$err"
  if [[ "${UPDATE_EXPECTED:-}" == 1 ]]; then
    printf '%s\n' "$actual" >"$expected"
  fi
  if diff -u "$expected" <(printf '%s\n' "$actual") >/tmp/fixture-diff.$$ 2>&1; then
    pass=$((pass + 1))
  else
    echo "FAIL $name"
    sed 's/^/    /' /tmp/fixture-diff.$$ | head -60
    fail=$((fail + 1)); failed+=("$name")
  fi
  rm -f /tmp/fixture-diff.$$
done < <(for dir in "$root"/*/; do
  [[ -d "$dir" ]] || continue  # no folder at all: the glob stays as written
  dir=${dir%/}
  found=$(find "$dir" -maxdepth 1 \( -name expected -o -name 'expected.*' \) -type f | sort)
  if [[ -z "$found" ]]; then
    echo "MISSING ${dir#"$root"/}"
  else
    printf '%s\n' "$found"
  fi
done)
echo "fixtures: $pass passed, $fail failed"
[[ $fail -eq 0 && $pass -gt 0 ]]
