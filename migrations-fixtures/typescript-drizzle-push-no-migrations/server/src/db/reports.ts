import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

// Sites whose visitor ids are salted, for the nightly rotation.
export async function saltedSites() {
  const { rows } = await pool.query(
    'SELECT site_id, domain FROM sites WHERE "saltUserIds" = true AND public = false'
  );
  return rows;
}

// The owner of each site, for the weekly report e-mail.
export async function siteOwners() {
  const { rows } = await pool.query("SELECT s.site_id, s.owner_email FROM sites s JOIN funnels f ON f.site_id = s.site_id");
  return rows;
}
