#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and runs schemagate on the
# bundled example (migrations-fixtures/incident), a batch worker that INSERTs a column that no
# migration adds. schemagate must find it and exit 1; this script then exits 0.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}
"$here/ci/setup.sh" "$build"
example=$here/migrations-fixtures/incident
echo
echo "\$ schemagate check migrations-fixtures/incident"
set +e
(cd "$here" && "$build/schemagate" check migrations-fixtures/incident)
code=$?
set -e
echo
if [[ $code -eq 1 ]]; then
  echo "schemagate exited 1: the worker writes llm_results.model_version, which no migration in"
  echo "$example/migrations adds. In production that INSERT fails with SQLSTATE 42703."
  exit 0
fi
echo "unexpected exit code $code from schemagate (expected 1: one finding)" >&2
exit 1
