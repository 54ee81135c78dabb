#!/usr/bin/env bash
# Benchmark: generates a synthetic project (migrations + N source files in Python, TypeScript
# and Go, a quarter of them without SQL) and times `schemagate check` on it, single-threaded
# (the baseline) and with every core. Prints the figures; asserts nothing.
#   ci/bench.sh [FILES] [RUNS]     defaults: 2000 files, 5 runs
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${SCHEMAGATE:-$here/build/schemagate}
files=${1:-2000}
runs=${2:-5}
work=${BENCH_CORPUS:-$(mktemp -d)}  # BENCH_CORPUS=DIR keeps the generated project there
[[ -n "${BENCH_CORPUS:-}" ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

mkdir -p "$work/migrations" "$work/app"
for t in $(seq 1 40); do
  cat >"$work/migrations/$(printf %04d "$t")_table_$t.up.sql" <<SQL
CREATE TABLE table_$t (
  id bigserial PRIMARY KEY,
  tenant_id bigint NOT NULL,
  name text NOT NULL,
  payload jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON table_$t (tenant_id);
SQL
done
for i in $(seq 1 "$files"); do
  t=$(( (i % 40) + 1 )); u=$(( ((i + 7) % 40) + 1 ))
  case $(( i % 4 )) in
    0) cat >"$work/app/mod_$i.py" <<PY
import logging

log = logging.getLogger(__name__)

QUERY = """
    SELECT a.id, a.name, b.payload->>'kind' AS kind
      FROM table_$t a
      JOIN table_$u b ON b.tenant_id = a.tenant_id
     WHERE a.created_at > %(since)s
     ORDER BY kind
"""

def load(cur, since):
    cur.execute(QUERY, {"since": since})
    return cur.fetchall()

def save(cur, tenant, name):
    cur.execute(
        "INSERT INTO table_$t (tenant_id, name) VALUES (%s, %s) "
        "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name RETURNING id",
        (tenant, name),
    )
PY
    ;;
    1) cat >"$work/app/mod_$i.ts" <<TS
import { Pool } from "pg";
const pool = new Pool();
export async function recent(tenant: number) {
  const { rows } = await pool.query(
    \`WITH r AS (SELECT id, name, created_at FROM table_$t WHERE tenant_id = \$1)
     SELECT r.id, r.name FROM r ORDER BY r.created_at DESC LIMIT 50\`,
    [tenant],
  );
  return rows;
}
export async function rename(id: number, name: string) {
  await pool.query("UPDATE table_$u SET name = \$1 WHERE id = \$2", [name, id]);
}
TS
    ;;
    2) cat >"$work/app/mod_$i.go" <<GO
package app

import (
	"context"
	"database/sql"
)

const countQuery = \`SELECT count(*) FROM table_$t WHERE tenant_id = \$1\`

func Count(ctx context.Context, db *sql.DB, tenant int64) (int64, error) {
	var n int64
	err := db.QueryRowContext(ctx, countQuery, tenant).Scan(&n)
	return n, err
}

func Delete(ctx context.Context, db *sql.DB, id int64) error {
	_, err := db.ExecContext(ctx, "DELETE FROM table_$u WHERE id = \$1", id)
	return err
}
GO
    ;;
    3) cat >"$work/app/util_$i.ts" <<TS
export function formatName(first: string, last: string): string {
  return [first, last].filter(Boolean).join(" ");
}
export const LABELS = { save: "Save", cancel: "Cancel", choose: "Choose an option" };
TS
    ;;
  esac
done
bytes=$(du -sb "$work/app" | cut -f1)
echo "corpus: $files files, $((bytes / 1024)) KiB of code, 40 migrations; $(nproc) cores"
"$bin" check "$work" --quiet >/dev/null || [[ $? -eq 1 ]]
"$bin" check "$work" | tail -n 1

measure() {  # prints the median wall time in ms of `runs` runs
  local times=() t0 t1
  for _ in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    "$bin" check "$work" "$@" --quiet >/dev/null || true
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}
one=$(measure -j 1)
all=$(measure)
echo "baseline -j 1: ${one} ms median of $runs ($(( files * 1000 / (one > 0 ? one : 1) )) files/s)"
echo "default  -j $(nproc): ${all} ms median of $runs ($(( files * 1000 / (all > 0 ? all : 1) )) files/s)"
awk -v a="$one" -v b="$all" 'BEGIN { if (b > 0) printf "speed-up vs -j 1: %.2fx\n", a / b }'
