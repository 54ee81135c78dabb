"""initial tables

Revision ID: 4c1e2d7a9b10
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "4c1e2d7a9b10"
down_revision = None


def upgrade():
    op.create_table(
        "flow_run",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("state_type", sa.String()),
    )
    op.create_table(
        "flow_run_state",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("flow_run_id", sa.Uuid(), sa.ForeignKey("flow_run.id")),
        sa.Column("timestamp", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("occurred", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "individual_contact",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String()),
    )
    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String()),
    )
