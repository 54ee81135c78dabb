"""drop sessions.user_agent

Revision ID: 5e81d3b0a6c2
Revises: 0c4f2a9e7b11
"""
from alembic import op

revision = "5e81d3b0a6c2"
down_revision = "0c4f2a9e7b11"


def upgrade():
    op.drop_column("sessions", "user_agent")
