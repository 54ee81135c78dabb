"""add issue labels and the priority of issues

Revision ID: a41c7e09d2b3
Revises:
Create Date: 2025-05-06 08:01:55.410927

"""
from alembic import op
import sqlalchemy as sa

revision = "a41c7e09d2b3"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    # projects and issues predate the migrations: `tracker db create` makes them with create_all()
    op.add_column("issues", sa.Column("priority", sa.Integer(), server_default="0", nullable=False))
    op.create_table(
        "labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("labels")
    op.drop_column("issues", "priority")
