def save(txn, rows):
    txn.execute_batch("INSERT INTO jobs (id, attempts) VALUES (%s, %s)", rows)


def states(cur):
    return run_sql(cur, "SELECT id, stage FROM jobs")
