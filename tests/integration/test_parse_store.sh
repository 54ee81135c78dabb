#!/usr/bin/env bash
# The parse store end to end (analyzers/sql/parse_store.h): a fixture checked with a cache
# directory, cold (every text parsed, the store written) then warm (every text from the store,
# nothing written), gives its expected output both times; a damaged store is ignored with the same
# output; --no-cache and an empty SCHEMAGATE_CACHE_DIR write none.
#   tests/integration/test_parse_store.sh SCHEMAGATE_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "$1")
. "$here/tests/integration/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixture="$here/migrations-fixtures/parse-store-warm-run"
cmd=$(head -n 1 "$fixture/expected")
args=${cmd#'$ schemagate '}
# The output as the fixture runner writes it, without the schema cache's own --verbose line.
run() {
  (cd "$fixture" && NO_COLOR=1 eval "\"$bin\" $args $*" >"$work/out" 2>"$work/err")
  local code=$?
  printf '%s\nexit: %s\n' "$cmd" "$code"
  cat "$work/out" "$work/err" | grep -v '^schemagate: schema cache: '
}
store() { ls "$SCHEMAGATE_CACHE_DIR" 2>/dev/null | grep '^parse-'; }
expected=$(cat "$fixture/expected")

export SCHEMAGATE_CACHE_DIR="$work/cache"
check "cold: the expected output" "$expected" "$(run)"
check "cold: the store is written" "1" "$(store | wc -l)"
file="$SCHEMAGATE_CACHE_DIR/$(store)"
before=$(stat -c '%s %Y %i' "$file")
sleep 1
check "warm: the expected output" "$expected" "$(run)"
check "warm: nothing new, the store is not written again" "$before" "$(stat -c '%s %Y %i' "$file")"

# A damaged store is ignored: the texts are parsed again and the store rewritten.
printf 'garbage' | dd of="$file" bs=1 seek=100 conv=notrunc 2>/dev/null
check "damaged: the expected output" "$expected" "$(run)"
# Rewritten whole (with the texts of code only: the schema cache spared the migrations' parses),
# so the next run finds every text there and writes nothing.
rewritten=$(stat -c '%s %Y %i' "$file")
sleep 1
check "rewritten: the expected output" "$expected" "$(run)"
check "rewritten: whole, not written again" "$rewritten" "$(stat -c '%s %Y %i' "$file")"
# Cut short: ignored too.
head -c 500 "$file" >"$work/short" && cp "$work/short" "$file"
check "short: the expected output" "$expected" "$(run)"

# Off: --no-cache, and SCHEMAGATE_CACHE_DIR set empty.
rm -rf "$SCHEMAGATE_CACHE_DIR"
check "--no-cache: the expected output" "$expected" "$(run --no-cache)"
check "--no-cache writes no store" "0" "$(store | wc -l)"
SCHEMAGATE_CACHE_DIR= run >/dev/null
check "SCHEMAGATE_CACHE_DIR empty writes no store" "no store" "$([[ -e "$work/cache" ]] && echo store || echo no store)"

finish parse_store
