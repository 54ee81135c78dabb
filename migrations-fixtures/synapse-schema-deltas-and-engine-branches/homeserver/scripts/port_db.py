class Porter:
    def __init__(self, sqlite_store, postgres_store):
        self.sqlite_store = sqlite_store
        self.postgres_store = postgres_store

    async def copy_notes(self, start):
        def r(txn):
            txn.execute("SELECT rowid, * FROM notes WHERE rowid >= ? ORDER BY rowid", (start,))
            return txn.fetchall()

        rows = await self.sqlite_store.db_pool.runInteraction("select", r)

        def w(txn):
            txn.execute("SELECT count(*) FROM notes")
            return txn.fetchone()

        await self.postgres_store.db_pool.runInteraction("count", w)
        return rows

    async def legacy_count(self):
        return await self.sqlite_store.execute_sql("SELECT count(*) FROM sent_messages")
