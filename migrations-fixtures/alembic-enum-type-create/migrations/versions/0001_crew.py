"""crew

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "crew",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("callsign", sa.Text, nullable=False),
    )
