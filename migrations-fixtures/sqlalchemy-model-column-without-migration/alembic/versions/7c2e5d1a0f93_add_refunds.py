"""add refunds

Revision ID: 7c2e5d1a0f93
Revises: 3a1f0c2d9b47
Create Date: 2025-03-20 16:40:11.902113

"""
from alembic import op
import sqlalchemy as sa

revision = "7c2e5d1a0f93"
down_revision = "3a1f0c2d9b47"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("refunds")
