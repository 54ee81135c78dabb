#!/usr/bin/env sh
# The deploy-time gate as a release phase: the platform runs it with the new release's slug or
# image and the app's config, after the build and before the new version takes traffic; a non-zero
# exit cancels the release.
#   Heroku     Procfile:     release: ci/deploy/release-phase.sh
#   Render     render.yaml:  preDeployCommand: ci/deploy/release-phase.sh
#   Fly.io     fly.toml:     [deploy] release_command = "ci/deploy/release-phase.sh"
# Migrations first, then the gate: a migration that failed or was skipped stops the release with
# the finding that names it, instead of 42703 errors in production.
# Environment: DATABASE_URL (set by the platform), SCHEMAGATE_MANIFEST (default: the manifest the
# build step wrote, schemagate.requirements.json), SCHEMAGATE (the binary, default: on PATH),
# MIGRATE_COMMAND (optional: the command that applies the migrations).
set -eu
manifest=${SCHEMAGATE_MANIFEST:-schemagate.requirements.json}
if [ -n "${MIGRATE_COMMAND:-}" ]; then
  sh -c "$MIGRATE_COMMAND"
fi
exec "${SCHEMAGATE:-schemagate}" verify --manifest "$manifest" --database-url-env DATABASE_URL --wait "${SCHEMAGATE_WAIT:-30s}"
