#!/usr/bin/env bash
# Deploy order against a real PostgreSQL and against a snapshot of it. Each scenario builds a git
# history in a temporary directory: one commit for the running code (tag v1, whose migrations
# are applied to the database with golang-migrate's bookkeeping), one for the new code and its
# migrations. `schemagate plan . --deployed-ref v1` must give the verdict, the blockers of each
# order, and the exit code; `--order` must decide the exit code.
#   tests/integration/test_plan.sh SCHEMAGATE_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "$1")
. "$here/tests/integration/lib.sh"
eval "$("$here/ci/start-postgres.sh")" || { echo "FAIL cannot start PostgreSQL"; exit 1; }
work=$(mktemp -d)
trap '"$here/ci/stop-postgres.sh" "$SCHEMAGATE_PG_DIR"; rm -rf "$work"' EXIT
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
git() { command git -c user.name=test -c user.email=test@example.com "$@"; }

# scenario NAME: creates $work/NAME with the v1 files given on fd 3 and v2 files on fd 4, as
# "=== path" separated blocks; applies v1's migrations to database NAME.
write_files() {  # reads "=== path" blocks from stdin into directory $1
  local dir=$1 path=""
  while IFS= read -r line; do
    if [[ "$line" == "=== "* ]]; then path="$dir/${line#=== }"; mkdir -p "$(dirname "$path")"; : >"$path"
    elif [[ -n "$path" ]]; then printf '%s\n' "$line" >>"$path"; fi
  done
}
scenario() {
  local name=$1 v1=$2 v2=$3 dir=$work/$1
  mkdir -p "$dir"
  write_files "$dir" <<<"$v1"
  git -C "$dir" init -q && git -C "$dir" add -A && git -C "$dir" commit -qm v1 && git -C "$dir" tag v1
  psql -d postgres -c "CREATE DATABASE $name" >/dev/null
  psql -d "$name" -c "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)"
  local last=0
  for f in "$dir"/migrations/*.up.sql; do
    psql -d "$name" -f "$f" >/dev/null
    last=$(basename "$f" | sed -E 's/^0*([0-9]+)_.*/\1/')
  done
  psql -d "$name" -c "INSERT INTO schema_migrations VALUES ($last, false)"
  write_files "$dir" <<<"$v2"
  git -C "$dir" add -A && git -C "$dir" commit -qm v2
  (cd "$dir" && "$bin" schema . --database-url "postgresql:///$name?host=$PGHOST&port=$PGPORT&user=$PGUSER" \
    --format json >"$work/$name.snapshot.json")
}
# expect NAME VERDICT EXIT "deploy-first blockers" "migrate-first blockers" [--order O EXIT]...
expect() {
  local name=$1 verdict=$2 code=$3 df=$4 mf=$5 dir=$work/$1
  for source in database snapshot; do
    local db=(--database-url "postgresql:///$name?host=$PGHOST&port=$PGPORT&user=$PGUSER")
    [[ $source == snapshot ]] && db=(--schema-snapshot "$work/$name.snapshot.json")
    local out got
    out=$(cd "$dir" && "$bin" plan . --deployed-ref v1 "${db[@]}" --format json 2>&1)
    got=$?
    check "$name ($source) exit" "$code" "$got"
    check "$name ($source) verdict" "$verdict" "$(jq -r .verdict <<<"$out" 2>&1)"
    check "$name ($source) deploy-first blockers" "$df" \
      "$(jq -r '.orders["deploy-first"].blockers[] | "\(.rule) \(.file):\(.line)"' <<<"$out" 2>&1)"
    check "$name ($source) migrate-first blockers" "$mf" \
      "$(jq -r '.orders["migrate-first"].blockers[] | "\(.rule) \(.file):\(.line)"' <<<"$out" 2>&1)"
    shift 5 2>/dev/null || true
  done
}
order() {  # order NAME ORDER EXIT
  local out
  out=$(cd "$work/$1" && "$bin" plan . --deployed-ref v1 --database-url \
    "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=$PGUSER" --order "$2" 2>&1)
  check "$1 --order $2" "$3" "$?"
}

USERS_V1='=== migrations/0001_users.up.sql
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, nickname text);'

# 1. An added column that the new code uses: the migration must go first.
scenario added "$USERS_V1
=== app/users.py
def find(cur, email):
    cur.execute(\"SELECT id, email FROM users WHERE email = %s\", (email,))" "=== migrations/0002_add_plan.up.sql
ALTER TABLE users ADD COLUMN plan text;
=== app/users.py
def find(cur, email):
    cur.execute(\"SELECT id, email, plan FROM users WHERE email = %s\", (email,))"
expect added migrate-first 0 "pending-migration app/users.py:2" ""
order added migrate-first 0
order added deploy-first 1
order added rolling 1

# 2. A dropped column that the running code still reads: deploy the new code first.
scenario dropped "$USERS_V1
=== app/users.py
def find(cur, email):
    cur.execute(\"SELECT id, nickname FROM users WHERE email = %s\", (email,))" "=== migrations/0002_drop_nickname.up.sql
-- nobody shows nicknames any more
ALTER TABLE users DROP COLUMN nickname;
=== app/users.py
def find(cur, email):
    cur.execute(\"SELECT id FROM users WHERE email = %s\", (email,))"
expect dropped deploy-first 0 "" "breaks-running-code migrations/0002_drop_nickname.up.sql:2"
order dropped deploy-first 0
order dropped migrate-first 1
# The running code as a checkout instead of a revision: the same verdict.
mkdir -p "$work/dropped-v1" && git -C "$work/dropped" archive v1 | tar -x -C "$work/dropped-v1"
out=$(cd "$work/dropped" && "$bin" plan . --deployed-path "$work/dropped-v1" --database-url \
  "postgresql:///dropped?host=$PGHOST&port=$PGPORT&user=$PGUSER" --format json)
check "deployed-path verdict" "deploy-first" "$(jq -r .verdict <<<"$out")"
check "deployed-path running code" "$work/dropped-v1" "$(jq -r .running_code <<<"$out")"
# The same check in one CI step, then the finding suppressed at the migration with a reason.
out=$(cd "$work/dropped" && "$bin" check . --deployed-ref v1 2>&1 | grep -c 'error\[breaks-running-code\]')
check "check --deployed-ref" "1" "$out"
sed -i '1s/.*/-- schemagate-ignore: breaks-running-code v1 is drained before this runs/' "$work/dropped/migrations/0002_drop_nickname.up.sql"
out=$(cd "$work/dropped" && "$bin" check . --deployed-ref v1 2>&1); code=$?
check "suppressed at the migration" "schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 0 errors, 0 warnings
0" "$out
$code"

# 3. A renamed column used by both versions: no order is safe; split it.
scenario renamed "$USERS_V1
=== app/users.py
def find(cur, email):
    cur.execute(\"SELECT id, nickname FROM users WHERE email = %s\", (email,))" "=== migrations/0002_rename.up.sql
ALTER TABLE users ADD COLUMN last_seen timestamptz;
ALTER TABLE users RENAME COLUMN nickname TO handle;
=== app/users.py
def find(cur, email):
    cur.execute(\"SELECT id, handle, last_seen FROM users WHERE email = %s\", (email,))"
expect renamed split-required 1 "pending-migration app/users.py:2
pending-migration app/users.py:2" "breaks-running-code migrations/0002_rename.up.sql:2"
split=$(cd "$work/renamed" && "$bin" plan . --deployed-ref v1 --database-url \
  "postgresql:///renamed?host=$PGHOST&port=$PGPORT&user=$PGUSER" | sed -n '/^split the pending migrations:/,$p')
check "renamed split" "split the pending migrations:
  1. expand, apply now (before deploying):
       migrations/0002_rename.up.sql:1: ALTER TABLE users ADD COLUMN last_seen timestamptz
  2. deploy the new code
  3. contract, in a later release, once no running code uses what it removes:
       migrations/0002_rename.up.sql:2: ALTER TABLE users RENAME COLUMN nickname TO handle  (renames what running code may use; a rename cannot be split: add the new name, write both, backfill, switch reads, then drop the old name in a later release)" "$split"
order renamed rolling 1

# 4. NOT NULL without a default against an INSERT of the running code.
scenario required_col "$USERS_V1
=== app/signup.ts
export async function signup(db: any, email: string) {
  await db.query(\"INSERT INTO users (email) VALUES (\$1)\", [email]);
}" "=== migrations/0002_tenant.up.sql
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;"
expect required_col deploy-first 0 "" "not-null-without-default migrations/0002_tenant.up.sql:1"

# 5. A purely additive change: either order.
scenario additive "$USERS_V1
=== app/users.go
package app

const q = \`SELECT id, email FROM users\`

func All(db DB) { db.Query(q) }" "=== migrations/0002_audit.up.sql
CREATE TABLE audit_log (id bigserial PRIMARY KEY, user_id bigint REFERENCES users (id), action text NOT NULL);
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();"
expect additive either 0 "" ""
order additive rolling 0

# 6. A dropped column that neither version uses: either order.
scenario unused "$USERS_V1
=== app/users.py
def find(cur, email):
    cur.execute(\"SELECT id FROM users WHERE email = %s\", (email,))" "=== migrations/0002_drop_nickname.up.sql
ALTER TABLE users DROP COLUMN nickname;"
expect unused either 0 "" ""

# 7. Rails: a model loads every column of its table, so dropping one it does not name breaks it
# unless the running release lists it in ignored_columns (offline: the pending migration is the
# one the revision lacks).
rails=$work/rails_drop
mkdir -p "$rails"
write_files "$rails" <<'FILES'
=== app/models/application_record.rb
class ApplicationRecord < ActiveRecord::Base
  primary_abstract_class
end
=== app/models/user.rb
class User < ApplicationRecord
end
=== db/migrate/20240101000000_create_users.rb
class CreateUsers < ActiveRecord::Migration[7.1]
  def change
    create_table :users do |t|
      t.string :email, null: false
      t.string :nickname
    end
  end
end
FILES
git -C "$rails" init -q && git -C "$rails" add -A && git -C "$rails" commit -qm v1 && git -C "$rails" tag v1
printf 'class User < ApplicationRecord\n  self.ignored_columns += ["nickname"]\nend\n' >"$rails/app/models/user.rb"
git -C "$rails" commit -qam v2 && git -C "$rails" tag v2
write_files "$rails" <<'FILES'
=== db/migrate/20240201000000_remove_nickname_from_users.rb
class RemoveNicknameFromUsers < ActiveRecord::Migration[7.1]
  def change
    remove_column :users, :nickname, :string
  end
end
FILES
git -C "$rails" add -A && git -C "$rails" commit -qm v3
out=$(cd "$rails" && "$bin" check . --deployed-ref v1 --format json 2>&1); code=$?
check "rails drop under v1: exit" "1" "$code"
check "rails drop under v1: finding" "breaks-running-code db/migrate/20240201000000_remove_nickname_from_users.rb:3 app/models/user.rb:1" \
  "$(jq -r '.findings[] | "\(.rule) \(.file):\(.line) \(.notes[-1].file):\(.notes[-1].line)"' <<<"$out" 2>&1)"
out=$(cd "$rails" && "$bin" check . --deployed-ref v2 -q 2>&1); code=$?
check "rails drop under v2 (ignored_columns)" "0" "$code"
out=$(cd "$rails" && "$bin" plan . --deployed-ref v1 --format json 2>&1)
check "rails drop plan" "deploy-first" "$(jq -r .verdict <<<"$out" 2>&1)"

# Bad input: no running code, unknown revision.
out=$(cd "$work/added" && "$bin" plan . 2>&1); code=$?
check "plan without running code" "schemagate: error: plan needs the running code: give --deployed-ref REF or --deployed-path DIR
2" "$out
$code"
out=$(cd "$work/added" && "$bin" plan . --deployed-ref v9 2>&1); code=$?
check "plan unknown revision" "schemagate: error: git revision \"v9\" not found in the repository at \".\"
2" "$out
$code"

finish plan
