from .queries import ORDER_COLUMNS, OPEN_ORDERS as OPEN


def open_orders(cur):
    cur.execute(OPEN)
    return cur.fetchall()


def orders_by(cur, customer_id, order_by):
    cur.execute(
        "SELECT %s FROM orders WHERE customer_id = %%s ORDER BY %s" % (ORDER_COLUMNS, order_by),
        (customer_id,),
    )
    return cur.fetchall()


def shipped(cur, since):
    conds = ["status = 'shipped'", "shipped_at >= %s"]
    cur.execute("SELECT {} FROM orders WHERE {}".format(ORDER_COLUMNS, " AND ".join(conds)), (since,))
    return cur.fetchall()


def monthly_totals(cur, month):
    # One archive table per month (orders_2024_01, ...): its columns are not known here.
    cur.execute(
        f"SELECT o.total_cents, c.email, c.tier FROM orders_{month} o JOIN customers c ON c.id = o.customer_id"
    )
    return cur.fetchall()
