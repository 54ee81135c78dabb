#!/usr/bin/env bash
# Packs the npm packages of a release (called by ci/release.sh), in the layout of esbuild and
# biome: `schemagate` is a launcher (bin/schemagate.js) whose optionalDependencies are one package
# per platform, each declaring its `os` and `cpu` so that npm installs only the one that matches;
# that package carries the native binary.
#
# Usage: npm/pack.sh VERSION OS CPU BINARY OUT_DIR
#   writes OUT_DIR/schemagate-VERSION.tgz and OUT_DIR/schemagate-OS-CPU-VERSION.tgz
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=$1 os=$2 cpu=$3 binary=$4 out=$5
# Every platform the launcher knows; the release for each is built on that platform (ci/release.sh).
platforms=(linux-x64 linux-arm64 darwin-x64 darwin-arm64)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
out=$(cd "$out" && pwd)

cp -r "$here/schemagate" "$work/schemagate"
node - "$work/schemagate/package.json" "$version" "${platforms[@]}" <<'JS'
const fs = require("fs");
const [file, version, ...platforms] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
pkg.version = version;
pkg.optionalDependencies = Object.fromEntries(platforms.map((p) => [`@schemagate/${p}`, version]));
pkg.schemagatePlatforms = platforms;
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
JS

mkdir -p "$work/platform/bin"
cp "$binary" "$work/platform/bin/schemagate"
chmod 755 "$work/platform/bin/schemagate"
sed "s/OS-CPU/$os-$cpu/g" "$here/platform/README.md" >"$work/platform/README.md"
node - "$here/platform/package.json" "$work/platform/package.json" "$version" "$os" "$cpu" <<'JS'
const fs = require("fs");
const [from, to, version, os, cpu] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(from, "utf8"));
pkg.name = `@schemagate/${os}-${cpu}`;
pkg.version = version;
pkg.description = pkg.description.replace("OS-CPU", `${os}-${cpu}`);
pkg.os = [os];
pkg.cpu = [cpu];
fs.writeFileSync(to, JSON.stringify(pkg, null, 2) + "\n");
JS

for p in schemagate platform; do
  (cd "$work/$p" && npm pack --silent --pack-destination "$out" >/dev/null)
done
