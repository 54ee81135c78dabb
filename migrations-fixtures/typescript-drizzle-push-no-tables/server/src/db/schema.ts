// The tables are created by the platform's provisioning scripts; this module only re-exports
// the query helpers the server uses.
export { eq, and } from "drizzle-orm";
