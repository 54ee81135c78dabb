#!/usr/bin/env bash
# The GitHub Action's engine (action.yml calls it; it also runs by hand on any Linux machine).
# schemagate builds from Debian 12 packages (ci/setup.sh). On a Debian 12 runner, or a job with
# `container: debian:bookworm`, it builds in place. Anywhere else with Docker (GitHub's Ubuntu
# runners), it builds once in a long-lived debian:bookworm container and runs every check there,
# as the runner's user, with the workspace mounted at the same path and the host network (so a
# service container on localhost is reachable). The container is removed by `cleanup`.
#
#   run.sh setup                  build (or reuse) schemagate; records the mode in the state dir
#   run.sh schemagate ARGS...     run schemagate with ARGS in the current directory
#   run.sh cleanup                remove the container, if one was started
#
# SCHEMAGATE_MODE=native|docker forces a mode; SCHEMAGATE_STATE_DIR (default
# $RUNNER_TEMP/schemagate-action) keeps the mode and the build between steps.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
state=${SCHEMAGATE_STATE_DIR:-${RUNNER_TEMP:-/tmp}/schemagate-action}
image=debian:bookworm
container_build=/opt/schemagate-build

is_debian12() {
  [[ -r /etc/os-release ]] && (. /etc/os-release && [[ ${ID:-} == debian && ${VERSION_ID:-} == 12 ]])
}

# Variables the check may read, handed to the container by name (values never on a command line).
env_args() {
  local name
  for name in $(compgen -e); do
    case $name in
      DATABASE_URL | NO_COLOR | CI | GITHUB_* | PG* | SCHEMAGATE_*) printf -- '-e\n%s\n' "$name" ;;
    esac
  done
}

cmd=${1:-}
shift || true
case $cmd in
  setup)
    mkdir -p "$state"
    mode=${SCHEMAGATE_MODE:-}
    if [[ -z $mode ]]; then
      if is_debian12; then mode=native
      elif command -v docker >/dev/null; then mode=docker
      else
        echo "schemagate action: needs Debian 12 (e.g. \`container: debian:bookworm\` on the job) or Docker on the runner" >&2
        exit 2
      fi
    fi
    echo "$mode" >"$state/mode"
    case $mode in
      native)
        "$src/ci/setup.sh" "$state/build"
        ;;
      docker)
        name="schemagate-${GITHUB_RUN_ID:-local}-${GITHUB_RUN_ATTEMPT:-0}-$$-$RANDOM"
        echo "$name" >"$state/container"
        ws=${GITHUB_WORKSPACE:-$PWD}
        docker run -d --name "$name" --network host \
          -v "$src:/opt/schemagate-src:ro" -v "$ws:$ws" "$image" sleep infinity >/dev/null
        # As root: ci/setup.sh installs packages, then builds inside the container.
        docker exec "$name" /opt/schemagate-src/ci/setup.sh "$container_build"
        ;;
      *)
        echo "schemagate action: SCHEMAGATE_MODE must be native or docker, not \"$mode\"" >&2
        exit 2
        ;;
    esac
    ;;
  schemagate)
    mode=$(cat "$state/mode" 2>/dev/null || true)
    case $mode in
      native) exec "$state/build/schemagate" "$@" ;;
      docker)
        name=$(cat "$state/container")
        mapfile -t envs < <(env_args)
        # The runner's user, so libgit2 accepts the checkout as its owner's (safe.directory).
        exec docker exec --user "$(id -u):$(id -g)" -w "$PWD" "${envs[@]}" "$name" \
          "$container_build/schemagate" "$@"
        ;;
      *)
        echo "schemagate action: run \"run.sh setup\" first" >&2
        exit 2
        ;;
    esac
    ;;
  cleanup)
    if [[ -r $state/container ]]; then
      docker rm -f "$(cat "$state/container")" >/dev/null 2>&1 || true
      rm -f "$state/container"
    fi
    ;;
  *)
    echo "usage: run.sh setup | schemagate ARGS... | cleanup" >&2
    exit 2
    ;;
esac
