def run_own(cur, sql):
    cur.execute(sql)


def job(cur, query):
    run_own(cur, query)


def report(cur):
    run_own(cur, "SELECT id, stage FROM jobs")
