#!/usr/bin/env bash
# Integration test of the live catalog reader against a real PostgreSQL 15 that this script starts
# (ci/start-postgres.sh) and always removes. Every tracking table is written as its tool writes
# it (DDL and rows from the tools' sources, cited in analyzers/schema/catalog/tracking.h),
# including failed and dirty states, and read back through tests/integration/catalog_driver.cpp;
# outputs are compared byte for byte. Then the fail-closed paths (refused, unknown host, bad
# password, missing privilege, disagreeing or foreign tracking tables), a role with only CONNECT
# and SELECT, no password in any message, and the server's log_statement=all log: schemagate sends
# nothing but SELECT/SET/BEGIN/COMMIT/ROLLBACK/SHOW.
#
# Usage: tests/integration/test_catalog.sh [DRIVER]   (DRIVER: a built catalog_driver; built here
# with g++ when omitted). Exit 0 when every case passes.
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/schemagate-catalog-test.XXXXXX")
chmod 755 "$work"
cleanup() {
  [ -n "${SCHEMAGATE_PG_DIR:-}" ] && "$here/ci/stop-postgres.sh" "$SCHEMAGATE_PG_DIR"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

driver=${1:-}
if [ -z "$driver" ]; then
  driver=$work/catalog_driver
  (cd "$here" && g++ -std=c++20 -O1 -I. tests/integration/catalog_driver.cpp analyzers/schema/catalog/*.cpp \
    analyzers/schema/schema.cpp analyzers/schema/migrations/*.cpp analyzers/source/file_system.cpp \
    -lpqxx -lpq -o "$driver") || { echo "FAIL: cannot build the driver"; exit 1; }
fi
out=$("$here/ci/start-postgres.sh") || { echo "FAIL: cannot start PostgreSQL"; exit 1; }
eval "$out"
log=$SCHEMAGATE_PG_DIR/postgres.log
tcp="127.0.0.1:$PGPORT"

failures=0
expect() {  # name, actual, expected
  if [ "$2" == "$3" ]; then
    echo "ok   $1"
  else
    echo "FAIL $1"
    diff <(printf '%s\n' "$3") <(printf '%s\n' "$2") | sed 's/^/     /'
    failures=$((failures + 1))
  fi
}
expect_absent() {  # name, text, secret
  if [[ "$2" == *"$3"* ]]; then
    echo "FAIL $1: the output contains the password"
    failures=$((failures + 1))
  else
    echo "ok   $1"
  fi
}
sql() { psql -q -v ON_ERROR_STOP=1 -X "$@" >/dev/null || { echo "FAIL: setup SQL failed"; exit 1; }; }
newdb() { sql -d postgres -c "CREATE DATABASE $1"; }
file() { mkdir -p "$(dirname "$work/$1")"; printf '%b' "$2" >"$work/$1"; }
run() { "$driver" "$@" 2>&1; }

# ---- the catalog: every relation kind, column flags, dropped columns, the search path ----------
newdb app
sql -d app <<'SQL'
CREATE SCHEMA app;
CREATE TABLE app.tenants (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), legacy int, "MixedCase" varchar(20)[]);
ALTER TABLE app.tenants DROP COLUMN legacy;
CREATE TABLE app.llm_results (id serial PRIMARY KEY, tenant_id bigint NOT NULL, body jsonb,
  score numeric(5,2), body_length int GENERATED ALWAYS AS (length(body::text)) STORED);
CREATE TABLE app.events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW app.tenant_names AS SELECT id, name FROM app.tenants;
CREATE MATERIALIZED VIEW app.result_counts AS SELECT tenant_id, count(*) AS n FROM app.llm_results GROUP BY 1;
CREATE FOREIGN DATA WRAPPER dummy_fdw;
CREATE SERVER dummy FOREIGN DATA WRAPPER dummy_fdw;
CREATE FOREIGN TABLE app.remote_rows (id int, payload text) SERVER dummy;
CREATE TABLE public.empty_table ();
CREATE INDEX ON app.llm_results (tenant_id);
CREATE TABLE public.schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
INSERT INTO public.schema_migrations (version, dirty) VALUES (2, false);
-- a role with CONNECT on the database and SELECT on the tracking table, nothing else
CREATE ROLE reader LOGIN PASSWORD 'Reader-pa55word';
CREATE SCHEMA reader AUTHORIZATION reader;
ALTER ROLE reader IN DATABASE app SET search_path = "$user", app, public;
REVOKE ALL ON DATABASE app FROM PUBLIC;
GRANT CONNECT ON DATABASE app TO reader;
GRANT SELECT ON public.schema_migrations TO reader;
-- a role that may connect but not read the tracking table
CREATE ROLE nosel LOGIN PASSWORD 'Nosel-pa55word';
GRANT CONNECT ON DATABASE app TO nosel;
SQL
catalog_expected='schemas: app, public, reader
relation app.events partitioned table
  id bigint not_null
  at date not_null
relation app.events_2024 table
  id bigint not_null
  at date not_null
relation app.llm_results table
  id integer not_null default
  tenant_id bigint not_null
  body jsonb
  score numeric(5,2)
  body_length integer default generated
relation app.llm_results_id_seq sequence
  last_value bigint not_null
  log_cnt bigint not_null
  is_called boolean not_null
relation app.remote_rows foreign table
  id integer
  payload text
relation app.result_counts materialized view
  tenant_id bigint
  n bigint
relation app.tenant_names view
  id bigint
  name text
relation app.tenants table
  id bigint not_null default identity
  name text not_null
  created_at timestamp with time zone not_null default
  MixedCase character varying(20)[]
relation app.tenants_id_seq sequence
  last_value bigint not_null
  log_cnt bigint not_null
  is_called boolean not_null
relation public.empty_table table
relation public.schema_migrations table
  version bigint not_null
  dirty boolean not_null
relation reader.dummy table
  x integer
tracking golang-migrate public.schema_migrations
  2 applied covers_earlier [version=2 dirty=false]'
sql -d app -c "CREATE TABLE reader.dummy (x int); ALTER TABLE reader.dummy OWNER TO reader"
expect "catalog as superuser over the socket" "$(run --relations "dbname=app")" "search_path: public
$catalog_expected"
# The reader's search path: "$user" expands to reader; app is dropped because reader has no USAGE
# on it (current_schemas omits such schemas, as PostgreSQL's name lookup does).
expect "catalog as a CONNECT+SELECT role over TCP with SCRAM" \
  "$(run --relations "postgresql://reader:Reader-pa55word@$tcp/app")" "search_path: reader, public
$catalog_expected"
expect "key=value conninfo" "$(run "host=127.0.0.1 port=$PGPORT dbname=app user=reader password=Reader-pa55word")" \
  "search_path: reader, public
tracking golang-migrate public.schema_migrations
  2 applied covers_earlier [version=2 dirty=false]"
expect "URL with query parameters" "$(run "postgresql://reader:Reader-pa55word@$tcp/app?sslmode=disable&application_name=other")" \
  "search_path: reader, public
tracking golang-migrate public.schema_migrations
  2 applied covers_earlier [version=2 dirty=false]"

# ---- one database per tracking format, rows as the tool writes them ----------------------------
# golang-migrate (database/postgres/postgres.go: ensureVersionTable, SetVersion): dirty at 3.
newdb t_golang
sql -d t_golang -c 'CREATE TABLE IF NOT EXISTS "public"."schema_migrations" (version bigint not null primary key, dirty boolean not null)' \
  -c 'TRUNCATE "public"."schema_migrations"' -c 'INSERT INTO "public"."schema_migrations" (version, dirty) VALUES (3, true)'
for f in 0001_users 0002_items 0003_add_model_version 0004_more; do
  file "golang/migrations/$f.up.sql" "SELECT 1;\n"
  file "golang/migrations/$f.down.sql" "SELECT 1;\n"
done
expect "golang-migrate, dirty" "$(run --root "$work/golang" --migrations migrations dbname=t_golang)" \
  "search_path: public
tracking golang-migrate public.schema_migrations
  3 failed covers_earlier [version=3 dirty=true]
format: golang-migrate
status applied 1 migrations/0001_users.up.sql
status applied 2 migrations/0002_items.up.sql
status failed 3 migrations/0003_add_model_version.up.sql [version=3 dirty=true]
status pending 4 migrations/0004_more.up.sql"

# dbmate (pkg/driver/postgres/postgres.go: CreateMigrationsTable, InsertMigration); one row
# whose file is gone.
newdb t_dbmate
sql -d t_dbmate -c 'create table if not exists "public".schema_migrations (version varchar(128) primary key)' \
  -c "insert into \"public\".schema_migrations (version) values ('20240101000000'), ('20240102000000'), ('20231231000000')"
for v in 20240101000000_a 20240102000000_b 20240103000000_c; do
  file "dbmate/db/migrations/$v.sql" "-- migrate:up\nSELECT 1;\n\n-- migrate:down\nSELECT 2;\n"
done
expect "dbmate, with an applied migration missing from the repository" \
  "$(run --root "$work/dbmate" --migrations db/migrations dbname=t_dbmate)" "search_path: public
tracking dbmate public.schema_migrations
  20231231000000 applied [version=20231231000000]
  20240101000000 applied [version=20240101000000]
  20240102000000 applied [version=20240102000000]
format: dbmate
status applied 20240101000000 db/migrations/20240101000000_a.sql
status applied 20240102000000 db/migrations/20240102000000_b.sql
status pending 20240103000000 db/migrations/20240103000000_c.sql
status unknown 20231231000000 - [version=20231231000000]"

# goose (internal/dialect/dialectquery/postgres.go): version 0 on creation; old goose recorded a
# down as is_applied=false, and the latest row per version decides.
newdb t_goose
sql -d t_goose <<'SQL'
CREATE TABLE goose_db_version (id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT NULL,
  tstamp timestamp NULL default now(), PRIMARY KEY(id));
INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true), (2, true), (3, true), (3, false);
SQL
for v in 00001_a 00002_b 00003_c; do file "goose/migrations/$v.sql" "-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n"; done
expect "goose, a version rolled back" "$(run --root "$work/goose" --migrations migrations dbname=t_goose)" "search_path: public
tracking goose public.goose_db_version
  1 applied [version_id=1 is_applied=true]
  2 applied [version_id=2 is_applied=true]
format: goose
status applied 1 migrations/00001_a.sql
status applied 2 migrations/00002_b.sql
status pending 3 migrations/00003_c.sql"

# Flyway (flyway-core .../postgresql/createMetaDataTable.sql), under a custom table name: the
# schema marker, a failed 1.1, a repeatable.
newdb t_flyway
sql -d t_flyway <<'SQL'
CREATE TABLE "public"."my_history" ("installed_rank" INT NOT NULL, "version" VARCHAR(50), "description" VARCHAR(200) NOT NULL,
  "type" VARCHAR(20) NOT NULL, "script" VARCHAR(1000) NOT NULL, "checksum" INTEGER, "installed_by" VARCHAR(100) NOT NULL,
  "installed_on" TIMESTAMP NOT NULL DEFAULT now(), "execution_time" INTEGER NOT NULL, "success" BOOLEAN NOT NULL);
ALTER TABLE "public"."my_history" ADD CONSTRAINT "my_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "my_history_s_idx" ON "public"."my_history" ("success");
INSERT INTO my_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) VALUES
  (0, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"public"', NULL, 'postgres', 0, true),
  (1, '1', 'init', 'SQL', 'V1__init.sql', 123, 'postgres', 5, true),
  (2, '1.1', 'add', 'SQL', 'V1_1__add.sql', 456, 'postgres', 5, false),
  (3, NULL, 'views', 'SQL', 'R__views.sql', 789, 'postgres', 5, true);
SQL
for v in V1__init V1_1__add V2__more R__views; do file "flyway/sql/$v.sql" "SELECT 1;\n"; done
expect "flyway, custom table, failed and repeatable" \
  "$(run --flyway-table my_history --root "$work/flyway" --migrations sql dbname=t_flyway)" "search_path: public
tracking flyway public.my_history
  1 applied name=V1__init.sql [version=1 script=V1__init.sql success=true]
  1.1 failed name=V1_1__add.sql [version=1.1 script=V1_1__add.sql success=false]
  - applied name=R__views.sql [version=NULL script=R__views.sql success=true]
format: flyway
status applied 1 sql/V1__init.sql
status failed 1.1 sql/V1_1__add.sql [version=1.1 script=V1_1__add.sql success=false]
status pending 2 sql/V2__more.sql
status applied - sql/R__views.sql"

# sqlx (sqlx-postgres/src/migrate.rs: ensure_migrations_table, execute_migration).
newdb t_sqlx
sql -d t_sqlx <<'SQL'
CREATE TABLE IF NOT EXISTS _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL,
  installed_on TIMESTAMPTZ NOT NULL DEFAULT now(), success BOOLEAN NOT NULL, checksum BYTEA NOT NULL, execution_time BIGINT NOT NULL);
INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES
  (20240101000000, 'a', TRUE, '\x00', -1), (20240102000000, 'b', FALSE, '\x00', -1);
SQL
for v in 20240101000000_a 20240102000000_b 20240103000000_c; do file "sqlx/migrations/$v.sql" "SELECT 1;\n"; done
expect "sqlx, a failed migration" "$(run --root "$work/sqlx" --migrations migrations dbname=t_sqlx)" "search_path: public
tracking sqlx public._sqlx_migrations
  20240101000000 applied name=a [version=20240101000000 success=true]
  20240102000000 failed name=b [version=20240102000000 success=false]
format: sqlx
status applied 20240101000000 migrations/20240101000000_a.sql
status failed 20240102000000 migrations/20240102000000_b.sql [version=20240102000000 success=false]
status pending 20240103000000 migrations/20240103000000_c.sql"

# Supabase CLI (pkg/migration/history.go: CREATE_VERSION_TABLE, ADD_*_COLUMN, INSERT_MIGRATION_VERSION).
newdb t_supabase
sql -d t_supabase <<'SQL'
CREATE SCHEMA IF NOT EXISTS supabase_migrations;
CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY);
ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[];
ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text;
INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES('20240101000000', 'a', '{"SELECT 1"}');
SQL
for v in 20240101000000_a 20240102000000_b; do file "supabase/supabase/migrations/$v.sql" "SELECT 1;\n"; done
expect "supabase" "$(run --root "$work/supabase" --migrations supabase/migrations dbname=t_supabase)" "search_path: public
tracking supabase supabase_migrations.schema_migrations
  20240101000000 applied name=a [version=20240101000000]
format: supabase
status applied 20240101000000 supabase/migrations/20240101000000_a.sql
status pending 20240102000000 supabase/migrations/20240102000000_b.sql"

# Prisma: one row per attempt; "add" failed once, was resolved as rolled back and re-applied;
# "more" failed (finished_at and rolled_back_at NULL).
newdb t_prisma
sql -d t_prisma <<'SQL'
CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "_prisma_migrations_pkey" PRIMARY KEY ("id"));
INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES
  ('a1', 'c', '2024-01-01 00:00:01', '20240101000000_init', NULL, NULL, '2024-01-01 00:00:00', 1),
  ('b1', 'c', NULL, '20240102000000_add', 'ERROR: boom', '2024-01-02 00:10:00', '2024-01-02 00:00:00', 0),
  ('b2', 'c', '2024-01-02 00:20:01', '20240102000000_add', NULL, NULL, '2024-01-02 00:20:00', 1),
  ('c1', 'c', NULL, '20240103000000_more', 'ERROR: boom', NULL, '2024-01-03 00:00:00', 0);
SQL
file "prisma/prisma/migrations/migration_lock.toml" 'provider = "postgresql"\n'
for v in 20240101000000_init 20240102000000_add 20240103000000_more 20240104000000_last; do
  file "prisma/prisma/migrations/$v/migration.sql" "SELECT 1;\n"
done
expect "prisma, re-applied and failed" "$(run --root "$work/prisma" --migrations prisma/migrations dbname=t_prisma)" "search_path: public
tracking prisma public._prisma_migrations
  20240101000000_init applied [migration_name=20240101000000_init]
  20240102000000_add applied [migration_name=20240102000000_add]
  20240103000000_more failed [migration_name=20240103000000_more finished_at=NULL rolled_back_at=NULL]
format: prisma
status applied 20240101000000_init prisma/migrations/20240101000000_init/migration.sql
status applied 20240102000000_add prisma/migrations/20240102000000_add/migration.sql
status failed 20240103000000_more prisma/migrations/20240103000000_more/migration.sql [migration_name=20240103000000_more finished_at=NULL rolled_back_at=NULL]
status pending 20240104000000_last prisma/migrations/20240104000000_last/migration.sql"

# Drizzle (drizzle-orm/src/pg-core/dialect.ts migrate(), migrator.ts readMigrationFiles): hash is
# the sha256 of the file, created_at the journal's "when".
file "drizzle/drizzle/0000_init.sql" 'CREATE TABLE "a" ("id" integer);\n--> statement-breakpoint\nCREATE TABLE "b" ("id" integer);\n'
file "drizzle/drizzle/0001_add.sql" 'ALTER TABLE "a" ADD COLUMN "x" text;\n'
file "drizzle/drizzle/0002_more.sql" 'ALTER TABLE "a" ADD COLUMN "y" text;\n'
file "drizzle/drizzle/meta/_journal.json" '{"version":"7","dialect":"postgresql","entries":[
 {"idx":0,"version":"7","when":1700000000000,"tag":"0000_init","breakpoints":true},
 {"idx":1,"version":"7","when":1700000001000,"tag":"0001_add","breakpoints":true},
 {"idx":2,"version":"7","when":1700000002000,"tag":"0002_more","breakpoints":true}]}\n'
h0=$(sha256sum "$work/drizzle/drizzle/0000_init.sql" | cut -c1-64)
h1=$(sha256sum "$work/drizzle/drizzle/0001_add.sql" | cut -c1-64)
newdb t_drizzle
sql -d t_drizzle -c 'CREATE SCHEMA IF NOT EXISTS "drizzle"' \
  -c 'CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)' \
  -c "insert into \"drizzle\".\"__drizzle_migrations\" (\"hash\", \"created_at\") values('$h0', 1700000000000), ('$h1', 1700000001000)"
expect "drizzle" "$(run --root "$work/drizzle" --migrations drizzle dbname=t_drizzle)" "search_path: public
tracking drizzle drizzle.__drizzle_migrations
  1700000000000 applied name=$h0 [created_at=1700000000000 hash=$h0]
  1700000001000 applied name=$h1 [created_at=1700000001000 hash=$h1]
format: drizzle
status applied 0000_init drizzle/0000_init.sql
status applied 0001_add drizzle/0001_add.sql
status pending 0002_more drizzle/0002_more.sql"

# ---- fail closed -------------------------------------------------------------------------------
newdb t_disagree
sql -d t_disagree -c 'CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null)' \
  -c 'INSERT INTO schema_migrations VALUES (3, false)' \
  -c 'CREATE TABLE goose_db_version (id serial PRIMARY KEY, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp default now())' \
  -c 'INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true), (2, true)'
expect "two tracking tables that disagree" "$(run dbname=t_disagree)" \
  "error: migration tracking tables disagree: public.goose_db_version (goose) is at version 2, public.schema_migrations (golang-migrate) at version 3; drop or rename the table of the tool the project no longer uses"

# Rows golang-migrate never writes: two rows; dirty = 'maybe' in a text column; a NULL version.
newdb t_two_rows
sql -d t_two_rows -c 'CREATE TABLE schema_migrations (version bigint, dirty boolean)' \
  -c 'INSERT INTO schema_migrations VALUES (3, false), (4, false)'
expect "golang-migrate table with two rows" "$(run dbname=t_two_rows)" \
  "error: reading public.schema_migrations: row 2 ('4', 'false'): golang-migrate keeps exactly one row, found 2; the golang-migrate tracking table holds rows the tool does not write: repair it before checking"
newdb t_dirty_text
sql -d t_dirty_text -c 'CREATE TABLE schema_migrations (version bigint, dirty text)' \
  -c "INSERT INTO schema_migrations VALUES (3, 'maybe')"
expect "golang-migrate dirty = 'maybe'" "$(run dbname=t_dirty_text)" \
  "error: reading public.schema_migrations: row 1 ('3', 'maybe'): dirty is not a boolean; the golang-migrate tracking table holds rows the tool does not write: repair it before checking"
newdb t_null_version
sql -d t_null_version -c 'CREATE TABLE schema_migrations (version bigint, dirty boolean)' \
  -c 'INSERT INTO schema_migrations VALUES (NULL, false)'
expect "golang-migrate NULL version" "$(run dbname=t_null_version)" \
  "error: reading public.schema_migrations: row 1 (NULL, 'false'): version is not a non-negative integer; the golang-migrate tracking table holds rows the tool does not write: repair it before checking"

newdb t_foreign_tracking
sql -d t_foreign_tracking -c 'CREATE TABLE schema_migrations (id int, applied text)'
expect "a tracking name with other columns" "$(run dbname=t_foreign_tracking)" \
  "error: public.schema_migrations is named like a migration tracking table but has columns (id, applied), not golang-migrate's (version, dirty) or dbmate's (version); schemagate cannot tell which migrations are applied (rename the table if it is not one)"

expect "no SELECT on the tracking table" "$(run "postgresql://nosel:Nosel-pa55word@$tcp/app")" \
  "error: cannot read migration tracking table public.schema_migrations: permission denied (ERROR: permission denied for table schema_migrations); grant the role SELECT on it"

unused=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
actual=$(run "postgresql://reader:Refused-pa55word@127.0.0.1:$unused/app")
expect "connection refused" "$actual" \
  "error: cannot connect to the database: connection refused (connection to server at \"127.0.0.1\", port $unused failed: Connection refused Is the server running on that host and accepting TCP/IP connections?); check the host and port, and that PostgreSQL is running and accepts connections there"
expect_absent "connection refused: no password" "$actual" "Refused-pa55word"

actual=$(run "postgresql://reader:Wrong-pa55word@$tcp/app")
expect "wrong password (URL)" "$actual" \
  "error: cannot connect to the database: authentication failed (connection to server at \"127.0.0.1\", port $PGPORT failed: FATAL: password authentication failed for user \"reader\"); check the user name and password (PGPASSWORD, ~/.pgpass) and pg_hba.conf"
expect_absent "wrong password (URL): no password" "$actual" "Wrong-pa55word"

actual=$(run "host=127.0.0.1 port=$PGPORT dbname=app user=reader password='Wrong pa55 word'")
expect "wrong password (key=value)" "$actual" \
  "error: cannot connect to the database: authentication failed (connection to server at \"127.0.0.1\", port $PGPORT failed: FATAL: password authentication failed for user \"reader\"); check the user name and password (PGPASSWORD, ~/.pgpass) and pg_hba.conf"
expect_absent "wrong password (key=value): no password" "$actual" "pa55 word"

# libpq echoes the part of a URL it cannot parse (a malformed percent-encoded password, the
# second word of an unquoted password, a bare secret): such a URL is rejected unquoted.
not_parsed='error: cannot connect to the database: the database URL is not a valid connection string (its text is not printed: it may hold a password); give a postgres://user@host:port/db URL or key=value pairs, quoting values with blanks as '"'a b'"
actual=$(run "postgresql://reader:Echo%zz-pa55word@$tcp/app")
expect "malformed URL password" "$actual" "$not_parsed"
expect_absent "malformed URL password: no password" "$actual" "pa55word"
actual=$(run "host=127.0.0.1 password=Hunter2 Secret99")
expect "unquoted password with a blank" "$actual" "$not_parsed"
expect_absent "unquoted password with a blank: no password" "$actual" "Secret99"
actual=$(run "Hunter2Secret99")
expect "bare secret as the URL" "$actual" "$not_parsed"
expect_absent "bare secret as the URL: no secret" "$actual" "Hunter2"

actual=$(run "postgresql://reader:Unknown-pa55word@nohost.invalid/app")
expect "unknown host" "${actual%%(*}" "error: cannot connect to the database: unknown host "
expect_absent "unknown host: no password" "$actual" "Unknown-pa55word"

# ---- nothing but reads, as the server saw it ---------------------------------------------------
statements=$(grep -a 'app=schemagate ' "$log" | grep -a 'LOG:  statement: ' | sed 's/.*LOG:  statement: //')
count=$(printf '%s\n' "$statements" | grep -c .)
others=$(printf '%s\n' "$statements" | grep -Ev '^(SELECT|SET|BEGIN|COMMIT|ROLLBACK|SHOW)( |$)')
if [ "$count" -gt 50 ] && [ -z "$others" ]; then
  echo "ok   log_statement=all: $count statements from schemagate, all SELECT/SET/BEGIN/COMMIT/ROLLBACK/SHOW"
else
  echo "FAIL log_statement=all: $count statements from schemagate; unexpected:"
  printf '%s\n' "$others" | sed 's/^/     /'
  failures=$((failures + 1))
fi
expect_absent "server log, schemagate sessions: no password" "$(grep -a "app=schemagate " "$log")" "pa55word"

if [ "$failures" -ne 0 ]; then
  echo "$failures case(s) failed"
  exit 1
fi
echo "all catalog integration cases passed"
