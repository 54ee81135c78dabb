-- Declarative schema: `supabase db diff` writes the migrations from this file.
create table public.digest_runs (
  id bigint generated always as identity primary key,
  started_at timestamptz not null default now(),
  request_id bigint
);

create table public.digest_recipients (
  run_id bigint not null references public.digest_runs (id),
  email text not null
);
