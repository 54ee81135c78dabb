-- The in-memory H2 database of the unit tests.
CREATE TABLE IF NOT EXISTS payload_audit (
  id IDENTITY NOT NULL PRIMARY KEY,
  payload_id VARCHAR(255) NOT NULL,
  action VARCHAR(32) NOT NULL
);
