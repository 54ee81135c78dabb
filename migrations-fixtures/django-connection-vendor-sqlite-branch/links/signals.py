from django.conf import settings
from django.db.backends.signals import connection_created
from django.dispatch import receiver


@receiver(connection_created)
def extend_sqlite(connection=None, **kwargs):
    # SQLite only: load the ICU extension for case-insensitive ordering of unicode titles.
    if connection.vendor == "sqlite" and settings.USE_SQLITE_ICU_EXTENSION:
        connection.connection.enable_load_extension(True)
        connection.connection.load_extension(settings.SQLITE_ICU_EXTENSION_PATH)
        with connection.cursor() as cursor:
            cursor.execute("SELECT icu_load_collation('', 'ICU');")


@receiver(connection_created)
def tune_postgres(connection=None, **kwargs):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM links_link WHERE archived")
