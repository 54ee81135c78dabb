-- Deliveries, attempts, audits and retries move to the generic task tables.
CREATE TABLE task (
  id SERIAL PRIMARY KEY,
  vendor_type VARCHAR(32),
  status VARCHAR(32)
);
DROP TABLE IF EXISTS hook_delivery;
DROP TABLE IF EXISTS hook_attempt;
DROP TABLE IF EXISTS hook_audit;
DROP TABLE IF EXISTS hook_retry;
