"""invoices and their lines

Revision ID: 3d5e7f9a1b2c
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "3d5e7f9a1b2c"
down_revision = None


def upgrade():
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("tenant", sa.String(64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "invoice_lines",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("invoice_id", sa.Integer(), sa.ForeignKey("invoices.id"), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
    )


def downgrade():
    op.drop_table("invoice_lines")
    op.drop_table("invoices")
