#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and runs schemagate on the
# bundled example (migrations-fixtures/incident): a batch worker that INSERTs llm_results.model_version,
# added by the newest migration.
#   1. Pre-commit, no database: the example without its newest migration (the developer has not
#      written it yet). schemagate must report missing-column and exit 1.
#   2. The incident against a real PostgreSQL (a throwaway cluster, removed at the end): every
#      migration applied but the newest; schemagate must report pending-migration and exit 1,
#      then exit 0 once the newest migration is applied. Skipped, with the reason, when no
#      PostgreSQL server binaries are installed.
# Exits 0 when schemagate behaved as described.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}
source "$here/ci/elapsed.sh"
"$here/ci/setup.sh" "$build"
elapsed setup
bin=$build/schemagate
demo=$(mktemp -d)
trap 'rm -rf "$demo"' EXIT

cp -r "$here/migrations-fixtures/incident" "$demo/app"
rm -f "$demo/app/expected" "$demo"/app/migrations/0003_*
echo
echo "== 1. pre-commit, no database: the worker writes model_version; no migration adds it yet"
echo "\$ schemagate check ."
set +e
(cd "$demo/app" && "$bin" check .)
code=$?
set -e
if [[ $code -ne 1 ]]; then
  echo "quickstart: expected exit 1 (one missing-column finding), got $code" >&2
  exit 1
fi
echo "exit: 1 (the INSERT would fail in production with SQLSTATE 42703)"
elapsed "1. pre-commit"

echo
pg_bin=${SCHEMAGATE_PG_BIN:-/usr/lib/postgresql/15/bin}
if [[ ! -x "$pg_bin/initdb" ]]; then
  echo "== 2. the incident against a live database: skipped, no PostgreSQL server in $pg_bin"
  echo "   (install postgresql-15 to run it; the offline check above ran instead)"
  exit 0
fi
echo "== 2. the incident against a live database (throwaway PostgreSQL in a temporary directory)"
"$here/ci/incident-story.sh" "$bin" "$here/migrations-fixtures/incident"
elapsed "2. live database"
echo
echo "quickstart: schemagate stopped the deploy while the migration was pending, and passed it once applied."
