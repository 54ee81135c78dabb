"""Column lists shared by the report queries: this module holds no statement of its own."""

ORDER_COLUMNS = "id, customer_id, total_cents, status"
CUSTOMER_COLUMNS = "id, email, loyalty_tier"
