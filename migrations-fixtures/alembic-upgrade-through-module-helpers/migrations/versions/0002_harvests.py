"""harvest weights"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def weight_columns(unit):
    return [sa.Column(f"weight_{unit}", sa.Numeric(), nullable=True)]


def upgrade() -> None:
    add_harvested_on()
    op.create_table("harvest", sa.Column("id", sa.Integer(), primary_key=True), *weight_columns("kg"))


def add_harvested_on() -> None:
    op.add_column("planting", sa.Column("harvested_on", sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_table("harvest")
    op.drop_column("planting", "harvested_on")
