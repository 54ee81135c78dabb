import sqlalchemy as sa
from sqlalchemy import text
from sqlalchemy.dialects import postgresql


async def read_pool(session, db, pool_id):
    query = (
        sa.select(db.WorkPool)
        .where(db.WorkPool.id == pool_id)
        .limit(1)
    )
    result = await session.execute(query)
    return result.scalar()


async def read_pools(session, db, offset=None, limit=None):
    query = sa.select(db.WorkPool).order_by(db.WorkPool.name)
    if offset is not None:
        query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    result = await session.execute(query)
    return result.scalars().all()


async def upsert_pool(session, db, values):
    insert_stmt = postgresql.insert(db.WorkPool).values(**values)
    await session.execute(insert_stmt)


async def pool_names(session):
    # SQL text is still a site, and still checked.
    result = await session.execute(text("SELECT name, slots FROM work_pool"))
    return result.all()


async def busy_pools(session, threshold):
    query = "SELECT name FROM work_pool WHERE concurrency > :t"
    query = query.replace("concurrency", "concurrency_limit")
    result = await session.execute(text(query), {"t": threshold})
    return result.all()
