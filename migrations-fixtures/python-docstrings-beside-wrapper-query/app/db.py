"""The connection the handlers share."""
import psycopg


class Database:
    def __init__(self, dsn):
        self._conn = psycopg.connect(dsn)

    def run(self, sql, *params):
        """Execute one statement and return its rows, if any."""
        with self._conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else []
