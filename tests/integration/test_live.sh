#!/usr/bin/env bash
# The live gate against a real PostgreSQL started here (ci/start-postgres.sh): the incident end
# to end, the snapshot round trip, failed and unknown migrations, drift, and every fail-closed
# path with its exit code and exact message, passwords never printed.
#   tests/integration/test_live.sh SCHEMAGATE_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "$1")
. "$here/tests/integration/lib.sh"

# 1. The incident story, exactly as the README's first command shows it.
actual=$("$here/ci/incident-story.sh" "$bin" "$here/migrations-fixtures/incident" 2>&1)
check "incident story" "$(cat "$here/tests/integration/incident.expected")" "$actual"

eval "$("$here/ci/start-postgres.sh")" || { echo "FAIL cannot start PostgreSQL"; exit 1; }
trap '"$here/ci/stop-postgres.sh" "$SCHEMAGATE_PG_DIR"' EXIT
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
work=$(mktemp -d)
trap '"$here/ci/stop-postgres.sh" "$SCHEMAGATE_PG_DIR"; rm -rf "$work"' EXIT
cp -r "$here/migrations-fixtures/incident" "$work/app"
rm -f "$work/app/expected"
url="postgresql:///app?host=$PGHOST&port=$PGPORT&user=$PGUSER"
psql -d postgres -c "CREATE DATABASE app" >/dev/null
psql -d app -f "$work/app/migrations/0001_create_tenants.up.sql" >/dev/null
psql -d app -f "$work/app/migrations/0002_create_llm_results.up.sql" >/dev/null
psql -d app -c "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (2, false);"
run() { (cd "$work/app" && "$bin" "$@" 2>&1); echo "exit: $?"; }

# 2. Snapshot round trip: the same findings from a snapshot as from the live database.
live=$(run check . --database-url "$url" --format json)
(cd "$work/app" && "$bin" schema . --database-url "$url" --format json >"$work/snap.json")
snap=$(run check . --schema-snapshot "$work/snap.json" --format json)
check "snapshot round trip" "$live" "$snap"
check "live finding is pending-migration" '      "rule": "pending-migration",' "$(grep '"rule"' <<<"$live")"

# 3. --assume-migrated: the pending migration counts as applied.
check "assume-migrated" "schemagate: 2 files scanned, 4 SQL sites (4 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(run check . --database-url "$url" --assume-migrated)"

# 4. status: applied and pending; then dirty (failed) and a version the repository lacks.
check "status" "STATUS   VERSION  MIGRATION
applied  1        migrations/0001_create_tenants.up.sql
applied  2        migrations/0002_create_llm_results.up.sql
pending  3        migrations/0003_add_model_version.up.sql
schemagate: 2 applied, 1 pending, 0 failed, 0 unknown to the repository
exit: 0" "$(run status . --database-url "$url")"
check "status json" '{"status":"applied","version":"1","path":"migrations/0001_create_tenants.up.sql","table":"public.schema_migrations","detail":""}
{"status":"applied","version":"2","path":"migrations/0002_create_llm_results.up.sql","table":"public.schema_migrations","detail":""}
{"status":"pending","version":"3","path":"migrations/0003_add_model_version.up.sql","table":"public.schema_migrations","detail":""}
{"applied":2,"pending":1,"failed":0,"unknown":0}' "$( (cd "$work/app" && "$bin" status . --database-url "$url" --format json) | jq -c '.migrations[], .summary')"
psql -d app -c "UPDATE schema_migrations SET dirty = true"
check "status dirty" "STATUS   VERSION  MIGRATION
applied  1        migrations/0001_create_tenants.up.sql
failed   2        migrations/0002_create_llm_results.up.sql  [version=2 dirty=true]
pending  3        migrations/0003_add_model_version.up.sql
schemagate: 1 applied, 1 pending, 1 failed, 0 unknown to the repository
exit: 1" "$(run status . --database-url "$url")"
check "check dirty" "migrations/0002_create_llm_results.up.sql:1:1: error[failed-migration]: migration migrations/0002_create_llm_results.up.sql failed or is marked dirty in the database (public.schema_migrations: version=2 dirty=true): its changes may be half applied" \
  "$(run check . --database-url "$url" | grep 'error\[failed-migration\]')"
psql -d app -c "UPDATE schema_migrations SET version = 7, dirty = false"
check "unknown applied" "migrations: warning[unknown-applied-migration]: migration version 7 is recorded as applied in public.schema_migrations but is not in the repository (version=7 dirty=false)" \
  "$(run check . --database-url "$url" | grep 'warning\[unknown-applied-migration\]')"

# 5. Drift: an applied migration's column is missing from the database.
psql -d app -c "UPDATE schema_migrations SET version = 2; ALTER TABLE llm_results DROP COLUMN tokens_used"
check "drift" "migrations/0002_create_llm_results.up.sql:7:1: warning[schema-drift]: column \"tokens_used\" of relation \"public.llm_results\" is created by applied migration migrations/0002_create_llm_results.up.sql but the database does not have it" \
  "$(run check . --database-url "$url" | grep 'warning\[schema-drift\]')"

# The other way round: a column added by hand, used by the code, created by no migration.
psql -d app -c "ALTER TABLE tenants ADD COLUMN region text"
printf 'def regions(cur):\n    cur.execute("SELECT id, region FROM tenants")\n' >"$work/app/worker/regions.py"
check "drift in code" "worker/regions.py:2:29: warning[schema-drift]: column \"region\" of relation \"public.tenants\" exists in the database but no applied migration creates it: the code depends on a change made outside the migrations, which a fresh database (tests, a new region, a restore) will not have" \
  "$(run check . --database-url "$url" | grep 'regions.py')"
rm "$work/app/worker/regions.py"

# 6. Fail closed: exit 2, one line naming the cause, never the password.
check "connection refused" "schemagate: error: cannot connect to the database: connection refused (connection to server at \"127.0.0.1\", port 1 failed: Connection refused Is the server running on that host and accepting TCP/IP connections?); check the host and port, and that PostgreSQL is running and accepts connections there
exit: 2" "$(run check . --database-url "postgresql://app:hunter2secret@127.0.0.1:1/app")"
# A server that accepts the connection and never answers: the connect timeout fails the gate.
if command -v python3 >/dev/null; then
  python3 -c 'import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(); print(s.getsockname()[1], flush=True)
c = s.accept(); time.sleep(30)' >"$work/silent.port" &
  silent=$!
  for _ in $(seq 50); do [[ -s "$work/silent.port" ]] && break; sleep 0.1; done
  check "timeout" "schemagate: error: cannot connect to the database: connection timed out (connection to server at \"127.0.0.1\", port $(cat "$work/silent.port") failed: timeout expired); check the host, the port and any firewall between here and the server
exit: 2" "$(run check . --database-url "postgresql://app:pw@127.0.0.1:$(cat "$work/silent.port")/app?connect_timeout=2")"
  kill "$silent" 2>/dev/null
fi
psql -d postgres -c "CREATE ROLE reader LOGIN PASSWORD 'right-password'" >/dev/null
out=$(run check . --database-url "postgresql://reader:wrong%20pass%2Fword@127.0.0.1:$PGPORT/app")
check "bad password exit" "exit: 2" "$(tail -n 1 <<<"$out")"
check "bad password cause" "1" "$(grep -c 'authentication failed' <<<"$out")"
check "bad password never printed" "0" "$(grep -c -i -e 'wrong' -e 'pass%2F' -e 'pass/word' <<<"$out")"
out=$(run check . --database-url "host=127.0.0.1 port=$PGPORT dbname=app user=reader password='wrong pw'")
check "bad password key=value never printed" "0" "$(grep -c 'wrong pw' <<<"$out")"
check "unset variable" "schemagate: error: --database-url-env: variable SCHEMAGATE_NO_SUCH_VAR is not set
exit: 2" "$(run check . --database-url-env SCHEMAGATE_NO_SUCH_VAR)"
check "unreadable snapshot" "schemagate: error: cannot read schema snapshot \"/nonexistent.json\": No such file or directory
exit: 2" "$(run check . --schema-snapshot /nonexistent.json)"
echo '{"version": 1}' >"$work/bad.json"
check "bad snapshot" "schemagate: error: schema snapshot \"$work/bad.json\" does not have the snapshot's fields ([json.exception.out_of_range.403] key 'schemas' not found)
exit: 2" "$(run check . --schema-snapshot "$work/bad.json")"
check "two sources" "schemagate: error: give only one of --database-url, --database-url-env and --schema-snapshot
exit: 2" "$(run check . --database-url "$url" --schema-snapshot x.json)"
check "status offline" "schemagate: error: status needs a database: pass --database-url URL (or set DATABASE_URL) or --schema-snapshot FILE
exit: 2" "$(run status .)"

# 7. Read-only: a role with only CONNECT and SELECT is enough, and nothing but reads reached the server.
psql -d app -c "GRANT CONNECT ON DATABASE app TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" >/dev/null
out=$(PGPASSWORD=right-password run check . --database-url "postgresql://reader@127.0.0.1:$PGPORT/app?application_name=x")
check "select-only role" "exit: 1" "$(tail -n 1 <<<"$out")"
reads=$(grep -a 'app=schemagate user=reader' "$SCHEMAGATE_PG_DIR/postgres.log" | grep -a -c 'statement:')
check "the reader's statements are logged" "yes" "$([[ $reads -gt 0 ]] && echo yes || echo "no ($reads)")"
writes=$(grep -a 'app=schemagate' "$SCHEMAGATE_PG_DIR/postgres.log" | grep -a 'statement:' |
  grep -a -v -i -E 'statement: (SELECT|WITH|SET|BEGIN|COMMIT|ROLLBACK|SHOW)' | wc -l)
check "no writes in the server log" "0" "$writes"

# 8. Objects beyond tables and columns: with only the first migration applied, the label, the
# sequence, the function and the unique index the newest migration creates are each
# pending-migration naming it; each fails in PostgreSQL exactly so (checked in the fixture's
# database with PREPARE / EXPLAIN). With both applied, clean.
cp -r "$here/migrations-fixtures/python-objects-newest-migration" "$work/objects"
rm -f "$work/objects/expected"
psql -d postgres -c "CREATE DATABASE objects" >/dev/null
psql -d objects -f "$work/objects/migrations/0001_init.up.sql" >/dev/null
psql -d objects -c "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (1, false);" >/dev/null
ourl="postgresql:///objects?host=$PGHOST&port=$PGPORT&user=$PGUSER"
orun() { (cd "$work/objects" && "$bin" "$@" 2>&1); echo "exit: $?"; }
out=$(orun check . --database-url "$ourl")
check "pending objects" "worker/queue.py:5:42: claim_jobs pending-migration 0002_objects
worker/queue.py:10:33: claim_jobs pending-migration 0002_objects
worker/queue.py:15:43: cancelled pending-migration 0002_objects
worker/queue.py:21:23: jobs_tenant_dedup pending-migration 0002_objects
worker/queue.py:27:34: job_batch_seq pending-migration 0002_objects
exit: 1" "$(grep -E '^worker/|^exit' <<<"$out" | sed -E 's/^([^ ]+) error\[([a-z-]+)\]: (function|label|the unique index|relation) .?([a-z_]+).* pending migration migrations\/(0002_objects)\.up\.sql.*/\1 \4 \2 \5/')"
psql -d objects -f "$work/objects/migrations/0002_objects.up.sql" >/dev/null
psql -d objects -c "UPDATE schema_migrations SET version = 2" >/dev/null
check "objects applied" "exit: 0" "$(orun check . --database-url "$ourl" | tail -n 1)"

# 9. JavaScript data layers speak their tools: with the newest migration not applied, a function
# that supabase-js calls through PostgREST is pending (PGRST202 in production; the help is
# supabase db push), and a sequelize-typescript attribute's column is pending (the help is
# npx sequelize-cli db:migrate).
cp -r "$here/migrations-fixtures/typescript-supabase-rpc" "$work/rpc"
rm -f "$work/rpc/expected" "$work/rpc/expected.refs"
psql -d postgres -c "CREATE DATABASE rpc" >/dev/null
psql -d rpc -f "$work/rpc/supabase/migrations/20240501120000_jobs.sql" >/dev/null
psql -d rpc -c "CREATE SCHEMA supabase_migrations; CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY, name text, statements text[]); INSERT INTO supabase_migrations.schema_migrations VALUES ('20240501120000', 'jobs', NULL);" >/dev/null
rurl="postgresql:///rpc?host=$PGHOST&port=$PGPORT&user=$PGUSER"
out=$( (cd "$work/rpc" && "$bin" check . --database-url "$rurl" 2>&1); echo "exit: $?")
check "supabase rpc: pending function, in PostgREST's and Supabase's words" \
  "src/worker.ts:12:25: error[pending-migration]: function \"record_usage\" that PostgREST calls does not exist in the database yet (PGRST202 in production); pending migration supabase/migrations/20240612093000_record_usage.sql creates it: apply it before deploying this code
   = help: run supabase db push (it applies supabase/migrations/20240612093000_record_usage.sql to the linked project; supabase migration up applies it locally) before deploying this code
exit: 1" "$(grep -E 'error\[|help:|^exit' <<<"$out")"
cp -r "$here/migrations-fixtures/typescript-sequelize-decorators" "$work/seq"
rm -f "$work/seq/expected"
psql -d postgres -c "CREATE DATABASE seq" >/dev/null
psql -d seq -c 'CREATE TABLE tenants (id serial PRIMARY KEY, name varchar(255) NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
CREATE TABLE llm_results (id bigserial PRIMARY KEY, tenant_id integer NOT NULL REFERENCES tenants (id), prompt_hash varchar(64) NOT NULL, output_text text NOT NULL, created_on timestamptz NOT NULL, updated_at timestamptz NOT NULL);
CREATE TABLE "SequelizeMeta" (name varchar(255) PRIMARY KEY); INSERT INTO "SequelizeMeta" VALUES ('\''20240501120000-create-tables.js'\'');' >/dev/null
surl="postgresql:///seq?host=$PGHOST&port=$PGPORT&user=$PGUSER"
out=$( (cd "$work/seq" && "$bin" check . --database-url "$surl" 2>&1); echo "exit: $?")
check "sequelize-typescript: pending column, with sequelize-cli's command" \
  "src/models/llm-result.ts:25:11: error[pending-migration]: column \"model_version\" of relation \"llm_results\" does not exist in the database yet (SQLSTATE 42703 in production); pending migration db/changes/20240612093000-add-model-version.js adds it: apply it before deploying this code
   = help: run npx sequelize-cli db:migrate (it applies db/changes/20240612093000-add-model-version.js) before deploying this code
src/worker.ts:5:59: error[pending-migration]: column \"model_version\" of relation \"llm_results\" does not exist in the database yet (SQLSTATE 42703 in production); pending migration db/changes/20240612093000-add-model-version.js adds it: apply it before deploying this code
   = help: run npx sequelize-cli db:migrate (it applies db/changes/20240612093000-add-model-version.js) before deploying this code
exit: 1" "$(grep -E 'error\[|help:|^exit' <<<"$out")"

# A monorepo: the database given is one service's. Without --service the run stops naming the
# sets; with it, that service's code is checked against the database and its own migrations:
# the billing database has no orders table (the orders service's migrations create it).
cp -r "$here/migrations-fixtures/monorepo-services-cross-service" "$work/mono" && rm -f "$work/mono"/expected*
psql -d postgres -c "CREATE DATABASE billing" >/dev/null
psql -d billing -c "CREATE TABLE users (id bigserial PRIMARY KEY, billing_email text NOT NULL, plan text NOT NULL DEFAULT 'free');
CREATE TABLE invoices (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), amount numeric(12, 2) NOT NULL, issued_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240105120000');" >/dev/null
burl="postgresql:///billing?host=$PGHOST&port=$PGPORT&user=$PGUSER"
check "monorepo: one database, several services: exit 2" "exit: 2" \
  "$( (cd "$work/mono" && "$bin" check . --database-url "$burl" >/dev/null 2>&1); echo "exit: $?")"
check "monorepo: --service checks that service's code against its database" \
  "apps/billing/src/revenue.ts:6:21: error[missing-column]: column \"email\" of relation \"users\" does not exist (SQLSTATE 42703)
apps/billing/src/revenue.ts:6:57: error[missing-relation]: relation \"orders\" does not exist (SQLSTATE 42P01)
apps/billing/src/revenue.ts:6:116: error[missing-column]: column \"email\" of relation \"users\" does not exist (SQLSTATE 42703)
schemagate: 3 files scanned, 3 SQL sites (3 checked, 0 unchecked), 3 errors, 0 warnings
exit: 1" "$( (cd "$work/mono" && NO_COLOR=1 "$bin" check . --service apps/billing --database-url "$burl" 2>&1 | grep -E 'error\[|^schemagate: [0-9]' | sed -E 's/ \(SQLSTATE ([0-9A-Z]+)\).*/ (SQLSTATE \1)/'; exit "${PIPESTATUS[0]}"); echo "exit: $?")"

finish live
