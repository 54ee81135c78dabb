# Installed apps split into lists, as many project templates write them.
DJANGO_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",  # no migration of shelf depends on it
]
THIRD_PARTY_APPS = [
    "taggit",
    "allauth.account.apps.AccountConfig",
]
LOCAL_APPS = ["shelf"]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shelf"}}
