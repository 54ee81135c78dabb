INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "ledger", "reports"]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "ledger"}}
