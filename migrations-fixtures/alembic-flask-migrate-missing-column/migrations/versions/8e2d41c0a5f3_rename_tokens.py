"""rename tokens, add status

Revision ID: 8e2d41c0a5f3
Revises: 1f3c9a2b7d10
Create Date: 2024-03-01 16:02:10.331907

"""
from alembic import op
import sqlalchemy as sa

revision = "8e2d41c0a5f3"
down_revision = "1f3c9a2b7d10"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("llm_results", schema=None) as batch_op:
        batch_op.alter_column("tokens", new_column_name="tokens_used", existing_type=sa.Integer())
        batch_op.add_column(sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("jobs", sa.Column("status", sa.String(length=20), server_default="queued", nullable=False))
    op.execute(
        """
        CREATE TABLE job_events (
            id bigserial PRIMARY KEY,
            job_id integer NOT NULL REFERENCES jobs (id),
            event text NOT NULL
        )
        """
    )


def downgrade():
    op.execute("DROP TABLE job_events")
    op.drop_column("jobs", "status")
    with op.batch_alter_table("llm_results", schema=None) as batch_op:
        batch_op.drop_column("finished_at")
        batch_op.alter_column("tokens_used", new_column_name="tokens")
