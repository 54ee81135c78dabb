"""The one place that talks to the database: every query goes through fetch_all."""


def fetch_all(conn, query, *args):
    cur = conn.cursor()
    cur.execute(query, args)
    return cur.fetchall()
