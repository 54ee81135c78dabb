from alembic import context

from app.models import Base

target_metadata = Base.metadata
