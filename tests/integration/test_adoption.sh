#!/usr/bin/env bash
# Adoption features end to end on a project built here: --changed-since over a git history,
# baseline fingerprints surviving edits above a finding, schemagate.yaml (good and bad), init,
# and GitHub annotations added to text output under GITHUB_ACTIONS=true.
#   tests/integration/test_adoption.sh SCHEMAGATE_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "$1")
. "$here/tests/integration/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git() { command git -c user.name=test -c user.email=test@example.com "$@"; }
run() { (cd "$work/p" && NO_COLOR=1 "$bin" "$@" 2>&1); echo "exit: $?"; }

mkdir -p "$work/p/migrations" "$work/p/app"
cat >"$work/p/migrations/0001_init.up.sql" <<'SQL'
CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, plan text);
SQL
cat >"$work/p/app/a.py" <<'PY'
def load(cur):
    cur.execute("SELECT id, email, nickname FROM accounts")
PY
cat >"$work/p/app/b.py" <<'PY'
def plans(cur):
    cur.execute("SELECT plan, tier FROM accounts")
PY
git -C "$work/p" init -q && git -C "$work/p" add -A && git -C "$work/p" commit -qm base

# --changed-since: only the changed file is scanned.
printf '\n# touched\n' >>"$work/p/app/b.py"
check "changed-since" "app/b.py:2:31: error[missing-column]: column \"tier\" of relation \"accounts\" does not exist (SQLSTATE 42703): no migration adds it
schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 1 error, 0 warnings
exit: 1" "$(run check . --changed-since HEAD | grep -v -e '^ ' -e '^$')"
check "changed-since nothing changed" "schemagate: no file changed since HEAD: no code was checked
schemagate: 0 files scanned, 0 SQL sites (0 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(git -C "$work/p" stash -q; run check . --changed-since HEAD; git -C "$work/p" stash pop -q)"
check "changed-since unknown revision" "schemagate: error: git revision \"nope\" not found in the repository at \".\"
exit: 2" "$(run check . --changed-since nope)"
# A new migration that drops a column unchanged code uses: every file is checked, not "0 files".
git -C "$work/p" stash -q
printf 'ALTER TABLE accounts DROP COLUMN email;\n' >"$work/p/migrations/0002_drop_email.up.sql"
check "changed-since a new migration" "schemagate: migration migrations/0002_drop_email.up.sql is among the files changed since HEAD: every file is checked
app/a.py:2:29: error[missing-column]: column \"email\" of relation \"accounts\" does not exist (SQLSTATE 42703): migration migrations/0002_drop_email.up.sql drops it
app/a.py:2:36: error[missing-column]: column \"nickname\" of relation \"accounts\" does not exist (SQLSTATE 42703): no migration adds it
app/b.py:2:31: error[missing-column]: column \"tier\" of relation \"accounts\" does not exist (SQLSTATE 42703): no migration adds it
schemagate: 2 files scanned, 2 SQL sites (2 checked, 0 unchecked), 3 errors, 0 warnings
exit: 1" "$(run check . --changed-since HEAD -v | grep -v -e '^ ' -e '^$' -e '^schemagate: migrations:' -e '^schemagate: schema cache:')"
rm "$work/p/migrations/0002_drop_email.up.sql"
git -C "$work/p" stash pop -q
# A removed migration is a change of the schema too: a committed migration that adds the column
# unchanged code uses, deleted in the work tree, makes every file checked.
git -C "$work/p" stash -q
printf 'ALTER TABLE accounts ADD COLUMN nickname text;\n' >"$work/p/migrations/0002_nickname.up.sql"
git -C "$work/p" add -A && git -C "$work/p" commit -qm nickname
rm "$work/p/migrations/0002_nickname.up.sql"
check "changed-since a removed migration" "schemagate: migration migrations/0002_nickname.up.sql is among the files changed since HEAD: every file is checked
app/a.py:2:36: error[missing-column]: column \"nickname\" of relation \"accounts\" does not exist (SQLSTATE 42703): no migration adds it
app/b.py:2:31: error[missing-column]: column \"tier\" of relation \"accounts\" does not exist (SQLSTATE 42703): no migration adds it
schemagate: 2 files scanned, 2 SQL sites (2 checked, 0 unchecked), 2 errors, 0 warnings
exit: 1" "$(run check . --changed-since HEAD -v | grep -v -e '^ ' -e '^$' -e '^schemagate: migrations:' -e '^schemagate: schema cache:')"
git -C "$work/p" checkout -q -- migrations && git -C "$work/p" reset -q --hard HEAD~1 && git -C "$work/p" stash pop -q

# A schema dump is what the schema is built from too (a LATEST.sql beside the upgrade folders of
# older databases): a column taken out of it breaks unchanged code, so every file is checked.
mkdir -p "$work/d/db/postgres/0.1" "$work/d/app"
printf 'CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, plan text);\n' >"$work/d/db/postgres/LATEST.sql"
printf 'ALTER TABLE accounts ADD COLUMN plan text;\n' >"$work/d/db/postgres/0.1/00__plan.sql"
printf 'def load(cur):\n    cur.execute("SELECT id, email, plan FROM accounts")\n' >"$work/d/app/a.py"
git -C "$work/d" init -q && git -C "$work/d" add -A && git -C "$work/d" commit -qm base
printf 'CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL);\n' >"$work/d/db/postgres/LATEST.sql"
check "changed-since a changed schema dump" "schemagate: schema dump db/postgres/LATEST.sql is among the files changed since HEAD: every file is checked
app/a.py:2:36: error[missing-column]: column \"plan\" of relation \"accounts\" does not exist (SQLSTATE 42703): db/postgres/LATEST.sql does not have it
schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 1 error, 0 warnings
exit: 1" "$(cd "$work/d" && NO_COLOR=1 "$bin" check . --changed-since HEAD 2>&1 | grep -v -e '^ ' -e '^$'; echo "exit: ${PIPESTATUS[0]}")"

# Any other file the schema is read from: GORM's models, AutoMigrated at start-up (the fixture's
# project). A field taken out of a model breaks a query of a file that did not change.
cp -r "$here/migrations-fixtures/go-gorm-automigrate-beside-go-migrations" "$work/g" && rm "$work/g/expected"
git -C "$work/g" init -q && git -C "$work/g" add -A && git -C "$work/g" commit -qm base
sed -i '/ShareOSs/d' "$work/g/models/user.go"
check "changed-since a changed model of a start-up schema" "schemagate: schema source models/user.go is among the files changed since HEAD: every file is checked
repositories/pulse.go:42:37: error[missing-column]: column \"machine\" of relation \"pulses\" does not exist (SQLSTATE 42703): the models migrations/migrations.go AutoMigrates at start-up do not have it
repositories/pulse.go:48:21: error[missing-column]: column \"share_oss\" of relation \"users\" does not exist (SQLSTATE 42703): the models migrations/migrations.go AutoMigrates at start-up do not have it
schemagate: 5 files scanned, 11 SQL sites (7 checked, 4 unchecked), 2 errors, 0 warnings
exit: 1" "$(cd "$work/g" && NO_COLOR=1 "$bin" check . --changed-since HEAD 2>&1 | grep -v -e '^ ' -e '^$'; echo "exit: ${PIPESTATUS[0]}")"
git -C "$work/g" checkout -q -- models/user.go
# A removed file beside them (of the same kind) may have declared a model: every file again.
printf 'package models\n\nfunc label() string { return "x" }\n' >"$work/g/models/label.go"
git -C "$work/g" add -A && git -C "$work/g" commit -qm label && git -C "$work/g" rm -q models/label.go
check "changed-since a removed file beside the models" "schemagate: file beside the schema's sources models/label.go is among the files changed since HEAD: every file is checked
repositories/pulse.go:42:37: error[missing-column]: column \"machine\" of relation \"pulses\" does not exist (SQLSTATE 42703): the models migrations/migrations.go AutoMigrates at start-up do not have it
schemagate: 5 files scanned, 11 SQL sites (7 checked, 4 unchecked), 1 error, 0 warnings
exit: 1" "$(cd "$work/g" && NO_COLOR=1 "$bin" check . --changed-since HEAD 2>&1 | grep -v -e '^ ' -e '^$'; echo "exit: ${PIPESTATUS[0]}")"
# A changed file the build did not use (a repository's query) is checked alone, against the
# models of the other directories, as the full check does (their use in it was not checked).
git -C "$work/g" reset -q --hard HEAD
printf '\n// touched\n' >>"$work/g/repositories/pulse.go"
check "changed-since a file the schema is not read from" "repositories/pulse.go:42:37: error[missing-column]: column \"machine\" of relation \"pulses\" does not exist (SQLSTATE 42703): the models migrations/migrations.go AutoMigrates at start-up do not have it
schemagate: 1 file scanned, 6 SQL sites (5 checked, 1 unchecked), 1 error, 0 warnings
exit: 1" "$(cd "$work/g" && NO_COLOR=1 "$bin" check . --changed-since HEAD 2>&1 | grep -v -e '^ ' -e '^$'; echo "exit: ${PIPESTATUS[0]}")"

# The models of other directories come from the index cache while they keep their identity, and
# are read again once changed (a model's table renamed in a commit of its own).
mkdir -p "$work/r/db/migrate" "$work/r/app/models" "$work/r/app/controllers"
cat >"$work/r/db/migrate/20240101000000_create_pulses.rb" <<'RB'
class CreatePulses < ActiveRecord::Migration[7.1]
  def change
    create_table :pulses do |t|
      t.string :machine
    end
    create_table :beats do |t|
      t.string :user_name
    end
  end
end
RB
printf 'class ApplicationRecord < ActiveRecord::Base\n  self.abstract_class = true\nend\n' >"$work/r/app/models/application_record.rb"
printf 'class Pulse < ApplicationRecord\nend\n' >"$work/r/app/models/pulse.rb"
cat >"$work/r/app/controllers/pulses_controller.rb" <<'RB'
class PulsesController < ApplicationController
  def index
    @pulses = Pulse.where(machine: params[:machine])
  end
end
RB
git -C "$work/r" init -q && git -C "$work/r" add -A && git -C "$work/r" commit -qm base
touch -d '1 hour ago' "$work/r"/app/models/*.rb && sleep 1.1  # not changed within the clock's tick
rcheck() { (cd "$work/r" && printf '\n# touched\n' >>app/controllers/pulses_controller.rb &&
            NO_COLOR=1 SCHEMAGATE_CACHE_DIR="$work/cache" "$bin" check . --changed-since HEAD -v 2>&1 |
              grep -e "index cache:" -e 'error\[' -e 'files\? scanned' | sed -E "s|$work|WORK|; s|index-[0-9a-f]{32}|index-H|"; git checkout -q -- app/controllers); }
check "changed-since, the index cache filled" "schemagate: index cache: answered 0 of the 2 files not scanned (WORK/cache/index-H)
schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 0 errors, 0 warnings" "$(rcheck)"
check "changed-since, the index cache used" "schemagate: index cache: answered 2 of the 2 files not scanned" "$(rcheck | grep -o '.*not scanned')"
printf 'class Pulse < ApplicationRecord\n  self.table_name = "beats"\nend\n' >"$work/r/app/models/pulse.rb"
git -C "$work/r" commit -qam 'pulses are beats'
touch -d '1 hour ago' "$work/r/app/models/pulse.rb" && sleep 1.1  # an identity of its own, not a racy one
check "changed-since, a changed model of another directory read again" "schemagate: index cache: answered 1 of the 2 files not scanned
app/controllers/pulses_controller.rb:3:27: error[missing-column]: column \"machine\" of relation \"beats\" does not exist (SQLSTATE 42703): no migration adds it
schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 1 error, 0 warnings" "$(rcheck | sed 's| (WORK.*||')"

# What the code of other directories creates at run time, which a pre-commit run does not scan:
# a use of it is not called missing (the full check excuses it too). A table a module creates,
# the tables create_all() makes from models, those Hibernate makes (ddl-auto=update).
newp() { rm -rf "$work/x" && mkdir -p "$work/x/migrations" && cd "$work/x" &&
         printf 'CREATE TABLE accounts (id bigserial PRIMARY KEY);\n' >migrations/0001_init.up.sql; }
pcx() { git -C "$work/x" init -q && git -C "$work/x" add -A && git -C "$work/x" commit -qm base &&
        printf '\n' >>"$work/x/$1" && (cd "$work/x" && NO_COLOR=1 "$bin" check . --changed-since HEAD 2>&1 |
        grep -e 'error\[' -e 'scanned'; echo "exit: ${PIPESTATUS[0]}"); }
(newp; mkdir -p app/store app/api
 printf 'def ensure(cur):\n    cur.execute("CREATE TABLE IF NOT EXISTS kv_cache (k text PRIMARY KEY, v text)")\n' >app/store/cache.py
 printf 'def get(cur, k):\n    cur.execute("SELECT v FROM kv_cache WHERE k = %%s", (k,))\n' >app/api/read.py)
check "changed-since, a table code of another directory creates" "schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(pcx app/api/read.py)"
(newp; mkdir -p app/models app/core app/api
 printf 'from sqlalchemy import Column, Integer, Text\nfrom sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n\n\nclass Note(Base):\n    __tablename__ = "notes"\n    id = Column(Integer, primary_key=True)\n    body = Column(Text)\n' >app/models/note.py
 printf 'from sqlalchemy import create_engine\nfrom app.models.note import Base\n\n\ndef start(url):\n    engine = create_engine(url)\n    Base.metadata.create_all(engine)\n    return engine\n' >app/core/db.py
 printf 'from sqlalchemy import text\n\n\ndef bodies(session):\n    return session.execute(text("SELECT body FROM notes")).all()\n' >app/api/read.py)
check "changed-since, the tables create_all() of another directory makes" "schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(pcx app/api/read.py)"
(newp; rm -r migrations; m=src/main/resources; mkdir -p $m/db/migration src/main/java/app/model src/main/java/app/repo
 printf 'CREATE TABLE accounts (id bigserial PRIMARY KEY);\n' >$m/db/migration/V1__init.sql
 printf 'spring.datasource.url=jdbc:postgresql://localhost/app\nspring.jpa.hibernate.ddl-auto=update\n' >$m/application.properties
 printf 'package app.model;\n\nimport jakarta.persistence.Entity;\nimport jakarta.persistence.Id;\nimport jakarta.persistence.Table;\n\n@Entity\n@Table(name = "items")\npublic class Item {\n  @Id private Long id;\n  private String name;\n}\n' >src/main/java/app/model/Item.java
 printf 'package app.repo;\n\nimport org.springframework.jdbc.core.JdbcTemplate;\n\npublic class ItemQueries {\n  private final JdbcTemplate jdbc;\n\n  public ItemQueries(JdbcTemplate jdbc) { this.jdbc = jdbc; }\n\n  public java.util.List<String> names() {\n    return jdbc.queryForList("SELECT name FROM items", String.class);\n  }\n}\n' >src/main/java/app/repo/ItemQueries.java)
check "changed-since, the tables Hibernate makes from entities of another directory" "schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(pcx src/main/java/app/repo/ItemQueries.java)"
(newp; mkdir -p app/store app/api
 printf 'def ensure(cur):\n    cur.execute("ALTER TABLE accounts ADD COLUMN IF NOT EXISTS plan text")\n' >app/store/upgrade.py
 printf 'def plan(cur, k):\n    cur.execute("SELECT plan FROM accounts WHERE id = %%s", (k,))\n' >app/api/read.py)
check "changed-since, a column code of another directory adds" "schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(pcx app/api/read.py)"
check "the full check, the same" "schemagate: 2 files scanned, 1 SQL site (1 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(cd "$work/x" && NO_COLOR=1 "$bin" check . 2>&1 | grep -e 'error\[' -e 'scanned'; echo "exit: ${PIPESTATUS[0]}")"
# The same from a file of the changed file's own directory that is not scanned.
(newp; mkdir -p app
 printf 'from sqlalchemy import Column, Integer, Text\nfrom sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n\n\nclass Note(Base):\n    __tablename__ = "notes"\n    id = Column(Integer, primary_key=True)\n    body = Column(Text)\n' >app/models.py
 printf 'from app.models import Base\n\n\ndef start(engine):\n    Base.metadata.create_all(engine)\n' >app/db.py
 printf 'from sqlalchemy import text\n\n\ndef bodies(session):\n    return session.execute(text("SELECT body FROM notes")).all()\n' >app/read.py)
check "changed-since, the tables create_all() of the same directory makes" "schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(pcx app/read.py)"
# And a table nothing creates is still missing.
(newp; mkdir -p app/api; printf 'def get(cur, k):\n    cur.execute("SELECT v FROM kv_store WHERE k = %%s", (k,))\n' >app/api/read.py)
check "changed-since, a table nothing creates" "app/api/read.py:2:32: error[missing-relation]: relation \"kv_store\" does not exist (SQLSTATE 42P01): no migration creates it
schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 1 error, 0 warnings
exit: 1" "$(pcx app/api/read.py)"

# Baseline: recorded findings are forgiven even after lines are added above them; a new one is not.
(cd "$work/p" && "$bin" baseline . >.schemagate-baseline.json 2>/dev/null)
check "baseline recorded" "2" "$(grep -c '"fingerprint"' "$work/p/.schemagate-baseline.json")"
printf '"""Account queries."""\nimport logging\n\n' | cat - "$work/p/app/a.py" >"$work/p/a.tmp" && mv "$work/p/a.tmp" "$work/p/app/a.py"
check "baseline survives edits above" "schemagate: 2 files scanned, 2 SQL sites (2 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(run check . --baseline .schemagate-baseline.json)"
cat >>"$work/p/app/a.py" <<'PY'

def count(cur):
    cur.execute("SELECT count(*) FROM accounts WHERE deleted_at IS NULL")
PY
check "baseline reports a new finding" "app/a.py:8:54: error[missing-column]: column \"deleted_at\" of relation \"accounts\" does not exist (SQLSTATE 42703): no migration adds it
schemagate: 2 files scanned, 3 SQL sites (3 checked, 0 unchecked), 1 error, 0 warnings
exit: 1" "$(run check . --baseline .schemagate-baseline.json | grep -v -e '^ ' -e '^$')"
sed -i 's/, tier//' "$work/p/app/b.py"
check "baseline lists what is gone" "schemagate: baseline: app/b.py: missing-column \"public.accounts\".\"tier\" is in the baseline but no longer occurs: regenerate the baseline to drop it" \
  "$(run check . --baseline .schemagate-baseline.json | grep 'schemagate: baseline')"
check "bad baseline" "schemagate: error: baseline \"app/a.py\": not JSON
exit: 2" "$(run check . --baseline app/a.py | sed -E 's/not JSON.*/not JSON/')"

# schemagate.yaml: a rule off, and a bad key with its line.
cat >"$work/p/schemagate.yaml" <<'YAML'
migrations: [migrations]
rules:
  missing-column: off
YAML
check "config turns a rule off" "schemagate: 2 files scanned, 3 SQL sites (3 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(run check .)"
check "flags override the file" "exit: 2" "$(run check . --migrations nowhere | tail -n 1)"
cat >"$work/p/schemagate.yaml" <<'YAML'
migrations: [migrations]
exlcude: ["tests/**"]
YAML
check "config unknown key" "schemagate: error: schemagate.yaml:2:1: unknown key \"exlcude\" (did you mean \"exclude\"?)
exit: 2" "$(run check .)"
rm "$work/p/schemagate.yaml"

# init writes a file that check then uses, and refuses to overwrite it.
check "init" "wrote schemagate.yaml
exit: 0" "$(run init .)"
check "init again" "schemagate: error: schemagate.yaml already exists; edit it or remove it first
exit: 2" "$(run init .)"
check "check with the written config" "exit: 1" "$(run check . | tail -n 1)"

# GitHub Actions: the text output gains annotations.
check "annotations under GITHUB_ACTIONS" "::error file=app/a.py,line=5,col=36,title=schemagate missing-column::column \"nickname\" of relation \"accounts\" does not exist (SQLSTATE 42703): no migration adds it%0Ahelp: add a migration with ALTER TABLE accounts ADD COLUMN nickname ... and apply it before deploying this code" \
  "$(cd "$work/p" && GITHUB_ACTIONS=true "$bin" check . 2>&1 | grep '^::error' | head -n 1)"

# Colour only on a terminal, and never with NO_COLOR.
if command -v script >/dev/null; then
  esc=$(printf '\033')
  tty_out=$(cd "$work/p" && env -u NO_COLOR script -qec "$bin check ." /dev/null 2>&1)
  check "colour on a terminal" "yes" "$([[ "$tty_out" == *"${esc}["* ]] && echo yes || echo no)"
  tty_out=$(cd "$work/p" && NO_COLOR=1 script -qec "$bin check ." /dev/null 2>&1)
  check "NO_COLOR on a terminal" "no" "$([[ "$tty_out" == *"${esc}["* ]] && echo yes || echo no)"
  pipe_out=$(cd "$work/p" && env -u NO_COLOR "$bin" check . 2>&1)
  check "no colour in a pipe" "no" "$([[ "$pipe_out" == *"${esc}["* ]] && echo yes || echo no)"
fi

# init in a monorepo: each service with its sets, formats and the code it covers; `migrations:`
# stays commented out, so the check after init still scopes each service's code to its own sets.
cp -r "$here/migrations-fixtures/monorepo-services-cross-service" "$work/mono"
rm -f "$work/mono"/expected*
check "init lists the services" "wrote schemagate.yaml
exit: 0" "$(cd "$work/mono" && "$bin" init . 2>&1; echo "exit: $?")"
check "init services block" "# This project holds 2 services, each migrating its own database:
# each service's code is checked against its own migrations only, so a table one service
# creates and another's code uses is a finding. A code file under no service's directory is
# checked against every set together. Listing the directories under \`migrations:\` would
# apply them all to one schema instead, so they are left to be found on each run.
#   service apps/billing/ (apps/billing/package.json): code under apps/billing/
#     apps/billing/db/migrations  # dbmate: 1 file
#   service services/orders/ (services/orders/go.mod): code under services/orders/
#     services/orders/migrations  # golang-migrate: 2 files
# migrations:
#   - apps/billing/db/migrations
#   - services/orders/migrations" "$(sed -n '/^# This project holds/,/^#   - services/p' "$work/mono/schemagate.yaml")"
check "check after init still scopes" "schemagate: 5 files scanned, 6 SQL sites (6 checked, 0 unchecked), 3 errors, 0 warnings
exit: 1" "$(cd "$work/mono" && NO_COLOR=1 "$bin" check . 2>&1 | tail -n 1; echo "exit: ${PIPESTATUS[0]}")"

# A pre-commit run (--changed-since) and the full check agree on the changed file: the same
# findings at the same places, and the same sites left unchecked, though the pre-commit run
# scans that file alone and follows constants only into its own directory (a Go package's
# queries.go here). The files are shaped as a Go service's store package.
mkdir -p "$work/go/migrations" "$work/go/internal/store" "$work/go/internal/report"
printf 'module example.com/app\n\ngo 1.22\n' >"$work/go/go.mod"
cat >"$work/go/migrations/0001_init.up.sql" <<'SQL'
CREATE TABLE jobs (id bigserial PRIMARY KEY, name text NOT NULL, state text NOT NULL DEFAULT 'queued');
CREATE TABLE runs (id bigserial PRIMARY KEY, job_id bigint NOT NULL REFERENCES jobs (id), started_at timestamptz);
SQL
cat >"$work/go/internal/store/queries.go" <<'GO'
package store

const (
	jobsTable  = "jobs"
	selectJobs = "SELECT id, name, state FROM " + jobsTable + " WHERE state = $1"
	updateJob  = "UPDATE jobs SET state = $1, attempts = attempts + 1 WHERE id = $2"
)
GO
cat >"$work/go/internal/store/store.go" <<'GO'
package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct{ pool *pgxpool.Pool }

func (s *Store) Queued(ctx context.Context) error {
	rows, err := s.pool.Query(ctx, selectJobs, "queued")
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}

func (s *Store) Finish(ctx context.Context, id int64) error {
	_, err := s.pool.Exec(ctx, updateJob, "done", id)
	return err
}
GO
cat >"$work/go/internal/report/report.go" <<'GO'
package report

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func Close(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	_, err := pool.Exec(ctx, "UPDATE runs SET finished_at = now() WHERE id = $1", id)
	return err
}
GO
git -C "$work/go" init -q && git -C "$work/go" add -A && git -C "$work/go" commit -qm base
cat >>"$work/go/internal/store/store.go" <<'GO'

func (s *Store) Owners(ctx context.Context, table string) error {
	_, err := s.pool.Query(ctx, "SELECT j.owner FROM "+jobsTable+" j JOIN runs r ON r.job_id = j.id WHERE r.started_at > now()")
	if err != nil {
		return err
	}
	_, err = s.pool.Exec(ctx, "DELETE FROM "+table+" WHERE id = $1", 1)
	return err
}
GO
# The changed file's findings (JSON) and its unchecked sites (--verbose), from one run.
of_store() {
  (cd "$work/go" && "$bin" check . --format json "$@" 2>/dev/null) |
    jq -c '.findings[] | select(.file == "internal/store/store.go")'
  (cd "$work/go" && "$bin" check . --verbose "$@" 2>&1 >/dev/null) | grep '^schemagate: unchecked: internal/store/store.go'
}
full=$(of_store)
check "pre-commit and full check agree on the changed file" "$full" "$(of_store --changed-since HEAD)"
check "the changed file's findings" '{"rule":"missing-column","column":40,"column_name":"owner","line":26}
{"rule":"missing-column","column":29,"column_name":"attempts","line":21}' \
  "$(printf '%s\n' "$full" | grep '^{' | jq -c '{rule, column, column_name, line}' | sort -r)"
check "the changed file's unchecked site" 1 "$(printf '%s\n' "$full" | grep -c '^schemagate: unchecked:')"

finish adoption
