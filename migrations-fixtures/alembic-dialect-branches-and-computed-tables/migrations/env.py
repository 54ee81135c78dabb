from alembic import context

from ctf.models import db

target_metadata = db.metadata
