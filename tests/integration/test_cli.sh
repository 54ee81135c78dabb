#!/usr/bin/env bash
# The command line's conventions end to end: typos get a suggestion and exit 2, help and version,
# colour decisions (--color, NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE, TERM=dumb), explain, several
# formats from one run (--format FORMAT=FILE, -o), paths from the repository's root in sarif,
# gitlab and github output when PATH is a subdirectory, SARIF rules with help, and the completion
# scripts (bash run for real; zsh and fish syntax-checked when installed).
#   tests/integration/test_cli.sh SCHEMAGATE_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "$1")
. "$here/tests/integration/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixture=$here/migrations-fixtures/alembic-flask-migrate-missing-column
# A monorepo: the fixture is the service services/api of a git repository.
mkdir -p "$work/repo/services"
cp -r "$fixture" "$work/repo/services/api"
git -C "$work/repo" init -q
run() { (cd "$work/repo/services/api" && timeout 60 "$@" 2>&1); echo "exit: $?"; }
sg() { run env -u NO_COLOR -u FORCE_COLOR -u CLICOLOR_FORCE "$bin" "$@"; }

check "mistyped command" "schemagate: error: unknown command 'chek'; did you mean 'check'? (see schemagate --help)
exit: 2" "$(sg chek .)"
check "unknown command, nothing near" "schemagate: error: unknown command 'frobnicate' (see schemagate --help)
exit: 2" "$(sg frobnicate)"
check "mistyped flag" "schemagate: error: unknown option '--formt' of 'check'; did you mean '--format'? (see schemagate help check)
exit: 2" "$(sg check --formt json)"
check "mistyped flag with =" "schemagate: error: unknown option '--verbos' of 'check'; did you mean '--verbose'? (see schemagate help check)
exit: 2" "$(sg check --verbos=1)"
check "extra argument" "schemagate: error: unexpected argument 'b' of 'refs' (see schemagate help refs)
exit: 2" "$(sg refs . b)"
check "-V" "schemagate $(sed -n 's/^project(schemagate VERSION \([0-9.]*\).*/\1/p' "$here/CMakeLists.txt")
exit: 0" "$(sg -V | sed -n '1p;$p')"
check "--version names the grammar" "1" "$(sg --version | grep -c '^SQL grammar: PostgreSQL [0-9.]* (libpg_query ')"
check "help check is check --help" "$(sg check --help)" "$(sg help check)"
check "usage says schemagate" "Usage: schemagate check [OPTIONS] [PATH...]" "$(sg help check | grep -m1 '^Usage')"
check "help of an unknown command" "schemagate: error: unknown command 'chekc'; did you mean 'check'?
exit: 2" "$(sg help chekc)"

# Colour: text on stdout (a pipe here, so auto is off unless forced).
esc=$'\x1b['
has_color() { grep -qF "$esc" && echo color || echo plain; }
check "auto, a pipe" plain "$(sg check . | has_color)"
check "--color always" color "$(sg check . --color always | has_color)"
check "FORCE_COLOR=1" color "$(run env FORCE_COLOR=1 "$bin" check . | has_color)"
check "FORCE_COLOR=0 forces nothing" plain "$(run env FORCE_COLOR=0 "$bin" check . | has_color)"
check "CLICOLOR_FORCE=1" color "$(run env CLICOLOR_FORCE=1 "$bin" check . | has_color)"
check "NO_COLOR wins over FORCE_COLOR" plain "$(run env NO_COLOR=1 FORCE_COLOR=1 "$bin" check . | has_color)"
check "empty NO_COLOR is unset" color "$(run env NO_COLOR= FORCE_COLOR=1 "$bin" check . | has_color)"
check "TERM=dumb on a terminal" plain "$(run env -u NO_COLOR TERM=dumb script -qec "$bin check ." /dev/null | has_color)"
check "a terminal" color "$(run env -u NO_COLOR TERM=xterm script -qec "$bin check ." /dev/null | has_color)"
check "--color never beats FORCE_COLOR" plain "$(run env FORCE_COLOR=1 "$bin" check . --color never | has_color)"
check "bad --color" "schemagate: error: --color: sometimes not in {auto,always,never} (see schemagate --help)
exit: 2" "$(sg check . --color sometimes)"

# explain prints the page; with no rule, the list.
check "explain missing-column" "$(cat "$here/docs/rules/missing-column.md")
exit: 0" "$(sg explain missing-column)"
check "explain lists the rules" "$(ls "$here/docs/rules" | sed 's/\.md$//')
exit: 0" "$(sg explain)"
check "explain a typo" "schemagate: error: unknown rule 'missing-colum'; did you mean 'missing-column'? (schemagate explain lists them)
exit: 2" "$(sg explain missing-colum)"

# Several formats in one run; files written, stdout keeps the text.
text=$(sg check . --format text)
check "text + sarif + junit in one run" "$text" "$(sg check . --format text --format sarif=out.sarif --format junit="$work/out.xml")"
check "sarif file written" "2.1.0" "$(jq -r .version "$work/repo/services/api/out.sarif")"
check "junit file written" "1" "$(grep -c '<failure type="missing-column"' "$work/out.xml")"
check "-o takes the stdout format" "exit: 1" "$(sg check . --format json -o "$work/o.json" --format gitlab="$work/gl.json")"
check "-o file is json" "1" "$(jq '.findings | length' "$work/o.json")"
check "two formats on stdout" "schemagate: error: --format text and --format json both write to stdout: give one a file (--format json=FILE)
exit: 2" "$(sg check . --format text --format json)"
check "unknown format in FORMAT=FILE" "schemagate: error: --format: xml not in {text,json,sarif,github,junit,gitlab} (see schemagate --help)
exit: 2" "$(sg check . --format xml=a.xml)"
check "unwritable output" "schemagate: error: cannot write \"$work/no/such/dir/x.sarif\"
exit: 2" "$(sg check . --format sarif="$work/no/such/dir/x.sarif")"

# Paths from the repository's root when PATH is a subdirectory.
check "sarif uri from the repository root" "services/api/app/worker.py" \
  "$(jq -r '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri' "$work/repo/services/api/out.sarif")"
check "gitlab path from the repository root" "services/api/app/worker.py" "$(jq -r '.[0].location.path' "$work/gl.json")"
check "github file= from the repository root" "1" "$(sg check . --format github | grep -c '^::error file=services/api/app/worker.py,line=13,')"
check "text keeps paths from PATH" "1" "$(grep -c '^app/worker.py:13:82:' <<<"$text")"
cp -r "$fixture" "$work/solo"
git -C "$work/solo" init -q
check "PATH is the repository's root" "app/worker.py" \
  "$(cd "$work" && "$bin" check solo --format sarif | jq -r '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri')"

# Every SARIF rule has help text and markdown, the rule's page.
rules=$(jq '.runs[0].tool.driver.rules | length' "$work/repo/services/api/out.sarif")
check "every rule has help" "$rules" "$(jq '[.runs[0].tool.driver.rules[] | select((.help.text | length) > 0 and (.help.markdown | length) > 0)] | length' "$work/repo/services/api/out.sarif")"
check "missing-column's help is its page" "$(cat "$here/docs/rules/missing-column.md")" \
  "$(jq -r '.runs[0].tool.driver.rules[] | select(.id == "missing-column") | .help.markdown' "$work/repo/services/api/out.sarif")"

# Completions.
complete_words() {  # the words bash completes for the command line "$1" (cursor at its end)
  bash -c 'source <("$0" completion bash); read -ra COMP_WORDS <<<"$1"; [[ $1 == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _schemagate; printf "%s\n" "${COMPREPLY[@]}"' "$bin" "$1"
}
check "bash: commands" "check" "$(complete_words "schemagate ch")"
check "bash: flags" "--format" "$(complete_words "schemagate check --for")"
check "bash: --format values" "$(printf '%s\n' sarif)" "$(complete_words "schemagate check --format sa")"
check "bash: --color values" "$(printf '%s\n' auto always)" "$(complete_words "schemagate check --color a")"
check "bash: explain rules" "$(printf '%s\n' missing-column missing-function missing-relation missing-unique-index)" "$(complete_words "schemagate explain missing-")"
check "bash: syntax" "" "$("$bin" completion bash | bash -n 2>&1)"
if command -v zsh >/dev/null; then check "zsh: syntax" "" "$("$bin" completion zsh | zsh -n 2>&1)"; fi
if command -v fish >/dev/null; then check "fish: syntax" "" "$("$bin" completion fish | fish -n 2>&1)"; fi
fish_script=$("$bin" completion fish)
check "every flag of check is completed" "" "$(for f in $("$bin" help check | grep -oE -- '^  (-[a-zA-Z],)?--[a-z][a-z-]+' | grep -oE -- '--[a-z-]+' | sort -u); do
  grep -q -- "seen_subcommand_from check'.* -l ${f#--}" <<<"$fish_script" || echo "missing $f"; done)"
check "fish: a flag takes no value" "complete -c schemagate -n '__fish_seen_subcommand_from check' -l verbose -s v -d 'Say which migrations and files were used and what was skipped'" \
  "$(grep -- "from check' -l verbose" <<<"$fish_script")"

# Each text finding ends with its rule's page, once per finding.
check "text: a pointer to the rule's page" "   = help: add a migration with ALTER TABLE llm_results ADD COLUMN model_version ... and apply it before deploying this code
   = docs: schemagate explain missing-column" "$(sg check . | grep -A1 '= help:')"

# check FILE...: only those files of the project in the current directory (pre-commit's way).
check "check one file with a finding" "1
schemagate: 1 file scanned, 4 SQL sites (4 checked, 0 unchecked), 1 error, 0 warnings
exit: 1" "$(sg check app/worker.py | grep -c '^app/worker.py:13:82: error\[missing-column\]'; sg check ./app/worker.py | tail -2)"
check "check a clean file" "schemagate: 1 file scanned, 0 SQL sites (0 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(sg check app/db.py)"
check "check files that are not code" "schemagate: none of the 1 files selected is code schemagate reads (--verbose says why each was left out): no code was checked
schemagate: 0 files scanned, 0 SQL sites (0 checked, 0 unchecked), 0 errors, 0 warnings
exit: 0" "$(sg check expected)"
check "a migration among the files: every file" "schemagate: migration migrations/versions/1f3c9a2b7d10_create_jobs.py is among the files given: every file is checked
exit: 1" "$(sg check app/db.py migrations/versions/1f3c9a2b7d10_create_jobs.py | sed -n '/^schemagate: migration/p;$p')"
check "a directory and files" "schemagate: error: '.' is a directory: give one project directory, or files of the project in the current directory, not both
exit: 2" "$(sg check . app/db.py)"
check "a file that does not exist" "schemagate: error: 'app/nope.py': no such file
exit: 2" "$(sg check app/db.py app/nope.py)"
check "a file outside the project" "schemagate: error: '../../../repo/services/api/app/db.py' is outside the current directory, the project's root when files are given
exit: 2" "$(sg check app/db.py ../../../repo/services/api/app/db.py)"

# pre-commit's schemagate-changed hook as .pre-commit-hooks.yaml defines it, run by pre-commit
# itself (language: system and this binary instead of the npm package).
if command -v pre-commit >/dev/null; then
  pc=$work/precommit
  cp -r "$fixture" "$pc"
  rm -f "$pc"/expected*
  printf 'def other():\n    return "SELECT id FROM jobs"\n' >"$pc/app/other.py"
  export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t PRE_COMMIT_HOME=$work/pre-commit-home
  python3 - "$here/.pre-commit-hooks.yaml" "$bin" >"$pc/.pre-commit-config.yaml" <<'PY'
import sys, yaml
hook = next(h for h in yaml.safe_load(open(sys.argv[1])) if h["id"] == "schemagate-changed")
hook["language"] = "system"
hook.pop("additional_dependencies", None)
hook["entry"] = hook["entry"].replace("schemagate", sys.argv[2], 1)
print(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}))
PY
  (cd "$pc" && git init -q && git add -A && git commit -qm init)
  hook() { (cd "$pc" && pre-commit run schemagate-changed "$@" 2>&1 | sed '/^- hook id:/d;/^- duration:/d;s/\.\.\.*/.../'); }
  check "pre-commit --all-files checks every file" "schemagate (changed files)...Failed
- exit code: 1
schemagate: migration migrations/env.py is among the files given or changed since HEAD: every file is checked
app/worker.py:13:82: error[missing-column]: column \"model_version\" of relation \"llm_results\" does not exist (SQLSTATE 42703): no migration adds it
schemagate: 4 files scanned, 5 SQL sites (5 checked, 0 unchecked), 1 error, 0 warnings" \
    "$(hook --all-files | grep -v '^ \| *|\|   = \|^$')"
  printf '\n# staged\n' >>"$pc/app/other.py"
  (cd "$pc" && git add app/other.py)
  check "pre-commit on a staged clean file says what it checked" "schemagate (changed files)...Passed

schemagate: 1 file scanned, 1 SQL site (1 checked, 0 unchecked), 0 errors, 0 warnings" \
    "$(hook | grep -v '^$' | sed '1a\\')"
else
  echo "cli: pre-commit not installed (apt-get install pre-commit): the hook not run"
  fail=$((fail + 1))
fi

# The manual page, from the same definitions as --help: every command and every flag of each.
man_page=$("$bin" man)
check "man: a roff page" ".TH SCHEMAGATE 1" "$(head -1 <<<"$man_page" | cut -d' ' -f1-3)"
commands=$("$bin" --help | sed -n '/^Subcommands:/,$p' | grep -oE '^  [a-z]+' | tr -d ' ')
check "man: the commands of --help" "yes" "$([[ $(wc -l <<<"$commands") -ge 12 ]] && echo yes || echo "no: $commands")"
rendered=$(printf '%s\n' "$man_page" | groff -man -Tascii -rLL=200n -P-cbou 2>/dev/null)
check "man: every command and flag of --help" "" "$(for c in $commands; do
  grep -q "^ *schemagate $c" <<<"$rendered" || echo "missing command $c"
  for f in $("$bin" help "$c" | grep -oE -- '^  -[^ ]+' | tr ',' '\n' | sort -u); do
    [[ $f == -h || $f == --help ]] && continue
    awk -v c="schemagate $c" -v f="$f" 'index($0, c) == 8 || index($0, c) == 4 {inside = 1; next} /^   schemagate [a-z]/ {inside = 0}
      inside && index($0, f) {found = 1} END {exit !found}' <<<"$rendered" || echo "missing $c $f"
  done; done)"
if command -v groff >/dev/null; then
  check "man: groff warns of nothing" "" "$(printf '%s\n' "$man_page" | groff -man -ww -z 2>&1)"
fi

# Progress on a terminal: drawn after SCHEMAGATE_PROGRESS_AFTER seconds (1 by default), on stderr,
# erased at the end; never when stderr is not a terminal, under --quiet or in CI.
# (Outputs are captured before grep: under pipefail, grep -q closing the pipe early fails it.)
tty_run() { (cd "$work/repo/services/api" && env -u CI TERM=xterm "$@" script -qec "$bin check . $TTY_ARGS" /dev/null); }
has() { grep -qE "$1" <<<"$2" && echo yes || echo no; }
TTY_ARGS=">/dev/null"
check "progress: drawn on a terminal" "yes" \
  "$(has 'schemagate: scanning code: [0-9]+ files read \([0-9.]+ MB\), [0-9.]+ s' "$(tty_run SCHEMAGATE_PROGRESS_AFTER=0)")"
check "progress: erased at the end" "yes" "$(has $'\x1b\\[K$' "$(tty_run SCHEMAGATE_PROGRESS_AFTER=0)")"
check "progress: not for a run under a second" "no" "$(has 'files read' "$(tty_run)")"
check "progress: not in CI" "no" "$(has 'files read' "$(tty_run SCHEMAGATE_PROGRESS_AFTER=0 CI=true)")"
TTY_ARGS="-q >/dev/null"
check "progress: not with --quiet" "no" "$(has 'files read' "$(tty_run SCHEMAGATE_PROGRESS_AFTER=0)")"
TTY_ARGS="2>&1 | cat"
check "progress: not when stderr is not a terminal" "no" "$(has 'files read' "$(tty_run SCHEMAGATE_PROGRESS_AFTER=0)")"

# The CI integrations install the version this source tree builds (bumped together at a release).
v=$(sed -n 's/^project(schemagate VERSION \([0-9.]*\).*/\1/p' "$here/CMakeLists.txt")
check "versions pinned by the CI integrations" "action $v
gitlab $v
pre-commit $v
pre-commit $v
package.json $v" "$(printf 'action %s\n' "$(python3 -c 'import sys,yaml; print(yaml.safe_load(open(sys.argv[1]))["inputs"]["version"]["default"])' "$here/ci/github-action/action.yml")"
printf 'gitlab %s\n' "$(python3 -c 'import sys,yaml; print(yaml.safe_load(open(sys.argv[1]))[".schemagate"]["variables"]["SCHEMAGATE_VERSION"])' "$here/ci/gitlab/schemagate.gitlab-ci.yml")"
python3 -c 'import sys,yaml; [print("pre-commit", h["additional_dependencies"][0].split("@")[1]) for h in yaml.safe_load(open(sys.argv[1]))]' "$here/.pre-commit-hooks.yaml"
printf 'package.json %s\n' "$(jq -r .version "$here/package.json")")"

finish cli
