import sqlalchemy as sa
from sqlalchemy import inspect


def legacy_version(engine):
    # migrate_version is a legacy tool's table, in older databases only: tested before use.
    if inspect(engine).has_table("migrate_version"):
        with engine.connect() as conn:
            return conn.execute(sa.text("select version from migrate_version")).scalar()
    return 0


def package_people(conn, package_id):
    return conn.execute(
        sa.text("select name, author, maintainer, created from package where id = :id"), {"id": package_id}
    ).first()


def tag_names(conn):
    # No migration adds tag.vocabulary_id.
    return conn.execute(sa.text("select name, vocabulary_id from tag")).all()


def revision_state(conn, revision_id):
    return conn.execute(sa.text("select state from package_revision where id = :id"), {"id": revision_id}).first()
