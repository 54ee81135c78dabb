import postgres from "postgres";
import { expect, test } from "vitest";

const sql = postgres(process.env.TEST_DATABASE_URL!);

test("a started run is listed", async () => {
  const rows = await sql`select id, flow_slug, finished_at from runs where status = 'started'`;
  expect(rows.length).toBeGreaterThanOrEqual(0);
});
