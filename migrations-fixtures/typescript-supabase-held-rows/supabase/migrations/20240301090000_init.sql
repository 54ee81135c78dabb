create table public.plans (
  id text primary key,
  active boolean not null default true,
  name text not null,
  monthly_price integer
);

create table public.llm_results (
  id bigint generated always as identity primary key,
  plan_id text not null references public.plans (id),
  prompt_hash text not null,
  output text not null,
  created_at timestamptz not null default now()
);
