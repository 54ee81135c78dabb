#!/usr/bin/env bash
# Compares what schemagate takes as a Python project's model requirements (the tables and columns
# of `schemagate refs --format json` sites read from Django or SQLAlchemy models, read, never run)
# with what the framework itself maps once the models are imported:
#   ci/python-models-oracle.sh django     PROJECT  # django.setup(), then every model's
#                                                  # _meta.db_table and local concrete fields' column
#   ci/python-models-oracle.sh sqlalchemy PROJECT  # imports the modules schemagate read models
#                                                  # from, then every MetaData's tables and columns
# Needs python3-django / python3-sqlalchemy (and python3-flask-sqlalchemy for Flask-SQLAlchemy
# models) and jq; ORACLE_PYTHON picks another interpreter. Django's settings module is
# DJANGO_SETTINGS_MODULE, else the one manage.py names. Models of apps outside PROJECT (contrib,
# installed packages) and proxy models (no table of their own) are left out on the framework side.
# Prints one line per relation / relation.column:
#   "=" both agree, "framework only" (schemagate left it unknown: allowed, never a finding), and
#   "schemagate only" (schemagate requires something the framework does not map: a false finding
#   waiting to happen). Exits 1 when there is a "schemagate only" line, 2 when the models do not
#   import (the line says why).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tool=$1
project=$(cd "$2" && pwd)
bin=${SCHEMAGATE:-$here/build/schemagate}
py=${ORACLE_PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
case $tool in
  django) via=django ;;
  sqlalchemy) via=sqlalchemy ;;
  *) echo "usage: $0 django|sqlalchemy PROJECT" >&2; exit 2 ;;
esac
"$bin" refs "$project" --offline --format json > "$out/refs.json"
jq -r --arg via "$via" '.sites[] | select(.via == $via) | .references[] |
  if .kind == "relation" then .relation elif .kind == "column" then "\(.relation).\(.column_name)" else empty end' \
  "$out/refs.json" | sort -u > "$out/schemagate"
jq -r --arg via "$via" '.sites[] | select(.via == $via) | .file' "$out/refs.json" | sort -u > "$out/files"
cat > "$out/framework.py" <<'EOF'
import importlib, os, re, sys
tool, project, files = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, project)
os.chdir(project)
rows = set()
automatic = set()
def emit(schema, table, columns, implicit=False, implicit_columns=()):
    rel = f"{schema or 'public'}.{table}"
    rows.add(rel)
    (automatic if implicit else rows).add(rel)
    for c in columns:
        (automatic if implicit or c in implicit_columns else rows).add(f"{rel}.{c}")
def under_project(path):
    return path and os.path.realpath(path).startswith(os.path.realpath(project) + os.sep)
if tool == "django":
    import django
    from django.conf import settings
    if "DJANGO_SETTINGS_MODULE" in os.environ:
        pass
    elif os.path.exists("manage.py"):
        m = re.search(r"DJANGO_SETTINGS_MODULE['\"],\s*['\"]([\w.]+)", open("manage.py").read())
        os.environ["DJANGO_SETTINGS_MODULE"] = m.group(1)
    else:
        # No settings (a fixture of apps only): every top-level directory with models is an app.
        local = sorted(d for d in os.listdir(".") if os.path.exists(f"{d}/models.py") or os.path.exists(f"{d}/models/__init__.py"))
        settings.configure(INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"] + local,
                           DEFAULT_AUTO_FIELD="django.db.models.AutoField")
    django.setup()
    from django.apps import apps
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not under_project(meta.app_config.path):
            continue
        # Django adds some on its own: the implicit `id`, a many-to-many field's join table.
        emit(None, meta.db_table, [f.column for f in meta.local_concrete_fields], meta.auto_created,
             [f.column for f in meta.local_concrete_fields if f.auto_created and f.primary_key and not f.remote_field])
else:
    from sqlalchemy import MetaData
    metadatas = []
    for path in open(files).read().split():
        parts = path[:-3].split("/")
        if parts[-1] == "__init__":
            parts.pop()
        module = importlib.import_module(".".join(parts))
        for value in list(vars(module).values()) + [module]:
            for md in (value, getattr(value, "metadata", None)):
                if isinstance(md, MetaData) and all(md is not m for m in metadatas):
                    metadatas.append(md)
    for md in metadatas:
        for table in md.tables.values():
            emit(table.schema, table.name, [c.name for c in table.columns])
for row in sorted(rows | automatic):
    print(row, "(automatic)" if row in automatic else "")
EOF
if ! "$py" "$out/framework.py" "$tool" "$project" "$out/files" > "$out/framework" 2> "$out/error"; then
  echo "models do not import: $(tail -1 "$out/error")"
  exit 2
fi
sed -n 's/ (automatic)$//p' "$out/framework" | sort > "$out/automatic"
sed -i 's/ .*$//' "$out/framework"
sort -o "$out/framework" "$out/framework"
both=$(comm -12 "$out/framework" "$out/schemagate" | wc -l)
comm -23 "$out/framework" "$out/schemagate" | while read -r row; do
  if grep -qxF "$row" "$out/automatic"; then echo "framework only  $row (automatic: no declaration to require it at)"; else echo "framework only  $row"; fi
done
comm -13 "$out/framework" "$out/schemagate" | sed 's/^/schemagate only /'
echo "framework: $(wc -l < "$out/framework"), schemagate: $(wc -l < "$out/schemagate"), both: $both"
if [ -n "$(comm -13 "$out/framework" "$out/schemagate")" ]; then exit 1; fi
echo "agree (schemagate requires nothing the framework does not map)"
