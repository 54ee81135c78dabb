"""Account and journal access with asyncpg."""
import asyncpg

ACCOUNT_COLUMNS = "id, code, kind, display_name"


async def get_account(conn: asyncpg.Connection, code: str):
    return await conn.fetchrow(
        "SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE code = $1", code
    )


async def balances(conn: asyncpg.Connection, since):
    return await conn.fetch(
        """
        SELECT a.code, a.name, sum(p.amount_cents) AS balance
        FROM accounts a
        JOIN postings p ON p.account_id = a.id
        JOIN journal_entries e ON e.id = p.entry_id
        WHERE e.posted_at >= $1
        GROUP BY a.code, a.name
        ORDER BY balance DESC
        """,
        since,
    )


async def post_entry(conn: asyncpg.Connection, memo: str, lines):
    async with conn.transaction():
        entry_id = await conn.fetchval(
            "INSERT INTO journal_entries (posted_at, memo) VALUES (now(), $1) RETURNING id",
            memo,
        )
        await conn.executemany(
            "INSERT INTO postings (entry_id, account_id, amount_cents) VALUES ($1, $2, $3)",
            [(entry_id, account, cents) for account, cents in lines],
        )
    return entry_id


async def open_period(conn: asyncpg.Connection):
    return await conn.fetchrow(
        "SELECT id, starts_on, ends_on FROM closing_periods WHERE closed_at IS NULL ORDER BY starts_on LIMIT 1"
    )


async def count_rows(conn: asyncpg.Connection, table: str) -> int:
    # The table name comes from an allow-list in the admin command.
    return await conn.fetchval(f"SELECT count(*) FROM {table}")
