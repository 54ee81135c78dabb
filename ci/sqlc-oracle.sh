#!/usr/bin/env bash
# sqlc's PostgreSQL end-to-end cases as an oracle for schemagate's static checks, and with
# --postgres for the deep check:
#   ci/sqlc-oracle.sh [--postgres] SQLC_CHECKOUT [SCHEMAGATE_BINARY]
# SQLC_CHECKOUT is a checkout (or extracted archive) of github.com/sqlc-dev/sqlc; each case under
# internal/endtoend/testdata/**/ whose sqlc config names the postgresql engine becomes a project:
# its schema files as migrations (in the order the config lists them, a directory's files sorted),
# its query files as sqlc query files. schemagate checks it offline, and its findings are compared
# with the errors sqlc records for the case (stderr.txt or stderr/base.txt). Prints one line
# per case that is not a plain agreement and an agreement matrix; not run by ci/test.sh (it needs
# the sqlc sources and takes minutes). Offline: reads the files only.
# --postgres: each case is also checked with `check --postgres` against an empty database of its
# own (created from template0 in one cluster ci/start-postgres.sh starts, dropped afterwards,
# given as --dev-database-url: one cluster for all cases instead of one initdb per case), so the
# matrix is the deep check's; the lines name the first finding's rule and message.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
deep=0
if [[ "${1:-}" == --postgres ]]; then deep=1; shift; fi
sqlc=$(cd "$1" && pwd)
bin=$(realpath "${2:-$here/build/schemagate}")
work=$(mktemp -d)
cleanup() {
  [[ -n "${SCHEMAGATE_PG_DIR:-}" ]] && "$here/ci/stop-postgres.sh" "$SCHEMAGATE_PG_DIR"
  rm -rf "$work"
}
trap cleanup EXIT
if [[ $deep == 1 ]]; then
  eval "$("$here/ci/start-postgres.sh")"
fi
python3 - "$sqlc/internal/endtoend/testdata" "$bin" "$work" "$deep" <<'PY'
import json, os, shutil, subprocess, sys
import yaml

root, binary, work, deep = sys.argv[1:5]
deep = deep == "1"

def psql(sql):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", sql], check=True,
                   capture_output=True)

def configs():
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for name in ("sqlc.json", "sqlc.yaml", "sqlc.yml"):
            if name in files:
                yield d, os.path.join(d, name)
                break

def as_list(v):
    return [] if v is None else v if isinstance(v, list) else [v]

def expand(base, paths):
    out = []
    for p in paths:
        full = os.path.normpath(os.path.join(base, p))
        if os.path.isdir(full):
            out += [os.path.join(full, f) for f in sorted(os.listdir(full)) if f.endswith(".sql")]
        elif os.path.isfile(full):
            out.append(full)
    return out

def expected_errors(d):
    for name in ("stderr.txt", "stderr/base.txt"):
        p = os.path.join(d, name)
        if os.path.isfile(p):
            lines = [l for l in open(p, encoding="utf-8", errors="replace").read().splitlines()
                     if l.strip() and not l.startswith("#")]
            return lines
    p = os.path.join(d, "exec.json")
    if os.path.isfile(p):
        try:
            j = json.load(open(p))
            if j.get("stderr"):
                return [l for l in j["stderr"].splitlines() if l.strip() and not l.startswith("#")]
        except Exception:
            pass
    return []

rows = []
for d, cfg in configs():
    try:
        text = open(cfg).read()
        conf = json.loads(text) if cfg.endswith(".json") else yaml.safe_load(text)
    except Exception:
        continue
    pkgs = [p for p in as_list(conf.get("packages")) + as_list(conf.get("sql")) if isinstance(p, dict)]
    pkgs = [p for p in pkgs if p.get("engine", "postgresql") == "postgresql"]
    if not pkgs:
        continue
    schema, queries = [], []
    for p in pkgs:
        schema += expand(d, as_list(p.get("schema")))
        queries += expand(d, as_list(p.get("queries")))
    if not schema or not queries:
        continue
    case = os.path.relpath(d, root)
    proj = os.path.join(work, "p")
    shutil.rmtree(proj, ignore_errors=True)
    os.makedirs(os.path.join(proj, "migrations"))
    os.makedirs(os.path.join(proj, "queries"))
    for i, f in enumerate(dict.fromkeys(schema)):
        shutil.copy(f, os.path.join(proj, "migrations", "%04d_%s" % (i + 1, os.path.basename(f))))
    for i, f in enumerate(dict.fromkeys(queries)):
        if f in schema:
            continue
        shutil.copy(f, os.path.join(proj, "queries", "%04d_%s" % (i + 1, os.path.basename(f))))
    with open(os.path.join(proj, "sqlc.yaml"), "w") as out:
        out.write('version: "2"\nsql:\n  - engine: postgresql\n    schema: migrations\n    queries: queries\n')
    args = [binary, "check", ".", "--migrations", "migrations", "--format", "json"]
    if deep:
        db = "oracle_%d" % len(rows)
        psql("CREATE DATABASE %s TEMPLATE template0" % db)
        args += ["--postgres", "--dev-database-url", "postgresql:///%s?host=%s&port=%s&user=%s" % (
            db, os.environ["PGHOST"], os.environ["PGPORT"], os.environ["PGUSER"])]
    r = subprocess.run(args, cwd=proj, capture_output=True, text=True)
    if deep:
        psql("DROP DATABASE %s" % db)
    rules = []
    first = ""
    status = "ok"
    if r.returncode == 2:
        status = "error: " + (r.stderr.strip().splitlines() or ["?"])[-1][:120]
    else:
        try:
            findings = json.loads(r.stdout).get("findings", [])
            rules = sorted({f["rule"] for f in findings})
            if findings:
                first = "%s: %s" % (findings[0]["rule"], findings[0]["message"][:160])
        except Exception:
            status = "bad output"
    rows.append((case, expected_errors(d), rules, status, first))

agree_clean = agree_error = missed = extra = errors = 0
by_rule = {}
for case, exp, rules, status, first in rows:
    if status != "ok":
        errors += 1
        print("exit 2  %-70s %s" % (case, status))
        continue
    for r in rules:
        by_rule.setdefault(r, [0, 0])[0 if exp else 1] += 1
    if exp and rules:
        agree_error += 1
    elif not exp and not rules:
        agree_clean += 1
    elif exp:
        missed += 1
        print("missed  %-70s sqlc: %s" % (case, exp[0][:100]))
    else:
        extra += 1
        print("extra   %-70s schemagate: %s" % (case, first if deep else ", ".join(rules)))
print()
print("cases: %d%s" % (len(rows), " (check --postgres)" if deep else ""))
print("                      schemagate finds   schemagate clean")
print("sqlc reports error    %16d   %16d" % (agree_error, missed))
print("sqlc accepts          %16d   %16d" % (extra, agree_clean))
print("schemagate exit 2: %d" % errors)
for r, (e, c) in sorted(by_rule.items()):
    print("  %-24s in %d cases sqlc rejects, %d it accepts" % (r, e, c))
PY
