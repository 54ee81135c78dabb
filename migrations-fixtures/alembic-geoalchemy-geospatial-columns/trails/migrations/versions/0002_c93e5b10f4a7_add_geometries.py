"""add geometries to routes and tracks

Revision ID: c93e5b10f4a7
Revises: a41c07d2e9b1
Create Date: 2024-06-18 08:40:51.000000

"""
from alembic import op
import sqlalchemy as sa
from geoalchemy2 import Geometry

revision = "c93e5b10f4a7"
down_revision = "a41c07d2e9b1"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("tracks", schema=None) as batch_op:
        batch_op.add_geospatial_column(
            sa.Column(
                "line",
                Geometry(geometry_type="LINESTRING", srid=4326, spatial_index=False, from_text="ST_GeomFromEWKT", name="geometry"),
                nullable=True,
            )
        )
        batch_op.create_geospatial_index("idx_tracks_line", ["line"], unique=False, postgresql_using="gist", postgresql_ops={})

    op.add_geospatial_column(
        "routes",
        sa.Column("start_point", Geometry(geometry_type="POINT", srid=4326, spatial_index=False), nullable=True),
    )
    op.create_geospatial_index("idx_routes_start_point", "routes", ["start_point"], unique=False, postgresql_using="gist")


def downgrade():
    op.drop_geospatial_index("idx_routes_start_point", table_name="routes", postgresql_using="gist", column_name="start_point")
    op.drop_geospatial_column("routes", "start_point")
    with op.batch_alter_table("tracks", schema=None) as batch_op:
        batch_op.drop_geospatial_index("idx_tracks_line", postgresql_using="gist", column_name="line")
        batch_op.drop_geospatial_column("line")
