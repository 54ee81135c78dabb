from alembic import context
from sqlmodel import SQLModel

from app.models import *  # noqa

target_metadata = SQLModel.metadata

with context.begin_transaction():
    context.run_migrations()
