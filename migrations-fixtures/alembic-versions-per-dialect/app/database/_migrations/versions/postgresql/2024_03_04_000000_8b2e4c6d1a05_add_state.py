import sqlalchemy as sa
from alembic import op

revision = "8b2e4c6d1a05"
down_revision = "3f1c2a9b7d10"


def upgrade():
    op.add_column("flow_run", sa.Column("state_type", sa.String(), nullable=True))
    op.drop_table("flow_run_notification")
