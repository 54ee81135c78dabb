import { DeduplicateJoinsPlugin, Kysely } from "kysely";
import { getKyselyConfig } from "../database";

const db = new Kysely<any>(getKyselyConfig(process.env.DB_URL ?? ""));

export function getPinExpiry(id: string) {
  return db.selectFrom("sessions").select(["id", "expiresAt", "pinExpiresAt"]).where("id", "=", id).executeTakeFirst();
}

export async function lockPins(userId: string) {
  await db.updateTable("sessions").set({ expiresAt: null }).where("userId", "=", userId).execute();
}

// Search queries join the same tables from several filters: Kysely's own plugin drops the repeats.
const dedupeJoins = new DeduplicateJoinsPlugin();

export function sessionsOfUser(userId: string) {
  return db.withPlugin(dedupeJoins).selectFrom("sessions").select(["id", "expiresAt"]).where("userId", "=", userId).execute();
}
