def greeting(conn, customer_id):
    with conn.cursor() as cur:
        cur.execute("SELECT display_name FROM customers WHERE id = %s", (customer_id,))
        return cur.fetchone()


def best_customers(conn, limit):
    with conn.cursor() as cur:
        cur.execute(
            """
            WITH spent AS (
                SELECT customer_id, sum(total_cents) AS cents
                FROM orders
                WHERE status <> 'open'
                GROUP BY customer_id
            )
            SELECT c.email, s.cents
            FROM customers c
            JOIN spent s ON s.customer_id = c.id
            ORDER BY s.cents DESC
            LIMIT %s
            """,
            (limit,),
        )
        return cur.fetchall()


def open_orders_again(conn, customer_id):
    with conn.cursor() as cur:
        cur.execute("SELECT id, total_cents FROM orders WHERE customer_id = %s AND status = 'open'", (customer_id,))
        return cur.fetchall()
