from alembic import context

from billing.db import metadata

target_metadata = metadata


def run_migrations_online():
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
