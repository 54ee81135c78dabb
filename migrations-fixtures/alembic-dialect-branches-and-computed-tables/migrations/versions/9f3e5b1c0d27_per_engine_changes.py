"""per-engine changes

Revision ID: 9f3e5b1c0d27
Revises: 4a0d2c7e91b3
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mysql

revision = "9f3e5b1c0d27"
down_revision = "4a0d2c7e91b3"


def upgrade():
    bind = op.get_bind()
    url = str(bind.engine.url)
    if url.startswith("mysql"):
        # Every DATETIME column, found at run time: never on PostgreSQL.
        columns = bind.execute("SELECT `TABLE_NAME`, `COLUMN_NAME` FROM `information_schema`.`COLUMNS`").fetchall()
        for table_name, column_name in columns:
            op.alter_column(table_name=table_name, column_name=column_name, type_=mysql.DATETIME(fsp=6))
        op.drop_table("teams")
    elif url.startswith("postgres"):
        op.execute("ALTER TABLE teams ADD COLUMN banned boolean NOT NULL DEFAULT false")
    else:
        op.add_column("teams", sa.Column("sqlite_rowid_copy", sa.Integer()))

    if bind.dialect.name == "sqlite":
        op.add_column("users", sa.Column("sqlite_flags", sa.Integer()))


def downgrade():
    pass
