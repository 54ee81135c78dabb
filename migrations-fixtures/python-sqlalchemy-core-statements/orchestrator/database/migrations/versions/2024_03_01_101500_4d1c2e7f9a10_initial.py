"""initial

Revision ID: 4d1c2e7f9a10
Revises:
Create Date: 2024-03-01 10:15:00

"""
import sqlalchemy as sa
from alembic import op

revision = "4d1c2e7f9a10"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "flow",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_flow"),
    )
    op.create_table(
        "flow_run",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("flow_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("state_type", sa.String(), nullable=True),
        sa.Column("expected_start_time", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["flow_id"], ["flow.id"], name="fk_flow_run__flow_id__flow", ondelete="cascade"),
        sa.PrimaryKeyConstraint("id", name="pk_flow_run"),
    )


def downgrade():
    op.drop_table("flow_run")
    op.drop_table("flow")
