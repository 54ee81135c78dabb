"""package revisions

Revision ID: c3
Revises: b2
"""
from alembic import op
import sqlalchemy as sa

from migration.helpers import revision_columns

revision = "c3"
down_revision = "b2"


def upgrade():
    op.create_table("package_revision", sa.Column("id", sa.UnicodeText, primary_key=True))
    # Which columns this loop adds is not followed: the table's columns become uncertain.
    for column in revision_columns():
        op.add_column("package_revision", sa.Column(column, sa.UnicodeText))
