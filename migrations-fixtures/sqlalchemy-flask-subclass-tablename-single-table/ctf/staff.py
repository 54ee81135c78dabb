from sqlalchemy import text

from ctf.models import db


def staff_badges():
    return db.session.execute(text("SELECT name, badge FROM accounts WHERE kind = 'staff'")).all()
