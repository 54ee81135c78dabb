from alembic import context

from app.models.base import Base

target_metadata = Base.metadata
