import { Pool } from "pg";

const pool = new Pool();

export async function list(bucket: string) {
  const { rows } = await pool.query(
    "SELECT id, path, size_bytes, checksum FROM assets WHERE bucket = $1 ORDER BY created_at",
    [bucket],
  );
  return rows;
}
