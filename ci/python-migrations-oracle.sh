#!/usr/bin/env bash
# Compares the schema schemagate builds from a Django or Alembic project's migrations (read, never
# run) with the schema the tool itself builds in a throwaway PostgreSQL (the migrations run):
#   ci/python-migrations-oracle.sh django  PROJECT   # runs `python3 manage.py migrate` in PROJECT
#   ci/python-migrations-oracle.sh alembic PROJECT   # runs `alembic upgrade heads` in PROJECT
# Needs python3-django / alembic, python3-psycopg2 and postgresql-15 (Debian packages). The project's
# settings / alembic.ini must take the database from libpq's PG* variables (the cluster started
# here sets them) or from DATABASE_URL. Prints one line per table.column with type and nullability
# on each side and the differences; exits 1 when they differ. The tracking tables
# (django_migrations and its id sequence, alembic_version) are left out: the tools create them, no
# migration does.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tool=$1
project=$(cd "$2" && pwd)
bin=${SCHEMAGATE:-$here/build/schemagate}
eval "$("$here/ci/start-postgres.sh")"
trap '"$here/ci/stop-postgres.sh" >/dev/null 2>&1 || true' EXIT
export DATABASE_URL="postgresql://$PGUSER@/$PGDATABASE?host=$PGHOST&port=$PGPORT"
py=/usr/bin/python3
case $tool in
  django) (cd "$project" && $py manage.py migrate -v 0) ;;
  alembic) (cd "$project" && $py -m alembic upgrade heads) ;;
  *) echo "usage: $0 django|alembic PROJECT" >&2; exit 2 ;;
esac
# Views: column names only (the model does not type a view's columns).
columns='.relations[] | select(.name != "django_migrations" and .name != "django_migrations_id_seq" and .name != "alembic_version") | .name as $t | .kind as $k |
  (if (.columns | length) == 0 then "\($t) (no columns)"
   elif $k == "view" then (.columns[] | "\($t).\(.name) (view)")
   else (.columns[] | "\($t).\(.name) \(.type) \(if .not_null then "NOT NULL" else "NULL" end)") end)'
out=$(mktemp -d)
"$bin" schema --database-url "$DATABASE_URL" --format json | jq -r "$columns" | sort > "$out/database"
"$bin" schema "$project" --offline --format json | jq -r "$columns" | sort > "$out/migrations"
# The catalog spells types as format_type() does, the migrations side as the parser does, without
# length modifiers: compare base types in the parser's spelling.
normalize() {
  sed -E 's/ character varying\[\] / _varchar /; s/ character varying(\([0-9]+\))? / varchar /; s/ character(\([0-9]+\))? / bpchar /; s/ numeric\([0-9, ]+\) / numeric /;
    s/ (bigint|bigserial) / int8 /; s/ serial / int4 /; s/ integer / int4 /; s/ smallint / int2 /; s/ boolean / bool /; s/ double precision / float8 /;
    s/ real / float4 /; s/ timestamp with time zone / timestamptz /; s/ timestamp without time zone / timestamp /;
    s/ time without time zone / time /; s/ ([a-z0-9_]+)\[\] / _\1 /' "$1" | sort -o "$1"
}
normalize "$out/database"
normalize "$out/migrations"
tables() { cut -d' ' -f1 "$1" | cut -d. -f1 | sort -u; }
echo "database:   $(tables "$out/database" | wc -l) tables, $(wc -l < "$out/database") columns"
echo "migrations: $(tables "$out/migrations" | wc -l) tables, $(wc -l < "$out/migrations") columns"
if diff -u "$out/database" "$out/migrations" > "$out/diff"; then
  echo "identical"
  rm -rf "$out"
else
  cat "$out/diff"
  rm -rf "$out"
  exit 1
fi
