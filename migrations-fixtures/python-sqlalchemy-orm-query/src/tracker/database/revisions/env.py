from alembic import context

from tracker.database.core import Base

target_metadata = Base.metadata

with context.begin_transaction():
    context.run_migrations()
