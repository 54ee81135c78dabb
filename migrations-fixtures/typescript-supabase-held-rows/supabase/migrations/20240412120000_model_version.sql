alter table public.llm_results add column model_version text not null default 'unknown';
