#!/usr/bin/env bash
# Benchmark of the deploy-time gate: generates a project whose manifest holds thousands of
# requirements (TABLES tables of 15 columns in golang-migrate migrations, two Python files per
# table that read and write every column), writes its manifest, starts a throwaway PostgreSQL
# (ci/start-postgres.sh) with every migration applied, and prints the median wall time of
# `schemagate verify` over RUNS runs (process start, connection, catalog read, manifest parse and
# judgement together) and its CPU time.
#   ci/bench-verify.sh [TABLES] [RUNS]     defaults: 250 tables (4000 requirements), 9 runs
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${SCHEMAGATE:-$here/build/schemagate}
tables=${1:-250}
runs=${2:-9}
work=$(mktemp -d)
eval "$("$here/ci/start-postgres.sh")"
trap '"$here/ci/stop-postgres.sh" "$SCHEMAGATE_PG_DIR"; rm -rf "$work"' EXIT

mkdir -p "$work/app/migrations" "$work/app/worker"
cols=$(seq -f 'col_%g' -s ', ' 1 15)
for t in $(seq 1 "$tables"); do
  {
    echo "CREATE TABLE table_$t ("
    echo "  id bigserial PRIMARY KEY,"
    for c in $(seq 1 14); do echo "  col_$c text,"; done
    echo "  col_15 text"
    echo ");"
  } >"$work/app/migrations/$(printf %04d "$t")_table_$t.up.sql"
  cat >"$work/app/worker/read_$t.py" <<PY
def load(cur, ident):
    cur.execute("SELECT $cols FROM table_$t WHERE id = %s", (ident,))
    return cur.fetchone()
PY
  cat >"$work/app/worker/write_$t.py" <<PY
def save(cur, row):
    cur.execute("INSERT INTO table_$t ($cols) VALUES ($(printf '%%s, %.0s' $(seq 1 14))%s)", row)
PY
done
"$bin" manifest "$work/app" -o "$work/manifest.json" -q
requirements=$(jq '.summary.requirements' "$work/manifest.json")

url="postgresql:///bench?host=$PGHOST&port=$PGPORT&user=$PGUSER"
psql -X -q -d postgres -c "CREATE DATABASE bench"
cat "$work"/app/migrations/*.up.sql | psql -X -q -v ON_ERROR_STOP=1 -d bench
psql -X -q -d bench -c "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES ($tables, false)"

# Wall time depends on the machine's load; CPU time (user + system of the process) much less.
wall=() cpu=()
for _ in $(seq 1 "$runs"); do
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$bin" verify --manifest "$work/manifest.json" --database-url "$url" -q >/dev/null
  read -r e u s <"$work/time"
  wall+=("$(awk -v e="$e" 'BEGIN { printf "%d", e * 1000 }')")
  cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }')")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "verify: $requirements requirements, $tables migrations, manifest $(wc -c <"$work/manifest.json") bytes:" \
  "median wall $(median "${wall[@]}") ms, CPU $(median "${cpu[@]}") ms over $runs runs (wall: ${wall[*]} ms)"
