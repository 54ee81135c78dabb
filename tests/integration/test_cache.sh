#!/usr/bin/env bash
# The schema cache end to end on a git project built here: `check` (whole, --changed-since, by
# file) and `plan` store the schema built from the migrations, a second run uses it (--verbose says so) with the
# same output as a run without it, any change to the migrations rebuilds, a damaged cache file is
# ignored, and --no-cache neither reads nor writes one.
#   tests/integration/test_cache.sh SCHEMAGATE_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "$1")
. "$here/tests/integration/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git() { command git -c user.name=test -c user.email=test@example.com "$@"; }
unset SCHEMAGATE_CACHE_DIR
export XDG_CACHE_HOME="$work/cache"
run() { (cd "$work/p" && NO_COLOR=1 "$bin" "$@" 2>&1); echo "exit: $?"; }
# The output without the cache's own --verbose line, and that line alone.
out() { run "$@" | grep -v -E '^schemagate: (schema|index) cache: '; }
said() { run "$@" | grep '^schemagate: schema cache: ' | sed -e 's/; stored in .*/; stored/' -e 's/: used .*/: used/'; }

mkdir -p "$work/p/migrations" "$work/p/app"
cat >"$work/p/migrations/0001_init.up.sql" <<'SQL'
CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, plan text);
SQL
cat >"$work/p/app/a.py" <<'PY'
def load(cur):
    cur.execute("SELECT id, email FROM accounts")
PY
cat >"$work/p/app/b.py" <<'PY'
def plans(cur):
    cur.execute("SELECT plan, tier FROM accounts")
PY
git -C "$work/p" init -q && git -C "$work/p" add -A && git -C "$work/p" commit -qm base
printf '\n# touched\n' >>"$work/p/app/b.py"

check "first run stores" "schemagate: schema cache: not used (no cached build); stored" \
  "$(said check . --changed-since HEAD --verbose)"
check "second run uses it" "schemagate: schema cache: used" "$(said check . --changed-since HEAD --verbose)"
check "the same findings with and without the cache" "$(out check . --changed-since HEAD --format json --no-cache)" \
  "$(out check . --changed-since HEAD --format json)"
check "the same text output with and without the cache" "$(out check . --changed-since HEAD --verbose --no-cache)" \
  "$(out check . --changed-since HEAD --verbose)"
check "check FILE... uses it too" "schemagate: schema cache: used" "$(said check app/b.py --verbose)"
check "a full check uses it too" "schemagate: schema cache: used" "$(said check . --verbose)"
check "a full check's findings with and without the cache" "$(out check . --format json --no-cache)" \
  "$(out check . --format json)"

# A code file changed again: the migrations did not, the cache still holds.
printf '# again\n' >>"$work/p/app/a.py"
check "a changed code file keeps it" "schemagate: schema cache: used" "$(said check . --changed-since HEAD --verbose)"

# A new migration adds the column: rebuilt, and the finding is gone.
cat >"$work/p/migrations/0002_tier.up.sql" <<'SQL'
ALTER TABLE accounts ADD COLUMN tier text;
SQL
check "a new migration rebuilds" "schemagate: schema cache: not used (migrations changed since the cached build); stored" \
  "$(said check . --changed-since HEAD --verbose)"
check "the new migration's column is there" "$(out check . --changed-since HEAD --no-cache)" "$(out check . --changed-since HEAD)"

# A migration edited in place (same name, other bytes): rebuilt.
echo "ALTER TABLE accounts ADD COLUMN tier2 text;" >"$work/p/migrations/0002_tier.up.sql"
check "an edited migration rebuilds" "schemagate: schema cache: not used (migrations/0002_tier.up.sql changed since the cached build); stored" \
  "$(said check . --changed-since HEAD --verbose)"
check "the edited migration's schema" "$(out check . --changed-since HEAD --no-cache)" "$(out check . --changed-since HEAD)"
rm "$work/p/migrations/0002_tier.up.sql"

# A damaged cache file is ignored, never trusted.
run check . --changed-since HEAD >/dev/null
for f in "$XDG_CACHE_HOME"/schemagate/schema-*; do printf 'garbage' | dd of="$f" bs=1 seek=200 conv=notrunc 2>/dev/null; done
check "a damaged cache file is ignored" "schemagate: schema cache: not used (the cache file is damaged (ignored)); stored" \
  "$(said check . --changed-since HEAD --verbose)"
check "and the output is the same" "$(out check . --changed-since HEAD --no-cache)" "$(out check . --changed-since HEAD)"

# --no-cache: nothing read, nothing written.
rm -rf "$XDG_CACHE_HOME"
run check . --changed-since HEAD --no-cache >/dev/null
check "--no-cache writes nothing" "no cache" "$([[ -e "$XDG_CACHE_HOME/schemagate" ]] && echo cache || echo no cache)"

# SCHEMAGATE_CACHE_DIR names the directory; set empty, there is no cache and --verbose says nothing of it.
check "SCHEMAGATE_CACHE_DIR stores there" "schemagate: schema cache: not used (no cached build); stored" \
  "$(SCHEMAGATE_CACHE_DIR="$work/own" said check . --verbose)"
check "SCHEMAGATE_CACHE_DIR holds the file" "1" "$(ls "$work/own" | grep -c '^schema-')"
check "SCHEMAGATE_CACHE_DIR used" "schemagate: schema cache: used" "$(SCHEMAGATE_CACHE_DIR="$work/own" said check . --verbose)"
rm -rf "$XDG_CACHE_HOME"
check "SCHEMAGATE_CACHE_DIR empty: no line" "" "$(SCHEMAGATE_CACHE_DIR= said check . --verbose)"
check "SCHEMAGATE_CACHE_DIR empty writes nothing" "no cache" "$([[ -e "$XDG_CACHE_HOME/schemagate" ]] && echo cache || echo no cache)"

# plan keeps the schema too, with the same verdict.
git -C "$work/p" tag v1
check "plan stores" "schemagate: schema cache: not used (no cached build); stored" "$(said plan . --deployed-ref v1 --verbose)"
check "plan uses it" "schemagate: schema cache: used" "$(said plan . --deployed-ref v1 --verbose)"
check "plan's verdict with and without the cache" "$(out plan . --deployed-ref v1 --no-cache)" "$(out plan . --deployed-ref v1)"

finish cache
