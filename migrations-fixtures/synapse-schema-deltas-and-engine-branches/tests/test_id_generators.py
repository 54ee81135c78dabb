class IdGeneratorTest:
    tables = ["scratch_ids"]

    def setup_db(self, txn):
        for table in self.tables:
            txn.execute(
                """
                CREATE TABLE %s (
                    stream_id BIGINT NOT NULL,
                    instance_name TEXT NOT NULL
                )
                """
                % (table,)
            )

    def test_insert(self, txn):
        txn.execute("INSERT INTO scratch_ids (stream_id, instance_name) VALUES (?, ?)", (1, "master"))
