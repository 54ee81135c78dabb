"""add author and maintainer

Revision ID: b2
Revises: a1
"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"

_columns = ("author", "maintainer")


def upgrade():
    # A loop over a literal tuple: once per name.
    for column in _columns:
        op.add_column("package", sa.Column(column, sa.UnicodeText))
    op.create_table("tag", sa.Column("id", sa.UnicodeText, primary_key=True), sa.Column("name", sa.UnicodeText))
