from shop.db.columns import CUSTOMER_COLUMNS, ORDER_COLUMNS
from shop.db.run import fetch_all


def open_orders(conn):
    return fetch_all(conn, f"SELECT {ORDER_COLUMNS} FROM orders WHERE status = %s", "open")


def customers(conn):
    return fetch_all(conn, f"SELECT {CUSTOMER_COLUMNS} FROM customers ORDER BY email")
