import { Pipeline } from "../src/pipeline.js";

// The handle's shape is all these tests need: nothing here reaches a database.
interface StubSql {
  query: (text: string) => Promise<unknown[]>;
}

export type StubSupabase = {
  from: (table: string) => { insert: (row: object) => Promise<void> };
};

new Pipeline<{ sql: StubSql; supabase: StubSupabase }>().step(async (_input, ctx) => {
  await ctx.sql.query("SELECT owner_id FROM projects WHERE archived");
  await ctx.supabase.from("audit_entries").insert({ note: "typed" });
  return true;
});
