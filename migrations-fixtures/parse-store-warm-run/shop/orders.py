import psycopg

OPEN_ORDERS = "SELECT id, total_cents FROM orders WHERE customer_id = %s AND status = 'open'"


def open_orders(conn, customer_id):
    with conn.cursor() as cur:
        cur.execute(OPEN_ORDERS, (customer_id,))
        return cur.fetchall()


def open_total(conn, customer_id):
    with conn.cursor() as cur:
        cur.execute(OPEN_ORDERS, (customer_id,))
        return sum(row[1] for row in cur.fetchall())


def place(conn, customer_id, total_cents, note):
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO orders (customer_id, total_cents, note) VALUES (%s, %s, %s) "
            "ON CONFLICT DO NOTHING RETURNING id, placed_at",
            (customer_id, total_cents, note),
        )
        return cur.fetchone()


def close_all(conn, customer_id):
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE orders SET status = 'closed' WHERE customer_id = %s; "
            "DELETE FROM orders WHERE customer_id = %s AND total_cents = 0",
            (customer_id, customer_id),
        )


def shipped(conn):
    with conn.cursor() as cur:
        # ORDER without BY: the query does not parse
        cur.execute("SELECT id FROM orders WHERE status = 'shipped' ORDER id")
        return cur.fetchall()
