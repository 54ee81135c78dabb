import postgres from 'https://deno.land/x/postgresjs@v3.4.4/mod.js';

const sql = postgres(Deno.env.get('SUPABASE_DB_URL')!);

Deno.serve(async () => {
  const readers = await sql`
    select p.id, p.username, u.email
    from public.profiles p
    join auth.users u on u.id = p.id
    where p.digest_opt_in
  `;

  const popular = await sql`
    select r.id, r.title, r.minutes, count(f.profile_id) as saves
    from public.recipes r
    join public.favorites f on f.recipe_id = r.id
    where f.created_at > now() - interval '7 days'
    group by r.id
    order by saves desc
    limit 5
  `;

  const quick = await sql`
    select id, title from recipes
    where total_minutes <= 20 and difficulty = 'easy'::difficulty and published_at is not null
  `;

  return new Response(JSON.stringify({ readers: readers.length, popular, quick }), {
    headers: { 'Content-Type': 'application/json' },
  });
});
