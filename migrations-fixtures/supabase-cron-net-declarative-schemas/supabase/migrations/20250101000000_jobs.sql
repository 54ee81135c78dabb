create extension if not exists pg_cron;
create extension if not exists pg_net with schema extensions;

create table public.digest_runs (
  id bigint generated always as identity primary key,
  started_at timestamptz not null default now(),
  request_id bigint
);
