-- Rollups live in their own schema; the billing tables that follow go back to the default path.
CREATE SCHEMA reporting;

SET search_path TO reporting;
CREATE TABLE daily_signups (day date PRIMARY KEY, signups integer NOT NULL);
RESET search_path;

CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  total_cents bigint NOT NULL
);

SET search_path = reporting, public;
CREATE TABLE weekly_revenue (week date PRIMARY KEY, cents bigint NOT NULL);
SET search_path TO DEFAULT;

CREATE TABLE refunds (
  id bigint PRIMARY KEY,
  invoice_id bigint NOT NULL REFERENCES invoices (id),
  cents bigint NOT NULL
);

SET search_path TO reporting;
CREATE TABLE monthly_revenue (month date PRIMARY KEY, cents bigint NOT NULL);
RESET ALL;

CREATE TABLE payouts (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL,
  cents bigint NOT NULL
);
