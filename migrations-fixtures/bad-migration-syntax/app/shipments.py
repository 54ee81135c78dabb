def by_carrier(cur, carrier_id):
    cur.execute("SELECT id, tracking FROM shipments WHERE carrier_id = %s", (carrier_id,))
    return cur.fetchall()
