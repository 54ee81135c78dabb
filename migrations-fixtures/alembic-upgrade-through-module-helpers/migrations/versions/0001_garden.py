"""plots and plantings"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def timestamps():
    return (
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )


def upgrade() -> None:
    with op.get_context().autocommit_block():
        create_plots()
        create_plantings()


def create_plots() -> None:
    op.create_table(
        "plot",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("label", sa.String(40), nullable=False),
        *timestamps(),
    )


def create_plantings() -> None:
    op.create_table(
        "planting",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("plot_id", sa.Integer(), sa.ForeignKey("plot.id"), nullable=False),
        sa.Column("crop", sa.String(60), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("planting")
    op.drop_table("plot")
