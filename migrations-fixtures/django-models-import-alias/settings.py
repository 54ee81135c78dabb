INSTALLED_APPS = ["gyms", "classes"]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "fitness"}}
