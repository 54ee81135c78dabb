from alembic import context

from kiosk.db import db

target_metadata = db.metadata
