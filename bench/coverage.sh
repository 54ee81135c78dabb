#!/usr/bin/env bash
# How much of a project's SQL is checked (#14): an unchecked site is a silent miss, so the figure
# that matters is checked + partly checked sites over every site of application code. From
# `refs --format json`, per project:
#   - application code: sites outside tests (test/, tests/, __tests__/, testdata/, fixtures/, a
#     folder named *test or *testutil (riverdbtest/), *_test.go, test_*.py, *_test.py, *.test.ts, *.spec.ts, ...), migration and seed folders
#     (migrations/, data-migrations/, seeds/) and the schema's own declarations;
#   - sites of another engine (`other-engine`: ClickHouse, SQLite, MySQL) are SQL this schema never
#     runs, and DDL or utility commands over run-time names (`utility-statement`: CREATE SCHEMA
#     for a tenant, SAVEPOINT, SET) are no queries (written out they are no sites at all): both
#     counted apart, not in the figure;
#   - the figure: (checked + partly checked) / (application sites - other-engine - utility), with the
#     unchecked ones counted by reason id.
#   bench/coverage.sh DIR[:FLAGS] ...     FLAGS: refs's, comma-separated (--migrations=db,--offline)
#   SCHEMAGATE=path/to/schemagate (default build/schemagate)   VERBOSE=1 lists each unchecked site
# Prints one row per project and exits 0; a project whose run fails (exit 2) prints its cause.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${SCHEMAGATE:-$here/build/schemagate}
command -v jq >/dev/null || { echo "coverage.sh: jq is needed (Debian's jq)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A site's file is application code unless its path says test, migration, seed or fixture.
filter='
  def nonapp: test("(^|/)(tests?|__tests__|testdata|fixtures?|e2e|spec|migrations?|data-migrations|seeds?|mocks?)/")
           or test("(^|/)[^/]*(test|testing|testutils?|testhelpers?)/")
           or test("(_test\\.go|_test\\.py|(^|/)test_[^/]*\\.py|\\.(test|spec)\\.[jt]sx?|(^|/)conftest\\.py)$");
  [.sites[] | select(.file | nonapp | not)] as $app
  | [$app[] | select(.reason_id == "other-engine")] as $other
  | [$app[] | select(.reason_id == "utility-statement")] as $utility
  | [$app[] | select(.reason_id != "other-engine" and .reason_id != "utility-statement")] as $s
  | ([$s[] | select(.checked == true)] | length) as $c
  | ([$s[] | select(.checked != true and .partly_checked == true)] | length) as $p
  | ($s | length) as $n
  | {all: (.sites | length), app: ($app | length), other: ($other | length),
     utility: ($utility | length), n: $n, checked: $c,
     partly: $p, unchecked: ($n - $c - $p),
     pct: (if $n == 0 then "-" else ((($c + $p) * 1000 / $n | floor) / 10 | tostring) + "%" end),
     reasons: ([$s[] | select(.checked != true and .partly_checked != true) | .reason_id // "none"]
               | group_by(.) | map("\(.[0]) \(length)") | join(", ")),
     list: [$s[] | select(.checked != true and .partly_checked != true)
            | "  \(.file):\(.line) \(.reason_id // "none"): \(.reason // "")"]}'

printf '%-28s %6s %6s %6s %7s %8s %7s %7s %10s  %s\n' project sites app other utility checked partly unchk \
  coverage "unchecked by reason"
for arg in "$@"; do
  dir=${arg%%:*}; flags=()
  if [[ "$arg" == *:* ]]; then IFS=, read -r -a flags <<<"${arg#*:}"; fi
  name=$(basename "$dir")
  if ! (cd "$dir" && "$bin" refs . --format json -j2 "${flags[@]}" >"$tmp/refs.json" 2>"$tmp/err"); then
    printf '%-28s exit 2: %s\n' "$name" "$(grep -v '^$' "$tmp/err" | tail -1)"
    continue
  fi
  jq -r "$filter"' | "\(.all) \(.app) \(.other) \(.utility) \(.checked) \(.partly) \(.unchecked) \(.pct)\t\(.reasons)"' \
    "$tmp/refs.json" | {
    IFS=$'\t' read -r nums reasons
    read -r all app other utility c p u pct <<<"$nums"
    printf '%-28s %6s %6s %6s %7s %8s %7s %7s %10s  %s\n' "$name" "$all" "$app" "$other" "$utility" "$c" "$p" "$u" \
      "$pct" "$reasons"
  }
  if [[ -n "${VERBOSE:-}" ]]; then jq -r "$filter"' | .list[]' "$tmp/refs.json"; fi
done
