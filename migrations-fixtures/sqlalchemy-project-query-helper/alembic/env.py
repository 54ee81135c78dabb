from alembic import context

from billing.models import Base

target_metadata = Base.metadata
