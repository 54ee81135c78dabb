#!/usr/bin/env bash
# The fixture runner itself (tests/run_fixtures.sh), with a stand-in binary so it needs no build:
# a fixture folder without an `expected` file fails the run (it would silently test nothing), a
# wrong output fails with its diff, and only a tree of passing fixtures passes.
#   tests/integration/test_fixture_runner.sh
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/tests/integration/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/fake" <<'SH'
#!/usr/bin/env bash
echo "checked $*"
exit 1
SH
chmod +x "$work/fake"
runner() { "$here/tests/run_fixtures.sh" "$work/fake" "$1" 2>&1; echo "exit: $?"; }

mkdir -p "$work/good/one"
printf '%s\n' '$ schemagate check .' 'exit: 1' 'checked check .' >"$work/good/one/expected"
check "a passing fixture passes" "fixtures: 1 passed, 0 failed
exit: 0" "$(runner "$work/good")"

cp -r "$work/good" "$work/missing"
mkdir -p "$work/missing/no-expected/migrations"
check "a folder without expected fails" "FAIL no-expected: no expected file (a fixture folder must hold \`expected\` or \`expected.NAME\`)
fixtures: 1 passed, 1 failed
exit: 1" "$(runner "$work/missing")"

cp -r "$work/good" "$work/wrong"
printf '%s\n' '$ schemagate check .' 'exit: 0' >"$work/wrong/one/expected.clean"
out=$(runner "$work/wrong")
check "a wrong exit code fails" "fixtures: 1 passed, 1 failed
exit: 1" "$(grep -v '^    \|^FAIL' <<<"$out")"
check "and names the fixture" "FAIL one (clean)" "$(grep '^FAIL' <<<"$out")"

check "an empty tree is no pass" "fixtures: 0 passed, 0 failed
exit: 1" "$(mkdir -p "$work/empty" && runner "$work/empty")"
finish "fixture runner"
