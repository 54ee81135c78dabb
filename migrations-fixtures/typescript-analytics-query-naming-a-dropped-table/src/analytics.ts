// Counts page views in the analytics service, whose HTTP API takes its own SQL dialect.
export async function viewsOf(path: string): Promise<number> {
  const query = `SELECT count() FROM pageviews WHERE path = '${path}'`;
  const res = await fetch("https://analytics.example.com/api/query", {
    method: "POST",
    body: JSON.stringify({ query }),
  });
  return (await res.json()).results[0][0];
}

// A leftover of the old table, which a database client still runs: the table is gone.
export async function legacyViews(db: { query(sql: string): Promise<unknown> }) {
  return db.query("SELECT count(*) FROM pageviews");
}
