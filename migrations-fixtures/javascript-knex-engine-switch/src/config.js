// Settings from the environment.
module.exports = {
  db: { client: process.env.DB_CLIENT || "pg", connection: process.env.DATABASE_URL },
  features: { archive: process.env.NOTES_ARCHIVE || "soft" },
};
