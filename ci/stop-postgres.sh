#!/usr/bin/env bash
# Stops and removes a cluster started by ci/start-postgres.sh: the directory given as $1, or
# $SCHEMAGATE_PG_DIR. Refuses any directory start-postgres.sh did not create, so it can never
# stop a system cluster. Safe to call twice (cleanup traps).
set -euo pipefail
bin=${SCHEMAGATE_PG_BIN:-/usr/lib/postgresql/15/bin}
dir=${1:-${SCHEMAGATE_PG_DIR:-}}
[ -n "$dir" ] || { echo "stop-postgres: give the cluster directory or set SCHEMAGATE_PG_DIR" >&2; exit 2; }
[ -d "$dir" ] || exit 0
if [ ! -f "$dir/.schemagate-test-cluster" ]; then
  echo "stop-postgres: $dir was not created by ci/start-postgres.sh; leaving it alone" >&2
  exit 2
fi
if [ -f "$dir/data/postmaster.pid" ]; then
  run=()
  owner=$(stat -c %U "$dir/data")
  [ "$(id -u)" -eq 0 ] && [ "$owner" != root ] && run=(runuser -u "$owner" --)
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$dir"
