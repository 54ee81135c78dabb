import { eq } from "drizzle-orm";
import { db } from "./client";
import { sites } from "./schema";

export async function siteByDomain(domain: string) {
  return db.select().from(sites).where(eq(sites.domain, domain));
}
