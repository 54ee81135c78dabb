CREATE TABLE tracked_events (
    site_id    uuid NOT NULL,
    name       text NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);

-- Purchases are events with an amount; they inherit the event columns.
CREATE TABLE purchase_events (
    amount_cents  bigint NOT NULL,
    currency      char(3) NOT NULL
) INHERITS (tracked_events);
