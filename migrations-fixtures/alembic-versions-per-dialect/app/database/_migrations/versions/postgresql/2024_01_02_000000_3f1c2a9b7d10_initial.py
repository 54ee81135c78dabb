import sqlalchemy as sa
from alembic import op

revision = "3f1c2a9b7d10"
down_revision = None


def upgrade():
    op.create_table(
        "flow_run",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
    )
    op.create_table(
        "flow_run_notification",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("flow_run_id", sa.Integer(), nullable=False),
    )
