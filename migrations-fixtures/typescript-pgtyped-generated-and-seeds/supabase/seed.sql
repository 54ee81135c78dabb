-- Local development data, loaded by `supabase db reset`.
insert into public.projects (id, owner_id, name, colour) values
  ('7d9b5a52-7f0e-4d4c-9a0b-3f1f0b1c2d3e', '0b1c2d3e-7f0e-4d4c-9a0b-3f1f7d9b5a52', 'Demo', 'teal');
