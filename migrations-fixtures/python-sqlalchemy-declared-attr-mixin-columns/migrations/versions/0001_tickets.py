import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("agents", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("subject", sa.String(200)),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("agents.id")),
    )
