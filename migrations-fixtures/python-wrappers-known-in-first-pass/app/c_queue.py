class QueueStore:
    def execute_batch(self, rows, sql):
        self.cur.executemany(sql, rows)
