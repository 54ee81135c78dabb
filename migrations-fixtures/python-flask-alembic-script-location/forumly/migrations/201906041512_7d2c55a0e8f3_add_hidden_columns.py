"""add hidden columns

Revision ID: 7d2c55a0e8f3
Revises: 3b1f0c9e2a41
Create Date: 2019-06-04 15:12:40.551920

"""

import sqlalchemy as sa
from alembic import op

revision = "7d2c55a0e8f3"
down_revision = "3b1f0c9e2a41"
branch_labels = ()


def upgrade():
    with op.batch_alter_table("topics", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hidden", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("hidden_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_topic_hidden_by", "users", ["hidden_by_id"], ["id"])


def downgrade():
    with op.batch_alter_table("topics", schema=None) as batch_op:
        batch_op.drop_constraint("fk_topic_hidden_by", type_="foreignkey")
        batch_op.drop_column("hidden_by_id")
        batch_op.drop_column("hidden")
