"""create sessions

Revision ID: 0c4f2a9e7b11
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0c4f2a9e7b11"
down_revision = None


def upgrade():
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("user_agent", sa.Text()),
    )
