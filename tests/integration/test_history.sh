#!/usr/bin/env bash
# What a live check says about migration history, against a real PostgreSQL started here:
# sqlc stars need every column the schema had (pending-migration at the star), files changed
# after Flyway, sqlx or Prisma applied them (modified-applied-migration, with the checksums
# computed here independently: zlib CRC32 over lines, hashlib SHA-384 and SHA-256), drift named
# in code findings, broken-migration judging only what is still pending, and Liquibase's
# databasechangelog read by changeSet.
#   tests/integration/test_history.sh SCHEMAGATE_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "$1")
. "$here/tests/integration/lib.sh"

eval "$("$here/ci/start-postgres.sh")" || { echo "FAIL cannot start PostgreSQL"; exit 1; }
work=$(mktemp -d)
trap '"$here/ci/stop-postgres.sh" "$SCHEMAGATE_PG_DIR"; rm -rf "$work"' EXIT
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=$PGUSER"; }
run() { local dir=$1; shift; (cd "$dir" && "$bin" "$@" 2>&1); echo "exit: $?"; }

# 1. sqlc: the database lacks books.published_on (000002 pending). Every star over books needs it.
cp -r "$here/migrations-fixtures/sqlc-arg-macros-and-stars" "$work/sqlc"
psql -d postgres -c "CREATE DATABASE sqlc"
psql -d sqlc -f "$work/sqlc/db/migrations/000001_catalog.up.sql"
psql -d sqlc -c "CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (1, false)"
msg='error[pending-migration]: column "published_on" of relation "books" does not exist in the database yet (SQLSTATE 42703 in production); pending migration db/migrations/000002_published_on.up.sql adds it: apply it before deploying this code'
check "sqlc stars" "db/query/books.sql:2:8: $msg
   = note: db/query/books.sql:2: sqlc writes this * out as every column the schema had when it generated the code, \"published_on\" among them
db/query/books.sql:6:8: $msg
   = note: db/query/books.sql:6: sqlc writes this * out as every column the schema had when it generated the code, \"published_on\" among them
db/query/books.sql:13:19: $msg
   = note: db/query/books.sql:13: sqlc writes this * out as every column the schema had when it generated the code, \"published_on\" among them
db/query/books.sql:19:44: $msg
db/query/books.sql:21:11: $msg
   = note: db/query/books.sql:21: sqlc writes this * out as every column the schema had when it generated the code, \"published_on\" among them
exit: 1" "$(run "$work/sqlc" check . --database-url "$(url sqlc)" | grep -E 'error\[pending-migration|sqlc writes|^exit')"
# The same queries PREPAREd as sqlc generated them (columns written out) fail exactly so.
check "sqlc generated query fails" 'ERROR:  column "published_on" does not exist' \
  "$(command psql -X -d sqlc -c "PREPARE g(bigint) AS SELECT id, author_id, title, isbn, published_on FROM books WHERE id = \$1" 2>&1 | head -1)"

# 2. Flyway: V1 applied with its true checksum, then edited; V2 applied as recorded.
mkdir -p "$work/flyway/migrations" "$work/flyway/app"
printf 'CREATE TABLE plans (id bigint PRIMARY KEY, name text NOT NULL);\r\n' >"$work/flyway/migrations/V1__plans.sql"
printf 'ALTER TABLE plans ADD COLUMN price_cents bigint;\n' >"$work/flyway/migrations/V2__price.sql"
printf 'def price(cur):\n    cur.execute("SELECT name, price_cents FROM plans")\n' >"$work/flyway/app/plans.py"
flyway_crc() { python3 -c 'import sys, zlib
data = open(sys.argv[1], "rb").read().decode("utf-8").lstrip("\ufeff")
crc = 0
for line in data.splitlines(): crc = zlib.crc32(line.encode("utf-8"), crc)
print(crc - (1 << 32) if crc >= 1 << 31 else crc)' "$1"; }
psql -d postgres -c "CREATE DATABASE flyway"
psql -d flyway -f "$work/flyway/migrations/V1__plans.sql" -f "$work/flyway/migrations/V2__price.sql"
psql -d flyway -c "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL)"
psql -d flyway -c "INSERT INTO flyway_schema_history VALUES (1, '1', 'plans', 'SQL', 'V1__plans.sql', $(flyway_crc "$work/flyway/migrations/V1__plans.sql"), 'ci', now(), 1, true), (2, '2', 'price', 'SQL', 'V2__price.sql', $(flyway_crc "$work/flyway/migrations/V2__price.sql"), 'ci', now(), 1, true)"
check "flyway unchanged" "schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(run "$work/flyway" check . --database-url "$(url flyway)")"
# Line endings do not count for Flyway; a new comment does.
sed -i 's/\r$//' "$work/flyway/migrations/V1__plans.sql"
check "flyway line endings" "exit: 0" "$(run "$work/flyway" check . --database-url "$(url flyway)" | tail -1)"
before=$(flyway_crc "$work/flyway/migrations/V1__plans.sql")
printf -- '-- plans are per tenant now\n' >>"$work/flyway/migrations/V1__plans.sql"
check "flyway modified" "migrations/V1__plans.sql:1:1: error[modified-applied-migration]: migration migrations/V1__plans.sql was changed after it was applied: public.flyway_schema_history records checksum $before, the file now has $(flyway_crc "$work/flyway/migrations/V1__plans.sql"); the schema built from the files is not what the database got
exit: 1" "$(run "$work/flyway" check . --database-url "$(url flyway)" | grep -E '^migrations/|^exit')"

# 3. Drift: the database lost a column that applied migration V2 adds.
psql -d flyway -c "ALTER TABLE plans DROP COLUMN price_cents"
check "drift in code finding" "app/plans.py:2:31: error[missing-column]: column \"price_cents\" of relation \"plans\" does not exist (SQLSTATE 42703): applied migration migrations/V2__price.sql adds it, but the database does not have it: drift
   = note: migrations/V2__price.sql:1: added here" \
  "$(run "$work/flyway" check . --database-url "$(url flyway)" | grep -E '^app/|note: migrations/V2')"

# 4. sqlx: SHA-384 of the file as recorded; then the file changes.
mkdir -p "$work/sqlx/migrations"
printf 'CREATE TABLE events (id bigint PRIMARY KEY);\n' >"$work/sqlx/migrations/20240101000000_events.sql"
psql -d postgres -c "CREATE DATABASE sqlx"
psql -d sqlx -f "$work/sqlx/migrations/20240101000000_events.sql"
psql -d sqlx -c "CREATE TABLE _sqlx_migrations (version bigint PRIMARY KEY, description text NOT NULL, installed_on timestamptz NOT NULL DEFAULT now(), success boolean NOT NULL, checksum bytea NOT NULL, execution_time bigint NOT NULL)"
sha384=$(python3 -c 'import hashlib, sys; print(hashlib.sha384(open(sys.argv[1], "rb").read()).hexdigest())' "$work/sqlx/migrations/20240101000000_events.sql")
psql -d sqlx -c "INSERT INTO _sqlx_migrations VALUES (20240101000000, 'events', now(), true, decode('$sha384', 'hex'), 1)"
check "sqlx unchanged" "exit: 0" "$(run "$work/sqlx" check . --database-url "$(url sqlx)" | tail -1)"
printf 'CREATE TABLE events (id bigint PRIMARY KEY, kind text);\n' >"$work/sqlx/migrations/20240101000000_events.sql"
check "sqlx modified" "error[modified-applied-migration]
exit: 1" "$(run "$work/sqlx" check . --database-url "$(url sqlx)" | grep -oE 'error\[modified-applied-migration\]|^exit: [0-9]')"

# 5. Prisma: SHA-256 hex; CRLF <-> LF is accepted, an edit is not.
mkdir -p "$work/prisma/prisma/migrations/20240101000000_init"
m="$work/prisma/prisma/migrations/20240101000000_init/migration.sql"
printf -- '-- CreateTable\nCREATE TABLE "User" ("id" TEXT NOT NULL);\n' >"$m"
psql -d postgres -c "CREATE DATABASE prisma"
psql -d prisma -f "$m"
psql -d prisma -c "CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count int NOT NULL DEFAULT 0)"
psql -d prisma -c "INSERT INTO _prisma_migrations VALUES ('a', '$(sha256sum "$m" | cut -c1-64)', now(), '20240101000000_init', NULL, NULL, now(), 1)"
sed -i 's/$/\r/' "$m"
check "prisma line endings" "exit: 0" "$(run "$work/prisma" check . --database-url "$(url prisma)" | tail -1)"
printf 'CREATE INDEX "User_id" ON "User" ("id");\r\n' >>"$m"
check "prisma modified" "error[modified-applied-migration]
exit: 1" "$(run "$work/prisma" check . --database-url "$(url prisma)" | grep -oE 'error\[modified-applied-migration\]|^exit: [0-9]')"

# 6. broken-migration: offline it is reported; once the database has applied it, it ran.
cp -r "$here/migrations-fixtures/migration-alters-missing-objects" "$work/broken"
check "broken offline" "3" "$(run "$work/broken" check . | grep -c 'error\[broken-migration\]')"
psql -d postgres -c "CREATE DATABASE broken"
psql -d broken -c "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL)"
psql -d broken -c "INSERT INTO flyway_schema_history VALUES (1, '3', 'followups', 'BASELINE', 'V3__followups.sql', NULL, 'ci', now(), 1, true)"
check "broken applied" "0" "$(run "$work/broken" check . --database-url "$(url broken)" | grep -c 'error\[broken-migration\]')"

# 7. Liquibase: databasechangelog records every changeSet but 005-tracking-number (filename::id::
# author, as Liquibase 4 writes the filename: the path on the classpath). The code that uses its
# columns is a pending-migration finding; the applied changeSets are recognised.
cp -r "$here/migrations-fixtures/java-spring-liquibase" "$work/liquibase"
psql -d postgres -c "CREATE DATABASE liquibase"
psql -d liquibase -c "CREATE TABLE orders (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, customer_email varchar(255) NOT NULL, status varchar(32) DEFAULT 'new', placed_at timestamp);
CREATE TABLE order_lines (order_id bigint NOT NULL REFERENCES orders (id), line_no int, sku varchar(64) NOT NULL, quantity int DEFAULT 1, PRIMARY KEY (order_id, line_no));
CREATE VIEW open_orders AS SELECT id, customer_email FROM orders WHERE status <> 'closed';
CREATE TABLE shipments (id bigserial PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id), carrier text NOT NULL, label_url text);
CREATE TABLE databasechangelog (id varchar(255) NOT NULL, author varchar(255) NOT NULL, filename varchar(255) NOT NULL, dateexecuted timestamp NOT NULL, orderexecuted int NOT NULL, exectype varchar(10) NOT NULL, md5sum varchar(35), description varchar(255), comments varchar(255), tag varchar(255), liquibase varchar(20), contexts varchar(255), labels varchar(255), deployment_id varchar(10));
INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype) VALUES
  ('001-orders', 'maria', 'db/changelog/changes/001-orders.xml', now(), 1, 'EXECUTED'),
  ('002-rename-state', 'maria', 'db/changelog/changes/001-orders.xml', now(), 2, 'EXECUTED'),
  ('004-drop-notes', 'li', 'db/changelog/changes/001-orders.xml', now(), 3, 'EXECUTED'),
  ('010-shipments', 'li', 'db/changelog/sql/010-shipments.sql', now(), 4, 'EXECUTED'),
  ('012-label', 'li', 'classpath:/db/changelog/sql/010-shipments.sql', now(), 5, 'EXECUTED')"
check "liquibase status" "pending  db/changelog/changes/002-tracking.yaml::005-tracking-number::li  src/main/resources/db/changelog/changes/002-tracking.yaml
schemagate: 5 applied, 1 pending, 0 failed, 0 unknown to the repository" \
  "$(run "$work/liquibase" status . --database-url "$(url liquibase)" | grep -E '^pending|^schemagate:')"
check "liquibase pending column" "4" \
  "$(run "$work/liquibase" check . --database-url "$(url liquibase)" | grep -c 'error\[pending-migration\].*pending migration src/main/resources/db/changelog/changes/002-tracking.yaml adds it')"

# darwin: versions 1.01 and 1.02 applied (its table keeps versions as REAL), 1.03 pending: the
# column that 1.03 adds is pending in production.
cp -r "$here/migrations-fixtures/go-darwin-versions-in-one-file" "$work/darwin"
psql -d postgres -c "CREATE DATABASE darwin"
psql -d darwin -c "CREATE TABLE notes (note_id uuid PRIMARY KEY, title text NOT NULL, created_at timestamptz NOT NULL);
CREATE VIEW notes_by_day AS SELECT date_trunc('day', created_at) AS day, count(*) AS total FROM notes GROUP BY 1;
CREATE TABLE darwin_migrations (id serial PRIMARY KEY, version REAL NOT NULL UNIQUE, description TEXT NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at INTEGER NOT NULL, execution_time REAL NOT NULL);
INSERT INTO darwin_migrations (version, description, checksum, applied_at, execution_time) VALUES
  (1.01, 'Create table notes', 'a', 1, 0.1), (1.02, 'Notes by day', 'b', 2, 0.1)"
check "darwin status" "applied  1.01     business/migrate/sql/migrate.sql
applied  1.02     business/migrate/sql/migrate.sql
pending  1.03     business/migrate/sql/migrate.sql
schemagate: 2 applied, 1 pending, 0 failed, 0 unknown to the repository" \
  "$(run "$work/darwin" status . --database-url "$(url darwin)" | grep -E '^(applied|pending)|^schemagate:')"
check "darwin pending column" "business/notes/store.go:16:77: error[pending-migration]: column \"pinned\" of relation \"notes\" does not exist in the database yet (SQLSTATE 42703 in production); pending migration business/migrate/sql/migrate.sql adds it: apply it before deploying this code" \
  "$(run "$work/darwin" check . --database-url "$(url darwin)" | grep 'error\[pending-migration\]')"

finish history
