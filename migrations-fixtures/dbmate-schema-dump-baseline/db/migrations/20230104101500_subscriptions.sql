-- migrate:up
-- Written for the hosted database of 2023, which had the plans extension: no longer applies.
CREATE TABLE subscriptions (
  id bigserial PRIMARY KEY,
  customer_email text NOT NULL,
  plan plans.plan_name NOT NULL
) USING plans_am WITH (fillfactor = ;

-- migrate:down
DROP TABLE subscriptions;
