import { lookup } from "./db";

export async function emails() {
  return lookup("SELECT email FROM users", []);
}
