from sqlalchemy import text

from ctf.models import db


def standings(tenant_id):
    return db.session.execute(
        text("SELECT t.id, t.name FROM teams t JOIN users u ON u.team_id = t.id WHERE NOT t.banned AND u.tenant_id = :tenant"),
        {"tenant": tenant_id},
    ).all()


def sqlite_leftovers():
    # Added only on SQLite: on PostgreSQL the column does not exist.
    return db.session.execute(text("SELECT sqlite_rowid_copy FROM teams")).all()
