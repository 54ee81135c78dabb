create schema if not exists pgmq;
create extension if not exists pgmq with schema pgmq;

create table public.exports (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  status text not null default 'queued',
  finished_at timestamptz
);

create schema reporting;
create table reporting.export_stats (
  day date primary key,
  finished integer not null default 0
);

select pgmq.create('exports');
