#!/usr/bin/env bash
# The incident, reproduced against a real PostgreSQL: a throwaway cluster gets every migration of
# the example project but the newest, recorded in schema_migrations exactly as golang-migrate
# records it; `schemagate check --database-url` must then fail (exit 1, pending-migration at the
# worker's INSERT, naming the newest migration). After the newest migration is applied the same
# check must pass (exit 0). The cluster is stopped and removed at the end, on failure and on
# Ctrl-C too.
#   ci/incident-story.sh SCHEMAGATE_BINARY PROJECT_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "$1")
project=$(realpath "$2")
eval "$("$here/ci/start-postgres.sh")"
cleanup() { "$here/ci/stop-postgres.sh" "$SCHEMAGATE_PG_DIR" || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c "CREATE DATABASE incident" >/dev/null
url="postgresql:///incident?host=$PGHOST&port=$PGPORT&user=$PGUSER"

# golang-migrate's bookkeeping: one row, the version, dirty while a migration runs.
psql -d incident -c "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)"
apply() {  # apply FILE VERSION, as `migrate up` does
  psql -d incident -c "BEGIN; TRUNCATE schema_migrations; INSERT INTO schema_migrations (version, dirty) VALUES ($2, true); COMMIT;"
  psql -d incident -f "$1" >/dev/null
  psql -d incident -c "BEGIN; TRUNCATE schema_migrations; INSERT INTO schema_migrations (version, dirty) VALUES ($2, false); COMMIT;"
}
mapfile -t ups < <(ls "$project"/migrations/*.up.sql | sort)
newest=${ups[-1]}
for f in "${ups[@]}"; do
  [[ "$f" == "$newest" ]] && break
  v=$(basename "$f" | sed -E 's/^0*([0-9]+)_.*/\1/')
  apply "$f" "$v"
done
echo "== the database has every migration but $(basename "$newest"); the code is the new release"
echo "\$ schemagate check . --database-url \"\$DATABASE_URL\""
set +e
(cd "$project" && "$bin" check . --database-url "$url")
first=$?
set -e
echo "exit: $first"
v=$(basename "$newest" | sed -E 's/^0*([0-9]+)_.*/\1/')
apply "$newest" "$v"
echo "== after applying $(basename "$newest")"
echo "\$ schemagate check . --database-url \"\$DATABASE_URL\""
set +e
(cd "$project" && "$bin" check . --database-url "$url")
second=$?
set -e
echo "exit: $second"
[[ $first -eq 1 && $second -eq 0 ]]
