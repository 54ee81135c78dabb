"""support schema: queues, tickets and macros

Revision ID: a1f0c3d2e4b5
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "a1f0c3d2e4b5"
down_revision = None


def upgrade():
    op.execute("CREATE SCHEMA support")
    op.create_table(
        "queues",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        schema="support",
    )
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("queue_id", sa.Integer(), sa.ForeignKey("support.queues.id"), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        schema="support",
    )
    op.create_table(
        "macros",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(), nullable=False),
        schema="support",
    )


def downgrade():
    op.drop_table("macros", schema="support")
    op.drop_table("tickets", schema="support")
    op.drop_table("queues", schema="support")
    op.execute("DROP SCHEMA support")
