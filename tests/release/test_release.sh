#!/usr/bin/env bash
# Inspects what ci/release.sh wrote (ctest -R release; skipped, exit 77, when DIST_DIR holds no
# release for this machine: run ci/release.sh first). It checks that:
#   - the archive matches its .sha256 and SHA256SUMS, and holds exactly the expected files;
#   - the binary is stripped and needs only glibc (readelf -d NEEDED and ldd), and prints the
#     newest glibc symbol version it needs;
#   - it prints its version, and checks a fixture project exactly as the build tree's binary does,
#     both on this machine and, as root, in a chroot that holds nothing but the binary, the glibc
#     libraries it names, and the fixture (no libpq, libgit2, libstdc++, OpenSSL, ...);
#   - the .deb holds /usr/bin/schemagate and its manual page;
#   - the npm packages install from their tarballs into an empty project with no registry
#     (npm install --offline) and `npx schemagate check` gives the same output and exit code.
#
#   tests/release/test_release.sh SOURCE_DIR [DIST_DIR]   (default SOURCE_DIR/dist)
set -uo pipefail
src=$(cd "$1" && pwd)
dist=${2:-$src/dist}
version=$(sed -n 's/^project(schemagate VERSION \([0-9][0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86_64 npm_platform=linux-x64 ;;
  *) echo "release test: only linux-x86_64 is tested"; exit 77 ;;
esac
stem=schemagate-$version-$platform
if [[ ! -f $dist/$stem.tar.gz ]]; then
  echo "release test: no $dist/$stem.tar.gz (run ci/release.sh first); skipped"
  exit 77
fi
fails=0
fail() { echo "FAIL $*"; fails=$((fails + 1)); }
ok() { echo "ok   $*"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Checksums.
(cd "$dist" && sha256sum --quiet -c "$stem.tar.gz.sha256") && ok "$stem.tar.gz.sha256" || fail "$stem.tar.gz.sha256 does not match"
(cd "$dist" && sha256sum --quiet -c SHA256SUMS) && ok "SHA256SUMS" || fail "SHA256SUMS does not match"

# Layout: one top-level directory named like the archive.
expected_layout="$stem/
$stem/README.md
$stem/completions/
$stem/completions/_schemagate
$stem/completions/schemagate.bash
$stem/completions/schemagate.fish
$stem/man/
$stem/man/schemagate.1
$stem/schemagate"
layout=$(tar -tzf "$dist/$stem.tar.gz" | sort)
[[ $layout == "$expected_layout" ]] && ok "archive layout" || fail "archive layout:"$'\n'"$layout"
bad_owner=$(tar -tvzf "$dist/$stem.tar.gz" | awk '$2 != "0/0"')
[[ -z $bad_owner ]] && ok "archive entries owned by 0/0" || fail "archive owners: $bad_owner"
tar -xzf "$dist/$stem.tar.gz" -C "$work"
bin=$work/$stem/schemagate
[[ -x $bin ]] || { fail "no executable $stem/schemagate"; exit 1; }

# Linked statically except glibc, and stripped.
glibc='^(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|ld-linux-x86-64\.so\.2)$'
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
others=$(grep -vE "$glibc" <<<"$needed")
[[ -n $needed && -z $others ]] && ok "NEEDED: $(tr '\n' ' ' <<<"$needed")" || fail "NEEDED beyond glibc: $others"
ldd_others=$(ldd "$bin" | awk '{print $1}' | grep -vE '^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2)$' | grep -vE "$glibc")
[[ -z $ldd_others ]] && ok "ldd: glibc only" || fail "ldd lists: $ldd_others"
readelf -S "$bin" | grep -qE '\.symtab|\.debug_info' && fail "binary is not stripped" || ok "stripped ($(du -h "$bin" | cut -f1))"
newest=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
# docs/release.md promises glibc 2.35 (Ubuntu 22.04, Debian 12).
[[ $(printf '%s\n' "$newest" GLIBC_2.35 | sort -V | tail -1) == GLIBC_2.35 ]] &&
  ok "newest glibc symbol version needed: $newest" || fail "needs $newest, newer than the documented GLIBC_2.35"

# Version.
first=$("$bin" --version | head -1)
[[ $first == "schemagate $version" ]] && ok "--version: $first" || fail "--version says \"$first\", not \"schemagate $version\""

# A fixture project, as the fixture runner has it.
fixture=$src/migrations-fixtures/alembic-flask-migrate-missing-column
want=$(tail -n +2 "$fixture/expected")
run_fixture() {  # $@: the command that runs schemagate, from the fixture directory
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  printf 'exit: %s\n%s' "$rc" "$out"
}
got=$(cd "$fixture" && NO_COLOR=1 run_fixture "$bin" check .)
[[ $got == "$want" ]] && ok "fixture check" || fail "fixture check:"$'\n'"$(diff <(echo "$want") <(echo "$got"))"

# The same in a chroot with nothing but glibc (root only: chroot needs it).
if [[ $(id -u) -eq 0 ]]; then
  root=$work/chroot
  mkdir -p "$root/bin" "$root/fixture" "$root/tmp"
  cp "$bin" "$root/bin/schemagate"
  ldd "$bin" | grep -oE '/[^ ]+' | while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  cp -r "$fixture/." "$root/fixture/"
  in_chroot=$(find "$root" -type f ! -path "$root/fixture/*" | sed "s|^$root||" | sort | tr '\n' ' ')
  got=$(cd "$root/fixture" && NO_COLOR=1 run_fixture chroot "$root" /bin/schemagate check /fixture)
  want_chroot=$(sed 's|^app/|/fixture/app/|' <<<"$want")
  if [[ $got == "$want" || $got == "$want_chroot" ]]; then
    ok "fixture check in a chroot holding only: $in_chroot"
  else
    fail "fixture check in a chroot ($in_chroot):"$'\n'"$(diff <(echo "$want") <(echo "$got"))"
  fi
else
  echo "skip chroot run (needs root)"
fi

# The Debian package.
deb=$dist/schemagate_${version}_amd64.deb
if [[ -f $deb ]]; then
  contents=$(dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '/$')
  grep -qx './usr/bin/schemagate' <<<"$contents" && ok ".deb holds /usr/bin/schemagate" || fail ".deb contents: $contents"
  grep -qx './usr/share/man/man1/schemagate.1' <<<"$contents" && ok ".deb holds the manual page" ||
    fail ".deb has no usr/share/man/man1/schemagate.1: $contents"
  [[ $(dpkg-deb -f "$deb" Package Version | tr '\n' ' ') == "Package: schemagate Version: $version " ]] &&
    ok ".deb control" || fail ".deb control: $(dpkg-deb -f "$deb" Package Version)"
else
  fail "no $deb"
fi

# npm: install the two packages from their tarballs, offline, and run through the launcher.
if command -v npm >/dev/null; then
  proj=$work/npm-project
  mkdir -p "$proj"
  echo '{"name":"release-test","version":"1.0.0","private":true}' >"$proj/package.json"
  if (cd "$proj" && npm install --offline --no-audit --no-fund --cache "$work/npm-cache" \
      "$dist/npm/schemagate-$npm_platform-$version.tgz" "$dist/npm/schemagate-$version.tgz" >"$work/npm.log" 2>&1); then
    ok "npm install --offline from the tarballs"
    got=$(cd "$proj" && NO_COLOR=1 run_fixture npx --offline --cache "$work/npm-cache" schemagate check "$fixture")
    [[ $got == "$want" ]] && ok "npx schemagate check" || fail "npx schemagate check:"$'\n'"$(diff <(echo "$want") <(echo "$got"))"
    got=$(cd "$proj" && npx --offline --cache "$work/npm-cache" schemagate --version | head -1)
    [[ $got == "schemagate $version" ]] && ok "npx schemagate --version" || fail "npx schemagate --version: $got"
  else
    fail "npm install: $(cat "$work/npm.log")"
  fi
else
  echo "skip npm (not installed)"
fi

# ci/install.sh (the CI integrations' installer) from a release directory laid out as on GitHub.
mkdir -p "$work/releases/v$version" "$work/bad/v$version"
cp "$dist/$stem.tar.gz" "$dist/$stem.tar.gz.sha256" "$work/releases/v$version/"
installed=$(SCHEMAGATE_RELEASE_URL="file://$work/releases" "$src/ci/install.sh" "v$version" "$work/installed" 2>&1)
[[ $installed == "$work/installed/schemagate" && $("$installed" -V | head -1) == "schemagate $version" ]] &&
  ok "ci/install.sh installs and verifies" || fail "ci/install.sh: $installed"
cp "$dist/$stem.tar.gz.sha256" "$work/bad/v$version/"
printf 'not the archive' >"$work/bad/v$version/$stem.tar.gz"
got=$(SCHEMAGATE_RELEASE_URL="file://$work/bad" "$src/ci/install.sh" "$version" "$work/bad-installed" 2>&1; echo "exit: $?")
[[ $got == "schemagate install: $stem.tar.gz does not match $stem.tar.gz.sha256"$'\n'"exit: 2" && ! -e $work/bad-installed/schemagate ]] &&
  ok "ci/install.sh refuses a tampered archive" || fail "ci/install.sh, tampered: $got"

echo "release: $fails failed"
[[ $fails -eq 0 ]]
