def open_orders(cur):
    cur.execute("SELECT id, status FROM orders WHERE status = 'new'")
    return cur.fetchall()
