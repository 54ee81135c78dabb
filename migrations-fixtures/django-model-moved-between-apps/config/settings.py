# Django's own `manage.py migrate` runs this project in ci/python-migrations-oracle.sh: the
# database comes from libpq's PG* variables.
import os

SECRET_KEY = "fixture"
INSTALLED_APPS = ["legacy", "audit", "accounts"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PGDATABASE", "postgres"),
        "USER": os.environ.get("PGUSER", ""),
        "HOST": os.environ.get("PGHOST", ""),
        "PORT": os.environ.get("PGPORT", ""),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
