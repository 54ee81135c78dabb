"""A plugin's revision, run by the application itself (not by `alembic upgrade`)

Revision ID: 61c0b7a2e9d4
Revises:
"""
import sqlalchemy as sa

revision = "61c0b7a2e9d4"
down_revision = None


def upgrade(op=None):
    op.create_table(
        "hidden_teams",
        sa.Column("id", sa.Integer(), sa.ForeignKey("teams.id"), primary_key=True),
        sa.Column("reason", sa.Text()),
    )
    op.add_column("hidden_teams", sa.Column("hidden_reason", sa.Text()))
    # Runs once, on the schema of its time: not application SQL.
    op.get_bind().execute("UPDATE hidden_teams SET hidden_reason = reason")
    op.drop_column("hidden_teams", "reason")
