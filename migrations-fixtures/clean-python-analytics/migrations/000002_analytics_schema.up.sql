CREATE SCHEMA analytics;

CREATE TABLE analytics.cohorts (
    cohort_month  date NOT NULL,
    customer_id   bigint NOT NULL,
    PRIMARY KEY (cohort_month, customer_id)
);

CREATE MATERIALIZED VIEW analytics.customer_ltv AS
SELECT c.id AS customer_id, coalesce(sum(o.total_cents), 0) AS ltv_cents, count(o.id) AS order_count
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id AND o.state = 'paid'
GROUP BY c.id;
