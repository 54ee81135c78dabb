"""Add created_at to items, rename the audit column

Revision ID: 9c0a54914c78
Revises: e2412789c190
Create Date: 2025-02-17 11:02:45.812008

"""
import sqlalchemy as sa
from alembic import op

revision = "9c0a54914c78"
down_revision = "e2412789c190"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("item", sa.Column("created_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("item", sa.Column("audit", sa.Text(), nullable=True))
    op.alter_column("item", "audit", new_column_name="audit_note")


def downgrade():
    op.alter_column("item", "audit_note", new_column_name="audit")
    op.drop_column("item", "audit")
    op.drop_column("item", "created_at")
