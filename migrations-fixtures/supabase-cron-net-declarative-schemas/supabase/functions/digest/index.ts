import postgres from "npm:postgres";

const sql = postgres(Deno.env.get("SUPABASE_DB_URL")!);

Deno.serve(async () => {
  const jobs = await sql`select jobname, schedule from cron.job where jobname = 'digest'`;
  const pending = await sql`select id, status_code from net._http_response order by created desc limit 5`;
  const recipients = await sql`select run_id, email from digest_recipients`;
  return Response.json({ jobs, pending, recipients });
});
