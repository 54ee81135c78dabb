import { Flow } from "../src/flow.js";

// A stand-in for whatever client the runtime injects: only its type matters here.
interface FakeSql {
  query: (sql: string) => Promise<unknown[]>;
}

new Flow<{ sql: FakeSql }>().step(async (_input, context) => {
  return context.sql.query("SELECT * FROM customers WHERE tier = 'gold'");
});
