import sqlalchemy as sa
from alembic import op

revision = "aa11bb22cc33"
down_revision = None


def upgrade():
    op.create_table("flow_run", sa.Column("id", sa.Integer(), primary_key=True))
