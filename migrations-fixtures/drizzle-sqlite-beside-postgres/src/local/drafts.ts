import Database from "better-sqlite3";

const db = new Database("drafts.db");

export function unsynced() {
  return db.prepare("SELECT id, body FROM drafts WHERE synced = 0").all();
}
