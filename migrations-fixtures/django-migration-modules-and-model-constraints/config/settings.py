import os

SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
INSTALLED_APPS = ["django.contrib.contenttypes", "scanner"]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "scanner"}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# The app's migrations are kept under another name.
if os.environ.get("TRACK_MIGRATIONS", "1") == "1":
    MIGRATION_MODULES = {"scanner": "scanner.db_migrations"}
