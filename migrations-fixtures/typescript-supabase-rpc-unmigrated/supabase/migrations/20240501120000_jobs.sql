create table public.jobs (
  id bigint generated always as identity primary key,
  payload jsonb not null,
  claimed_by text,
  claimed_at timestamptz
);

-- Hands the oldest unclaimed job to one worker.
create function public.claim_next_job(worker_id text)
returns setof public.jobs
language sql
as $$
  update public.jobs set claimed_by = worker_id, claimed_at = now()
  where id = (select id from public.jobs where claimed_by is null order by id limit 1 for update skip locked)
  returning *;
$$;

create function public.pending_job_count()
returns bigint
language sql stable
as $$ select count(*) from public.jobs where claimed_by is null $$;

create schema billing;
create function billing.close_invoice(invoice_id bigint, note text default null)
returns void
language plpgsql
as $$ begin perform 1; end $$;

-- Queues are exposed through PostgREST: Supabase creates pgmq_public's functions.
create schema if not exists pgmq_public;
