"""The application's set: matches with a legacy rating."""
import sqlalchemy as sa
from alembic import op

revision = "1a2b"
down_revision = None


def upgrade():
    op.create_table(
        "matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("legacy_rating", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
