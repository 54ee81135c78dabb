alter table public.recipes rename column minutes to total_minutes;
alter table public.profiles add column digest_opt_in boolean not null default true;
