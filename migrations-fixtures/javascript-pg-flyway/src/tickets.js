'use strict';
const { pool } = require('./db');

const TICKET_FIELDS = 'id, customer_id, subject, status, priority';

async function openTicket(customerId, subject, body) {
  const { rows } = await pool.query(
    `INSERT INTO tickets (customer_id, subject, body, priority)
     VALUES ($1, $2, $3, $4)
     RETURNING ${TICKET_FIELDS}`,
    [customerId, subject, body, 3],
  );
  return rows[0];
}

async function dashboard() {
  const { rows } = await pool.query(
    'SELECT id, subject, customer, assignee FROM open_tickets ORDER BY priority, opened_at',
  );
  return rows;
}

async function search(term) {
  const { rows } = await pool.query({
    text: `SELECT t.id, t.title
           FROM tickets t
           WHERE t.subject ILIKE '%' || $1 || '%'
           ORDER BY t.opened_at DESC`,
    values: [term],
  });
  return rows;
}

async function slaFor(priority) {
  const { rows } = await pool.query('SELECT respond_within FROM sla_policies WHERE priority = $1', [priority]);
  return rows[0];
}

async function slaRule(priority) {
  const { rows } = await pool.query('SELECT respond_within FROM sla_rules WHERE priority = $1', [priority]);
  return rows[0];
}

async function archiveClosed(before) {
  await pool.query(
    `WITH gone AS (
       DELETE FROM tickets WHERE status = 'closed' AND closed_at < $1 RETURNING *
     )
     INSERT INTO tickets_archive (id, customer_id, subject, body, status, priority, opened_at, closed_at)
     SELECT id, customer_id, subject, body, status, priority, opened_at, closed_at FROM gone`,
    [before],
  );
}

async function contacts() {
  const { rows } = await pool.query('SELECT full_name, email, legacy_email FROM customers');
  return rows;
}

async function purge(table, days) {
  await pool.query(`DELETE FROM ${table} WHERE created_at < now() - $1::interval`, [`${days} days`]);
}

module.exports = { openTicket, dashboard, search, slaFor, slaRule, archiveClosed, contacts, purge };
