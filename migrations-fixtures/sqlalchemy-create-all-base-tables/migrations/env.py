from alembic import context
from tracker.models import db

target_metadata = db.metadata

with context.begin_transaction():
    context.run_migrations()
