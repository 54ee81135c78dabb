"""The ranked plugin's own revisions, run when the plugin loads, after the application's set."""
import sqlalchemy as sa
from alembic import op

revision = "r1"
down_revision = None


def upgrade(op=op):
    op.add_column("matches", sa.Column("elo", sa.Integer(), nullable=True))
