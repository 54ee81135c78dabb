CREATE SCHEMA billing;

CREATE TYPE billing.interval_unit AS ENUM ('month', 'year');

CREATE TABLE billing.plans (
    "PlanId"      text PRIMARY KEY,
    "DisplayName" text NOT NULL,
    price_cents   int NOT NULL,
    unit          billing.interval_unit NOT NULL DEFAULT 'month'
);

CREATE TABLE billing.subscriptions (
    id            bigserial PRIMARY KEY,
    "UserId"      uuid NOT NULL,
    "PlanId"      text NOT NULL REFERENCES billing.plans ("PlanId"),
    seats         int NOT NULL DEFAULT 1,
    started_at    timestamptz NOT NULL DEFAULT now(),
    cancelled_at  timestamptz,
    UNIQUE ("UserId", "PlanId")
);

CREATE TABLE billing.usage_events (
    id              bigserial PRIMARY KEY,
    subscription_id bigint NOT NULL REFERENCES billing.subscriptions (id),
    metric          text NOT NULL,
    quantity        int NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
