from contextlib import asynccontextmanager

from sqlalchemy import text


class Connection:
    def __init__(self, conn, type):
        self.conn = conn
        self.type = type

    def rewrite_query(self, query) -> str:
        if self.type == "postgres":
            query = query.replace("%", "%%")
            query = query.replace("?", "%s")
        return query

    async def fetchall(self, query: str, values: dict | None = None):
        result = await self.conn.execute(text(self.rewrite_query(query)), values or {})
        return result.mappings().all()


class Database:
    def __init__(self, engine):
        self.engine = engine

    @asynccontextmanager
    async def connect(self):
        async with self.engine.connect() as conn:
            yield Connection(conn, "postgres")

    async def fetchall(self, query: str, values: dict | None = None):
        async with self.connect() as conn:
            return await conn.fetchall(query, values)
