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
