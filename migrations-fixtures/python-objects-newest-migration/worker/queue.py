"""Job queue of the worker: every statement below runs against the schema the migrations build."""


def claim(cur, worker):
    cur.execute("SELECT id, payload FROM claim_jobs(%s, 25)", (worker,))
    return cur.fetchall()


def claim_kinds(cur, worker):
    cur.execute("SELECT id FROM claim_jobs(%s, 5, 'email', 'sms')", (worker,))
    return cur.fetchall()


def cancel(cur, job_id):
    cur.execute("UPDATE jobs SET state = 'cancelled' WHERE id = %s AND state IN ('queued', 'running')", (job_id,))


def enqueue(cur, tenant_id, payload, key):
    cur.execute(
        "INSERT INTO jobs (tenant_id, state, payload, dedup_key) VALUES (%s, 'queued', %s, %s) "
        "ON CONFLICT (tenant_id, dedup_key) DO NOTHING",
        (tenant_id, payload, key),
    )


def next_batch(cur):
    cur.execute("SELECT nextval('job_batch_seq'), last_value FROM jobs_id_seq")
    return cur.fetchone()


def stale(cur):
    cur.execute("SELECT id, job_age(now()) FROM jobs WHERE state <> 'done' AND job_age(now(), now()) > interval '1 hour'")
    return cur.fetchall()


def finished(cur):
    cur.execute("SELECT count(*), max(id) FROM jobs WHERE 'done' = state")
    return cur.fetchone()
