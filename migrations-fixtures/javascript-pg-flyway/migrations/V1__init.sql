CREATE TYPE ticket_status AS ENUM ('new', 'open', 'pending', 'closed');

CREATE TABLE customers (
    id          serial PRIMARY KEY,
    name        text NOT NULL,
    email       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tickets (
    id           bigserial PRIMARY KEY,
    customer_id  int NOT NULL REFERENCES customers (id),
    subject      text NOT NULL,
    body         text NOT NULL,
    status       ticket_status NOT NULL DEFAULT 'new',
    opened_at    timestamptz NOT NULL DEFAULT now(),
    closed_at    timestamptz
);

CREATE TABLE ticket_comments (
    id          bigserial PRIMARY KEY,
    ticket_id   bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author      text NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
