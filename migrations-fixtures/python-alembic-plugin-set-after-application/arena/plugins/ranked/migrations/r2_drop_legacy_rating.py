from alembic import op

revision = "r2"
down_revision = "r1"


def upgrade(op=op):
    op.drop_column("matches", "legacy_rating")
