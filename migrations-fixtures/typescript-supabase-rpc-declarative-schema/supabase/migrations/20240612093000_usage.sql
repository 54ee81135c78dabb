create table public.token_usage (
  tenant_id bigint not null,
  model text not null,
  tokens integer not null
);

create or replace function public.record_usage(p_tenant bigint, p_tokens integer, p_model text default 'unknown')
returns void
language sql
as $$ insert into public.token_usage (tenant_id, model, tokens) values (p_tenant, p_model, p_tokens) $$;
