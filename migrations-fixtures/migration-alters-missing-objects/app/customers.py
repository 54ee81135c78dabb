def find(cur, address):
    cur.execute("SELECT id, email_address FROM customers WHERE email_address = %s", (address,))
    return cur.fetchone()
