# Sourced by the CI scripts (setup, quickstart, test, sanitize): `elapsed PHASE` prints how long
# the phase that just ended took and the script's total so far, so that a CI log shows where the
# job's time goes. Seconds, whole; on stderr, so that it never mixes with a command's output.
_elapsed_start=$SECONDS
_elapsed_last=$SECONDS
elapsed() {
  local now=$SECONDS
  printf 'elapsed: %s: %d s (%s total %d s)\n' "$1" $((now - _elapsed_last)) "$(basename "$0")" \
    $((now - _elapsed_start)) >&2
  _elapsed_last=$now
}
