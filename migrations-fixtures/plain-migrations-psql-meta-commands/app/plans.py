"""Plan lookups over psycopg."""
import psycopg


def plan_seats(conn: psycopg.Connection, plan_id: int) -> int:
    row = conn.execute("SELECT seats, price_cents FROM plans WHERE id = %s", (plan_id,)).fetchone()
    return row[0]
