"""rank column of an enum type the migration creates first

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"

rank = sa.Enum("CADET", "PILOT", "CAPTAIN", name="crew_rank")


def upgrade():
    # add_column does not create the type: the migration does.
    rank.create(op.get_bind())
    op.add_column("crew", sa.Column("rank", rank, nullable=False, server_default="CADET"))
    postgresql.ENUM("DOCKED", "FLYING", name="crew_state").create(op.get_bind(), checkfirst=True)
    op.add_column("crew", sa.Column("state", sa.Enum(name="crew_state", create_type=False), nullable=True))
