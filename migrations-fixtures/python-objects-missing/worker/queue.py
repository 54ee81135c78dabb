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


def typos(cur):
    # Each of these fails in PostgreSQL on every call, whatever the migrations do.
    cur.execute("SELECT job_age() FROM jobs")
    cur.execute("SELECT id FROM jobs WHERE state = 'Done'")
    cur.execute("SELECT 'paused'::job_state")
    cur.execute("INSERT INTO jobs (tenant_id, payload) VALUES (%s, %s, %s)", (1, "{}", "x"))
    cur.execute("INSERT INTO jobs (tenant_id, payload, dedup_key) VALUES (%s, %s)", (1, "{}"))
    cur.execute("SELECT nextval('jobs_idd_seq')")


def unknowns(cur):
    # Nothing here can be judged for certain: no finding.
    cur.execute("SELECT upper(payload->>'kind'), lower(dedup_key), coalesce(dedup_key, 'x') FROM jobs")
    cur.execute("SELECT text(id), int4(tenant_id), jobs.payload FROM jobs WHERE payload @> %s", ("{}",))
    cur.execute("SELECT extract(epoch from now()), substring(dedup_key from 1 for 3) FROM jobs")
    cur.execute("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY id) FROM jobs")
    cur.execute("SELECT auth.uid() FROM jobs WHERE state::text = 'whatever'")
    cur.execute("SELECT dedup_key(j) FROM jobs j")
    cur.execute("INSERT INTO jobs VALUES (DEFAULT, %s, 'queued', %s)", (1, "{}"))
