from sqlalchemy import text


def archived_orders(session, customer_id):
    return session.execute(
        text("SELECT id, placed_at, total_cents FROM orders_2023 WHERE customer_id = :customer_id ORDER BY placed_at"),
        {"customer_id": customer_id},
    ).all()


def lapsed(session):
    return session.execute(text("SELECT customer_id FROM lapsed_customers ORDER BY customer_id")).scalars().all()


# The archive copied no status column.
def archived_statuses(session):
    return session.execute(text("SELECT id, status FROM orders_2023")).all()
