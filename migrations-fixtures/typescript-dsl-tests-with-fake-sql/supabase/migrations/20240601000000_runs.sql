create table public.runs (
  id uuid primary key default gen_random_uuid(),
  flow_slug text not null,
  status text not null default 'started'
);
