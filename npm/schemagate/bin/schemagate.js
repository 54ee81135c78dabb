#!/usr/bin/env node
// The `schemagate` npm package's launcher: runs the native binary that the platform package
// (@schemagate/<os>-<cpu>, installed by npm as an optional dependency matching this machine)
// carries, with the same arguments, and exits with its exit code. SCHEMAGATE_BINARY names another
// binary instead (a source build).
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

function binaryPath() {
  if (process.env.SCHEMAGATE_BINARY) return process.env.SCHEMAGATE_BINARY;
  const pkg = `@schemagate/${process.platform}-${process.arch}`;
  try {
    return require.resolve(`${pkg}/bin/schemagate`);
  } catch (e) {
    process.stderr.write(
      `schemagate: error: no schemagate binary for ${process.platform}-${process.arch}: the package ${pkg} ` +
        `is not installed (npm skips optional dependencies with --no-optional or --omit=optional; ` +
        `releases exist for ${require(path.join(__dirname, "..", "package.json")).schemagatePlatforms.join(", ")})\n`,
    );
    process.exit(2);
  }
}

const result = spawnSync(binaryPath(), process.argv.slice(2), { stdio: "inherit" });
if (result.error) {
  process.stderr.write(`schemagate: error: could not run ${result.error.path || "schemagate"}: ${result.error.message}\n`);
  process.exit(2);
}
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status === null ? 2 : result.status);
