#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for tests and prints, for eval, the variables that
# point libpq at it:
#   eval "$(ci/start-postgres.sh)"; ...; ci/stop-postgres.sh
# The cluster lives in a new temporary directory (data in $dir/data, the Unix socket in $dir, the
# server log with log_statement=all in $dir/postgres.log), listens on a free port on 127.0.0.1
# only, and never touches a system cluster. PostgreSQL refuses to run as root, so as root the
# server runs as the system user "schemagate-test" (created on first use).
# Local (socket) connections are trusted for the superuser "postgres"; TCP connections need a
# SCRAM password, so tests can exercise real authentication.
# Environment: SCHEMAGATE_PG_BIN (default /usr/lib/postgresql/15/bin).
set -euo pipefail
bin=${SCHEMAGATE_PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "start-postgres: no PostgreSQL server in $bin; install postgresql-15 (ci/setup.sh does)" >&2
  exit 1
fi

run=()
if [ "$(id -u)" -eq 0 ]; then
  user=schemagate-test
  if ! id -u "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
  fi
  run=(runuser -u "$user" --)
  dir=$(mktemp -d /tmp/schemagate-pg.XXXXXX)  # /tmp: the server user must reach it
  chown "$user" "$dir"
else
  dir=$(mktemp -d "${TMPDIR:-/tmp}/schemagate-pg.XXXXXX")
fi
chmod 700 "$dir"
touch "$dir/.schemagate-test-cluster"  # stop-postgres.sh removes only directories with this mark
fail() {
  echo "start-postgres: $1" >&2
  [ -f "$dir/postgres.log" ] && tail -n 20 "$dir/postgres.log" >&2
  [ -f "$dir/data/postmaster.pid" ] && "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$dir"
  exit 1
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' && return
  fi
  local port
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  return 1
}
port=$(free_port) || fail "no free port found on 127.0.0.1"

"${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; fail "initdb failed"; }
cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
log_statement = 'all'
log_connections = on
log_line_prefix = '%m [%p] app=%a user=%u db=%d '
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
"${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 start >/dev/null || fail "the server did not start"

printf "export PGHOST='%s' PGPORT=%s PGUSER=postgres PGDATABASE=postgres SCHEMAGATE_PG_DIR='%s'\n" "$dir" "$port" "$dir"
