"""Adds incidents and their participants

Revision ID: 5b7d1e0c4a21
Revises:
Create Date: 2023-05-02 09:12:44.102938

"""
import sqlalchemy as sa
from alembic import op

revision = "5b7d1e0c4a21"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("participant")
    op.drop_table("incident")
