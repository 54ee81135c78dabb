import { sql } from './db';

export const list = () => sql`SELECT id, body FROM notes ORDER BY id DESC`;
