"""sponsors (joined inheritance); its logo_url column is not added yet"""
from alembic import op
import sqlalchemy as sa

revision = "9c4d7e2a1b08"
down_revision = "5a1e0c3b9f21"


def upgrade():
    op.create_table(
        "sponsors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(["id"], ["accounts.id"]),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("sponsors")
