"""Queries shared by the API and the nightly worker."""

ORDER_COLUMNS = "id, customer_id, total_cents, status, placed_at"

OPEN_ORDERS = f"SELECT {ORDER_COLUMNS} FROM orders WHERE status = 'open'"
