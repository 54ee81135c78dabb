#!/usr/bin/env bash
# Ratios against peers, measured in one interleaved run (each round runs every tool once, so a
# loaded machine slows them alike): `schemagate check` on one core and on every core, against a
# ripgrep keyword scan and an ast-grep search with one pattern over the same tree. Prints medians
# of cpu time (user+sys), the ratios, peak memory, and the pre-commit path (`--changed-since
# HEAD` with one changed code file, in a throwaway clone when the tree is a git repository).
#   bench/compare.sh [RUNS] DIR[:LANG[:FLAGS]] ...   LANG: go | python | typescript (ast-grep's
#                                                   pattern); FLAGS: check's, e.g. --migrations=db
#   SCHEMAGATE=path/to/schemagate   BEFORE=path/to/other/schemagate (measured in the same rounds)
#   AST_GREP=path/to/ast-grep       (found on PATH otherwise)
#   COLD=1                          no schema cache (SCHEMAGATE_CACHE_DIR empty): every run replays
#                                   the migrations, as a first run or a CI job without a cache
# A peer that is not installed is left out: ripgrep is Debian's `ripgrep`, ast-grep npm's
# `@ast-grep/cli`.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bins=("${SCHEMAGATE:-$here/build/schemagate}")
labels=(schemagate)
if [[ -n "${BEFORE:-}" ]]; then bins+=("$BEFORE"); labels+=(before); fi
runs=5
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
sg=${AST_GREP:-$(command -v ast-grep || true)}
rg=$(command -v rg || true)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Each binary keeps its schema cache in its own directory: the cache file is named by the project
# and the options, and its key holds the binary's identity, so two binaries sharing one directory
# would each find the other's entry and replay the migrations on every run.
cache() { [[ "${COLD:-}" == 1 ]] && echo "" || echo "$tmp/cache$1"; }

# cpu seconds (user+sys) and peak KiB of one command: "cpu kib". time(1) prints cpu in 10 ms
# steps, as coarse as a ripgrep scan (40 ms) or a pre-commit check (20 ms) itself: where python3
# is there, the cpu is read with wait4(2) for the time(1) it starts, to the microsecond (time's
# own, about half a millisecond, included), and time(1) tells the peak memory (the command's, not
# python's, which a fork would copy). The last line of time's output: it writes "Command exited
# with non-zero status 1" before it when the check has findings.
if command -v python3 >/dev/null; then
  measure() {
    python3 -c 'import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, _, u = os.wait4(child.pid, 0)  # that child alone, with what it waited for
print("%.4f" % (u.ru_utime + u.ru_stime))' /usr/bin/time -f '%M' -o "$tmp/t" "$@" >"$tmp/c"
    echo "$(cat "$tmp/c") $(tail -n 1 "$tmp/t")"
  }
else
  measure() {
    /usr/bin/time -f '%U %S %M' -o "$tmp/t" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$tmp/t" | awk '{ printf "%.3f %d\n", $1 + $2, $3 }'
  }
fi
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# One pattern per language: ast-grep's arguments. A Go call is not a top-level declaration, so
# its pattern sits in a function and the selector picks the call.
astgrep_args() {
  case $1 in
    go) printf '%s\0' -p 'func t() { $DB.QueryContext($$$) }' --selector call_expression -l go ;;
    python) printf '%s\0' -p '$C.execute($$$)' -l py ;;
    *) printf '%s\0' -p '$DB.query($$$)' -l ts ;;
  esac
}

printf '%-10s %-10s %7s %7s %7s %7s %7s | %8s %8s %8s %8s | %7s %8s\n' corpus binary "chk-j1" "chk-jN" ripgrep ast-grep \
  precommit "j1/astg" "jN/astg" "j1/rg" "jN/rg" "peak MB" "pre/jN"
for spec in "$@"; do
  IFS=: read -r dir lang flags <<<"$spec"
  lang=${lang:-go}
  read -r -a extra <<<"${flags//=/ }"
  name=$(basename "$dir")
  mapfile -d '' sgargs < <(astgrep_args "$lang")
  : >"$tmp/rg"; : >"$tmp/sg"
  for b in "${!bins[@]}"; do : >"$tmp/one$b"; : >"$tmp/all$b"; : >"$tmp/mem$b"; : >"$tmp/pre$b"; done
  pre=""
  if git -C "$dir" rev-parse --git-dir >/dev/null 2>&1 && git clone -q --shared "$dir" "$tmp/repo" 2>/dev/null; then
    ext=ts; comment=//
    [[ $lang == go ]] && ext=go
    [[ $lang == python ]] && { ext=py; comment='#'; }
    changed=$(cd "$tmp/repo" && git ls-files "*.$ext" | grep -v -E '(_test\.go|/vendor/|node_modules|migrat)' |
              xargs -r grep -l -i -E 'select .* from' 2>/dev/null | head -n 1 || true)
    if [[ -n "$changed" ]]; then
      printf '\n%s changed\n' "$comment" >>"$tmp/repo/$changed"
      pre=$tmp/repo
    fi
  fi
  # One run first: the schema cache holds the replayed migrations, as on a developer's machine or
  # in a CI job that restores the cache (COLD=1: no cache at all, every run replays them).
  for b in "${!bins[@]}"; do
    env SCHEMAGATE_CACHE_DIR="$(cache "$b")" "${bins[$b]}" check "$dir" "${extra[@]}" --quiet >/dev/null 2>&1 || true
    [[ -z "$pre" ]] || (cd "$pre" && env SCHEMAGATE_CACHE_DIR="$(cache "$b")" "${bins[$b]}" check . "${extra[@]}" --changed-since HEAD --quiet >/dev/null 2>&1) || true
  done
  for round in $(seq 1 "$runs"); do
    # The binaries take turns going first: measured on this machine, the one that runs first in a
    # round (right after ast-grep) was 3 to 6% slower whichever it was.
    order=("${!bins[@]}")
    if (( round % 2 == 0 && ${#bins[@]} > 1 )); then order=(1 0); fi
    for b in "${order[@]}"; do
      read -r c m < <(measure env SCHEMAGATE_CACHE_DIR="$(cache "$b")" "${bins[$b]}" check "$dir" "${extra[@]}" -j 1 --quiet); echo "$c" >>"$tmp/one$b"; echo "$m" >>"$tmp/mem$b"
      read -r c m < <(measure env SCHEMAGATE_CACHE_DIR="$(cache "$b")" "${bins[$b]}" check "$dir" "${extra[@]}" --quiet); echo "$c" >>"$tmp/all$b"; echo "$m" >>"$tmp/mem$b"
      if [[ -n "$pre" ]]; then
        read -r c m < <(cd "$pre" && measure env SCHEMAGATE_CACHE_DIR="$(cache "$b")" "${bins[$b]}" check . "${extra[@]}" --changed-since HEAD --quiet); echo "$c" >>"$tmp/pre$b"
      fi
    done
    if [[ -n "$rg" ]]; then
      read -r c m < <(measure "$rg" -c -i -w -e select -e insert -e update -e delete "$dir"); echo "$c" >>"$tmp/rg"
    fi
    if [[ -n "$sg" ]]; then
      read -r c m < <(measure "$sg" run "${sgargs[@]}" "$dir"); echo "$c" >>"$tmp/sg"
    fi
  done
  r=$([[ -s "$tmp/rg" ]] && median <"$tmp/rg" || echo -)
  s=$([[ -s "$tmp/sg" ]] && median <"$tmp/sg" || echo -)
  for b in "${!bins[@]}"; do
    one=$(median <"$tmp/one$b"); all=$(median <"$tmp/all$b")
    p=$([[ -s "$tmp/pre$b" ]] && median <"$tmp/pre$b" || echo -)
    mem=$(sort -n "$tmp/mem$b" | tail -n 1)
    awk -v n="$name" -v l="${labels[$b]}" -v o="$one" -v a="$all" -v r="$r" -v s="$s" -v p="$p" -v m="$mem" 'BEGIN {
      printf "%-10s %-10s %7s %7s %7s %7s %7s | ", n, l, o, a, r, s, p
      if (s != "-" && s > 0) printf "%7.2fx %7.2fx ", o / s, a / s; else printf "%8s %8s ", "-", "-"
      if (r != "-" && r > 0) printf "%7.1fx %7.1fx ", o / r, a / r; else printf "%8s %8s ", "-", "-"
      printf "| %7.0f ", m / 1024
      if (p != "-" && a > 0) printf "%7.3fx\n", p / a; else printf "%8s\n", "-" }'
  done
  rm -rf "$tmp/repo"
done
echo "cpu seconds (user+sys), medians of $runs interleaved rounds; precommit: --changed-since HEAD, one code file changed"
