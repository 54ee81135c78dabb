import asyncpg


async def due_today(pool: asyncpg.Pool):
    return await pool.fetch(
        "SELECT id, customer_email, plan FROM subscriptions WHERE renews_on = current_date AND cancelled_at IS NULL"
    )


async def record_renewal(pool: asyncpg.Pool, sub_id: int):
    await pool.execute("UPDATE subscriptions SET renewed_at = now() WHERE id = $1", sub_id)
