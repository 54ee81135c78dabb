INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "people", "talks"]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "conference"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "people.Member"
