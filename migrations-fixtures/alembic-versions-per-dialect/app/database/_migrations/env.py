from alembic import context

from app.database import interface


def run_migrations_online():
    # The engine's dialect picks the folder of revisions.
    context.script.version_locations = [interface.versions_dir()]
