from walletd.core.db import COCKROACH, POSTGRES, SQLITE, db


async def get_account(account_id: str):
    return await db.fetchone(
        "SELECT id, email, pubkey, created_at FROM accounts WHERE id = :id", {"id": account_id}
    )


async def get_wallet(wallet_id: str):
    return await db.fetchone(
        "SELECT id, account, balance, currency, updated_at FROM wallets WHERE id = :id", {"id": wallet_id}
    )


async def get_account_nickname(account_id: str):
    # No migration adds accounts.nickname.
    return await db.fetchone("SELECT nickname FROM accounts WHERE id = :id", {"id": account_id})


async def recent_log():
    # m005 alters tables it names at run time: what its strings mention (payments_log) is not judged.
    return await db.fetchall("SELECT id FROM payments_log")


async def core_tables_exist(conn) -> bool:
    # The engine is tested on the connection's type: SQLite's branch meets SQLite's catalog, not
    # PostgreSQL's schema; the PostgreSQL branch is checked.
    if conn.type == SQLITE:
        row = await conn.fetchone("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'wallet_rows'")
    elif conn.type in {POSTGRES, COCKROACH}:
        row = await conn.fetchone("SELECT id FROM wallets LIMIT 1")
    else:
        row = await conn.fetchone("SELECT walletz FROM mystery_table")
    return row is not None
