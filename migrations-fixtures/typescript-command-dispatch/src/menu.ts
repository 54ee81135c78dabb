// An editor's menu runs commands by name through its command service; the notes it lists come
// from PostgreSQL. Only the second is a database call.
import { Pool } from "pg";
import CommandService from "./CommandService";

const pool = new Pool();

export function onMenuItem(commandName: string, ...args: unknown[]) {
  void CommandService.instance().execute(commandName, ...args);
}

export class MenuUtils {
  constructor(private readonly service: CommandService) {}

  run(item: { commandName: string }) {
    return this.service.execute(item.commandName);
  }
}

export async function recentNotes(userId: number) {
  const { rows } = await pool.query("SELECT id, title FROM notes WHERE user_id = $1 ORDER BY updated_at DESC", [userId]);
  return rows;
}
