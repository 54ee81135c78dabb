-- Everything the next release needs: a label, a sequence, a function and an arbiter index.
ALTER TYPE job_state ADD VALUE 'cancelled' AFTER 'running';
CREATE SEQUENCE job_batch_seq;
CREATE FUNCTION claim_jobs(worker text, batch integer DEFAULT 10, VARIADIC kinds text[] DEFAULT '{}')
  RETURNS SETOF jobs LANGUAGE sql AS $$ SELECT * FROM jobs WHERE state = 'queued' LIMIT batch $$;
CREATE UNIQUE INDEX jobs_tenant_dedup ON jobs (tenant_id, dedup_key);
