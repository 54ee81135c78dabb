"""Order queries for the shop's back office."""


def open_orders(cur, customer_id):
    cur.execute(
        "SELECT id, total_cents, currency FROM orders WHERE customer_id = %s AND status = 'open'",
        (customer_id,),
    )
    return cur.fetchall()


def refund(cur, order_id):
    # schemagate-ignore: missing-column refunded_at ships with the refunds migration in PR 812
    cur.execute("UPDATE orders SET status = 'refunded', refunded_at = now() WHERE id = %s", (order_id,))


def mark_paid(cur, order_id):
    # schemagate-ignore: missing-relation left over from the old payments table
    cur.execute("UPDATE orders SET status = 'paid' WHERE id = %s", (order_id,))
