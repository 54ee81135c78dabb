import { pool } from './db';

const SUBSCRIPTION_COLUMNS = 's.id, s."UserId", s."PlanId", s.seats, s.started_at';

export async function subscribe(userId: string, planId: string, seats: number) {
  const { rows } = await pool.query(
    `INSERT INTO billing.subscriptions ("UserId", "PlanId", seats)
     VALUES ($1, $2, $3)
     ON CONFLICT ("UserId", "PlanId") DO UPDATE
       SET seats = EXCLUDED.seats, cancelled_at = NULL
     RETURNING id, started_at`,
    [userId, planId, seats],
  );
  return rows[0];
}

export async function activeFor(userId: string) {
  const { rows } = await pool.query(
    'SELECT ' + SUBSCRIPTION_COLUMNS + ', p."DisplayName" ' +
      'FROM billing.subscriptions s JOIN billing.plans p USING ("PlanId") ' +
      'WHERE s."UserId" = $1 AND s.cancelled_at IS NULL',
    [userId],
  );
  return rows;
}

export async function usageSummary(subscriptionId: number) {
  const { rows } = await pool.query(
    `SELECT metric, sum(quantity) AS total,
            sum(quantity) FILTER (WHERE recorded_at > now() - interval '1 day') AS last_day
     FROM billing.usage_events
     WHERE subscription_id = $1
     GROUP BY metric
     ORDER BY total DESC`,
    [subscriptionId],
  );
  return rows;
}

export async function invoiceRun(periodStart: string, periodEnd: string) {
  await pool.query(
    `WITH due AS (
       SELECT s.id AS subscription_id, p.price_cents * s.seats AS amount_cents
       FROM billing.subscriptions s
       JOIN billing.plans p ON p."PlanId" = s."PlanId"
       WHERE s.cancelled_at IS NULL
         AND NOT EXISTS (
           SELECT 1 FROM billing.invoices i
           WHERE i.subscription_id = s.id AND i.period_start = $1::date
         )
     )
     INSERT INTO billing.invoices (subscription_id, period_start, period_end, amount_cents)
     SELECT subscription_id, $1::date, $2::date, amount_cents FROM due
     ON CONFLICT (subscription_id, period_start) DO NOTHING`,
    [periodStart, periodEnd],
  );
}

export async function seatHistogram() {
  const { rows } = await pool.query(`
    SELECT width_bucket(seats, 1, 101, 10) AS bucket, count(*) AS subscriptions
    FROM billing.subscriptions
    WHERE cancelled_at IS NULL
    GROUP BY bucket
    ORDER BY bucket
  `);
  return rows;
}

export async function ownerEmails(planId: string) {
  // auth.users is owned by the identity service; no migration in this repository creates it.
  const { rows } = await pool.query(
    `SELECT u.email FROM auth.users u
     WHERE u.id IN (SELECT "UserId" FROM billing.subscriptions WHERE "PlanId" = $1)`,
    [planId],
  );
  return rows;
}

export async function countRows(table: 'plans' | 'invoices') {
  const { rows } = await pool.query(`SELECT count(*) AS n FROM billing.${table}`);
  return Number(rows[0].n);
}
