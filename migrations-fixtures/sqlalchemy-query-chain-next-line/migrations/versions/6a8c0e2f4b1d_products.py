"""products

Revision ID: 6a8c0e2f4b1d
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "6a8c0e2f4b1d"
down_revision = None


def upgrade():
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
    )


def downgrade():
    op.drop_table("products")
