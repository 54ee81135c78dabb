"""create customers and orders

Revision ID: 3a1f0c2d9b47
Revises:
Create Date: 2025-03-02 10:14:02.118210

"""
from alembic import op
import sqlalchemy as sa

revision = "3a1f0c2d9b47"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "order_tags",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=40), nullable=False),
    )


def downgrade():
    op.drop_table("order_tags")
    op.drop_table("orders")
    op.drop_table("customers")
