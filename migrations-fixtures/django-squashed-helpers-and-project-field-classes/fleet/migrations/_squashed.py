from itertools import chain

from django.db import connection, migrations


def current_migration():
    recorder = migrations.recorder.MigrationRecorder(connection)
    try:
        return recorder.migration_qs.filter(app="fleet").exclude(name__contains="squashed").latest("id")
    except recorder.Migration.DoesNotExist:
        return None


def operations(squashed, applied=False):
    """The operations of `squashed` a database still lacks (or, with applied, those it has)."""
    keys = sorted(squashed)
    done = current_migration()
    at = keys.index(done.name) + 1 if done is not None and done.name in keys else 0
    picked = keys[:at] if applied else keys[at:]
    return list(chain.from_iterable(squashed[k] for k in picked))


def replaces(squashed):
    return [("fleet", k) for k in sorted(squashed)]
