"""create package

Revision ID: a1
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None


def upgrade():
    op.create_table(
        "package",
        sa.Column("id", sa.UnicodeText, primary_key=True),
        sa.Column("name", sa.UnicodeText, nullable=False),
        # SQLAlchemy writes CURRENT_TIMESTAMP, without parentheses.
        sa.Column("created", sa.TIMESTAMP, server_default=sa.func.current_timestamp()),
    )
