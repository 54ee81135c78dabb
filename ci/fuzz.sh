#!/usr/bin/env bash
# Runs every libFuzzer target of a -DSCHEMAGATE_FUZZ=ON build for a bounded time, each on a seed
# corpus: the small one kept in tests/fuzz/corpus/TARGET/ plus the fixtures' files of the kind it
# reads. New inputs go to a scratch corpus; crashes to BUILD/fuzz-artifacts/. Exit 1 on a crash.
# The pass is reproducible: seeds are taken in sorted order and libFuzzer's own random seed is fixed
# (FUZZ_SEED, default 1), so the same commit explores the same inputs on every machine, a slower
# machine only fewer of them; a crash in CI is one anybody reproduces with the same command.
# FUZZ_SEED=0 lets libFuzzer choose (for long runs by hand). FUZZ_TIMEOUT: seconds one input may take.
# FUZZ_RUNS=N runs exactly N inputs per target (SECONDS_PER_TARGET is then only a cap): the same
# inputs on a fast machine and a loaded one, so a pass seen here is the pass CI sees.
#   ci/fuzz.sh BUILD_DIR [SECONDS_PER_TARGET]   (default 10)
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "$1")
seconds=${2:-10}
fuzz_seed=${FUZZ_SEED:-1}
runs_flag=()
[ -n "${FUZZ_RUNS:-}" ] && runs_flag=(-runs="$FUZZ_RUNS")
timeout=${FUZZ_TIMEOUT:-30}
fixtures=$here/migrations-fixtures
artifacts=$build/fuzz-artifacts
mkdir -p "$artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

seeds_for() {  # fixture files a target reads, by name pattern
  case "$1" in
    fuzz_sql|fuzz_code_sql|fuzz_migration_*|fuzz_parse_tree) find "$fixtures" -name '*.sql' ;;
    fuzz_code_python) find "$fixtures" -name '*.py' ;;
    fuzz_code_javascript) find "$fixtures" -name '*.js' ;;
    fuzz_code_typescript) find "$fixtures" -name '*.ts' ;;
    fuzz_code_tsx) find "$fixtures" -name '*.tsx' ;;
    fuzz_code_go) find "$fixtures" -name '*.go' ;;
    fuzz_config) find "$fixtures" -name 'schemagate.yaml' ;;
    fuzz_baseline) find "$fixtures" -name '*baseline*.json' ;;
    fuzz_glob) find "$fixtures" -name '.gitignore' ;;
    fuzz_suppressions) grep -rl 'schemagate-ignore' "$fixtures" ;;
  esac
}

failed=()
total_runs=0
for bin in "$build"/fuzz_*; do
  [ -x "$bin" ] && [ -f "$bin" ] || continue
  name=$(basename "$bin")
  work=$(mktemp -d)
  seeds=$(mktemp -d)
  [ -d "$here/tests/fuzz/corpus/$name" ] && cp "$here/tests/fuzz/corpus/$name"/* "$seeds"/ 2>/dev/null
  i=0
  while IFS= read -r f; do
    [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 65536 ] && cp "$f" "$seeds/seed$((i++))"
  done < <(seeds_for "$name" | LC_ALL=C sort | head -n 200)
  log=$(mktemp)
  # libFuzzer can hang in its own out-of-memory report under LeakSanitizer: a hard limit per
  # target keeps the job from hanging CI, and counts as a crash.
  timeout -s KILL $((seconds + timeout + 120)) "$bin" -seed="$fuzz_seed" "${runs_flag[@]}" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$name-" "$work" "$seeds" >"$log" 2>&1
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  total_runs=$((total_runs + ${runs:-0}))
  if [ $code -eq 0 ]; then
    echo "fuzz: $name: ${runs:-?} runs${FUZZ_RUNS:+ of $FUZZ_RUNS} (at most ${seconds}s), no crash"
  else
    echo "fuzz: $name: CRASH (exit $code), input in $artifacts/"
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -5
    failed+=("$name")
  fi
  rm -rf "$work" "$seeds" "$log"
done
echo "fuzz: $total_runs runs in total"
if ((${#failed[@]})); then
  echo "fuzz: crashes in ${failed[*]}"
  exit 1
fi
