import { Op } from "sequelize";
import { Alert } from "../models";

// A nightly job snoozes noisy alerts; a new team gets a welcome alert.
export async function snoozeNoisy(teamId: string, until: Date) {
  await Alert.update({ snoozedUntil: until, note: "noisy" }, { where: { teamId, kind: { [Op.in]: ["cpu", "disk"] } } });
}

export async function welcome(teamId: string, id: string) {
  return Alert.create({ id, teamId, kind: "welcome", note: "hello" });
}
