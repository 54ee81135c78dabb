"""Accounts, read by the API."""


def account_emails(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT id, email FROM accounts ORDER BY id")
        return cur.fetchall()
