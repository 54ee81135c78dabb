"""Reporting queries for the growth dashboard (psycopg 3)."""
from psycopg import sql as pgsql

REFERRAL_TREE = """
WITH RECURSIVE tree AS (
    SELECT id, email, referred_by, 0 AS depth
    FROM customers
    WHERE id = %(root)s
  UNION ALL
    SELECT c.id, c.email, c.referred_by, t.depth + 1
    FROM customers c
    JOIN tree t ON c.referred_by = t.id
    WHERE t.depth < 10
)
SELECT id, email, depth FROM tree ORDER BY depth, email
"""

TOP_SPENDERS = """
SELECT ranked.customer_id, ranked.email, ranked.spent, ranked.rank_in_month
FROM (
    SELECT o.customer_id, c.email, date_trunc('month', o.placed_at) AS month,
           sum(o.total_cents) AS spent,
           rank() OVER (PARTITION BY date_trunc('month', o.placed_at) ORDER BY sum(o.total_cents) DESC) AS rank_in_month
    FROM orders o
    JOIN customers c ON c.id = o.customer_id
    WHERE o.state IN ('paid', 'refunded')
    GROUP BY o.customer_id, c.email, month
) AS ranked
WHERE ranked.rank_in_month <= %s
ORDER BY ranked.month DESC, ranked.rank_in_month
"""

LAST_ORDER = """
SELECT c.id, c."UserId", last.placed_at, last.total_cents
FROM customers c
LEFT JOIN LATERAL (
    SELECT o.placed_at, o.total_cents
    FROM orders o
    WHERE o.customer_id = c.id AND o.placed_at IS NOT NULL
    ORDER BY o.placed_at DESC
    LIMIT 1
) AS last ON true
WHERE c.attributes ->> 'plan' = %s AND c.attributes @> '{"newsletter": true}'
"""

POPULAR_SKUS = """
SELECT item ->> 'sku' AS sku, sum((item ->> 'qty')::int) AS units
FROM orders o, jsonb_array_elements(o.line_items) AS item
WHERE o.state = 'paid'::order_state
GROUP BY sku
ORDER BY units DESC
LIMIT 20
"""

DAILY_SERIES = """
SELECT d::date AS day, count(o.id) AS orders, coalesce(sum(o.total_cents), 0) AS revenue
FROM generate_series(current_date - 29, current_date, interval '1 day') AS d
LEFT JOIN orders o ON o.placed_at::date = d::date AND o.state = 'paid'
GROUP BY day
ORDER BY day
"""

ROLL_UP = """
INSERT INTO daily_totals (day, orders, revenue)
SELECT placed_at::date, count(*), sum(total_cents)
FROM orders
WHERE state = 'paid' AND placed_at >= %s
GROUP BY placed_at::date
ON CONFLICT (day) DO UPDATE
SET orders = EXCLUDED.orders, revenue = EXCLUDED.revenue
RETURNING day, revenue
"""


def referral_tree(cur, root_id):
    cur.execute(REFERRAL_TREE, {"root": root_id})
    return cur.fetchall()


def top_spenders(cur, limit):
    cur.execute(TOP_SPENDERS, (limit,))
    return cur.fetchall()


def last_orders(cur, plan):
    cur.execute(LAST_ORDER, (plan,))
    return cur.fetchall()


def popular_skus(cur):
    cur.execute(POPULAR_SKUS)
    return cur.fetchall()


def daily_series(cur):
    cur.execute(DAILY_SERIES)
    return cur.fetchall()


def roll_up(cur, since):
    cur.execute(ROLL_UP, (since,))
    return cur.fetchall()


def refresh_cohorts(cur):
    cur.execute(
        """
        WITH fresh AS (
            SELECT date_trunc('month', min(o.placed_at))::date AS cohort_month, o.customer_id
            FROM orders o
            WHERE o.state = 'paid'
            GROUP BY o.customer_id
        ), inserted AS (
            INSERT INTO analytics.cohorts (cohort_month, customer_id)
            SELECT cohort_month, customer_id FROM fresh
            ON CONFLICT DO NOTHING
            RETURNING customer_id
        )
        SELECT count(*) FROM inserted
        """
    )


def ltv_by_cohort(cur):
    cur.execute(
        """
        SELECT co.cohort_month, avg(l.ltv_cents) AS avg_ltv, sum(l.order_count) AS orders
        FROM analytics.cohorts co
        JOIN analytics.customer_ltv l USING (customer_id)
        GROUP BY co.cohort_month
        ORDER BY co.cohort_month
        """
    )


def repeat_customers(cur):
    cur.execute(
        """
        SELECT c.email
        FROM customers c
        WHERE (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.state = 'paid') > 1
        UNION
        SELECT c.email
        FROM customers c
        WHERE c.attributes ? 'vip'
        """
    )


def signups_from_auth(cur):
    # auth.users belongs to the identity provider; no migration here creates it.
    cur.execute("SELECT u.id, u.email, u.created_at FROM auth.users u WHERE u.created_at > now() - interval '1 day'")


def row_count(cur, table):
    cur.execute(f"SELECT count(*) FROM {table}")
    return cur.fetchone()[0]


def count_by_state(cur, table):
    cur.execute(pgsql.SQL("SELECT state, count(*) FROM {} GROUP BY state").format(pgsql.Identifier(table)))
    return cur.fetchall()
