"""Inactive accounts, read through the session the app uses."""
from sqlalchemy import text as sa_text


def test_inactive_accounts(db_session):
    rows = db_session.scalars(sa_text("SELECT id FROM accounts WHERE last_login_at < now() - interval '90 days'"))
    assert list(rows) == []
