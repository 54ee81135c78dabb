insert into public.recipes (author_id, title, difficulty, total_minutes)
select id, 'Weeknight dal', 'easy', 35 from public.profiles limit 1;
