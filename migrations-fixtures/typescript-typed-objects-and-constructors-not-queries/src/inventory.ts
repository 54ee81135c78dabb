import pgPromise from "pg-promise";

const pgp = pgPromise();
export const db = pgp(process.env.DATABASE_URL!);

export async function lowStock(limit: number) {
  return db.any("SELECT id, sku FROM widgets WHERE stock < $1", [limit]);
}

interface Step {
  execute(input: object): Promise<unknown>;
}

// A workflow step's execute() with a typed object literal: no query.
export async function restock(step: Step, sku: string) {
  return step.execute({ sku, reason: "restock" } as object);
}
