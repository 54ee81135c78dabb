from .db import Connection


async def get_wallets(conn: Connection, user: str):
    return await conn.fetchall("SELECT id, name, balance_msat FROM wallets WHERE id = :user", {"user": user})


async def get_wallet_names(db, user: str):
    return await db.fetchall("SELECT name FROM wallets WHERE user_id = :user", {"user": user})
