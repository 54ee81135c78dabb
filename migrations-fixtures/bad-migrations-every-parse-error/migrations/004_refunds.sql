-- A typo the author never ran: PostgreSQL stops at "NUL".
CREATE TABLE refunds (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id  bigint NOT NUL
);
