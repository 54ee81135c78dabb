from alembic import context

from orchestrator.database.orm_models import Base

target_metadata = Base.metadata


def run_migrations_online():
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
