import { pgEnum } from "drizzle-orm/pg-core";

export const deployStatus = pgEnum("deploy_status", ["queued", "running", "done", "error"]);
export const triggerKind = pgEnum("trigger_kind", ["push", "manual"]);
