#!/usr/bin/env bash
# The deploy-time gate against a real PostgreSQL started here (ci/start-postgres.sh): the manifest
# of the incident example, verified from a directory that holds nothing but the manifest, before
# and after the newest migration; --wait while another process applies it and while nobody does;
# SIGTERM during the wait; corrupt and foreign manifests; a database that does not know the
# migration set; and the deploy examples of ci/deploy/ run as written.
#   tests/integration/test_verify.sh SCHEMAGATE_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "$1")
. "$here/tests/integration/lib.sh"

eval "$("$here/ci/start-postgres.sh")" || { echo "FAIL cannot start PostgreSQL"; exit 1; }
work=$(mktemp -d)
trap '"$here/ci/stop-postgres.sh" "$SCHEMAGATE_PG_DIR"; rm -rf "$work"' EXIT
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
between() { awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { print (x >= lo && x < hi) ? "yes" : "no (" x " s)" }'; }

# The project, as CI sees it: a git repository (the manifest records its HEAD).
cp -r "$here/migrations-fixtures/incident" "$work/app"
rm -f "$work/app/expected"
git -C "$work/app" init -q && git -C "$work/app" add -A &&
  git -C "$work/app" -c user.name=ci -c user.email=ci@example.com commit -q -m "release 1.4"
head=$(git -C "$work/app" rev-parse HEAD)
migs="$work/app/migrations"

# The database as production has it: every migration but the newest, recorded as golang-migrate does.
url="postgresql:///app?host=$PGHOST&port=$PGPORT&user=$PGUSER"
psql -d postgres -c "CREATE DATABASE app" >/dev/null
psql -d app -f "$migs/0001_create_tenants.up.sql" -f "$migs/0002_create_llm_results.up.sql" >/dev/null
psql -d app -c "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (2, false);"
unapply() { psql -d app -1 -c "SET client_min_messages = warning; ALTER TABLE llm_results DROP COLUMN IF EXISTS model_version; UPDATE schema_migrations SET version = 2"; }
apply() { psql -d app -1 -f "$migs/0003_add_model_version.up.sql" -c "UPDATE schema_migrations SET version = 3"; }

# 1. CI: the manifest, deterministic, with no database.
mkdir "$work/gate"
out=$(cd "$work/app" && DATABASE_URL=postgresql://nowhere.invalid/x "$bin" manifest . -o "$work/gate/schemagate.requirements.json" 2>&1)
check "manifest written" "schemagate: manifest: 13 requirements (0 unchecked), 3 migrations, 0 unchecked sites, commit ${head:0:12}: $work/gate/schemagate.requirements.json
exit: 0" "$out
exit: $?"
check "same tree, same bytes" "$(cat "$work/gate/schemagate.requirements.json")" "$(cd "$work/app" && "$bin" manifest . -q)"
check "manifest header" "{\"format\":\"schemagate-manifest\",\"version\":1,
\"generator\":\"schemagate 0.1.0\",
\"revision\":{\"commit\":\"$head\",\"dirty\":false}," "$(head -n 3 "$work/gate/schemagate.requirements.json")"
check "manifest requirement" '{"schema":"public","relation":"llm_results","column":"model_version","created_by":["migrations/0003_add_model_version.up.sql",2],"places":[["worker/summarize.py",15,85,"write"]]},' \
  "$(grep '"model_version"' "$work/gate/schemagate.requirements.json")"
check "manifest checksum" "\"sha256\":\"$(sha256sum "$migs/0003_add_model_version.up.sql" | cut -d' ' -f1)\"" \
  "$(grep -o "\"sha256\":\"[0-9a-f]*\"" "$work/gate/schemagate.requirements.json" | tail -n 1)"

# 2. Deploy: verify from a directory that holds only the manifest.
cd "$work/gate"
run() { "$bin" "$@" 2>&1; echo "exit: $?"; }
pending='worker/summarize.py:15:85: error[pending-migration]: column "model_version" of relation "llm_results" does not exist in the database yet (SQLSTATE 42703 in production); pending migration migrations/0003_add_model_version.up.sql adds it: apply it before deploying this code
   = note: migrations/0003_add_model_version.up.sql:2: added here
   = help: apply migrations/0003_add_model_version.up.sql to the database first, then deploy; or run the migrations in the deploy pipeline before the new code starts
   = docs: schemagate explain pending-migration
'
check "verify before the migration" "$pending
schemagate: manifest of ${head:0:12}: 13 requirements (12 present, 1 absent, 0 unchecked), 3 migrations (2 applied, 1 pending), 1 error, 0 warnings
exit: 1" "$(run verify --manifest schemagate.requirements.json --database-url "$url")"
check "verify says what check says" "$(cd "$work/app" && "$bin" check . --database-url "$url" | grep 'error\[')" \
  "$("$bin" verify --manifest schemagate.requirements.json --database-url "$url" | grep 'error\[')"
check "json" '["pending-migration","worker/summarize.py",15,85,"migrations/0003_add_model_version.up.sql",1]' \
  "$(DATABASE_URL="$url" "$bin" verify --manifest schemagate.requirements.json --format json | jq -c '.findings[0] as $f | [$f.rule, $f.file, $f.line, $f.column, $f.migration, .summary.errors]')"
for format in sarif github junit gitlab; do
  DATABASE_URL="$url" "$bin" verify --manifest schemagate.requirements.json --format "$format" >"$work/out.$format" 2>&1
  check "format $format exit" "1 yes" "$? $(grep -q 'worker/summarize.py' "$work/out.$format" && echo yes)"
done
apply
check "verify after the migration" "schemagate: manifest of ${head:0:12}: 13 requirements (13 present, 0 absent, 0 unchecked), 3 migrations (3 applied, 0 pending), 0 errors, 0 warnings
exit: 0" "$(run verify --manifest schemagate.requirements.json --database-url "$url")"

# 3. --wait: another process applies the migration after ~3 s; then nobody does.
unapply
(sleep 3 && apply) &
started=$(now)
out=$(run verify --manifest schemagate.requirements.json --database-url "$url" --wait 30s)
took=$(elapsed "$started")
wait
check "wait: exit 0 once migrated" "exit: 0" "$(tail -n 1 <<<"$out")"
check "wait: before the deadline" "yes" "$(between "$took" 2.5 20)"
check "wait: said it was waiting" "schemagate: verify: attempt 1: 1 error; checking again in 250 ms (deadline in 30 s)" \
  "$(grep -m 1 'attempt' <<<"$out")"
unapply
started=$(now)
out=$(run verify --manifest schemagate.requirements.json --database-url "$url" --wait 3s -q)
took=$(elapsed "$started")
check "wait: exit 1 at the deadline, with the finding" "$pending
exit: 1" "$out"
check "wait: at the deadline" "yes" "$(between "$took" 2.9 8)"

# SIGTERM (Kubernetes stopping the pod) ends the wait cleanly.
"$bin" verify --manifest schemagate.requirements.json --database-url "$url" --wait 60s -q >"$work/term.out" 2>&1 &
pid=$!
sleep 1.5
started=$(now)
kill -TERM "$pid"
wait "$pid"
code=$?
check "SIGTERM" "schemagate: error: interrupted by SIGTERM before every requirement held
exit: 2 yes" "$(cat "$work/term.out")
exit: $code $(between "$(elapsed "$started")" 0 2)"

# 4. Manifests that cannot be trusted: exit 2, one line.
head -n 8 schemagate.requirements.json >truncated.json
check "corrupt manifest" "schemagate: error: manifest \"truncated.json\" is not valid JSON (parse error at line 9, column 1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal)
exit: 2" "$(run verify --manifest truncated.json --database-url "$url")"
sed '1s/"version":1/"version":2/' schemagate.requirements.json >v2.json
check "other version" "schemagate: error: manifest \"v2.json\" is version 2; this schemagate reads version 1 (write the manifest and verify it with the same schemagate release)
exit: 2" "$(run verify --manifest v2.json --database-url "$url")"
check "missing manifest" "schemagate: error: cannot read manifest \"nope.json\": No such file or directory
exit: 2" "$(run verify --manifest nope.json --database-url "$url")"
check "no database" "schemagate: error: verify needs a database: pass --database-url URL (or set DATABASE_URL) or --schema-snapshot FILE
exit: 2" "$(env -u DATABASE_URL "$bin" verify --manifest schemagate.requirements.json 2>&1; echo "exit: $?")"
check "bad duration" "schemagate: error: --wait \"soon\" is not a duration (examples: 30s, 5m, 1m30s, 500ms)
exit: 2" "$(run verify --manifest schemagate.requirements.json --database-url "$url" --wait soon)"

# 5. A database that does not know the manifest's migration set: no tracking table at all; then a
# tracking table that records a migration the manifest lacks.
psql -d postgres -c "CREATE DATABASE other" >/dev/null
psql -d other -f "$migs/0001_create_tenants.up.sql" -f "$migs/0002_create_llm_results.up.sql" -f "$migs/0003_add_model_version.up.sql" >/dev/null
other="postgresql:///other?host=$PGHOST&port=$PGPORT&user=$PGUSER"
check "unknown migration set" "schemagate: warning: the database knows none of the manifest's 3 migrations (no migration tracking table found): every migration counts as not applied, so a requirement one of them creates is reported as pending-migration
schemagate: manifest of ${head:0:12}: 13 requirements (13 present, 0 absent, 0 unchecked), 3 migrations (0 applied, 3 pending), 0 errors, 0 warnings
exit: 0" "$(run verify --manifest schemagate.requirements.json --database-url "$other")"
psql -d other -c "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (4, false);"
check "migration the manifest lacks" "migrations: warning[unknown-applied-migration]: migration version 4 is recorded as applied in public.schema_migrations but is not in the repository (version=4 dirty=false)
   = help: deploy from a branch that has this migration, or restore its file; the schema schemagate checks against is the database's, so the findings stay right
   = docs: schemagate explain unknown-applied-migration

schemagate: manifest of ${head:0:12}: 13 requirements (13 present, 0 absent, 0 unchecked), 3 migrations (3 applied, 0 pending), 0 errors, 1 warning
exit: 0" "$(run verify --manifest schemagate.requirements.json --database-url "$other")"

# 6. The deploy examples of ci/deploy/, as written: the release phase script with its migration
# command, and the arguments the Kubernetes, Argo CD / Helm and compose examples give the image
# (whose entrypoint is `schemagate verify --manifest /schemagate.requirements.json`).
unapply
out=$(cd "$work/gate" && DATABASE_URL="$url" SCHEMAGATE="$bin" \
  MIGRATE_COMMAND="psql -X -q -v ON_ERROR_STOP=1 -d app -1 -f '$migs/0003_add_model_version.up.sql' -c 'UPDATE schema_migrations SET version = 3'" \
  "$here/ci/deploy/release-phase.sh" 2>&1)
check "release phase" "exit: 0" "exit: $?"
check "release phase output" "schemagate: manifest of ${head:0:12}: 13 requirements (13 present, 0 absent, 0 unchecked), 3 migrations (3 applied, 0 pending), 0 errors, 0 warnings" "$out"
entrypoint=$(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' "$here/ci/deploy/Dockerfile")
check "image entrypoint" '"/usr/local/bin/schemagate", "verify", "--manifest", "/schemagate.requirements.json"' "$entrypoint"
if python3 -c 'import yaml' 2>/dev/null; then
  for example in kubernetes-init-container.yaml argocd-presync-job.yaml docker-compose.yaml; do
    args=$(python3 - "$here/ci/deploy/$example" <<'EOF'
import sys, yaml
docs = list(yaml.safe_load_all(open(sys.argv[1])))
for d in docs:
    if "services" in d:
        print("\n".join(d["services"]["schemagate"]["command"]))
    else:
        spec = d["spec"]["template"]["spec"]
        for c in spec.get("initContainers", []) + spec.get("containers", []):
            if c["name"] == "schemagate":
                print("\n".join(c["args"]))
EOF
    )
    mapfile -t argv <<<"$args"
    out=$(DATABASE_URL="$url" "$bin" verify --manifest schemagate.requirements.json "${argv[@]}" -q 2>&1)
    check "example $example" "exit: 0 ()" "exit: $? ($out)"
  done
  python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$here/ci/deploy/github-actions-deploy.yml"
  check "github actions example parses" "0" "$?"
fi

finish verify
