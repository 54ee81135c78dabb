#!/usr/bin/env sh
# Installs a schemagate release: downloads the archive for this machine, verifies its SHA-256
# against the release's .sha256, and puts the binary in DEST. No compiler, no libraries beyond
# glibc. Used by the GitHub Action and the GitLab template; also by hand:
#
#   curl -fsSL https://raw.githubusercontent.com/schemagate/schemagate/v0.1.0/ci/install.sh | sh -s -- 0.1.0 ~/.local/bin
#
# Usage: ci/install.sh VERSION [DEST]   (DEST default: ~/.local/bin; prints the binary's path)
# SCHEMAGATE_RELEASE_URL: where releases are (default: GitHub releases), <URL>/v<VERSION>/<file>;
# a file:// URL works too.
set -eu
version=${1:?usage: install.sh VERSION [DEST]}
version=${version#v}
dest=${2:-$HOME/.local/bin}
base=${SCHEMAGATE_RELEASE_URL:-https://github.com/schemagate/schemagate/releases/download}
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86_64 ;;
  Linux-aarch64 | Linux-arm64) platform=linux-arm64 ;;
  Darwin-x86_64) platform=darwin-x86_64 ;;
  Darwin-arm64) platform=darwin-arm64 ;;
  *) echo "schemagate install: no release for $(uname -s) $(uname -m)" >&2; exit 2 ;;
esac
file=schemagate-$version-$platform.tar.gz
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fetch() { curl -fsSL --retry 3 -o "$tmp/$1" "$base/v$version/$1" || { echo "schemagate install: cannot download $base/v$version/$1" >&2; exit 2; }; }
fetch "$file"
fetch "$file.sha256"
if command -v sha256sum >/dev/null; then sum=sha256sum; else sum="shasum -a 256"; fi
(cd "$tmp" && $sum -c "$file.sha256" >/dev/null 2>&1) || {
  echo "schemagate install: $file does not match $file.sha256" >&2
  exit 2
}
tar -xzf "$tmp/$file" -C "$tmp"
mkdir -p "$dest"
cp "$tmp/schemagate-$version-$platform/schemagate" "$dest/schemagate.tmp"
chmod 755 "$dest/schemagate.tmp"
mv "$dest/schemagate.tmp" "$dest/schemagate"
echo "$dest/schemagate"
