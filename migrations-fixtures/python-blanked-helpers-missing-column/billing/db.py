"""The one place that runs SQL: every query goes through run_query."""
import psycopg


def run_query(conn: psycopg.Connection, sql: str, *params):
    with conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()
