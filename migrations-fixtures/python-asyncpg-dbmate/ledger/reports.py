"""Monthly reports, run through SQLAlchemy sessions."""
from sqlalchemy import text

MONTHLY_ACTIVITY = text(
    """
    SELECT date_trunc('month', e.posted_at) AS month, count(*) AS entries
    FROM journal_entries e
    WHERE e.description ILIKE :pattern
    GROUP BY month
    ORDER BY month
    """
)


def monthly_activity(session, pattern: str):
    return session.execute(MONTHLY_ACTIVITY, {"pattern": f"%{pattern}%"}).all()


def rename_account(cur, code: str, display_name: str) -> None:
    cur.execute(
        "UPDATE accounts SET display_name = %(display_name)s WHERE code = %(code)s",
        {"display_name": display_name, "code": code},
    )
