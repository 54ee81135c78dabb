import { createClient } from "@supabase/supabase-js";

// A billing webhook and a batch worker write their rows through the service-role client.
const supabaseAdmin = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);

export async function upsertPlan(plan: { id: string; active: boolean; name: string; amount?: number }) {
  const planRow = {
    id: plan.id,
    active: plan.active,
    name: plan.name,
    monthly_price: plan.amount ?? null,
  };
  const { error } = await supabaseAdmin.from("plans").upsert([planRow]);
  if (error) throw error;
}

export async function saveResult(planId: string, promptHash: string, output: string, modelVersion: string) {
  const base = { plan_id: planId, prompt_hash: promptHash };
  const result = { ...base, output, model_version: modelVersion };
  const { error } = await supabaseAdmin.from("llm_results").insert(result);
  if (error) throw error;
}

export async function renamePlan(id: string, patch: Record<string, unknown>) {
  // The row comes from the caller: its columns are not known here.
  const { error } = await supabaseAdmin.from("plans").update(patch).eq("id", id);
  if (error) throw error;
}
