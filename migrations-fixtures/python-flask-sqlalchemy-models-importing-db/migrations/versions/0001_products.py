import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "stock_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "perishable_item",
        sa.Column("id", sa.Integer(), sa.ForeignKey("stock_item.id"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
