"""tickets.closed_at

Revision ID: b7e2d9c1a3f6
Revises: a1f0c3d2e4b5
"""
from alembic import op
import sqlalchemy as sa

revision = "b7e2d9c1a3f6"
down_revision = "a1f0c3d2e4b5"


def upgrade():
    op.add_column("tickets", sa.Column("closed_at", sa.DateTime(timezone=True)), schema="support")


def downgrade():
    op.drop_column("tickets", "closed_at", schema="support")
