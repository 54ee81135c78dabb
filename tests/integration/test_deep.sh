#!/usr/bin/env bash
# The deep check (`check --postgres`) against real PostgreSQL: schemagate's own throwaway cluster
# (initdb + postgres from the installed server) and, for --dev-database-url and the live
# database, a cluster this script starts (ci/start-postgres.sh). The fixture
# migrations-fixtures/postgres-deep-check is clean; each bug below is one that only PostgreSQL
# catches, written into a copy, and must give exactly one finding at its file:line:column.
#   tests/integration/test_deep.sh SCHEMAGATE_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "$1")
. "$here/tests/integration/lib.sh"

work=$(mktemp -d)
export TMPDIR="$work/tmp"  # schemagate's throwaway clusters go here: leftovers are visible
mkdir -p "$TMPDIR"
chmod 755 "$work" "$TMPDIR"
cleanup() {
  [[ -n "${SCHEMAGATE_PG_DIR:-}" ]] && "$here/ci/stop-postgres.sh" "$SCHEMAGATE_PG_DIR"
  rm -rf "$work"
}
trap cleanup EXIT
fresh() { rm -rf "$work/app" && cp -r "$here/migrations-fixtures/postgres-deep-check" "$work/app" && rm -f "$work/app/expected"; }
run() { (cd "$work/app" && NO_COLOR=1 "$bin" "$@" 2>&1); echo "exit: $?"; }
leftovers() { find "$TMPDIR" -mindepth 1 -maxdepth 1 | wc -l; }
# Replaces the text $2 with $3 in the fixture's file $1 (exactly once).
mutate() {
  python3 - "$work/app/$1" "$2" "$3" <<'PY'
import sys
path, old, new = sys.argv[1:]
text = open(path).read()
assert text.count(old) == 1, (path, old)
open(path, "w").write(text.replace(old, new))
PY
}

# 1. Clean: the right code, every statement prepared, the cluster gone afterwards.
fresh
check "clean" "schemagate: 1 file scanned, 7 SQL sites (7 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(run check . --postgres)"
check "clean, verbose counts" "schemagate: --postgres: a throwaway cluster in DIR: 8 migration statements, 7 statements prepared, 0 rejected, 0 rejected where a static finding is, 0 rejected for a reason not the code's" \
  "$(run check . --postgres --verbose | grep -a -- '--postgres' | sed -E 's/cluster in [^:]*:/cluster in DIR:/; s/ \(.*//')"
check "no cluster left behind" "0" "$(leftovers)"
check "no server left running" "0" "$(pgrep -f "postgres -D $TMPDIR" | wc -l)"

# A migration step PostgreSQL answers with a NOTICE (an IF EXISTS of nothing): the NOTICE is the
# server talking to whoever runs the migration, not a line of schemagate's output.
fresh
mutate migrations/0002_refunds_invoices.up.sql "CREATE SEQUENCE invoice_numbers;" \
  "CREATE SEQUENCE invoice_numbers;
DROP INDEX IF EXISTS no_such_index;"
check "a migration's NOTICE is not printed" "schemagate: 1 file scanned, 7 SQL sites (7 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(run check . --postgres)"

# 2. A type mismatch, an ambiguous column, a wrong overload: one finding each, where it is.
fresh
mutate shop/billing.py "SET created_at = %s WHERE" "SET created_at = extract(epoch from now()) + %s WHERE"
check "type mismatch" "shop/billing.py:23:49: error[postgres-rejects]: PostgreSQL rejects this statement against the schema the migrations build: column \"created_at\" is of type timestamp with time zone but expression is of type numeric (SQLSTATE 42804)
exit: 1" "$(run check . --postgres --quiet --format text | grep -a -E '^(shop|exit)')"
fresh
mutate shop/billing.py "SELECT orders.id, email" "SELECT id, email"
check "ambiguous column" "shop/billing.py:10:17: error[postgres-rejects]: PostgreSQL rejects this statement against the schema the migrations build: column reference \"id\" is ambiguous (SQLSTATE 42702)
exit: 1" "$(run check . --postgres --quiet | grep -a -E '^(shop|exit)')"
fresh
mutate shop/billing.py "order_total(%s)" "order_total(%s::text)"
check "wrong overload" "shop/billing.py:18:25: error[postgres-rejects]: PostgreSQL rejects this statement against the schema the migrations build: function order_total(text) does not exist (SQLSTATE 42883)
exit: 1" "$(run check . --postgres --quiet | grep -a -E '^(shop|exit)')"
check "static check alone does not see them" "exit: 0" "$(run check . | tail -n 1)"

# A run-time fragment stands where PREPARE sees one parameter (a VALUES list a helper builds),
# and a driver that quotes values into the text makes `INTERVAL %s` a typed literal: what
# PostgreSQL says of such shapes is not the code's, and listed so under --verbose.
fresh
cat >>"$work/app/shop/billing.py" <<'PY'


def record(cur, marks, values):
    cur.execute("INSERT INTO orders (account_id, total) VALUES (" + marks(len(values)) + ")", values)


def recent(cur, span):
    cur.execute("SELECT id FROM orders WHERE created_at > now() - INTERVAL %s", (span,))
    return cur.fetchall()
PY
check "fragment list and typed literal: no finding" "exit: 0" "$(run check . --postgres | tail -n 1)"
check "fragment list and typed literal: not the code's" "schemagate: --postgres: not the code's: shop/billing.py:41:50: INSERT has more target columns than expressions (SQLSTATE 42601)
schemagate: --postgres: not the code's: shop/billing.py:45:76: syntax error at or near \"\$1\" (SQLSTATE 42601)" \
  "$(run check . --postgres --verbose | grep -a -- '--postgres: not the code')"

# Migrations written in Go: a data step after an early `return nil`, a cursor's statements and a
# data step with bind parameters are not applied to the scratch database (they change no schema,
# and could not run there as the code runs them): only the code's own missing column is reported.
rm -rf "$work/gocode" && cp -r "$here/migrations-fixtures/go-code-migrations-data-steps-not-applied" "$work/gocode" && rm -f "$work/gocode"/expected*
check "go code migrations: data steps not applied" "internal/store/dogs.go:6:48: error[missing-column]: column \"chip\" of relation \"dogs\" does not exist (SQLSTATE 42703): no migration adds it
exit: 1" "$( (cd "$work/gocode" && NO_COLOR=1 "$bin" check . --postgres --quiet 2>&1; echo "exit: $?") | grep -a -E '^(internal|exit)')"

# 3. The newest migration removed: the unique index, the enum label, the sequence and the function
# it creates are the static checks' findings; PostgreSQL rejects the same statements, and those
# rejections are not reported a second time.
fresh
rm "$work/app/migrations/0002_refunds_invoices.up.sql"
check "newest migration removed" "shop/billing.py:5:72: error[missing-unique-index]
shop/billing.py:27:46: error[invalid-enum-value]: \"refunded\" is not a label of enum type \"order_status\" (SQLSTATE 22P02, invalid input value for enum): no migration adds it
shop/billing.py:31:34: error[missing-relation]: relation \"invoice_numbers\" does not exist (SQLSTATE 42P01): no migration creates it
shop/billing.py:36:25: error[missing-function]: function \"account_label\" called with 2 arguments does not exist (SQLSTATE 42883): no migration creates it and PostgreSQL has no built-in function of that name
exit: 1" "$(run check . --postgres --quiet | grep -a -E '^(shop|exit)' | sed -E 's/(missing-unique-index\]).*/\1/')"
check "newest migration removed: the same without --postgres" "$(run check . --postgres --quiet | grep -a -E '^(shop|exit)')" \
  "$(run check . --quiet | grep -a -E '^(shop|exit)')"
# --verbose lists PostgreSQL's own error for each of them, at the position PostgreSQL gives (the
# ON CONFLICT clause, a literal's opening quote).
check "newest migration removed: PostgreSQL's own error confirms each finding" "schemagate: --postgres: confirms a static finding: shop/billing.py:5:59: there is no unique or exclusion constraint matching the ON CONFLICT specification (SQLSTATE 42P10)
schemagate: --postgres: confirms a static finding: shop/billing.py:27:45: invalid input value for enum order_status: \"refunded\" (SQLSTATE 22P02)
schemagate: --postgres: confirms a static finding: shop/billing.py:31:33: relation \"invoice_numbers\" does not exist (SQLSTATE 42P01)
schemagate: --postgres: confirms a static finding: shop/billing.py:36:25: function account_label(unknown, unknown) does not exist (SQLSTATE 42883)" \
  "$(run check . --postgres --verbose | grep -a -- '--postgres: confirms')"

# 4. A migration PostgreSQL rejects: the finding is at its statement, and nothing is prepared.
fresh
printf 'CREATE INDEX orders_total ON orders (lower(total));\n' >"$work/app/migrations/0003_total_index.up.sql"
check "migration rejected" "schemagate: --postgres: a migration was rejected; no statement was prepared
migrations/0003_total_index.up.sql:1:38: error[postgres-rejects]: PostgreSQL rejects migration migrations/0003_total_index.up.sql: function lower(numeric) does not exist (SQLSTATE 42883); the migrations after it do not run
exit: 1" "$(run check . --postgres | grep -a -E '^(migrations/.*error|schemagate: --postgres|exit)' | sed -E 's/ \(.* s to prepare\)$//')"

# A pg_dump of the public schema creates it first; every database has it already: not a rejection.
fresh
printf 'CREATE SCHEMA public;\nCOMMENT ON SCHEMA public IS '"'"'standard public schema'"'"';\n' >"$work/app/migrations/0000_dump.up.sql"
check "CREATE SCHEMA public of a dump" "schemagate: 1 file scanned, 7 SQL sites (7 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(run check . --postgres)"

# 5. Interrupted: SIGTERM while a migration runs stops the server and removes its directory.
fresh
printf 'SELECT pg_sleep(20);\n' >"$work/app/migrations/0003_slow.up.sql"
(cd "$work/app" && exec "$bin" check . --postgres >/dev/null 2>&1) &
pid=$!
for _ in $(seq 100); do pgrep -f "postgres -D $TMPDIR" >/dev/null && break; sleep 0.1; done
sleep 2
kill -TERM "$pid"
wait "$pid"
check "SIGTERM: killed by it" "143" "$?"
check "SIGTERM: no cluster left behind" "0" "$(leftovers)"
check "SIGTERM: no server left running" "0" "$(pgrep -f "postgres -D $TMPDIR" | wc -l)"

# 6. Fail closed: no server programs.
fresh
check "no initdb" "schemagate: error: --pg-bindir /nonexistent has no initdb and postgres
exit: 2" "$(run check . --postgres --pg-bindir /nonexistent)"
check "flag without --postgres" "schemagate: error: --pg-bindir and --dev-database-url go with --postgres
exit: 2" "$(run check . --pg-bindir /usr/bin)"

# 7. --dev-database-url: an empty database is migrated; one that is not empty is refused.
eval "$("$here/ci/start-postgres.sh")" || { echo "FAIL cannot start PostgreSQL"; exit 1; }
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c "CREATE DATABASE dev" -c "CREATE DATABASE app" >/dev/null
dev="postgresql:///dev?host=$PGHOST&port=$PGPORT&user=$PGUSER"
fresh
mutate shop/billing.py "SELECT orders.id, email" "SELECT id, email"
check "dev database" "shop/billing.py:10:17: error[postgres-rejects]: PostgreSQL rejects this statement against the schema the migrations build: column reference \"id\" is ambiguous (SQLSTATE 42702)
exit: 1" "$(run check . --postgres --quiet --dev-database-url "$dev" | grep -a -E '^(shop|exit)')"
check "dev database refused when not empty" "schemagate: error: --dev-database-url postgresql:///dev?host=$PGHOST&port=$PGPORT&user=$PGUSER is not empty (8 relations, 2 functions, 6 types); the deep check applies the migrations there and needs an empty database: create a new one
exit: 2" "$(run check . --postgres --dev-database-url "$dev")"

# 8. Live: the production database is read, never written; the scratch database is schemagate's.
app="postgresql:///app?host=$PGHOST&port=$PGPORT&user=$PGUSER"
psql -d app -f "$work/app/migrations/0001_create_accounts_orders.up.sql" >/dev/null
psql -d app -c "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (1, false);" >/dev/null
check "live: pending migration is not a deep finding; the bug is" "shop/billing.py:5:72: error[pending-migration]
shop/billing.py:10:17: error[postgres-rejects]: PostgreSQL rejects this statement against the schema the migrations build: column reference \"id\" is ambiguous (SQLSTATE 42702)
shop/billing.py:27:46: error[pending-migration]
shop/billing.py:31:34: error[pending-migration]
shop/billing.py:36:25: error[pending-migration]
exit: 1" "$(run check . --postgres --quiet --database-url "$app" | grep -a -E '^(shop|exit)' | sed -E 's/(pending-migration\]).*/\1/')"
writes=$(grep -a 'db=app' "$SCHEMAGATE_PG_DIR/postgres.log" | grep -a 'app=schemagate' | grep -a 'statement:' |
  grep -a -v -i -E 'statement: (SELECT|WITH|SET|BEGIN|COMMIT|ROLLBACK|SHOW)' | wc -l)
check "live: nothing but reads reached the production database" "0" "$writes"
check "live: no cluster left behind" "0" "$(leftovers)"

# Several services: one scratch database per service, each migrated with its own sets (both
# create their own `users`: one database with every set would reject the second CREATE TABLE).
# Code under no service's root is not prepared, and says so.
rm -rf "$work/mono" && cp -r "$here/migrations-fixtures/monorepo-services-clean" "$work/mono" && rm -f "$work/mono"/expected*
mono() { (cd "$work/mono" && NO_COLOR=1 "$bin" "$@" 2>&1); echo "exit: $?"; }
check "services: clean, one database each" "schemagate: --postgres: 2 scratch databases, one per service: 5 migration statements, 4 statements prepared, 0 rejected, 0 rejected where a static finding is, 0 rejected for a reason not the code's
schemagate: --postgres: not the code's: 2 statements of shared code or tests, owned by no single service, not prepared: their database is not known
schemagate: 5 files scanned, 6 SQL sites (6 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(mono check . --postgres --verbose | grep -a -E -- '^(schemagate: --postgres|schemagate: [0-9]|exit)' | sed -E 's/ \(.*s to prepare\)//')"
cat >"$work/mono/apps/billing/src/revenue.ts" <<'TS'
import { pool } from './db';

export async function revenue() {
  const { rows } = await pool.query('SELECT sum(total) FROM orders');
  return rows;
}
TS
check "services: another service's table, found once" "apps/billing/src/revenue.ts:4:61: error[missing-relation]: relation \"orders\" does not exist (SQLSTATE 42P01): no migration creates it
exit: 1" "$(mono check . --postgres --quiet | grep -a -E '^(apps|services|libs|exit)')"
check "services: no cluster left behind" "0" "$(leftovers)"

finish deep
