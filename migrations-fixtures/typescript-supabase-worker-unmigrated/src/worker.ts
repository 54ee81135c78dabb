// Summarises documents with an LLM and stores each result through supabase-js.
import { createClient } from "@supabase/supabase-js";

const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);

export async function saveResult(tenantId: number, promptHash: string, output: string, tokens: number) {
  const { data, error } = await supabase
    .from("llm_results")
    .upsert(
      { tenant_id: tenantId, provider: "openai", prompt_hash: promptHash, output, tokens_used: tokens, model_version: "gpt-4o-2024-08-06" },
      { onConflict: "tenant_id,prompt_hash" },
    )
    .select("id, created_at");
  if (error) throw error;
  await supabase.schema("audit").from("usage_events").insert({ tenant_id: tenantId, tokens });
  return data[0].id;
}

export async function recentResults(tenantId: number) {
  return supabase
    .from("llm_results")
    .select("id, output, model:meta->>model, tokens_used::text, tenant:tenants(name)")
    .eq("tenant_id", tenantId)
    .order("created_at", { ascending: false })
    .limit(20);
}

export async function downloadReport(path: string) {
  return supabase.storage.from("reports").download(path);
}
