from .db import Connection


async def get_wallets(conn: Connection, user: str):
    return await conn.fetchall("SELECT id, name, balance_msat FROM wallets WHERE id = :user", {"user": user})
