DROP MATERIALIZED VIEW analytics.customer_ltv;
DROP SCHEMA analytics CASCADE;
