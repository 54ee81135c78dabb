"""Nightly report of a shop's products, oldest first or by price."""


def stale_products(cur, shop_id, by_price):
    sql = "SELECT id, title FROM products WHERE shop_id = %s AND deleted_at IS NULL"
    if by_price:
        sql += " ORDER BY price"
    elif shop_id < 0:
        sql += " ORDER BY id"
    else:
        sql += " ORDER BY created_at"
    cur.execute(sql, (shop_id,))
    return cur.fetchall()
