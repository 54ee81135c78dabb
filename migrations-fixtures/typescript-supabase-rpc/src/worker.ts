// A job runner: claims jobs and reports their token usage through database functions that
// supabase-js calls over PostgREST.
import { createClient } from "@supabase/supabase-js";

const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);

export async function runOnce(workerId: string, summarise: (p: unknown) => Promise<number>) {
  const { data: jobs, error } = await supabase.rpc("claim_next_job", { worker_id: workerId });
  if (error) throw error;
  for (const job of jobs ?? []) {
    const tokens = await summarise(job.payload);
    await supabase.rpc("record_usage", { p_tenant: job.payload.tenant, p_tokens: tokens });
  }
  const { count } = await supabase.rpc("pending_job_count", undefined, { head: true, count: "exact" });
  await supabase.schema("pgmq_public").rpc("send", { queue_name: "reports", message: { count } });
  return count;
}

export async function closeInvoice(invoiceId: number, extra: Record<string, unknown>) {
  await supabase.schema("billing").rpc("close_invoice", { invoice_id: invoiceId });
  // The arguments are built at run time: only the function's name is checked.
  await supabase.schema("billing").rpc("close_invoice", { invoice_id: invoiceId, ...extra });
}
