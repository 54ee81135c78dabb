import { Pool } from "pg";

const pool = new Pool();

export async function upsertChannel(id: string, dest: object, name: string) {
  return pool.query(
    "INSERT INTO channels (id, dest, name) VALUES ($1, $2, $3) ON CONFLICT (dest) DO UPDATE SET name = EXCLUDED.name RETURNING id",
    [id, dest, name],
  );
}

type Message = { id: string; channelId: string; status: string };

// The label comes from the caller: PostgreSQL reads it at run time.
export async function seedMessage(m: Message) {
  return pool.query(`INSERT INTO messages (id, channel_id, status) VALUES ('${m.id}', '${m.channelId}', '${m.status}')`);
}

// A label typed here, which the type does not have.
export async function archive(id: string) {
  return pool.query("UPDATE messages SET status = 'archived' WHERE id = $1", [id]);
}
