const { Pool } = require('pg');

const pool = new Pool();

async function describe(name) {
    const { rows } = await pool.query('SELECT name, enabled, description FROM features WHERE name = $1', [name]);
    return rows[0];
}

async function recordEvent(feature, data) {
    // "payload" was renamed to "data" by the last migration.
    await pool.query('INSERT INTO events (feature_name, payload) VALUES ($1, $2)', [feature, data]);
}

module.exports = { describe, recordEvent };
