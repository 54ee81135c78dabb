-- Paste into the SQL editor for a manual setup (the starter's README says so).
CREATE TABLE customers (
  id uuid PRIMARY KEY,
  stripe_customer_id text
);
