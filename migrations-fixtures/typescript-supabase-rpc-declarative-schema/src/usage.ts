// Reports token usage through a database function. The declarative schema and the migration
// both create record_usage(p_tenant, p_tokens [, p_model]).
import { createClient } from "@supabase/supabase-js";

const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);

export async function report(tenant: number, tokens: number, model?: string) {
  await supabase.rpc("record_usage", { p_tenant: tenant, p_tokens: tokens, p_model: model });
  // Named after the columns, not the arguments: PostgREST finds no such function.
  await supabase.rpc("record_usage", { tenant_id: tenant, tokens });
}

export async function byModel(tenant: number) {
  // The deploy script creates usage_by_model: calls with its argument names are not judged.
  await supabase.rpc("usage_by_model", { p_tenant: tenant });
  // A name it does not declare: no function that PostgREST could find.
  return supabase.rpc("usage_by_model", { tenant_id: tenant });
}
