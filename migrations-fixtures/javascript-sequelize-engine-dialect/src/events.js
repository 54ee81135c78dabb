// Reads events with node-postgres.
const { Pool } = require("pg");
const pool = new Pool();

async function recentEvents() {
  const { rows } = await pool.query('SELECT id, kind, payload, "createdAt" FROM events ORDER BY id DESC LIMIT 50');
  return rows;
}

// Only the SQL Server branch adds this column.
async function legacyPayload(id) {
  const { rows } = await pool.query("SELECT payload_xml FROM events WHERE id = $1", [id]);
  return rows[0];
}

module.exports = { recentEvents, legacyPayload };
