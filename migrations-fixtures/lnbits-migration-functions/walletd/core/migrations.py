from sqlalchemy.exc import OperationalError

from walletd.db import SQLITE, Connection


async def m000_create_migrations_table(db: Connection):
    await db.execute(
        """
        CREATE TABLE IF NOT EXISTS dbversions (
            db TEXT PRIMARY KEY,
            version INT NOT NULL
        )
        """
    )


async def m001_initial(db: Connection):
    await db.execute(
        f"""
        CREATE TABLE IF NOT EXISTS accounts (
            id TEXT PRIMARY KEY,
            email TEXT,
            created_at TIMESTAMP NOT NULL DEFAULT {db.timestamp_now}
        );
        """
    )
    await db.execute(
        f"""
        CREATE TABLE IF NOT EXISTS wallets (
            id TEXT PRIMARY KEY,
            account TEXT NOT NULL,
            balance {db.big_int} NOT NULL DEFAULT 0
        );
        """
    )


async def m002_add_pubkey(db: Connection):
    if db.type == SQLITE:
        await db.execute("ALTER TABLE accounts ADD COLUMN sqlite_pubkey TEXT")
    else:
        await db.execute("ALTER TABLE accounts ADD COLUMN pubkey TEXT")


async def m003_wallet_currency(db: Connection):
    try:
        await db.execute("ALTER TABLE wallets ADD COLUMN currency TEXT")
    except OperationalError:
        pass
    await db.execute("UPDATE wallets SET currency = 'sat' WHERE currency IS NULL")


async def m004_index_wallets(db: Connection):
    for column in ["account", "currency"]:
        await db.execute(f"CREATE INDEX IF NOT EXISTS idx_wallets_{column} ON wallets ({column})")


async def m005_timestamps(db: Connection):
    for table in ["wallets", "payments_log"]:
        await db.execute(f"ALTER TABLE {table} ADD COLUMN updated_at TIMESTAMP")
