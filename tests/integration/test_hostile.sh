#!/usr/bin/env bash
# Hostile trees end to end (issue 16), built here at test time because git cannot hold a FIFO:
# a FIFO and links to /dev/zero, /dev/urandom and outside the tree with code extensions, a file
# over --max-file-size, a file name that is not UTF-8 in every output format. Each command runs
# under `timeout`, so a hang fails the test instead of the CI job.
#   tests/integration/test_hostile.sh SCHEMAGATE_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "$1")
. "$here/tests/integration/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { (cd "$work/p" && NO_COLOR=1 timeout 20 "$bin" "$@" 2>&1); echo "exit: $?"; }

mkdir -p "$work/p/migrations" "$work/p/app" "$work/outside"
printf 'CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);\n' >"$work/p/migrations/0001_init.sql"
printf 'def f(cur):\n    cur.execute("SELECT id, nickname FROM users")\n' >"$work/p/app/real.py"
printf 'def f(cur):\n    cur.execute("SELECT secret FROM users")\n' >"$work/outside/x.py"
mkfifo "$work/p/app/fifo.py"
ln -s /dev/zero "$work/p/app/zero.py"
ln -s /dev/urandom "$work/p/app/random.ts"
ln -s "$work/outside/x.py" "$work/p/app/outside.py"
ln -s real.py "$work/p/app/alias.py"
{ printf 'def g(cur):\n    cur.execute("SELECT big FROM users")\n'; head -c 5000 /dev/zero | tr '\0' '#'; echo; } >"$work/p/app/big.py"

check "special files and links: skipped, listed, no hang" "schemagate: migrations: migrations/ (plain, 1 file)
schemagate: skipped: app/big.py: larger than 4096 bytes (--max-file-size)
schemagate: skipped: app/fifo.py: not a regular file (FIFO)
schemagate: skipped: app/outside.py: symbolic link to outside the tree
schemagate: skipped: app/random.ts: symbolic link to outside the tree
schemagate: skipped: app/zero.py: symbolic link to outside the tree
app/alias.py:2:29: error[missing-column]: column \"nickname\" of relation \"users\" does not exist (SQLSTATE 42703): no migration adds it
app/real.py:2:29: error[missing-column]: column \"nickname\" of relation \"users\" does not exist (SQLSTATE 42703): no migration adds it
schemagate: 2 files scanned, 2 SQL sites (2 checked, 0 unchecked), 2 errors, 0 warnings
exit: 1" "$(run check . -v --max-file-size 4K | grep -v -e '^ ' -e '^$')"
check "refs lists what was skipped" "app/big.py: skipped: larger than 1024 bytes (--max-file-size)" \
  "$(run refs . --max-file-size 1K | grep '^app/big.py')"
check "no size limit" "app/big.py:2:25: error[missing-column]: column \"big\" of relation \"users\" does not exist (SQLSTATE 42703): no migration adds it" \
  "$(run check . --max-file-size 0 | grep '^app/big.py')"
check "refs json lists what was skipped" '  "skipped": [
    {
      "file": "app/fifo.py",
      "reason": "not a regular file (FIFO)"
    },' "$(run refs . --format json | sed -n '/"skipped"/,$p' | sed -n '1,5p')"
check "bad --max-file-size" "schemagate: error: --max-file-size: \"4X\" is not a size (bytes, or with K, M or G) (see schemagate --help)
exit: 2" "$(run check . --max-file-size 4X)"

# A migration that is a FIFO: exit 2 naming it, no hang.
mkfifo "$work/p/migrations/0002_more.sql"
check "FIFO migration" "schemagate: error: migrations/0002_more.sql: cannot read: not a regular file (FIFO)
exit: 2" "$(run check .)"
rm "$work/p/migrations/0002_more.sql"

# A file name that is not UTF-8: every format renders it (exit 1, not an abort).
rm -f "$work/p/app/fifo.py" "$work/p/app/zero.py" "$work/p/app/random.ts" "$work/p/app/outside.py" "$work/p/app/alias.py"
mv "$work/p/app/real.py" "$work/p/app/$(printf 'bad\377name.py')"
for format in text json sarif github junit gitlab; do
  out=$(cd "$work/p" && timeout 20 "$bin" check . --format "$format" 2>/dev/null)
  code=$?
  check "non-UTF-8 file name, $format: exit 1" "1" "$code"
  if command -v jq >/dev/null && [[ $format == json || $format == sarif || $format == gitlab ]]; then
    check "non-UTF-8 file name, $format: parses" "ok" "$(printf '%s' "$out" | jq -e . >/dev/null 2>&1 && echo ok)"
  fi
  if [[ $format == junit ]]; then
    check "non-UTF-8 file name, junit: UTF-8" "ok" "$(printf '%s' "$out" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && echo ok)"
  fi
done

# git's core.excludesFile: a file the user's global ignore names is not the project's code, as
# `git status` does not list it; .gitignore can take it back with a negation.
mkdir -p "$work/g/migrations" "$work/home"
printf 'CREATE TABLE users (id bigserial PRIMARY KEY);\n' >"$work/g/migrations/0001_init.sql"
printf 'def f(cur):\n    cur.execute("SELECT nickname FROM users")\n' >"$work/g/scratch.py"
printf 'def f(cur):\n    cur.execute("SELECT handle FROM users")\n' >"$work/g/kept.py"
printf 'scratch.py\nkept.py\n' >"$work/home/ignore"
printf '!kept.py\n' >"$work/g/.gitignore"
git -C "$work/g" init -q
git -C "$work/g" config core.excludesFile "$work/home/ignore"
check "core.excludesFile: scratch.py ignored, kept.py taken back by .gitignore" \
  "kept.py:2:25: error[missing-column]: column \"handle\" of relation \"users\" does not exist (SQLSTATE 42703): no migration adds it
schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 1 error, 0 warnings" \
  "$(cd "$work/g" && NO_COLOR=1 HOME="$work/home" timeout 20 "$bin" check . 2>&1 | grep -v -e '^ ' -e '^$' -e '^schemagate: migrations')"
check "core.excludesFile matches git status" "?? .gitignore
?? kept.py
?? migrations/" "$(cd "$work/g" && HOME="$work/home" git status --porcelain)"

# 568 bytes of mangled TSX (a fuzzer's find) kept tree-sitter's error recovery busy for minutes:
# the parse is given up after its budget and the run stops, naming the file (not checked is not clean).
mkdir -p "$work/t/migrations"
printf 'CREATE TABLE plans (id text PRIMARY KEY);\n' >"$work/t/migrations/0001_init.sql"
printf '%s' 'aW1wb3J0IFJlYWN0IGZyb20gJ3xlYWN0JzsKCnR5cGUgUHJvcHMgPSB7IHBsYW5zOiB7IGlkOiBzdHJpbmc7IG5hbWU6IHN0cmluZyB9W107IG9uUGljazogKGlkOiBzdHJpbmcpID0+IHZvaWQgfTsKCmV4cG9ydCBmdW5jdGlvbiBQbGFuUGlja2VyKHsgcGxhbnOOjo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo4sIG9uUGljayB9OiBQcm9wOQAAAApyICBldHVybiAoCiAgICA8ZGl2IGNsYXNzTmFtZT0icGxhbi1waWOGZXIiPgogICAgICA8bGFiZWwgaHRtbEZv////cmxhbiI+U2VsZWN0IGEgcGxhbiBmcm9tIHRoeyBwbGFuLDogeyBpZDogc3RyaW5nOyBuYW1lOiBzdHJpbmdifVtdOyBvblBpY2s6IChpZDogc3RyaW5nKSA9PiB2b2lkIH07CgpleHBvcnQgZnVuY3Rpb24gUGxhblBpY2tlcih7IHBsYW5zLCBvblBpY2sgfTogUHJvcHMpIHsKICByZXR1cm4gKAogICBlIGxpc3Q8L2xhYmVsICApPG9wdGlvbiBrZXk9e3AuaWR9IHZhbHVlPXtwLmlkfT4KICAgICAgICAgICAge3AucnVsZXN0JywKICBldmVudDogJ3NlEWVjdCcsCn07Cg==' | base64 -d >"$work/t/picker.tsx"
check "a file tree-sitter cannot finish: exit 2 naming it" \
  "schemagate: error: picker.tsx: tree-sitter gave up parsing it after 5 s (a pathological or generated file?); leave it out with --exclude or schemagate.yaml's exclude
exit: 2" "$(cd "$work/t" && timeout 60 "$bin" check . 2>&1; echo "exit: $?")"
check "... and --exclude leaves it out" "exit: 0" "$(cd "$work/t" && timeout 60 "$bin" check . --exclude picker.tsx >/dev/null 2>&1; echo "exit: $?")"

finish hostile
