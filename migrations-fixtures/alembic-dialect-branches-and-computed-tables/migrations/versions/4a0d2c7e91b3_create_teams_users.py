"""create teams and users

Revision ID: 4a0d2c7e91b3
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "4a0d2c7e91b3"
down_revision = None


def upgrade():
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("created", sa.DateTime()),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id")),
        sa.Column("created", sa.DateTime()),
    )
    op.create_table(
        "admin_users",
        sa.Column("id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("clearance", sa.Integer()),
    )
