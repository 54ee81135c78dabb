"""invoices with a number drawn by a function"""
import sqlalchemy as sa
from alembic import op
from alembic_utils.pg_extension import PGExtension
from alembic_utils.pg_function import PGFunction
from alembic_utils.pg_view import PGView

revision = "1b2c3d4e5f60"
down_revision = None


def upgrade():
    trgm = PGExtension(schema="public", signature="pg_trgm")
    op.create_entity(trgm)
    op.execute("CREATE SEQUENCE invoice_number_seq")
    next_number = PGFunction(
        schema="public",
        signature="next_invoice_number(issued_at timestamp with time zone DEFAULT now())",
        definition="returns bigint\n LANGUAGE sql\nAS $$ SELECT nextval('invoice_number_seq') $$",
    )
    op.create_entity(next_number)
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.BigInteger(), server_default=sa.text("next_invoice_number()"), nullable=False),
        sa.Column("total_cents", sa.BigInteger(), nullable=False),
    )
    op.create_entity(
        PGView(
            schema="public",
            signature="invoice_totals",
            definition="SELECT count(*) AS invoice_count, sum(total_cents) AS total_cents FROM invoices",
        )
    )
    # One name for two statements: each call runs the value last assigned before it.
    stmt = "CREATE TABLE credit_notes (id integer PRIMARY KEY)"
    op.execute(stmt)
    stmt = "CREATE TABLE refunds (id integer PRIMARY KEY)"
    op.execute(stmt)


def downgrade():
    op.drop_table("invoices")
