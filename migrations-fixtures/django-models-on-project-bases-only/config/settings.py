INSTALLED_APPS = ["library"]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "library"}}
