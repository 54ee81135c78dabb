import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL!);

export const recent = () => sql`SELECT id, body, pinned FROM notes ORDER BY id DESC LIMIT 20`;
