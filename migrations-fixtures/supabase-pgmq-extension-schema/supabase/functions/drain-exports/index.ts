import postgres from "https://deno.land/x/postgresjs@v3.4.4/mod.js";

const sql = postgres(Deno.env.get("SUPABASE_DB_URL")!);

Deno.serve(async () => {
  // pgmq.create('exports') made the queue table q_exports and its archive a_exports.
  const [{ depth }] = await sql`select count(*)::int as depth from pgmq.q_exports`;
  const archived = await sql`select msg_id, archived_at from pgmq.a_exports order by archived_at desc limit 10`;

  await sql`update public.exports set status = 'done', finished_at = now() where status = 'running'`;
  const stats = await sql`select day, finished, failed from reporting.export_stats order by day desc limit 7`;
  const missing = await sql`select day from reporting.export_daily`;

  return Response.json({ depth, archived, stats, missing });
});
