create table public.tenants (
  id bigint generated always as identity primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table public.llm_results (
  id uuid primary key default gen_random_uuid(),
  tenant_id bigint not null references public.tenants (id),
  provider text not null,
  prompt_hash text not null,
  output text not null,
  tokens_used integer not null default 0,
  meta jsonb not null default '{}',
  created_at timestamptz not null default now(),
  unique (tenant_id, prompt_hash)
);

alter table public.llm_results enable row level security;

create schema audit;
create table audit.usage_events (
  id bigint generated always as identity primary key,
  tenant_id bigint not null,
  tokens integer not null,
  at timestamptz not null default now()
);
