-- Run by the deploy script after the migrations: the reporting function is not a migration's.
create or replace function public.usage_by_model(p_tenant bigint, p_since timestamptz default now() - interval '30 days')
returns table (model text, tokens bigint)
language sql stable
as $$ select model, sum(tokens) from public.token_usage where tenant_id = p_tenant group by model $$;
