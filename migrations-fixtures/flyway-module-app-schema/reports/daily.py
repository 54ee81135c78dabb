"""Daily order report, run by cron against the shop database."""
import psycopg


def daily_totals(conn: psycopg.Connection):
    with conn.cursor() as cur:
        cur.execute(
            """
            SELECT o.placed_at::date AS day, sum(l.quantity) AS items
            FROM orders o JOIN order_lines l ON l.order_id = o.id
            GROUP BY 1 ORDER BY 1
            """
        )
        return cur.fetchall()


def by_channel(conn: psycopg.Connection):
    with conn.cursor() as cur:
        cur.execute("SELECT channel, count(*) FROM orders GROUP BY channel")
        return cur.fetchall()
