class BatchStore:
    def execute_batch(self, sql, rows):
        self.txn.executemany(sql, rows)


def run_sql(cur, sql):
    cur.execute(sql)
