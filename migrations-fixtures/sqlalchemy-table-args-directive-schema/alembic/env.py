from alembic import context

from desk.models import Base

target_metadata = Base.metadata
