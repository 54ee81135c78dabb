# A test's own table: not read.
async def test_scratch(store):
    await store.db_pool.simple_insert("scratch_table", {"a": 1}, desc="t")
