#!/usr/bin/env bash
# Compares the schema schemagate builds from a project's Knex, Sequelize, TypeORM or Kysely
# migrations (read, never run) with the schema the tool itself builds in a throwaway PostgreSQL
# (the migrations run):
#   ci/js-migrations-oracle.sh knex|sequelize|typeorm|kysely PROJECT MIGRATIONS_DIR
# MIGRATIONS_DIR is relative to PROJECT. Needs postgresql-15, jq, node, and ORACLE_NODE_MODULES: a
# node_modules directory with the tools installed (`npm install knex pg sequelize sequelize-cli
# typeorm reflect-metadata kysely tsx` in a scratch directory, never in the project). Migrations
# are run with tsx, so .ts files run too. Prints one line per table.column with type and
# nullability on each side and the differences; exits 1 when they differ. The tools' tracking
# tables are left out: the tools create them, no migration does.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tool=$1
project=$(cd "$2" && pwd)
dir="$project/$3"
mods=${ORACLE_NODE_MODULES:?set ORACLE_NODE_MODULES to a node_modules with the tools installed}
bin=${SCHEMAGATE:-$here/build/schemagate}
eval "$("$here/ci/start-postgres.sh")"
out=$(mktemp -d)
trap '"$here/ci/stop-postgres.sh" >/dev/null 2>&1 || true; rm -rf "$out"' EXIT
export DATABASE_URL="postgresql://$PGUSER@localhost:$PGPORT/$PGDATABASE?host=$PGHOST"
export NODE_PATH=$mods MIGRATIONS_DIR=$dir
cat > "$out/run.cjs" <<'EOF'
const path = require("path");
const fs = require("fs");
const dir = process.env.MIGRATIONS_DIR;
const conn = { host: process.env.PGHOST, port: Number(process.env.PGPORT), user: process.env.PGUSER, database: process.env.PGDATABASE };
const scripts = fs.readdirSync(dir).filter((f) => /\.(c|m)?(j|t)s$/.test(f) && !f.endsWith(".d.ts")).sort();
async function main(tool) {
  if (tool === "knex") {
    const knex = require("knex")({ client: "pg", connection: conn });
    await knex.migrate.latest({ directory: dir, loadExtensions: [".js", ".cjs", ".ts"] });
    await knex.destroy();
  } else if (tool === "sequelize") {
    const { Sequelize } = require("sequelize");
    const sequelize = new Sequelize(conn.database, conn.user, "", { host: conn.host, port: conn.port, dialect: "postgres", logging: false });
    const qi = sequelize.getQueryInterface();
    await sequelize.query('CREATE TABLE IF NOT EXISTS "SequelizeMeta" (name varchar(255) PRIMARY KEY)');
    for (const f of scripts) {
      const m = require(path.join(dir, f));
      await (m.default || m).up(qi, Sequelize);
      await sequelize.query('INSERT INTO "SequelizeMeta" VALUES ($1)', { bind: [f] });
    }
    await sequelize.close();
  } else if (tool === "typeorm") {
    require("reflect-metadata");
    const { DataSource } = require("typeorm");
    const migrations = [];
    for (const f of scripts) for (const v of Object.values(require(path.join(dir, f)))) if (typeof v === "function") migrations.push(v);
    const ds = new DataSource({ type: "postgres", ...conn, username: conn.user, migrations });
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
  } else if (tool === "kysely") {
    const { Kysely, PostgresDialect, Migrator, FileMigrationProvider } = require("kysely");
    const { Pool } = require("pg");
    const db = new Kysely({ dialect: new PostgresDialect({ pool: new Pool(conn) }) });
    const migrator = new Migrator({ db, provider: new FileMigrationProvider({ fs: require("fs/promises"), path, migrationFolder: dir }) });
    const { error } = await migrator.migrateToLatest();
    await db.destroy();
    if (error) throw error;
  } else {
    throw new Error("usage: knex|sequelize|typeorm|kysely");
  }
}
main(process.argv[2]).catch((e) => { console.error(e); process.exit(1); });
EOF
node --require "$mods/tsx/dist/cjs/index.cjs" "$out/run.cjs" "$tool"
columns='.relations[] | select(.name | test("^(knex_migrations|knex_migrations_lock|SequelizeMeta|migrations|kysely_migration|kysely_migration_lock)(_[a-z]+_seq)?$") | not) | .name as $t | .kind as $k |
  (if (.columns | length) == 0 then "\($t) (no columns)"
   elif $k == "view" then (.columns[] | "\($t).\(.name) (view)")
   else (.columns[] | "\($t).\(.name) \(.type) \(if .not_null then "NOT NULL" else "NULL" end)") end)'
"$bin" schema --database-url "$DATABASE_URL" --format json | jq -r "$columns" | sort > "$out/database"
"$bin" schema "$project" --offline --migrations "$3" --format json | jq -r "$columns" | sort > "$out/migrations"
normalize() {
  sed -E 's/ character varying\[\] / _varchar /; s/ (character varying|varchar)(\([0-9]+\))? / varchar /; s/ character(\([0-9]+\))? / bpchar /; s/ (numeric|decimal)(\([0-9, ]+\))? / numeric /;
    s/ (bigint|bigserial) / int8 /; s/ serial / int4 /; s/ integer / int4 /; s/ smallint / int2 /; s/ boolean / bool /; s/ (double precision|float) / float8 /;
    s/ real / float4 /; s/ timestamp with time zone / timestamptz /; s/ timestamp without time zone / timestamp /;
    s/ time without time zone / time /; s/ ([a-z0-9_]+)\[\] / _\1 /' "$1" | sort -o "$1"
}
normalize "$out/database"
normalize "$out/migrations"
tables() { cut -d' ' -f1 "$1" | cut -d. -f1 | sort -u; }
echo "database:   $(tables "$out/database" | wc -l) tables, $(wc -l < "$out/database") columns"
echo "migrations: $(tables "$out/migrations" | wc -l) tables, $(wc -l < "$out/migrations") columns"
if diff -u "$out/database" "$out/migrations"; then
  echo "identical"
else
  exit 1
fi
