"""Nightly jobs.

Each job fetches the raw text of its statement from app.queries and runs it on the pool: to
select the sessions from a backup instead, point the pool at the restored database.
"""
import asyncpg

from app.queries import STALE_SESSIONS


async def expire_sessions(pool: asyncpg.Pool, cutoff):
    # The rows are fetched first, then each session is closed on its own (text of the
    # statement: see app.queries).
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            STALE_SESSIONS, cutoff
        )
    return [row["id"] for row in rows]
